/**
 * A flow's Kubernetes release, changeable from its header: choosing another reruns the scenario with that flow on
 * the chosen release (the engine's `set-flow-version` command, which also rewrites the scenario text so saving it
 * keeps the choice). Releases past their end of life on today's date are marked; releases the flow cannot start on
 * (an external signer before 1.34) are offered but disabled, with the reason.
 */
import { useId } from 'react';
import type { FlowSummary } from '../../shared/rpc/engine-protocol.ts';
import { KUBERNETES_VERSIONS, type KubernetesVersion } from '../../shared/model/versions.ts';
import { releaseSupport } from '../../shared/model/release-support.ts';
import { versionNote } from '../../shared/model/version-notes.ts';
import { externalSignerGateError } from '../../shared/engine/api-server/service-account-token-options.ts';
import './flow-version-picker.css';

interface Props {
  flow: FlowSummary;
  /** Today, to judge the support window by (ms since the epoch). */
  todayMs: number;
  onChoose(version: KubernetesVersion): void;
}

/** Newest first: the releases people run today head the list. */
const NEWEST_FIRST = [...KUBERNETES_VERSIONS].reverse();

function optionLabel(version: KubernetesVersion, todayMs: number, blocked: boolean): string {
  if (blocked) return `${version} (no external signer)`;
  const support = releaseSupport(version, todayMs);
  if (support.status === 'end-of-life') return `${version} (out of support)`;
  if (support.status === 'maintenance') return `${version} (maintenance only)`;
  return version;
}

export function FlowVersionPicker({ flow, todayMs, onChoose }: Props) {
  const id = useId();
  const support = releaseSupport(flow.kubernetesVersion, todayMs);
  const note = versionNote(flow.kubernetesVersion);
  const status =
    support.status === 'end-of-life'
      ? `Kubernetes ${flow.kubernetesVersion} has been out of support since ${support.endOfLife}.`
      : support.status === 'maintenance'
        ? `Kubernetes ${flow.kubernetesVersion} gets only critical fixes until its end of life on ${support.endOfLife}.`
        : `Kubernetes ${flow.kubernetesVersion} is supported until ${support.endOfLife}.`;
  const explanation = `${status}${note ? ` ${note}` : ''} Choosing another release reruns the scenario with this flow on it.`;
  return (
    <span className="tl-version-picker" data-testid={`version-picker-${flow.id}`} data-support={support.status}>
      <label htmlFor={`${id}-select`}>Release</label>
      <select
        id={`${id}-select`}
        value={flow.kubernetesVersion}
        title={explanation}
        aria-describedby={`${id}-why`}
        onChange={(e) => onChoose(e.target.value as KubernetesVersion)}
      >
        {NEWEST_FIRST.map((version) => {
          const blocked = flow.externalSigner && externalSignerGateError(version) !== undefined;
          return (
            <option key={version} value={version} disabled={blocked}>
              {optionLabel(version, todayMs, blocked)}
            </option>
          );
        })}
      </select>
      <span id={`${id}-why`} className="visually-hidden">{explanation}</span>
    </span>
  );
}
