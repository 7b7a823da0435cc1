/**
 * Stopping and starting the kubelet process. A stopped kubelet syncs nothing (no token refresh, terminating pods
 * stay terminating); its token cache lives only in memory, so a restarted kubelet fetches every pod's token anew.
 */
import { emit, schedule, type EngineContext } from '../engine-context.ts';
import type { ClusterState } from '../engine-state.ts';
import { FIRST_SYNC_DELAY_MS } from './pod-sync.ts';

export function stopKubelet(ctx: EngineContext, cluster: ClusterState): void {
  const kubelet = cluster.kubelet;
  if (!kubelet.up) return;
  kubelet.up = false;
  kubelet.generation += 1;
  kubelet.tokenCache = {};
  emit(ctx, cluster.id, {
    type: 'kubelet.stopped',
    message: `kubelet on ${kubelet.nodeName} stopped`,
    cause: 'injected fault: nobody refreshes projected tokens on this node until it is back',
    refs: { node: kubelet.nodeName },
  });
}

export function startKubelet(ctx: EngineContext, cluster: ClusterState): void {
  const kubelet = cluster.kubelet;
  if (kubelet.up) return;
  kubelet.up = true;
  kubelet.startedAtMs = ctx.state.nowMs;
  emit(ctx, cluster.id, {
    type: 'kubelet.started',
    message: `kubelet on ${kubelet.nodeName} started`,
    cause: 'its token cache starts empty, so every pod with a projected token gets a fresh one at its first sync',
    refs: { node: kubelet.nodeName },
  });
  for (const podState of Object.values(cluster.pods)) {
    const meta = podState.object.metadata ?? {};
    if (podState.object.spec?.nodeName !== kubelet.nodeName) continue;
    const atMs = ctx.state.nowMs + FIRST_SYNC_DELAY_MS;
    if (meta.deletionTimestamp) schedule(ctx, atMs, { kind: 'pod-terminated', flow: cluster.id, podUid: meta.uid ?? '' });
    else schedule(ctx, atMs, { kind: 'pod-sync', flow: cluster.id, podUid: meta.uid ?? '', generation: kubelet.generation });
  }
}
