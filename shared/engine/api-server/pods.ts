/**
 * Pod create (admission, defaulting, validation, scheduling to the flow's node) and graceful delete:
 * `deletionTimestamp = now + grace`, the kubelet kills the containers when the grace period ends and the object
 * then disappears. A pod-bound token stays valid until the object is gone or `deletionTimestamp + 60 s`.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { emit, goSecondsToMs, rfc3339, schedule, type EngineContext } from '../engine-context.ts';
import { objectKey, type ClusterState, type PodState } from '../engine-state.ts';
import { stampNewObject, nextResourceVersion } from '../object-meta.ts';
import { admitPod } from '../admission/service-account-admission.ts';
import { tellInvalidated, tokensBoundTo } from '../invalidation.ts';
import { deletePodTokens } from '../kubelet/token-manager.ts';
import { FIRST_SYNC_DELAY_MS } from '../kubelet/pod-sync.ts';
import { alreadyExists, notFound, type ApiResult } from './api-error.ts';
import { defaultPod, validatePod } from './pod-validation.ts';
import { CLOCK_SKEW_LEEWAY_MS } from '../token-rules.ts';

export const NODE_NAME = 'node-1';
const DEFAULT_GRACE_PERIOD_SEC = 30;

export function createPod(ctx: EngineContext, cluster: ClusterState, manifest: Pod): ApiResult<Pod> {
  const namespace = manifest.metadata?.namespace ?? 'default';
  if (!cluster.namespaces[namespace]) return { ok: false, error: notFound('namespaces', namespace) };
  const named: Pod = { ...manifest, metadata: { ...manifest.metadata, namespace } };
  const name = named.metadata?.name ?? '';
  if (name && cluster.pods[objectKey(namespace, name)]) return { ok: false, error: alreadyExists('pods', name) };
  const admitted = admitPod(ctx, cluster, named);
  if (!admitted.ok) return admitted;
  const defaulted = defaultPod(admitted.pod);
  const invalid = validatePod(defaulted, cluster.version);
  if (invalid) return { ok: false, error: invalid };
  const pod: Pod = {
    ...defaulted,
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: stampNewObject(ctx, cluster, defaulted.metadata ?? {}),
    spec: { ...defaulted.spec!, nodeName: defaulted.spec?.nodeName ?? NODE_NAME },
    status: { phase: 'Pending' },
  };
  const meta = pod.metadata!;
  const key = objectKey(namespace, meta.name ?? '');
  cluster.pods[key] = { object: pod, running: false, volumes: {} };
  cluster.podKeysByUid[meta.uid ?? ''] = key;
  emit(ctx, cluster.id, {
    type: 'pod.created',
    serviceAccount: pod.spec?.serviceAccountName ?? 'default',
    message: `pod ${namespace}/${meta.name} created, running as ServiceAccount ${pod.spec?.serviceAccountName}`,
    cause: describeCredential(pod),
    refs: { namespace, pod: meta.name, podUid: meta.uid, serviceAccount: pod.spec?.serviceAccountName },
  });
  if (cluster.kubelet.up) {
    schedule(ctx, ctx.state.nowMs + FIRST_SYNC_DELAY_MS, { kind: 'pod-sync', flow: cluster.id, podUid: meta.uid ?? '', generation: cluster.kubelet.generation });
  }
  return { ok: true, value: pod, warnings: [] };
}

function describeCredential(pod: Pod): string {
  const volumes = pod.spec?.volumes ?? [];
  const projected = volumes.find((v) => v.projected?.sources?.some((s) => s.serviceAccountToken));
  if (projected) return `its volume ${projected.name} projects a TokenRequest token that the kubelet will fetch and rotate`;
  const secret = volumes.find((v) => v.secret);
  if (secret) return `its volume ${secret.name} mounts the Secret-based token, which never expires`;
  return 'it mounts no ServiceAccount token';
}

export function deletePod(ctx: EngineContext, cluster: ClusterState, namespace: string, name: string, gracePeriodSec?: number): ApiResult<Pod> {
  const key = objectKey(namespace, name);
  const podState = cluster.pods[key];
  if (!podState) return { ok: false, error: notFound('pods', name) };
  const pod = podState.object;
  const meta = pod.metadata ?? {};
  const graceSec = gracePeriodSec ?? pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE_PERIOD_SEC;
  if (graceSec === 0 || !podState.running) {
    removePod(ctx, cluster, podState, graceSec === 0 ? 'force-deleted with a grace period of 0' : 'it never started, so nothing had to stop');
    return { ok: true, value: pod, warnings: [] };
  }
  if (meta.deletionTimestamp) return { ok: true, value: pod, warnings: [] };
  const deletionMs = ctx.state.nowMs + goSecondsToMs(graceSec);
  // A deletionTimestamp in the past (Go's overflow) means the kubelet stops the pod at its next look, i.e. now.
  const terminateAtMs = Math.max(ctx.state.nowMs, deletionMs);
  pod.metadata = { ...meta, deletionTimestamp: rfc3339(ctx, deletionMs), deletionGracePeriodSeconds: graceSec, resourceVersion: nextResourceVersion(cluster) };
  emit(ctx, cluster.id, {
    type: 'pod.terminating',
    deletionTimestampMs: deletionMs,
    gracePeriodSec: graceSec,
    message: `pod ${namespace}/${name} is terminating (grace period ${graceSec} s)`,
    cause: 'graceful deletion sets deletionTimestamp = now + grace; its tokens stay valid until the object is gone or deletionTimestamp + 60 s, and the kubelet no longer rotates them',
    refs: { namespace, pod: name, podUid: meta.uid },
  });
  if (cluster.kubelet.up) schedule(ctx, terminateAtMs, { kind: 'pod-terminated', flow: cluster.id, podUid: meta.uid ?? '' });
  schedule(ctx, Math.max(ctx.state.nowMs, deletionMs + CLOCK_SKEW_LEEWAY_MS + 1), { kind: 'pod-leeway-end', flow: cluster.id, podUid: meta.uid ?? '' });
  return { ok: true, value: pod, warnings: [] };
}

/** The Pod object leaves the API: its volumes are torn down and every token bound to it stops working. */
export function removePod(ctx: EngineContext, cluster: ClusterState, podState: PodState, cause: string): void {
  const meta = podState.object.metadata ?? {};
  const namespace = meta.namespace ?? 'default';
  const key = objectKey(namespace, meta.name ?? '');
  if (cluster.pods[key] !== podState) return;
  delete cluster.pods[key];
  delete cluster.podKeysByUid[meta.uid ?? ''];
  deletePodTokens(cluster, meta.uid ?? '');
  emit(ctx, cluster.id, {
    type: 'pod.deleted',
    message: `pod ${namespace}/${meta.name} is gone`,
    cause,
    refs: { namespace, pod: meta.name, podUid: meta.uid },
  });
  tellInvalidated(ctx, cluster, tokensBoundTo(ctx, cluster, meta.uid), `the pod ${namespace}/${meta.name} it is bound to no longer exists`);
}

/** `deletionTimestamp + 60 s` passed while the object still exists (its kubelet is down): bound tokens now fail. */
export function endDeletionLeeway(ctx: EngineContext, cluster: ClusterState, podState: PodState): void {
  const meta = podState.object.metadata ?? {};
  tellInvalidated(ctx, cluster, tokensBoundTo(ctx, cluster, meta.uid), `pod ${meta.namespace}/${meta.name} has been terminating for longer than the 60 s leeway after its deletionTimestamp`);
}
