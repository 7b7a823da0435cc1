/** A note on one claim that a reader should not miss (a token that never expires, say). */
import type { ClaimWarning } from '../../../shared/explain/claim-explanations.ts';

export function ClaimWarningItem(props: { warning: ClaimWarning }) {
  return (
    <li className="ts-warning" data-warning={props.warning.code}>
      <span aria-hidden="true">⚠ </span>
      <strong>Note: </strong>
      {props.warning.text}
    </li>
  );
}
