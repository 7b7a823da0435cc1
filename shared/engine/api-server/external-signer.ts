/**
 * The external JWT signer (`--service-account-signing-endpoint`, KEP-740; docs/kubernetes-facts.md §8.10, §8.5) and
 * kube-apiserver's cache of its public keys (`pkg/serviceaccount/externaljwt/plugin/keycache.go`).
 *
 * The signer holds the private keys and chooses each token's `kid`; it signs with its newest key and offers every key
 * it still vouches for through FetchKeys. kube-apiserver verifies tokens, and serves `/openid/v1/jwks`, from its own
 * copy of that set: refetched every `refresh_hint_seconds`, and at once when a token arrives whose `kid` it does not
 * know. Each fetch replaces the whole set. Legacy Secret tokens are still minted by kube-controller-manager with its
 * own key file; the signer stitches that public key into its FetchKeys answer (KEP-740 "Support for Legacy Tokens").
 */
import { emit, schedule, type EngineContext } from '../engine-context.ts';
import type { ClusterState, ExternalSignerState, SigningKeyRef } from '../engine-state.ts';
import { takeNextKey } from '../signing-keys.ts';
import { tellInvalidated } from '../invalidation.ts';
import { formatDuration } from '../../time/duration.ts';

/** The `kid` the signer gives its n-th key (1-based): any string up to 1 KiB is allowed; this one reads well on a slide. */
export function signerKid(n: number): string {
  return `external-signer-key-${n}`;
}

/** The signer's state at kube-apiserver start: one key, offered with kube-controller-manager's legacy key. */
export function startExternalSigner(ctx: EngineContext, cluster: ClusterState, legacyKey: SigningKeyRef): ExternalSignerState {
  const spec = cluster.flags.externalSigner;
  if (!spec) throw new Error(`internal: flow ${cluster.id} has no external signer`);
  const first = { poolIndex: takeNextKey(ctx, cluster.algorithm).poolIndex, kid: signerKid(1) };
  return {
    maxTokenExpirationSec: spec.maxTokenExpirationSec,
    refreshHintSec: spec.refreshHintSec,
    keysMade: 1,
    legacyKey,
    offeredKeys: [legacyKey, first],
  };
}

/** Schedules the cache's next periodic FetchKeys, `refresh_hint_seconds` after the last one. */
export function scheduleSignerKeySync(ctx: EngineContext, cluster: ClusterState): void {
  const signer = cluster.externalSigner;
  if (!signer) return;
  const atMs = ctx.state.nowMs + signer.refreshHintSec * 1000;
  if (atMs <= ctx.scenario.durationMs) schedule(ctx, atMs, { kind: 'signer-key-sync', flow: cluster.id });
}

/** The signer starts signing with a new key and offers it at once; kube-apiserver learns of it on its next fetch. */
export function rotateSignerKey(ctx: EngineContext, cluster: ClusterState, signer: ExternalSignerState): void {
  signer.keysMade += 1;
  const next = { poolIndex: takeNextKey(ctx, cluster.algorithm).poolIndex, kid: signerKid(signer.keysMade) };
  signer.offeredKeys = [...signer.offeredKeys, next];
  cluster.signingKey = next;
  emit(ctx, cluster.id, {
    type: 'signing-key.rotated',
    kid: next.kid,
    verifyingKids: cluster.verifyingKeys.map((k) => k.kid),
    message: `external signer now signs with ${next.kid}`,
    cause: `the signer chose a new key; kube-apiserver verifies with its cached key set, which learns ${next.kid} at the next FetchKeys (every ${formatDuration(signer.refreshHintSec * 1000)}) or as soon as a token carrying that kid arrives`,
    refs: {},
  });
}

/** The signer stops vouching for every key but the one it signs with (and the legacy key it stitches in). */
export function retireSignerKeys(ctx: EngineContext, cluster: ClusterState, signer: ExternalSignerState): void {
  const keep = new Set([signer.legacyKey.kid, cluster.signingKey.kid]);
  const retired = signer.offeredKeys.filter((k) => !keep.has(k.kid));
  if (retired.length === 0) return;
  signer.offeredKeys = signer.offeredKeys.filter((k) => keep.has(k.kid));
  emit(ctx, cluster.id, {
    type: 'signing-key.retired',
    kids: retired.map((k) => k.kid),
    message: `external signer no longer offers ${retired.map((k) => k.kid).join(', ')}`,
    cause: `kube-apiserver keeps verifying with its cached copy of those keys until its next FetchKeys (every ${formatDuration(signer.refreshHintSec * 1000)}); from then tokens they signed fail with "invalid signature, no keys found"`,
    refs: {},
  });
}

/**
 * One FetchKeys: the cache becomes exactly what the signer offers. Logged only when the set changed, as the cache
 * notifies its listeners (the OIDC discovery and JWKS documents) only then.
 */
export function fetchSignerKeys(ctx: EngineContext, cluster: ClusterState, reason: 'refresh-hint' | 'unknown-kid', kid?: string): void {
  const signer = cluster.externalSigner;
  if (!signer) return;
  const before = cluster.verifyingKeys.map((k) => k.kid);
  const after = signer.offeredKeys.map((k) => k.kid);
  cluster.verifyingKeys = [...signer.offeredKeys];
  if (before.length === after.length && before.every((k, i) => k === after[i])) return;
  const dropped = new Set(before.filter((k) => !after.includes(k)));
  emit(ctx, cluster.id, {
    type: 'signing-key.fetched',
    kids: after,
    reason,
    message: `kube-apiserver fetched the external signer's keys: ${after.join(', ')}`,
    cause:
      reason === 'unknown-kid'
        ? `a token arrived signed with ${kid ?? 'a key'} the API server did not know, so it asked the signer at once instead of waiting for the refresh hint; /openid/v1/jwks now lists the new set`
        : `the signer's refresh hint (${formatDuration(signer.refreshHintSec * 1000)}) came round; each fetch replaces the whole key set, and /openid/v1/jwks follows`,
    refs: {},
  });
  const affected = ctx.tokenLog.indexesWhere(cluster.id, (profile) => dropped.has(profile.header.kid));
  tellInvalidated(ctx, cluster, affected, 'kube-apiserver no longer has the key that signed it ("invalid signature, no keys found")');
}

/**
 * Whether kube-apiserver can find a key for `kid` (keycache.go): an unknown kid makes an external-signer cluster
 * fetch keys synchronously before it gives up (`Key id %q not found after refresh`).
 */
export function hasVerifyingKey(ctx: EngineContext, cluster: ClusterState, kid: string): boolean {
  if (cluster.verifyingKeys.some((k) => k.kid === kid)) return true;
  if (!cluster.externalSigner) return false;
  fetchSignerKeys(ctx, cluster, 'unknown-kid', kid);
  return cluster.verifyingKeys.some((k) => k.kid === kid);
}
