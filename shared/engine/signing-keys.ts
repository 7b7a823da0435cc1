/**
 * Which key a cluster signs with and which it verifies with (`--service-account-signing-key-file` and
 * `--service-account-key-file`). Keys come from a fixed pool so a run is reproducible from its seed; rotation adds
 * the new key to the verifying set and keeps the old ones, as an operator does for a safe rollover.
 */
import type { SigningKey } from '../jwt/jwt-types.ts';
import type { SigningAlgorithm } from '../scenario/scenario-types.ts';
import type { EngineContext } from './engine-context.ts';
import type { ClusterState, SigningKeyRef } from './engine-state.ts';

export function takeNextKey(ctx: EngineContext, algorithm: SigningAlgorithm): SigningKeyRef {
  const pool = ctx.keyPool[algorithm];
  const poolIndex = ctx.state.nextKeySlot % pool.length;
  ctx.state.nextKeySlot += 1;
  return { poolIndex, kid: keyAt(ctx, algorithm, poolIndex).kid };
}

export function keyAt(ctx: EngineContext, algorithm: SigningAlgorithm, poolIndex: number): SigningKey {
  const key = ctx.keyPool[algorithm][poolIndex];
  if (!key) throw new Error(`internal: no ${algorithm} key at pool index ${poolIndex}`);
  return key;
}

/** The verifying keys as published: an external signer names its keys itself, so the pool key takes the ref's kid. */
export function verifyingKeysOf(ctx: EngineContext, cluster: ClusterState): SigningKey[] {
  return cluster.verifyingKeys.map((ref) => {
    const key = keyAt(ctx, cluster.algorithm, ref.poolIndex);
    return key.kid === ref.kid ? key : { ...key, kid: ref.kid };
  });
}

/** kube-controller-manager's key for legacy Secret tokens: the API server's key file, or its own beside a signer. */
export function legacyTokenSigningKey(cluster: ClusterState): SigningKeyRef {
  return cluster.externalSigner?.legacyKey ?? cluster.signingKey;
}
