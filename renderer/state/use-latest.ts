import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A ref to the latest `value`, updated as each render is committed (before the effects declared after it run), for
 * handlers, frame callbacks and effects that outlive the render they were made in.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
