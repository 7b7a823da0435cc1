import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * The latest `value`, read through a stable function: updated as each render is committed (before the effects
 * declared after it run), for handlers, frame callbacks and effects that outlive the render they were made in.
 */
export function useLatest<T>(value: T): () => T {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return useCallback(() => ref.current, []);
}
