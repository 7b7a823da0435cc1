import { useCallback, useRef, type RefObject } from 'react';
import { scrollParent } from './flow-window.ts';

/** The element that scrolls the timelines, found once per mounted root (a style lookup per ancestor), not per batch. */
export function useScrollParent(rootRef: RefObject<HTMLElement | null>): () => Element | undefined {
  const found = useRef<{ root: Element | null; element: Element | undefined }>({ root: null, element: undefined });
  return useCallback(() => {
    if (found.current.root !== rootRef.current) found.current = { root: rootRef.current, element: scrollParent(rootRef.current) };
    return found.current.element;
  }, [rootRef]);
}
