/** The event search: the query, and what it finds in the log, which the events table lists and the timeline marks. */
import { useState } from 'react';
import type { SimEvent } from '../../shared/model/events.ts';
import { EventSearchMatches } from '../panels/event-search.ts';

export function useEventSearch(events: readonly SimEvent[]) {
  const [query, setQuery] = useState('');
  // Keeps its last answer, so a log that only grew is searched from where it left off.
  const [matches] = useState(() => new EventSearchMatches());
  const result = matches.update(events, query);
  return { query, setQuery, result };
}
