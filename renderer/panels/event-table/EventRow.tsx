/** One event as a row of the events grid: its time, flow, kind (a link into the glossary) and message; the cause in its tooltip. */
import type { SimEvent } from '../../../shared/model/events.ts';
import { eventKindId } from '../../../shared/explain/glossary.ts';
import { GlossaryLink } from '../../glossary/GlossaryLink.tsx';
import { EVENT_TYPE_WORDS, eventSymbol, formatSimClock } from '../event-table-model.ts';

export function EventRow(props: {
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
