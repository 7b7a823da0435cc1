/**
 * The rows the events table shows: the log filtered by flow, pod, kind and the search's words, kept incrementally over
 * the append-only log, and the pods the pod filter offers.
 */
import { useState } from 'react';
import type { SimEvent } from '../../../shared/model/events.ts';
import { ALL, defaultFilter, FilteredEvents, PodNames, type EventFilter, type EventSearchProps } from '../event-table-model.ts';

export function useEventRows(events: readonly SimEvent[], search: EventSearchProps | undefined) {
  const [filter, setFilter] = useState<EventFilter>(defaultFilter);
  // Incremental caches over the append-only log, one per table (created once, not on every render).
  const [filtered] = useState(() => new FilteredEvents());
  const [podNames] = useState(() => new PodNames());
  const rows = filtered.update(events, search ? { ...filter, words: search.result.words } : filter);
  const seenPods = podNames.update(events);
  // A pod chosen before a seek back stays offered even when its events are gone, so the select shows the real filter.
  const pods = filter.pod !== ALL && !seenPods.includes(filter.pod) ? [...seenPods, filter.pod] : seenPods;
  return { filter, setFilter, rows, pods };
}
