/**
 * The accessible twin of the timeline chart: every event as a row of a grid (simulated time, flow, event type in
 * words, message), filterable by flow, pod and kind and searchable by text (/ focuses the search, Esc clears it; the
 * timeline marks what it finds), navigable with the keyboard (one tab stop; ↑/↓, Page Up/Down, Home/End move, Enter
 * selects, G explains the event's kind in the glossary), virtualised so a log of 100,000 events renders only the rows
 * in view, and following the newest row until the user scrolls up.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { moveActive, rowIndexOfSeq, type EventTableProps } from './event-table-model.ts';
import { eventKindId } from '../../shared/explain/glossary.ts';
import { useOpenGlossary } from '../glossary/use-glossary.ts';
import { EventFilters } from './event-table/EventFilters.tsx';
import { EventRow } from './event-table/EventRow.tsx';
import { useEventGridScroll } from './event-table/use-event-grid-scroll.ts';
import { useEventRows } from './event-table/use-event-rows.ts';
import './panels.css';

export type { EventTableProps } from './event-table-model.ts';

export function EventTable(props: EventTableProps) {
  const { snapshot, selectedSeq, onSelect, search } = props;
  const baseId = useId();
  const { filter, setFilter, rows, pods } = useEventRows(snapshot.events, search);
  const openGlossary = useOpenGlossary();
  const flows = snapshot.scenario?.flows ?? [];

  const { scroller, ...grid } = useEventGridScroll(rows.length);
  const { rowHeight, shownTop, view } = grid;
  const [activeSeq, setActiveSeq] = useState<number | undefined>(undefined);
  const activeIndex = rowIndexOfSeq(rows, activeSeq);
  const activeEvent = activeIndex >= 0 ? snapshot.events[rows[activeIndex] ?? -1] : undefined;

  // A selection made elsewhere (the chart) becomes the active row and is scrolled into view.
  const [revealedSeq, setRevealedSeq] = useState<number | undefined>(undefined);
  if (selectedSeq !== revealedSeq) {
    setRevealedSeq(selectedSeq);
    const index = rowIndexOfSeq(rows, selectedSeq);
    if (index >= 0) {
      setActiveSeq(selectedSeq);
      grid.revealRow(index, false);
    }
  }

  const activate = (index: number) => {
    const seq = rows[index];
    if (seq === undefined) return;
    setActiveSeq(seq);
    grid.revealRow(index, true);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.key === 'g' || e.key === 'G') && !e.ctrlKey && !e.metaKey && !e.altKey && openGlossary) {
      if (activeEvent) {
        e.preventDefault();
        openGlossary(eventKindId(activeEvent.type));
      }
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      if (activeEvent) {
        e.preventDefault();
        onSelect(activeEvent);
      }
      return;
    }
    const next = moveActive(e.key, activeIndex, rows.length, grid.pageSize);
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

      <EventFilters
        search={search}
        grid={scroller}
        filter={filter}
        setFilter={setFilter}
        flows={flows}
        pods={pods}
        shown={rows.length}
        total={total}
        onFollowNewest={!grid.follow && rows.length > 0 ? grid.followNewest : undefined}
      />

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
        onScroll={grid.onScroll}
        onFocus={onFocus}
        data-following={String(grid.follow)}
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
