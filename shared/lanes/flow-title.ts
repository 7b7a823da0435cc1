/** A flow's title and the one line under it that says how its pods get their tokens. */
import type { FlowSummary } from '../rpc/engine-protocol.ts';
import { versionBehaviour } from '../model/versions.ts';
import { extensionWords } from '../time/extension-words.ts';
import type { Lane, TokenBar } from './lane-types.ts';

/** True when the version mounts Secret-based tokens (before BoundServiceAccountTokenVolume, 1.21). */
export function isLegacyVersion(version: string): boolean {
  try {
    return !versionBehaviour(version as FlowSummary['kubernetesVersion']).boundTokenVolume;
  } catch {
    return false;
  }
}

/** "Legacy flow · Kubernetes 1.20", or "… 1.20 → 1.30" once the flow has been upgraded by the playhead. */
export function flowTitle(flow: FlowSummary, legacy: boolean, upgradedTo: string | undefined): string {
  const custom = flow.label && flow.label !== flow.id ? flow.label : undefined;
  const upgrade = upgradedTo !== undefined ? ` → ${upgradedTo}` : '';
  if (custom && /kubernetes\s+\d/i.test(custom)) return `${custom}${upgrade}`;
  return `${custom ?? (legacy ? 'Legacy flow' : 'Projected flow')} · Kubernetes ${flow.kubernetesVersion}${upgrade}`;
}

/** The token bars of the pod lanes, in lane order. */
function* podLaneBars(lanes: readonly Lane[]): Generator<TokenBar> {
  for (const lane of lanes) if (lane.kind === 'pod') for (const b of lane.bars) if (b.type === 'token') yield b;
}

/** `podBars`: the pods' token bars in lane order (the pod lanes, or what they would hold when summarised). */
export function flowSubtitle(flow: FlowSummary, legacy: boolean, podBars: readonly Lane[] | Iterable<TokenBar>): string {
  let first: TokenBar | undefined;
  let managed: TokenBar | undefined;
  for (const b of Array.isArray(podBars) ? podLaneBars(podBars as readonly Lane[]) : (podBars as Iterable<TokenBar>)) {
    first ??= b;
    if (b.tokenKind === 'bound') {
      managed = b;
      break;
    }
  }
  if (first?.tokenKind === 'legacy' || (legacy && !first)) {
    return first?.secretName
      ? `Secret ${first.secretName}, mounted from a Secret volume; no exp claim`
      : 'Secret-based tokens, mounted from a Secret volume; no exp claim';
  }
  if (!managed) return 'TokenRequest tokens, rotated by the kubelet at ~80 % of their life';
  const audience = managed.audiences[0] ?? flow.apiAudiences[0] ?? flow.issuer;
  const seconds = managed.expirationSec !== undefined ? `, expirationSeconds ${managed.expirationSec}` : '';
  const extension = managed.extended && managed.expMs !== undefined ? `; JWT exp extended to ${extensionWords(Math.round((managed.expMs - managed.issuedAtMs) / 1000))}` : '';
  return `TokenRequest token, audience ${audience}${seconds}, rotated by the kubelet${extension}`;
}
