/**
 * Programs that use tokens: a client in a pod that reads its token file and calls a service on a schedule (with
 * the reading habits real clients have), and an attacker who copies the file once and replays the copy. Every call
 * ends in a `request.allowed` or `request.denied` event carrying the exact error.
 */
import type { ClientStep, LeakStep } from '../../scenario/scenario-types.ts';
import { emit, schedule, type EngineContext } from '../engine-context.ts';
import { objectKey, type ActorState, type ClusterState } from '../engine-state.ts';
import { tokenAt } from '../token-log.ts';
import { mountPathOf } from '../kubelet/pod-sync.ts';
import { authenticateToken, type AuthResult } from '../api-server/authenticator.ts';
import { API_SERVER_URL } from '../api-server/api-error.ts';

/** client-go's `NewCachedFileTokenSource` re-reads the file once a minute. */
const CLIENT_GO_REREAD_MS = 60_000;

export function actorKey(flow: string, name: string): string {
  return `${flow}/${name}`;
}

export function addClient(ctx: EngineContext, cluster: ClusterState, step: ClientStep): void {
  const actor: ActorState = {
    name: step.name, kind: 'client', flow: cluster.id, namespace: step.namespace, pod: step.pod, file: step.file,
    target: step.target, reads: step.reads, everyMs: step.callEveryMs, stopped: false,
  };
  ctx.state.actors[actorKey(cluster.id, step.name)] = actor;
  schedule(ctx, ctx.state.nowMs, { kind: 'actor-call', actor: actorKey(cluster.id, step.name) });
}

export function addAttacker(ctx: EngineContext, cluster: ClusterState, step: LeakStep): void {
  const read = readTokenFile(cluster, step.namespace, step.pod, step.file);
  const refs = { namespace: step.namespace, pod: step.pod, actor: step.name };
  if (!read.ok) {
    emit(ctx, cluster.id, { type: 'step.failed', error: read.error, line: step.line, message: `leak failed: ${read.error}`, cause: 'there was no token file to copy', refs });
    return;
  }
  const token = tokenAt(ctx, read.token);
  const actor: ActorState = {
    name: step.name, kind: 'attacker', flow: cluster.id, namespace: step.namespace, pod: step.pod, file: step.file,
    target: step.audience, reads: 'once', everyMs: step.replayEveryMs, heldToken: read.token, lastReadMs: ctx.state.nowMs, stopped: false,
  };
  ctx.state.actors[actorKey(cluster.id, step.name)] = actor;
  emit(ctx, cluster.id, {
    type: 'token.leaked',
    token: read.token,
    actor: step.name,
    message: `${step.name} copied token #${token.number} from ${read.path}`,
    cause: token.kind === 'legacy' ? 'a Secret-based token has no exp: the copy works until someone deletes the Secret' : 'a stolen projected token works only until its exp (+60 s leeway) or until its pod is deleted',
    refs: { ...refs, token: read.token, serviceAccount: token.serviceAccount },
  });
  schedule(ctx, ctx.state.nowMs, { kind: 'actor-call', actor: actorKey(cluster.id, step.name) });
}

type FileRead = { ok: true; token: number; path: string } | { ok: false; error: string };

function readTokenFile(cluster: ClusterState, namespace: string, podName: string, file: string): FileRead {
  const pod = cluster.pods[objectKey(namespace, podName)];
  if (!pod) return { ok: false, error: `pods "${podName}" not found` };
  for (const [volumeName, volume] of Object.entries(pod.volumes)) {
    const content = volume.files[file];
    if (content && 'token' in content) return { ok: true, token: content.token, path: `${mountPathOf(pod.object, volumeName)}/${file}` };
  }
  return { ok: false, error: `open /var/run/secrets/kubernetes.io/serviceaccount/${file}: no such file or directory` };
}

