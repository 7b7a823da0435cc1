/**
 * The right-hand inspector: one token decoded (header and payload, every claim with its value, a plain-language
 * explanation and, for times, absolute / relative / simulated forms), what the flow's API server says about it at the
 * current simulated time, the compact JWT to copy, and the events that concern it, newest first.
 */
import { memo, useId, useState } from 'react';
import type { SimEvent } from '../../shared/model/events.ts';
import { explainHeader, formatSinceStart, rawClaimValue, type ClaimContext, type TimeContext } from '../../shared/explain/claim-explanations.ts';
import { EventSelection } from './event-table-model.ts';
import { findToken, tokenHeading, type TokenInspectorProps } from './inspector-model.ts';
import { headerId } from '../../shared/explain/glossary.ts';
import { GlossaryLink } from '../glossary/GlossaryLink.tsx';
import { useVerificationRequests } from './token-inspector/use-verification-requests.ts';
import { VerificationVerdict } from './token-inspector/VerificationVerdict.tsx';
import { ClaimExplanationDetails } from './token-inspector/ClaimExplanationDetails.tsx';
import { PayloadClaims } from './token-inspector/PayloadClaims.tsx';
import { CompactJwt } from './token-inspector/CompactJwt.tsx';
import { TokenEvents } from './token-inspector/TokenEvents.tsx';
import './panels.css';

export type { TokenInspectorProps } from './inspector-model.ts';

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

      <VerificationVerdict details={details?.verification} nowMs={snapshot.nowMs} heading={`Token #${token.number}`} />

      <h3 className="ts-section-title">Header</h3>
      <dl className="ts-claims">
        {Object.entries(token.header).map(([field, value]) => (
          <div className="ts-claim" key={field} data-header={field}>
            <dt className="ts-claim-name">
              <GlossaryLink entryId={headerId(field)}>{field}</GlossaryLink>
            </dt>
            <dd className="ts-claim-body">
              <code className="ts-claim-value" data-testid="header-value">{rawClaimValue(value)}</code>
              <ClaimExplanationDetails name={field} explanation={explainHeader(field)} />
            </dd>
          </div>
        ))}
      </dl>

      <h3 className="ts-section-title">Payload</h3>
      <PayloadClaims token={token} context={claimContext} time={timeContext} />

      <CompactJwt jwt={details?.jwt} />

      <TokenEvents events={snapshot.events} rows={rows} />
    </section>
  );
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
