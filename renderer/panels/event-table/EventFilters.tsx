/**
 * The events table's filters: the text search, the flow, the pod and the kinds of event, how many rows they leave,
 * and, once the user has scrolled up, the way back to following the newest events.
 */
import type { Dispatch, RefObject, SetStateAction } from 'react';
import type { FlowSummary } from '../../../shared/rpc/engine-protocol.ts';
import { ALL, EVENT_KINDS, type EventFilter, type EventKind, type EventSearchProps } from '../event-table-model.ts';
import { EventSearchField } from './EventSearchField.tsx';

interface Props {
  search: EventSearchProps | undefined;
  /** The grid the search hands the keyboard on to. */
  grid: RefObject<HTMLDivElement | null>;
  filter: EventFilter;
  setFilter: Dispatch<SetStateAction<EventFilter>>;
  flows: readonly FlowSummary[];
  pods: readonly string[];
  shown: number;
  total: number;
  /** Set while the table is not following the newest row: brings it back to following. */
  onFollowNewest: (() => void) | undefined;
}

export function EventFilters({ search, grid, filter, setFilter, flows, pods, shown, total, onFollowNewest }: Props) {
  const setKind = (kind: EventKind, on: boolean) =>
    setFilter((f) => {
      const kinds = new Set(f.kinds);
      if (on) kinds.add(kind);
      else kinds.delete(kind);
      return { ...f, kinds };
    });
  return (
    <fieldset className="ts-filters">
      <legend>Filter events</legend>
      {search ? <EventSearchField search={search} grid={grid} /> : null}
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
        <summary>Kinds: {filter.kinds.size === EVENT_KINDS.length ? 'all' : `${filter.kinds.size} of ${EVENT_KINDS.length}`}</summary>
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
        Showing {shown.toLocaleString('en-US')} of {total.toLocaleString('en-US')} events
      </p>
      {onFollowNewest ? (
        <button type="button" className="ts-button" onClick={onFollowNewest}>
          Follow newest events
        </button>
      ) : null}
    </fieldset>
  );
}
