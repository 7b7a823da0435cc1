/**
 * The kubelet's pod worker for one pod (`pkg/kubelet/pod_workers.go` + the volume manager): every sync re-runs
 * each volume's SetUp, which asks the token manager (cached unless a refresh is due) and hands the payload to the
 * AtomicWriter. Syncs repeat every 60–90 s (resync 1 min, jitter factor 0.5); a failed mount retries after
 * 10–15 s. Terminating pods are not synced, so their tokens are not rotated.
 */
import type { Pod, Volume } from 'kubernetes-types/core/v1';
import { nextInt, stepPast } from '../../sim/prng.ts';
import { emit, schedule, type EngineContext } from '../engine-context.ts';
import { objectKey, type ClusterState, type FileContent, type PodState } from '../engine-state.ts';
import { CLUSTER_CA_PEM } from '../controllers/tokens-controller.ts';
import { TOKEN_MOUNT_PATH } from '../admission/service-account-admission.ts';
import { writeAtomically } from './atomic-writer.ts';
import { cacheKeyFor, earliestPossibleRefreshMs, getServiceAccountToken, liveCacheEntry, tokenCacheKey, type TokenSourceRequest } from './token-manager.ts';

const RESYNC_INTERVAL_MS = 60_000;
const BACKOFF_PERIOD_MS = 10_000;
const JITTER_FACTOR = 0.5;
/** Time from a Pod's creation until its kubelet first syncs it (watch delivery, scheduling, sandbox). */
export const FIRST_SYNC_DELAY_MS = 1_000;

function jittered(ctx: EngineContext, baseMs: number): number {
  return baseMs + nextInt(ctx.state.prng, 0, Math.floor(baseMs * JITTER_FACTOR));
}

/** A pod's spec never changes, so its token requests (and their cache keys) are worked out once per volume. */
type PodTokenRequest = TokenSourceRequest & { cacheKey: string };
const requestsByVolume = new WeakMap<Volume, PodTokenRequest[]>();

function tokenSourceRequests(pod: Pod, volume: Volume): PodTokenRequest[] {
  let requests = requestsByVolume.get(volume);
  if (!requests) {
    requests = buildTokenSourceRequests(pod, volume);
    requestsByVolume.set(volume, requests);
  }
  return requests;
}

function buildTokenSourceRequests(pod: Pod, volume: Volume): PodTokenRequest[] {
  const meta = pod.metadata ?? {};
  return (volume.projected?.sources ?? []).flatMap((source) => {
    const token = source.serviceAccountToken;
    if (!token) return [];
    return [{
      namespace: meta.namespace ?? 'default',
      serviceAccount: pod.spec?.serviceAccountName ?? 'default',
      spec: {
        ...(token.audience ? { audiences: [token.audience] } : {}),
        expirationSeconds: token.expirationSeconds ?? 3600,
        boundObjectRef: { apiVersion: 'v1', kind: 'Pod', name: meta.name ?? '', uid: meta.uid ?? '' },
      },
      pod: { name: meta.name ?? '', uid: meta.uid ?? '' },
    }].map((request) => ({ ...request, cacheKey: tokenCacheKey(request) }));
  });
}

/** A text file's content; the same text is one shared (frozen) object, as a volume's files are never changed in place. */
const textFiles = new Map<string, FileContent>();
function textFile(text: string): FileContent {
  let content = textFiles.get(text);
  if (!content) {
    content = Object.freeze({ text });
    if (textFiles.size < MAX_SHARED_TEXT_FILES) textFiles.set(text, content);
  }
  return content;
}
/** ca.crt, namespaces and pod names: a few hundred at most; texts beyond are not kept. */
const MAX_SHARED_TEXT_FILES = 1000;

/** `collectData` for one volume: the files it should hold now, or why it cannot be set up. */
function collectVolume(ctx: EngineContext, cluster: ClusterState, pod: Pod, volume: Volume): { ok: true; files: Record<string, FileContent> } | { ok: false; error: string } {
  const namespace = pod.metadata?.namespace ?? 'default';
  const files: Record<string, FileContent> = {};
  if (volume.secret) {
    const secret = cluster.secrets[objectKey(namespace, volume.secret.secretName ?? '')];
    if (!secret) return { ok: false, error: `MountVolume.SetUp failed for volume "${volume.name}" : secret "${volume.secret.secretName}" not found` };
    if (secret.tokenIndex !== undefined) files['token'] = { token: secret.tokenIndex };
    files['ca.crt'] = textFile(CLUSTER_CA_PEM);
    files['namespace'] = textFile(namespace);
    return { ok: true, files };
  }
  if (!volume.projected) return { ok: true, files };
  const errors: string[] = [];
  const requests = tokenSourceRequests(pod, volume);
  let r = 0;
  for (const source of volume.projected.sources ?? []) {
    if (source.serviceAccountToken) {
      const fetched = getServiceAccountToken(ctx, cluster, requests[r++]!);
      if (fetched.ok) files[source.serviceAccountToken.path] = { token: fetched.token };
      else errors.push(fetched.error);
    } else if (source.configMap) {
      const cm = cluster.configMaps[objectKey(namespace, source.configMap.name ?? '')];
      if (!cm) {
        if (!source.configMap.optional) errors.push(`configmap "${source.configMap.name}" not found`);
        continue;
      }
      for (const item of source.configMap.items ?? Object.keys(cm.data ?? {}).map((key) => ({ key, path: key }))) {
        files[item.path] = textFile(cm.data?.[item.key] ?? '');
      }
    } else if (source.downwardAPI) {
      for (const item of source.downwardAPI.items ?? []) {
        if (item.fieldRef?.fieldPath === 'metadata.namespace') files[item.path] = textFile(namespace);
        else if (item.fieldRef?.fieldPath === 'metadata.name') files[item.path] = textFile(pod.metadata?.name ?? '');
      }
    }
  }
  if (errors.length > 0) return { ok: false, error: `MountVolume.SetUp failed for volume "${volume.name}" : ${errors.join(', ')}` };
  return { ok: true, files };
}

