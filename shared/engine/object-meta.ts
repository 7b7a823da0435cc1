/**
 * Object metadata as the API server assigns it on create: a UID, a resourceVersion from one counter per cluster,
 * a creationTimestamp, and `generateName` suffixes.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { nextNameSuffix, nextUid } from '../sim/prng.ts';
import { rfc3339, type EngineContext } from './engine-context.ts';
import type { ClusterState } from './engine-state.ts';

export function nextResourceVersion(cluster: ClusterState): string {
  cluster.resourceVersion += 1;
  return String(cluster.resourceVersion);
}

export function stampNewObject(ctx: EngineContext, cluster: ClusterState, meta: ObjectMeta): ObjectMeta {
  const name = meta.name ?? `${meta.generateName ?? ''}${nextNameSuffix(ctx.state.prng)}`;
  return {
    ...meta,
    name,
    uid: nextUid(ctx.state.prng),
    resourceVersion: nextResourceVersion(cluster),
    creationTimestamp: rfc3339(ctx, ctx.state.nowMs),
  };
}

export function generateName(ctx: EngineContext, prefix: string): string {
  return `${prefix}${nextNameSuffix(ctx.state.prng)}`;
}