export function runActorCall(ctx: EngineContext, key: string): void {
  const actor = ctx.state.actors[key];
  const cluster = actor ? ctx.state.flows[actor.flow] : undefined;
  if (!actor || !cluster || actor.stopped) return;
  const refs = { namespace: actor.namespace, pod: actor.pod, actor: actor.name };
  if (actor.kind === 'client' && !cluster.pods[objectKey(actor.namespace, actor.pod)]) {
    actor.stopped = true;
    return;
  }
  if (actor.kind === 'client') refreshClientToken(ctx, cluster, actor);
  if (actor.heldToken === undefined) {
    emit(ctx, cluster.id, { type: 'request.denied', actor: actor.name, target: actor.target, status: 0, error: `open ${actor.file}: no such file or directory`, message: `${actor.name}: no token file yet`, cause: 'the kubelet has not mounted the token volume', refs });
  } else {
    let outcome = call(ctx, cluster, actor, actor.heldToken);
    if (outcome.denied401 && actor.kind === 'client' && actor.reads !== 'once') {
      // client-go resets its cached token on a 401; an on-401 client re-reads and retries once.
      const before = actor.heldToken;
      forceRead(ctx, cluster, actor);
      if (actor.reads === 'on-401' && actor.heldToken !== undefined && actor.heldToken !== before) outcome = call(ctx, cluster, actor, actor.heldToken);
    }
  }
  if (ctx.state.nowMs + actor.everyMs <= ctx.scenario.durationMs) schedule(ctx, ctx.state.nowMs + actor.everyMs, { kind: 'actor-call', actor: key });
}

function refreshClientToken(ctx: EngineContext, cluster: ClusterState, actor: ActorState): void {
  const due =
    actor.heldToken === undefined ||
    (actor.reads === 'every-minute' && ctx.state.nowMs - (actor.lastReadMs ?? 0) >= CLIENT_GO_REREAD_MS);
  if (due) forceRead(ctx, cluster, actor);
}

function forceRead(ctx: EngineContext, cluster: ClusterState, actor: ActorState): void {
  const read = readTokenFile(cluster, actor.namespace, actor.pod, actor.file);
  if (read.ok) {
    actor.heldToken = read.token;
    actor.lastReadMs = ctx.state.nowMs;
  }
}

function call(ctx: EngineContext, cluster: ClusterState, actor: ActorState, tokenIndex: number): { denied401: boolean } {
  const token = tokenAt(ctx, tokenIndex);
  const refs = { namespace: actor.namespace, pod: actor.pod, actor: actor.name, token: tokenIndex, serviceAccount: token.serviceAccount };
  const target = actor.target === 'api' ? 'the API server' : `${actor.target} (TokenReview with audience "${actor.target}")`;
  if (!cluster.apiServerUp) {
    const error = `Get "${API_SERVER_URL}/api": dial tcp 10.96.0.1:443: connect: connection refused`;
    emit(ctx, cluster.id, { type: 'request.denied', actor: actor.name, token: tokenIndex, target: actor.target, status: 0, error, message: `${actor.name} → ${target}: connection refused`, cause: 'the API server is down', refs });
    return { denied401: false };
  }
  const result: AuthResult = authenticateToken(
    ctx,
    cluster,
    { header: token.header, claims: token.claims, identity: { token: tokenIndex } },
    actor.target === 'api' ? undefined : [actor.target],
  );
  if (result.ok) {
    const stale = result.audit['authentication.k8s.io/stale-token'];
    if (stale && !ctx.state.toldStale[tokenIndex]) {
      ctx.state.toldStale[tokenIndex] = true;
      emit(ctx, cluster.id, { type: 'warning', code: 'stale-token', text: stale, message: `token #${token.number} used after its warnafter: accepted, but audited as stale`, cause: 'the 3607 s token was extended to a year for safe transition; using it past one hour only logs authentication.k8s.io/stale-token', refs });
    }
    emit(ctx, cluster.id, {
      type: 'request.allowed',
      actor: actor.name,
      token: tokenIndex,
      target: actor.target,
      username: result.user.username,
      warnings: result.warnings,
      cached: result.cached,
      message: `${actor.name} → ${target}: 200 OK as ${result.user.username} with token #${token.number}`,
      cause: result.cached ? 'served from the 10 s authentication success cache' : token.kind === 'legacy' ? 'a Secret-based token is valid while its Secret exists' : 'signature, audience, time and bound objects all check out',
      refs,
    });
    return { denied401: false };
  }
  const error = result.abstained ? 'Unauthorized (no authenticator recognised the token issuer)' : result.error;
  emit(ctx, cluster.id, {
    type: 'request.denied',
    actor: actor.name,
    token: tokenIndex,
    target: actor.target,
    status: 401,
    error,
    message: `${actor.name} → ${target}: 401 Unauthorized with token #${token.number}: ${error}`,
    cause: error,
    refs,
  });
  return { denied401: true };
}
