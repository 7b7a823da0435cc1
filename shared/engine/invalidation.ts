/**
 * Tells the event log, once per token, the moment a token stops being accepted for a reason other than its `exp`
 * (its Pod, Secret or ServiceAccount went, its key was retired, the legacy cleaner marked it). The authenticator
 * decides acceptance on its own; these events are what the timeline draws as the end of a token's usable window.
 */
import { emit, type EngineContext } from './engine-context.ts';
import type { ClusterState } from './engine-state.ts';
import { tokenAt } from './token-log.ts';

export function tellInvalidated(ctx: EngineContext, cluster: ClusterState, tokens: readonly number[], reason: string): void {
  for (const index of tokens) {
    if (ctx.state.toldInvalidated[index]) continue;
    const token = tokenAt(ctx, index);
    if (token.jwtExpiresAtMs !== undefined && token.jwtExpiresAtMs + 60_000 < ctx.state.nowMs) continue;
    ctx.state.toldInvalidated[index] = true;
    emit(ctx, cluster.id, {
      type: 'token.invalidated',
      token: index,
      reason,
      message: `token #${token.number} (${token.namespace}/${token.serviceAccount}) is no longer accepted`,
      cause: reason,
      refs: {
        namespace: token.namespace,
        serviceAccount: token.serviceAccount,
        token: index,
        ...(token.boundObject?.kind === 'Pod' ? { pod: token.boundObject.name, podUid: token.boundObject.uid } : {}),
        ...(token.secretName ? { secret: token.secretName } : {}),
      },
    });
  }
}
