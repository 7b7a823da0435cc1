/**
 * The token's payload: every claim with its value, times in simulated, relative and absolute form, the warnings that
 * concern it, and its explanation; warnings about a claim the token lacks come first.
 */
import type { TokenSummary } from '../../../shared/rpc/engine-protocol.ts';
import { claimWarnings, explainClaim, flattenClaims, formatNumericDate, rawClaimValue, TIME_CLAIMS, type ClaimContext, type TimeContext } from '../../../shared/explain/claim-explanations.ts';
import { claimId } from '../../../shared/explain/glossary.ts';
import { GlossaryLink } from '../../glossary/GlossaryLink.tsx';
import { ClaimExplanationDetails } from './ClaimExplanationDetails.tsx';
import { ClaimWarningItem } from './ClaimWarningItem.tsx';

export function PayloadClaims(props: { token: TokenSummary; context: ClaimContext; time: TimeContext }) {
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
            <ClaimWarningItem key={`${w.code}-${w.claim}`} warning={w} />
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
                      <ClaimWarningItem key={w.code} warning={w} />
                    ))}
                  </ul>
                ) : null}
                <ClaimExplanationDetails name={path} explanation={explainClaim(path, context)} />
              </dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}
