/**
 * The kubelet's pod worker for one pod (`pkg/kubelet/pod_workers.go` + the volume manager): every sync re-runs
 * each volume's SetUp, which asks the token manager (cached unless a refresh is due) and hands the payload to the
 * AtomicWriter. Syncs repeat every 60–90 s (resync 1 min, jitter factor 0.5); a failed mount retries after
 * 10–15 s. Terminating pods are not synced, so their tokens are not rotated.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { nextInt, stepPast } from '../../sim/prng.ts';
import { emit, schedule, type EngineContext } from '../engine-context.ts';
import type { Action, ClusterState, FileContent, PodState } from '../engine-state.ts';
import { CLUSTER_CA_PEM } from '../controllers/tokens-controller.ts';
import { unhandled } from '../../model/unhandled.ts';
import { writeAtomically } from './atomic-writer.ts';
import { cacheKeyFor, earliestPossibleRefreshMs, getServiceAccountToken, liveCacheEntry } from './token-manager.ts';
import { podPlan, textFile, type ConfigMapFiles, type SourcePlan, type VolumePlan } from './volume-plan.ts';

const RESYNC_INTERVAL_MS = 60_000;
const BACKOFF_PERIOD_MS = 10_000;
const JITTER_FACTOR = 0.5;
/** Time from a Pod's creation until its kubelet first syncs it (watch delivery, scheduling, sandbox). */
export const FIRST_SYNC_DELAY_MS = 1_000;

function jittered(ctx: EngineContext, baseMs: number): number {
  return baseMs + nextInt(ctx.state.prng, 0, Math.floor(baseMs * JITTER_FACTOR));
}

/** `collectData` for one volume: the files it should hold now, or why it cannot be set up. */
function collectVolume(ctx: EngineContext, cluster: ClusterState, plan: VolumePlan): { ok: true; files: Record<string, FileContent> } | { ok: false; error: string } {
  const files: Record<string, FileContent> = {};
  const volume = plan.volume;
  switch (plan.kind) {
    case 'other':
      return { ok: true, files };
    case 'secret': {
      const secret = cluster.secrets[plan.key];
      if (!secret) return { ok: false, error: `MountVolume.SetUp failed for volume "${volume.name}" : secret "${volume.secret?.secretName}" not found` };
      if (secret.tokenIndex !== undefined) files['token'] = { token: secret.tokenIndex };
      files['ca.crt'] = textFile(CLUSTER_CA_PEM);
      files['namespace'] = plan.namespaceFile;
      return { ok: true, files };
    }
    case 'projected':
      break;
    default:
      return unhandled(plan);
  }
  let errors: string[] | undefined;
  for (const source of plan.sources) {
    switch (source.kind) {
      case 'token': {
        const fetched = getServiceAccountToken(ctx, cluster, source.request);
        if (fetched.ok) files[source.path] = { token: fetched.token };
        else (errors ??= []).push(fetched.error);
        break;
      }
      case 'config-map': {
        const cm = cluster.configMaps[source.key];
        if (!cm) {
          if (!source.projection.optional) (errors ??= []).push(`configmap "${source.projection.name}" not found`);
          break;
        }
        addFiles(files, configMapFiles(source, cm.data));
        break;
      }
      case 'fixed':
        addFiles(files, source.files);
        break;
      default:
        return unhandled(source);
    }
  }
  if (errors) return { ok: false, error: `MountVolume.SetUp failed for volume "${volume.name}" : ${errors.join(', ')}` };
  return { ok: true, files };
}

function addFiles(files: Record<string, FileContent>, add: ConfigMapFiles['files']): void {
  for (let i = 0; i < add.length; i++) files[add[i]![0]] = add[i]![1];
}

/** The files a ConfigMap projection gives for the ConfigMap's `data`, worked out again only when the data is replaced. */
function configMapFiles(source: Extract<SourcePlan, { kind: 'config-map' }>, data: Record<string, string> | undefined): ConfigMapFiles['files'] {
  const cached = source.files;
  if (cached.data === data && data !== undefined) return cached.files;
  const items = source.projection.items ?? Object.keys(data ?? {}).map((key) => ({ key, path: key }));
  cached.data = data;
  cached.files = items.map((item) => [item.path, textFile(data?.[item.key] ?? '')] as const);
  return cached.files;
}

/** The objects a pod's sync events name, for a pod whose plan is not its own: made once per Pod object. */
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
  const podSyncPlan = podPlan(pod);
  const refs = podSyncPlan.refs ?? podRefsOf(pod);
  let mountError: string | undefined;
  for (const plan of podSyncPlan.volumes) {
    const collected = collectVolume(ctx, cluster, plan);
    if (!collected.ok) {
      mountError = collected.error;
      continue;
    }
    const name = plan.volume.name;
    const outcome = writeAtomically(ctx, podState.volumes[name], collected.files);
    if (!outcome.written) continue;
    podState.volumes[name] = outcome.volume;
    for (const path of outcome.changed) {
      const content = outcome.volume.files[path];
      if (!content || !('token' in content)) continue;
      ctx.eventLog.fileWritten(cluster.id, ctx.state.nowMs, content.token, refs, plan.mountPath, path, outcome.dataDirRandom);
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
    for (const request of podPlan(podState.object).tokenRequests) {
      const cached = liveCacheEntry(cluster, cacheKeyFor(cluster, request), ctx.state.nowMs);
      horizonMs = Math.min(horizonMs, cached ? earliestPossibleRefreshMs(cached) : ctx.state.nowMs);
    }
    if (horizonMs === Number.POSITIVE_INFINITY) return;
    atMs = stepPast(ctx.state.prng, atMs, RESYNC_INTERVAL_MS, Math.floor(RESYNC_INTERVAL_MS * JITTER_FACTOR), Math.min(horizonMs, ctx.scenario.durationMs));
  }
  if (atMs > ctx.scenario.durationMs) return;
  schedule(ctx, atMs, syncAction(podState, cluster.id, meta.uid ?? '', cluster.kubelet.generation));
}

type SyncAction = Extract<Action, { kind: 'pod-sync' }>;
/**
 * The pod's sync action, the same object sync after sync while the kubelet runs: each waits about 48 simulated minutes
 * in the agenda, long enough to be copied into the old generation of the heap, so a new one per sync cost the
 * garbage collector. Actions are never changed once scheduled (copy-state.ts), so sharing one is safe.
 */
const syncActions = new WeakMap<PodState, SyncAction>();
function syncAction(podState: PodState, flow: string, podUid: string, generation: number): SyncAction {
  const last = syncActions.get(podState);
  if (last && last.flow === flow && last.podUid === podUid && last.generation === generation) return last;
  const action: SyncAction = { kind: 'pod-sync', flow, podUid, generation };
  syncActions.set(podState, action);
  return action;
}
