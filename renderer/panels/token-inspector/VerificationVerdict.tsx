/** What the flow's API server says about the token at the current simulated time: accepted (as whom) or the exact error. */
import type { TokenVerification } from '../../../shared/rpc/engine-protocol.ts';
import { verificationLine } from '../inspector-model.ts';

export function VerificationVerdict(props: { details: TokenVerification | undefined; nowMs: number; heading: string }) {
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
