/**
 * Programs that use tokens: a client in a pod that reads its token file and calls a service on a schedule (with
 * the reading habits real clients have), and an attacker who copies the file once and replays the copy. Every call
 * ends in a `request.allowed` or `request.denied` event carrying the exact error.
 */
import type { ClientStep, LeakStep } from '../../scenario/scenario-types.ts';
import { emit, schedule, type EngineContext } from '../engine-context.ts';
import { objectKey, type ActorState, type ClusterState } from '../engine-state.ts';
import { tokenAt } from '../token-log.ts';
import type { ActorRefs } from '../event-log.ts';
import { markTold, wasTold } from '../told-once.ts';
import { mountPathOf } from '../kubelet/volume-plan.ts';
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
  const refs = actorRefs(actor);
  if (actor.kind === 'client' && !cluster.pods[objectKey(actor.namespace, actor.pod)]) {
    actor.stopped = true;
    return;
  }
  if (actor.kind === 'client') refreshClientToken(ctx, cluster, actor);
  if (actor.heldToken === undefined) {
    ctx.eventLog.denied(cluster.id, ctx.state.nowMs, undefined, refs, { target: actor.target, status: 0, error: `open ${actor.file}: no such file or directory` });
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

/** The objects a call names, made once per actor (its pod and name never change). */
const refsByActor = new WeakMap<ActorState, ActorRefs>();
function actorRefs(actor: ActorState): ActorRefs {
  let refs = refsByActor.get(actor);
  if (!refs) {
    refs = { namespace: actor.namespace, pod: actor.pod, actor: actor.name };
    refsByActor.set(actor, refs);
  }
  return refs;
}

function call(ctx: EngineContext, cluster: ClusterState, actor: ActorState, tokenIndex: number): { denied401: boolean } {
  const refs = actorRefs(actor);
  const nowMs = ctx.state.nowMs;
  if (!cluster.apiServerUp) {
    const error = `Get "${API_SERVER_URL}/api": dial tcp 10.96.0.1:443: connect: connection refused`;
    ctx.eventLog.denied(cluster.id, nowMs, tokenIndex, refs, { target: actor.target, status: 0, error });
    return { denied401: false };
  }
  const token = tokenAt(ctx, tokenIndex);
  const result: AuthResult = authenticateToken(
    ctx,
    cluster,
    { header: token.header, claims: token.claims, identity: { token: tokenIndex } },
    actor.target === 'api' ? undefined : [actor.target],
  );
  if (result.ok) {
    const stale = result.audit['authentication.k8s.io/stale-token'];
    if (stale && !wasTold(ctx, 'stale', tokenIndex)) {
      markTold(ctx, 'stale', tokenIndex, ctx.eventLog.staleWarning(cluster.id, nowMs, tokenIndex, refs, stale));
    }
    ctx.eventLog.allowed(cluster.id, nowMs, tokenIndex, refs, { target: actor.target, username: result.user.username, warnings: result.warnings, cached: result.cached });
    return { denied401: false };
  }
  const error = result.abstained ? 'Unauthorized (no authenticator recognised the token issuer)' : result.error;
  ctx.eventLog.denied(cluster.id, nowMs, tokenIndex, refs, { target: actor.target, status: 401, error });
  return { denied401: true };
}
