/** The events that concern one token, newest first; past the newest few hundred, only counted. */
import type { SimEvent } from '../../../shared/model/events.ts';
import { eventKindId } from '../../../shared/explain/glossary.ts';
import { GlossaryLink } from '../../glossary/GlossaryLink.tsx';
import { EVENT_TYPE_WORDS, eventSymbol, formatSimClock } from '../event-table-model.ts';

/** The newest events listed for a token; older ones are counted, not rendered. */
const MAX_TOKEN_EVENTS = 200;

export function TokenEvents(props: { events: readonly SimEvent[]; rows: readonly number[] }) {
  const { events, rows } = props;
  const shown: SimEvent[] = [];
  for (let i = rows.length - 1; i >= 0 && shown.length < MAX_TOKEN_EVENTS; i--) {
    const event = events[rows[i] ?? -1];
    if (event) shown.push(event);
  }
  return (
    <div className="ts-token-events">
      <h3 className="ts-section-title">Events for this token, newest first</h3>
      {shown.length === 0 ? (
        <p className="ts-empty">No events yet.</p>
      ) : (
        <ol className="ts-token-event-list" data-testid="token-events">
          {shown.map((e) => (
            <li key={e.seq} data-seq={e.seq}>
              <span className="ts-mono">{formatSimClock(e.atMs)}</span>{' '}
              <strong>
                {eventSymbol(e.type) ? <span aria-hidden="true">{eventSymbol(e.type)} </span> : null}
                <GlossaryLink entryId={eventKindId(e.type)}>{EVENT_TYPE_WORDS[e.type]}</GlossaryLink>
              </strong>{' '}
              {e.message}
            </li>
          ))}
        </ol>
      )}
      {rows.length > shown.length ? (
        <p className="ts-more">…and {(rows.length - shown.length).toLocaleString('en-US')} older events (see the event table).</p>
      ) : null}
    </div>
  );
}
