/**
 * The right-hand inspector: one token decoded (header and payload, every claim with its value, a plain-language
 * explanation and, for times, absolute / relative / simulated forms), what the flow's API server says about it at the
 * current simulated time, the compact JWT to copy, and the events that concern it, newest first.
 */
import { memo, useEffect, useId, useRef, useState } from 'react';
import type { SimEvent } from '../../shared/model/events.ts';
import type { TokenSummary, TokenVerification } from '../../shared/rpc/engine-protocol.ts';
import type { EngineClient } from '../bridge/engine-client.ts';
import {
  claimWarnings,
  explainClaim,
  explainHeader,
  flattenClaims,
  formatNumericDate,
  formatSinceStart,
  rawClaimValue,
  TIME_CLAIMS,
  type ClaimContext,
  type ClaimExplanation,
  type ClaimWarning,
  type TimeContext,
} from '../../shared/explain/claim-explanations.ts';
import { EVENT_TYPE_WORDS, EventSelection, eventSymbol, formatSimClock } from './event-table-model.ts';
import {
  createThrottle,
  findToken,
  INSPECT_INTERVAL_MS,
  tokenHeading,
  verificationLine,
  type Throttle,
  type TokenInspectorProps,
} from './inspector-model.ts';
import { claimId, eventKindId, headerId } from '../../shared/explain/glossary.ts';
import { GlossaryLink } from '../glossary/GlossaryLink.tsx';
import './panels.css';

export type { TokenInspectorProps } from './inspector-model.ts';

/** The newest events listed for a token; older ones are counted, not rendered. */
const MAX_TOKEN_EVENTS = 200;

let nextRequestId = 1;

const browserClock = {
  now: () => performance.now(),
  setTimer: (callback: () => void, delayMs: number) => window.setTimeout(callback, delayMs),
  clearTimer: (handle: unknown) => window.clearTimeout(handle as number),
};

/**
 * With no token selected the inspector shows the same words whatever the engine reports, so it skips the re-render
 * every batch would otherwise cause; with a token selected it follows every batch (the clock, new events).
 */
export const TokenInspector = memo(TokenInspectorView, (a, b) => a.client === b.client && a.tokenIndex === undefined && b.tokenIndex === undefined);

function TokenInspectorView(props: TokenInspectorProps) {
  const { snapshot, tokenIndex, client } = props;
  const token = findToken(snapshot.tokens, tokenIndex);
  useVerificationRequests(client, token?.index, snapshot.nowMs, snapshot.scenario);
  const [tokenEvents] = useState(() => new EventSelection());
  const headingId = useId();

  if (tokenIndex === undefined || !token) {
    return (
      <section className="ts-panel ts-inspector" data-testid="token-inspector" aria-labelledby={headingId}>
        <h2 id={headingId} className="ts-panel-title">Token inspector</h2>
        <p className="ts-empty">
          {tokenIndex === undefined
            ? 'No token selected. Choose a token in the timeline, or an event about a token in the table, to see its claims, whether the API server accepts it now, and its history.'
            : 'This token has not been issued yet at this point of the simulation. Move the playhead forward to see it.'}
        </p>
      </section>
    );
  }

  const rows = tokenEvents.update(snapshot.events, token.index, (e) => e.refs.token === token.index);
  const issued = findIssuedEvent(snapshot.events, rows, token.index);
  const flow = snapshot.scenario?.flows.find((f) => f.id === token.flow);
  const timeContext: TimeContext = { startEpochMs: snapshot.scenario?.startEpochMs ?? 0, nowMs: snapshot.nowMs };
  const details = snapshot.tokenDetails.get(token.index);
  const claimContext: ClaimContext = { legacy: token.kind === 'legacy', ...(token.boundObject ? { boundTo: token.boundObject.kind } : {}) };

  return (
    <section className="ts-panel ts-inspector" data-testid="token-inspector" aria-labelledby={headingId}>
      <h2 id={headingId} className="ts-panel-title">{tokenHeading(token, issued)}</h2>
      <p className="ts-subtitle">
        {flow ? `${flow.label || flow.id} · Kubernetes ${flow.kubernetesVersion}` : token.flow}
        {' · issued at '}
        {formatSinceStart(token.issuedAtMs)}
        {issued?.type === 'token.issued' ? ` by ${requesterWords(issued.requester)}` : ''}
      </p>

      <Verification details={details?.verification} nowMs={snapshot.nowMs} heading={`Token #${token.number}`} />

      <h3 className="ts-section-title">Header</h3>
      <dl className="ts-claims">
        {Object.entries(token.header).map(([field, value]) => (
          <div className="ts-claim" key={field} data-header={field}>
            <dt className="ts-claim-name">
              <GlossaryLink entryId={headerId(field)}>{field}</GlossaryLink>
            </dt>
            <dd className="ts-claim-body">
              <code className="ts-claim-value" data-testid="header-value">{rawClaimValue(value)}</code>
              <Explanation name={field} explanation={explainHeader(field)} />
            </dd>
          </div>
        ))}
      </dl>

      <h3 className="ts-section-title">Payload</h3>
      <Payload token={token} context={claimContext} time={timeContext} />

      <Jwt jwt={details?.jwt} />

      <TokenEvents events={snapshot.events} rows={rows} />
    </section>
  );
}

