/**
 * The accessible twin of the timeline chart: every event as a row of a grid (simulated time, flow, event type in
 * words, message), filterable by flow, pod and kind and searchable by text (/ focuses the search, Esc clears it; the
 * timeline marks what it finds), navigable with the keyboard (one tab stop; ↑/↓, Page Up/Down, Home/End move, Enter
 * selects, G explains the event's kind in the glossary), virtualised so a log of 100,000 events renders only the rows
 * in view, and following the newest row until the user scrolls up.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { SimEvent } from '../../shared/model/events.ts';
import {
  ALL,
  bottomScrollTop,
  defaultFilter,
  EVENT_KINDS,
  EVENT_TYPE_WORDS,
  eventSymbol,
  FilteredEvents,
  formatSimClock,
  isAtBottom,
  moveActive,
  PodNames,
  rowIndexOfSeq,
  scrollTopToReveal,
  EVENT_QUERY_MAX_CHARS,
  visibleWindow,
  type EventFilter,
  type EventKind,
  type EventSearchProps,
  type EventTableProps,
} from './event-table-model.ts';
import { eventKindId } from '../../shared/explain/glossary.ts';
import { GlossaryLink } from '../glossary/GlossaryLink.tsx';
import { useOpenGlossary } from '../glossary/use-glossary.ts';
import './panels.css';

export type { EventTableProps } from './event-table-model.ts';

/** Row height in em of the table's font, so rows grow with the type size (presentation mode, user zoom). */
const ROW_HEIGHT_EM = 1.9;
const FALLBACK_FONT_PX = 16;
/** Rows assumed visible before the first measurement (and where layout is unavailable, as in tests). */
const FALLBACK_VISIBLE_ROWS = 12;
const OVERSCAN = 6;

