import { useSyncExternalStore } from 'react';
import type { TimelineSnapshot, TimelineStore } from './timeline-store.ts';

/** Re-renders on every store change; React batches these to the display rate. */
export function useTimelineStore(store: TimelineStore): TimelineSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
