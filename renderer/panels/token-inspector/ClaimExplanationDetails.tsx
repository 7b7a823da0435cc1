/** A claim or header field in plain language: one line, and more (what it is, why it matters, since when) on demand. */
import type { ClaimExplanation } from '../../../shared/explain/claim-explanations.ts';

export function ClaimExplanationDetails(props: { name: string; explanation: ClaimExplanation | undefined }) {
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