export function EventTable(props: EventTableProps) {
  const { snapshot, selectedSeq, onSelect, search } = props;
  const baseId = useId();
  const [filter, setFilter] = useState<EventFilter>(defaultFilter);
  // Incremental caches over the append-only log, one per table (created once, not on every render).
  const [filtered] = useState(() => new FilteredEvents());
  const [podNames] = useState(() => new PodNames());
  const rows = filtered.update(snapshot.events, search ? { ...filter, words: search.result.words } : filter);
  const openGlossary = useOpenGlossary();
  const seenPods = podNames.update(snapshot.events);
  // A pod chosen before a seek back stays offered even when its events are gone, so the select shows the real filter.
  const pods = filter.pod !== ALL && !seenPods.includes(filter.pod) ? [...seenPods, filter.pod] : seenPods;
  const flows = snapshot.scenario?.flows ?? [];

  const scroller = useRef<HTMLDivElement>(null);
  const [metrics, setMetrics] = useState({ rowHeight: Math.round(FALLBACK_FONT_PX * ROW_HEIGHT_EM), clientHeight: 0 });
  const [scrollTop, setScrollTop] = useState(0);
  const [follow, setFollow] = useState(true);
  const [activeSeq, setActiveSeq] = useState<number | undefined>(undefined);

  const { rowHeight } = metrics;
  // The sticky header row takes one row height of the scroll area.
  const viewportHeight = metrics.clientHeight > rowHeight ? metrics.clientHeight - rowHeight : FALLBACK_VISIBLE_ROWS * rowHeight;
  // While following, the view sits at the bottom, wherever the last scroll left it.
  const shownTop = follow ? bottomScrollTop(viewportHeight, rows.length * rowHeight) : scrollTop;
  const view = visibleWindow({ scrollTop: shownTop, viewportHeight, rowHeight, rowCount: rows.length, overscan: OVERSCAN });
  const activeIndex = rowIndexOfSeq(rows, activeSeq);
  const pageSize = Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);

  // Measure the row height (from the font size) and the scroll area's height, and again when either changes.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      const fontPx = parseFloat(getComputedStyle(el).fontSize) || FALLBACK_FONT_PX;
      const next = { rowHeight: Math.round(fontPx * ROW_HEIGHT_EM), clientHeight: el.clientHeight };
      setMetrics((m) => (m.rowHeight === next.rowHeight && m.clientHeight === next.clientHeight ? m : next));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const scrollTo = useCallback((top: number) => {
    const el = scroller.current;
    if (el) el.scrollTop = top;
    setScrollTop(top);
  }, []);

  // The scroll area shows where the table is (following the newest row while the user has not scrolled up).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && el.scrollTop !== shownTop) el.scrollTop = shownTop;
  }, [shownTop]);

  // A selection made elsewhere (the chart) becomes the active row and is scrolled into view.
  const [revealedSeq, setRevealedSeq] = useState<number | undefined>(undefined);
  if (selectedSeq !== revealedSeq) {
    setRevealedSeq(selectedSeq);
    const index = rowIndexOfSeq(rows, selectedSeq);
    if (index >= 0) {
      setActiveSeq(selectedSeq);
      const top = scrollTopToReveal(index, shownTop, viewportHeight, rowHeight);
      if (top !== shownTop) {
        setFollow(isAtBottom(top, viewportHeight, view.totalHeight));
        setScrollTop(top);
      }
    }
  }

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    setScrollTop(el.scrollTop);
    setFollow(isAtBottom(el.scrollTop, viewportHeight, view.totalHeight));
  };

  const activate = (index: number) => {
    const seq = rows[index];
    if (seq === undefined) return;
    setActiveSeq(seq);
    const top = scrollTopToReveal(index, shownTop, viewportHeight, rowHeight);
    if (top !== shownTop) {
      setFollow(isAtBottom(top, viewportHeight, view.totalHeight));
      scrollTo(top);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.key === 'g' || e.key === 'G') && !e.ctrlKey && !e.metaKey && !e.altKey && openGlossary) {
      const event = activeIndex >= 0 ? snapshot.events[rows[activeIndex] ?? -1] : undefined;
      if (event) {
        e.preventDefault();
        openGlossary(eventKindId(event.type));
      }
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      const event = activeIndex >= 0 ? snapshot.events[rows[activeIndex] ?? -1] : undefined;
      if (event) {
        e.preventDefault();
        onSelect(event);
      }
      return;
    }
    const next = moveActive(e.key, activeIndex, rows.length, pageSize);
    if (next === undefined) return;
    e.preventDefault();
    activate(next);
  };

  // When the grid gets focus with no active row, start at the selected row or else the first row in view.
  const onFocus = () => {
    if (activeIndex >= 0 || rows.length === 0) return;
    const selected = rowIndexOfSeq(rows, selectedSeq);
    activate(selected >= 0 ? selected : Math.min(rows.length - 1, Math.floor(shownTop / rowHeight)));
  };

  const rowId = (seq: number) => `${baseId}-event-${seq}`;
  const rendered: number[] = [];
  for (let i = view.start; i < view.end; i++) rendered.push(i);
  // The active row is always in the DOM, so aria-activedescendant never points at nothing.
  if (activeIndex >= 0 && (activeIndex < view.start || activeIndex >= view.end)) rendered.push(activeIndex);

  const setKind = (kind: EventKind, on: boolean) =>
    setFilter((f) => {
      const kinds = new Set(f.kinds);
      if (on) kinds.add(kind);
      else kinds.delete(kind);
      return { ...f, kinds };
    });

  const titleId = `${baseId}-title`;
  const helpId = `${baseId}-help`;
  const total = snapshot.events.length;

  return (
    <section className="ts-panel ts-event-table" data-testid="event-table" aria-labelledby={titleId}>
      <div className="ts-event-table-head">
        <h2 id={titleId} className="ts-panel-title">
          Events
        </h2>
        <p id={helpId} className="ts-visually-hidden">
          The accessible twin of the chart: ↑/↓ to move, Home/End for the first and last, Enter to select.
        </p>
      </div>

      <fieldset className="ts-filters">
        <legend>Filter events</legend>
        {search ? <SearchField search={search} grid={scroller} /> : null}
        <label className="ts-filter">
          Flow{' '}
          <select value={filter.flow} onChange={(e) => setFilter((f) => ({ ...f, flow: e.target.value }))}>
            <option value={ALL}>All flows</option>
            {flows.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label && f.label !== f.id ? `${f.id} (${f.label})` : f.id}
              </option>
            ))}
          </select>
        </label>
        <label className="ts-filter">
          Pod{' '}
          <select value={filter.pod} onChange={(e) => setFilter((f) => ({ ...f, pod: e.target.value }))}>
            <option value={ALL}>All pods</option>
            {pods.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <details className="ts-kinds-menu">
          <summary>
            Kinds: {filter.kinds.size === EVENT_KINDS.length ? 'all' : `${filter.kinds.size} of ${EVENT_KINDS.length}`}
          </summary>
          <fieldset className="ts-kinds">
            <legend className="ts-visually-hidden">Kinds of event to show</legend>
            {EVENT_KINDS.map(({ kind, label }) => (
              <label key={kind} className="ts-kind">
                <input type="checkbox" checked={filter.kinds.has(kind)} onChange={(e) => setKind(kind, e.target.checked)} /> {label}
              </label>
            ))}
          </fieldset>
        </details>
        <p className="ts-count" data-testid="event-count">
          Showing {rows.length.toLocaleString('en-US')} of {total.toLocaleString('en-US')} events
        </p>
        {!follow && rows.length > 0 ? (
          <button
            type="button"
            className="ts-button"
            onClick={() => {
              setFollow(true);
              scrollTo(bottomScrollTop(viewportHeight, view.totalHeight));
            }}
          >
            Follow newest events
          </button>
        ) : null}
      </fieldset>

      <div
        ref={scroller}
        className="ts-grid"
        role="grid"
        aria-labelledby={titleId}
        aria-describedby={helpId}
        aria-rowcount={rows.length + 1}
        aria-colcount={4}
        aria-readonly="true"
        aria-activedescendant={activeIndex >= 0 ? rowId(rows[activeIndex] ?? -1) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={onScroll}
        onFocus={onFocus}
        data-following={String(follow)}
        // Times past a day read "1 d 02 h 13 m 40 s": widen the column for scenarios that long.
        style={{ ['--ts-time-col' as string]: (snapshot.scenario?.durationMs ?? 0) >= 86_400_000 ? '13.5em' : '10.5em' }}
      >
        <div role="rowgroup" className="ts-grid-header">
          <div role="row" aria-rowindex={1} className="ts-grid-row" style={{ height: rowHeight }}>
            <div role="columnheader" className="ts-cell ts-cell-time">Time</div>
            <div role="columnheader" className="ts-cell ts-cell-flow">Flow</div>
            <div role="columnheader" className="ts-cell ts-cell-type">Event</div>
            <div role="columnheader" className="ts-cell ts-cell-message">What happened</div>
          </div>
        </div>
        <div role="rowgroup" className="ts-grid-body" style={{ height: view.totalHeight }}>
          {rows.length === 0 ? (
            <div role="row" aria-rowindex={2} className="ts-grid-row ts-grid-empty" style={{ height: rowHeight }}>
              <div role="gridcell" aria-colspan={4} className="ts-cell">
                {total === 0 ? 'No events yet.' : 'No events match the filter.'}
              </div>
            </div>
          ) : null}
          {rendered.map((index) => {
            const seq = rows[index] ?? -1;
            const event = snapshot.events[seq];
            if (!event) return null;
            return (
              <EventRow
                key={seq}
                id={rowId(seq)}
                event={event}
                rowIndex={index}
                rowHeight={rowHeight}
                active={index === activeIndex}
                selected={seq === selectedSeq}
                onClick={() => {
                  // Focus first: focusing may activate a default row, which this click then overrides.
                  scroller.current?.focus({ preventScroll: true });
                  activate(index);
                  onSelect(event);
                }}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
}

function EventRow(props: {
  id: string;
  event: SimEvent;
  rowIndex: number;
  rowHeight: number;
  active: boolean;
  selected: boolean;
  onClick(): void;
}) {
  const { event, rowIndex, rowHeight, active, selected } = props;
  const symbol = eventSymbol(event.type);
  const className = `ts-grid-row${active ? ' ts-row-active' : ''}${selected ? ' ts-row-selected' : ''}`;
  return (
    <div
      id={props.id}
      role="row"
      aria-rowindex={rowIndex + 2}
      aria-selected={selected}
      className={className}
      data-seq={event.seq}
      style={{ top: rowIndex * rowHeight, height: rowHeight }}
      onClick={props.onClick}
      title={event.cause}
    >
      <div role="gridcell" className="ts-cell ts-cell-time ts-mono">
        <span className="ts-row-marker" aria-hidden="true">
          {selected ? '▶' : ''}
        </span>
        {formatSimClock(event.atMs)}
      </div>
      <div role="gridcell" className="ts-cell ts-cell-flow">
        {event.flow}
      </div>
      <div role="gridcell" className="ts-cell ts-cell-type">
        {symbol ? <span aria-hidden="true">{symbol} </span> : null}
        <GlossaryLink entryId={eventKindId(event.type)} tabIndex={-1}>
          {EVENT_TYPE_WORDS[event.type]}
        </GlossaryLink>
      </div>
      <div role="gridcell" className="ts-cell ts-cell-message">
        {event.message}
      </div>
    </div>
  );
}

/**
 * The text search: typing filters the rows (and the app marks the matches on the timeline), the count of matches in
 * the whole log is shown, Esc clears it, and Enter or ↓ goes on to the rows it left.
 */
function SearchField({ search, grid }: { search: EventSearchProps; grid: RefObject<HTMLDivElement | null> }) {
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