/** Asks the engine to verify the token whenever it or the simulated clock changes, at most twice a second. */
function useVerificationRequests(client: EngineClient, index: number | undefined, nowMs: number, scenario: unknown): void {
  const throttle = useRef<Throttle | undefined>(undefined);
  useEffect(() => {
    throttle.current ??= createThrottle(INSPECT_INTERVAL_MS, browserClock);
    if (index === undefined) {
      throttle.current.cancel();
      return;
    }
    throttle.current.call(() => client.send({ type: 'inspect-token', token: index, requestId: nextRequestId++ }));
  }, [client, index, nowMs, scenario]);
  useEffect(() => () => throttle.current?.cancel(), []);
}

function findIssuedEvent(events: readonly SimEvent[], rows: readonly number[], index: number): SimEvent | undefined {
  for (const row of rows) {
    const event = events[row];
    if (event?.type === 'token.issued' && event.token === index) return event;
  }
  return undefined;
}

function requesterWords(requester: string): string {
  switch (requester) {
    case 'kubelet':
      return 'the kubelet';
    case 'kubectl':
      return 'kubectl create token';
    case 'tokens-controller':
      return 'the tokens controller';
    default:
      return 'a client';
  }
}

function Verification(props: { details: TokenVerification | undefined; nowMs: number; heading: string }) {
  if (!props.details) {
    return (
      <p className="ts-verify ts-verify-pending" data-testid="verification" data-ok="pending">
        Checking with the flow’s API server…
      </p>
    );
  }
  const line = verificationLine(props.details, props.nowMs);
  return (
    <div className={`ts-verify ${line.ok ? 'ts-verify-ok' : 'ts-verify-bad'}`} data-testid="verification" data-ok={String(line.ok)}>
      <p className="ts-verify-head">
        <span aria-hidden="true" className="ts-verify-symbol">
          {line.symbol}
        </span>{' '}
        <strong>{line.ok ? 'Accepted' : 'Rejected'}</strong> by the API server at {line.at}
        {line.stale ? ' (updating…)' : ''}
      </p>
      {line.ok && line.username ? (
        <p className="ts-verify-detail">
          as <code>{line.username}</code>; signature checked against the flow’s JWKS
        </p>
      ) : null}
      {!line.ok ? (
        <p className="ts-verify-detail">
          Kubernetes says: <code data-testid="verification-error">{line.error}</code>
        </p>
      ) : null}
      {/* Announces only a change of verdict: the text stays the same while the clock runs, so nothing is re-read. */}
      <p className="ts-visually-hidden" role="status">
        {`${props.heading}: ${line.ok ? 'accepted' : `rejected, ${line.error ?? ''}`}`}
      </p>
    </div>
  );
}