/** Where in the container a volume's files appear (the token mount for the usual case). */
export function mountPathOf(pod: Pod, volumeName: string): string {
  for (const c of pod.spec?.containers ?? []) {
    for (const mount of c.volumeMounts ?? []) if (mount.name === volumeName) return mount.mountPath;
  }
  return TOKEN_MOUNT_PATH;
}

/** `mountPathOf` for a volume of the pod's spec, worked out once: the spec (and so its volume objects) never changes. */
const mountPathByVolume = new WeakMap<Volume, string>();
function volumeMountPath(pod: Pod, volume: Volume): string {
  let path = mountPathByVolume.get(volume);
  if (path === undefined) {
    path = mountPathOf(pod, volume.name);
    mountPathByVolume.set(volume, path);
  }
  return path;
}

/** The objects a pod's sync events name, made once per Pod object (it is replaced, never changed). */
const refsByPod = new WeakMap<Pod, { namespace: string; pod: string; podUid: string }>();
function podRefsOf(pod: Pod): { namespace: string; pod: string; podUid: string } {
  let refs = refsByPod.get(pod);
  if (!refs) {
    const meta = pod.metadata ?? {};
    refs = { namespace: meta.namespace ?? 'default', pod: meta.name ?? '', podUid: meta.uid ?? '' };
    refsByPod.set(pod, refs);
  }
  return refs;
}

export function syncPod(ctx: EngineContext, cluster: ClusterState, podState: PodState): void {
  const pod = podState.object;
  const refs = podRefsOf(pod);
  let mountError: string | undefined;
  for (const volume of pod.spec?.volumes ?? []) {
    const collected = collectVolume(ctx, cluster, pod, volume);
    if (!collected.ok) {
      mountError = collected.error;
      continue;
    }
    const outcome = writeAtomically(ctx, podState.volumes[volume.name], collected.files);
    if (!outcome.written) continue;
    podState.volumes[volume.name] = outcome.volume;
    for (const path of outcome.changed) {
      const content = outcome.volume.files[path];
      if (!content || !('token' in content)) continue;
      ctx.eventLog.fileWritten(cluster.id, ctx.state.nowMs, content.token, refs, volumeMountPath(pod, volume), path, outcome.dataDirRandom);
    }
  }
  if (mountError) {
    if (podState.lastMountError !== mountError) {
      emit(ctx, cluster.id, {
        type: 'pod.mount-failed',
        error: mountError,
        message: `pod ${refs.pod}: ${mountError}`,
        cause: podState.running ? 'the volume keeps its previous files; the kubelet retries on the next sync' : 'the pod stays in ContainerCreating until the volume can be set up',
        refs,
      });
    }
    podState.lastMountError = mountError;
  } else {
    podState.lastMountError = undefined;
  }
  if (!podState.running && !mountError) {
    podState.running = true;
    podState.object = { ...pod, status: { ...pod.status, phase: 'Running' } };
    emit(ctx, cluster.id, {
      type: 'pod.running',
      message: `pod ${refs.pod} is running`,
      cause: 'its volumes are set up, so its containers can start',
      refs,
    });
  }
  scheduleNextSync(ctx, cluster, podState, mountError !== undefined);
}

/**
 * Schedules this pod's next sync. Syncs between now and the first moment a cached token could be due for refresh
 * change nothing (the token manager answers from cache, the AtomicWriter sees identical bytes), so the engine
 * draws their jittered times but does not visit them: the sync that matters lands at exactly the instant a
 * kubelet syncing every 60–90 s would reach.
 */
function scheduleNextSync(ctx: EngineContext, cluster: ClusterState, podState: PodState, failed: boolean): void {
  const meta = podState.object.metadata ?? {};
  let atMs = ctx.state.nowMs + jittered(ctx, failed ? BACKOFF_PERIOD_MS : RESYNC_INTERVAL_MS);
  if (!failed) {
    let horizonMs = Number.POSITIVE_INFINITY;
    for (const volume of podState.object.spec?.volumes ?? []) {
      for (const request of tokenSourceRequests(podState.object, volume)) {
        const cached = liveCacheEntry(cluster, cacheKeyFor(cluster, request), ctx.state.nowMs);
        horizonMs = Math.min(horizonMs, cached ? earliestPossibleRefreshMs(cached) : ctx.state.nowMs);
      }
    }
    if (horizonMs === Number.POSITIVE_INFINITY) return;
    atMs = stepPast(ctx.state.prng, atMs, RESYNC_INTERVAL_MS, Math.floor(RESYNC_INTERVAL_MS * JITTER_FACTOR), Math.min(horizonMs, ctx.scenario.durationMs));
  }
  if (atMs > ctx.scenario.durationMs) return;
  schedule(ctx, atMs, { kind: 'pod-sync', flow: cluster.id, podUid: meta.uid ?? '', generation: cluster.kubelet.generation });
}
