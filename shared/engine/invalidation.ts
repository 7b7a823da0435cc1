/**
 * Tells the event log, once per token, the moment a token stops being accepted for a reason other than its `exp`
 * (its Pod, Secret or ServiceAccount went, its key was retired, the legacy cleaner marked it). The authenticator
 * decides acceptance on its own; these events are what the timeline draws as the end of a token's usable window.
 */
import type { EngineContext } from './engine-context.ts';
import type { ClusterState } from './engine-state.ts';
import { markTold, wasTold } from './told-once.ts';

export function tellInvalidated(ctx: EngineContext, cluster: ClusterState, tokens: readonly number[], reason: string): void {
  for (const index of tokens) {
    if (wasTold(ctx, 'invalidated', index)) continue;
    const jwtExpiresAtMs = ctx.tokenLog.jwtExpiresAt(index);
    if (jwtExpiresAtMs !== undefined && jwtExpiresAtMs + 60_000 < ctx.state.nowMs) continue;
    markTold(ctx, 'invalidated', index, ctx.eventLog.invalidated(cluster.id, ctx.state.nowMs, index, reason));
  }
}

/** The tokens of this flow bound to the object with `uid` (a pod, Secret or node), in issue order. */
export function tokensBoundTo(ctx: EngineContext, cluster: ClusterState, uid: string | undefined): number[] {
  const bound = uid ?? '';
  return ctx.tokenLog.indexesWhere(cluster.id, (profile) => profile.boundObject?.uid === bound);
}