function Payload(props: { token: TokenSummary; context: ClaimContext; time: TimeContext }) {
  const { token, context, time } = props;
  const flat = flattenClaims(token.claims);
  const warnings = claimWarnings(token.claims);
  const present = new Set(flat.map((c) => c.path));
  const orphanWarnings = warnings.filter((w) => !present.has(w.claim));
  return (
    <>
      {orphanWarnings.length > 0 ? (
        <ul className="ts-warnings" data-testid="claim-warnings">
          {orphanWarnings.map((w) => (
            <WarningItem key={`${w.code}-${w.claim}`} warning={w} />
          ))}
        </ul>
      ) : null}
      <dl className="ts-claims">
        {flat.map(({ path, value }) => {
          const isTime = TIME_CLAIMS.includes(path) && typeof value === 'number' && Number.isFinite(value);
          const view = isTime ? formatNumericDate(value, time) : undefined;
          const own = warnings.filter((w) => w.claim === path);
          return (
            <div className="ts-claim" key={path} data-claim={path}>
              <dt className="ts-claim-name">
                <GlossaryLink entryId={claimId(path)}>{path}</GlossaryLink>
              </dt>
              <dd className="ts-claim-body">
                <code className="ts-claim-value" data-testid="claim-value">{rawClaimValue(value)}</code>
                {view ? (
                  <p className="ts-claim-times" data-testid="claim-times">
                    <span>simulated {view.sinceStart}</span>
                    <span aria-hidden="true"> · </span>
                    <span>{view.relative}</span>
                    <span aria-hidden="true"> · </span>
                    <span>{view.absolute}</span>
                  </p>
                ) : null}
                {own.length > 0 ? (
                  <ul className="ts-warnings">
                    {own.map((w) => (
                      <WarningItem key={w.code} warning={w} />
                    ))}
                  </ul>
                ) : null}
                <Explanation name={path} explanation={explainClaim(path, context)} />
              </dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}

function WarningItem(props: { warning: ClaimWarning }) {
  return (
    <li className="ts-warning" data-warning={props.warning.code}>
      <span aria-hidden="true">⚠ </span>
      <strong>Note: </strong>
      {props.warning.text}
    </li>
  );
}

function Explanation(props: { name: string; explanation: ClaimExplanation | undefined }) {
  const e = props.explanation;
  if (!e) return <p className="ts-claim-short">Not a field Kubernetes writes.</p>;
  return (
    <>
      <p className="ts-claim-short">{e.short}</p>
      <details className="ts-claim-more">
        <summary>
          More about <span className="ts-mono">{props.name}</span>
        </summary>
        <p>{e.what}</p>
        <p>
          <strong>Why it matters: </strong>
          {e.safety}
        </p>
        <p>
          <strong>Added in: </strong>
          {e.since}
        </p>
      </details>
    </>
  );
}

function Jwt(props: { jwt: string | undefined }) {
  const [status, setStatus] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const labelId = useId();
  const jwt = props.jwt;
  // Another token's JWT: what was said about the last one no longer applies.
  const [statusOf, setStatusOf] = useState(jwt);
  if (statusOf !== jwt) {
    setStatusOf(jwt);
    setStatus('');
  }
  return (
    <div className="ts-jwt">
      <h3 className="ts-section-title" id={labelId}>
        Compact JWT
      </h3>
      {jwt ? (
        <>
          <textarea
            ref={area}
            className="ts-jwt-text"
            aria-labelledby={labelId}
            readOnly
            spellCheck={false}
            rows={5}
            value={jwt}
            data-testid="jwt"
          />
          <div className="ts-jwt-actions">
            <button
              type="button"
              className="ts-button"
              onClick={() => {
                void copyText(jwt, area.current).then((ok) =>
                  setStatus(ok ? 'Copied the JWT to the clipboard.' : 'Could not copy: select the text above and press Ctrl+C.'),
                );
              }}
            >
              Copy JWT
            </button>
            <span className="ts-copy-status" role="status" aria-live="polite">
              {status}
            </span>
          </div>
        </>
      ) : (
        <p className="ts-empty">Signing the token…</p>
      )}
    </div>
  );
}

async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to selecting the text (Electron without clipboard permission, insecure contexts).
  }
  if (!fallback) return false;
  fallback.focus();
  fallback.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

function TokenEvents(props: { events: readonly SimEvent[]; rows: readonly number[] }) {
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
