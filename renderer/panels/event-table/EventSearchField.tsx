/**
 * The text search: typing filters the rows (and the app marks the matches on the timeline), the count of matches in
 * the whole log is shown, Esc clears it, and Enter or ↓ goes on to the rows it left.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { EVENT_QUERY_MAX_CHARS, type EventSearchProps } from '../event-table-model.ts';

export function EventSearchField({ search, grid }: { search: EventSearchProps; grid: RefObject<HTMLDivElement | null> }) {
  const input = useRef<HTMLInputElement>(null);
  const { query, onQuery, result, focusRequest } = search;
  const seen = useRef(focusRequest);
  useEffect(() => {
    if (focusRequest === seen.current) return;
    seen.current = focusRequest;
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);
  const count = result.seqs.length;
  const counted = result.words.length === 0 ? '' : `${count.toLocaleString('en-US')} ${count === 1 ? 'event matches' : 'events match'}`;
  // Said once per query, not again on every batch while the log grows under it.
  const [spoken, setSpoken] = useState({ query: result.query, text: counted });
  if (spoken.query !== result.query) setSpoken({ query: result.query, text: counted });
  return (
    <div className="ts-search" role="search">
      <label className="ts-filter">
        <span className="ts-visually-hidden">Search events</span>
        <input
          ref={input}
          type="search"
          className="ts-search-input"
          value={query}
          maxLength={EVENT_QUERY_MAX_CHARS}
          placeholder="Search events  /"
          data-testid="event-search"
          onChange={(e) => onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query !== '') {
              e.preventDefault();
              e.stopPropagation();
              onQuery('');
            } else if (e.key === 'Enter' || e.key === 'ArrowDown') {
              e.preventDefault();
              grid.current?.focus();
            }
          }}
        />
      </label>
      {counted ? (
        <span className="ts-search-count" data-testid="event-search-count">
          {counted}
        </span>
      ) : null}
      <span className="ts-visually-hidden" role="status">
        {spoken.text}
      </span>
    </div>
  );
}
