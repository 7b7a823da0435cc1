/**
 * The kubelet's ServiceAccount token manager (`pkg/kubelet/token/token_manager.go`, docs/kubernetes-facts.md §1):
 * a cache of TokenRequest responses keyed by everything that makes a request different, refreshed when the cached
 * token is older than 80 % of its TTL or 24 h (minus a whole-second jitter of 0–9 s drawn on every check), kept when a
 * refresh fails and it is still valid, and swept every minute once expired.
 */
import { nextInt } from '../../sim/prng.ts';
import { emit, type EngineContext } from '../engine-context.ts';
import type { CachedTokenRequest, ClusterState } from '../engine-state.ts';
import { createTokenRequest, type TokenRequestSpec } from '../api-server/token-request.ts';
import { tokenAt } from '../token-log.ts';
import { formatCount } from '../../text/format-count.ts';
import { goStrconvQuote } from '../../kubectl/kubectl-flags.ts';
import { versionBehaviour } from '../../model/versions.ts';
import { extensionWords } from '../../time/extension-words.ts';

export const MAX_TTL_SEC = 24 * 60 * 60;
export const GC_PERIOD_MS = 60_000;
/** `maxJitter`: `time.Duration(rand.Float64()*10) * time.Second` truncates to a whole 0–9 s. */
export const MAX_JITTER_SEC = 10;

export type RefreshDecision =
  | { refresh: false }
  | { refresh: true; rule: 'ttl-80-percent' | 'max-24h'; ageSec: number; thresholdSec: number };

/**
 * `requiresRefresh`. Ages come from the TokenRequest status (`expirationTimestamp` minus `expirationSeconds`), not
 * from the JWT, so a token whose JWT was extended to a year still rotates hourly.
 */
export function requiresRefresh(cached: CachedTokenRequest, nowMs: number, jitterSec: number): RefreshDecision {
  if (cached.expirationSec === undefined) return { refresh: false };
  const ttlSec = cached.expirationSec;
  const iatMs = cached.statusExpirationMs - ttlSec * 1000;
  const ageSec = (nowMs - iatMs) / 1000;
  if (nowMs > iatMs + (MAX_TTL_SEC - jitterSec) * 1000) {
    return { refresh: true, rule: 'max-24h', ageSec, thresholdSec: MAX_TTL_SEC - jitterSec };
  }
  const windowSec = Math.floor((ttlSec * 20) / 100);
  if (nowMs > cached.statusExpirationMs - (windowSec + jitterSec) * 1000) {
    return { refresh: true, rule: 'ttl-80-percent', ageSec, thresholdSec: ttlSec - windowSec - jitterSec };
  }
  return { refresh: false };
}

/** The earliest instant at which `requiresRefresh` could say yes, whatever jitter it draws. */
export function earliestPossibleRefreshMs(cached: CachedTokenRequest): number {
  if (cached.expirationSec === undefined) return Number.POSITIVE_INFINITY;
  const iatMs = cached.statusExpirationMs - cached.expirationSec * 1000;
  const maxJitterMs = (MAX_JITTER_SEC - 1) * 1000;
  const byAge = iatMs + MAX_TTL_SEC * 1000 - maxJitterMs;
  const byTtl = cached.statusExpirationMs - Math.floor((cached.expirationSec * 20) / 100) * 1000 - maxJitterMs;
  return Math.min(byAge, byTtl);
}

export interface TokenSourceRequest {
  namespace: string;
  serviceAccount: string;
  serviceAccountUid?: string;
  spec: TokenRequestSpec & { expirationSeconds: number };
  pod: { name: string; uid: string };
}

/**
 * `keyFunc`: `fmt.Sprintf("%q/%q/%#v/%#v/%#v", name, namespace, tr.Spec.Audiences, exp, ref)` (docs/kubernetes-facts.md
 * §1): the audiences as a Go `[]string`, expirationSeconds, and the bound object reference as a Go struct all
 * partition the cache, and the key is printed as is in "token … expired and refresh failed".
 */
export function tokenCacheKey(request: TokenSourceRequest): string {
  const q = goStrconvQuote;
  const audiences = request.spec.audiences === undefined ? '[]string(nil)' : `[]string{${request.spec.audiences.map(q).join(', ')}}`;
  const ref = request.spec.boundObjectRef;
  const boundObject = `v1.BoundObjectReference{Kind:${q(ref?.kind ?? '')}, APIVersion:${q(ref?.apiVersion ?? '')}, Name:${q(ref?.name ?? '')}, UID:${q(ref?.uid ?? '')}}`;
  return `${q(request.serviceAccount)}/${q(request.namespace)}/${audiences}/${request.spec.expirationSeconds}/${boundObject}`;
}

/**
 * 1.34 made the cache UID-aware (§8.6): a request that carries its ServiceAccount's UID never reuses an entry made
 * for another UID. Upstream's exact key is UNCONFIRMED; this models it as the request's `metadata.uid` appended with
 * `/%q`, which projected-volume requests leave empty (the kubelet does not know the UID there).
 */
export const UID_AWARE_CACHE_KEY_UNCONFIRMED =
  "from 1.34 the key ends with the request's ServiceAccount UID; that part of its format is TokenScope's reading, not confirmed upstream";

/** The key `request` is cached under on this cluster's kubelet (its version decides whether the UID is part of it). */
export function cacheKeyFor(cluster: ClusterState, request: KeyedTokenSourceRequest): string {
  const key = request.cacheKey ?? tokenCacheKey(request);
  return versionBehaviour(cluster.version).kubeletTokenCacheKeyHasUid ? `${key}/${goStrconvQuote(request.serviceAccountUid ?? '')}` : key;
}

export type KeyedTokenSourceRequest = TokenSourceRequest & { cacheKey?: string };

export type TokenFetch = { ok: true; token: number } | { ok: false; error: string };

/** `GetServiceAccountToken`. */
export function getServiceAccountToken(ctx: EngineContext, cluster: ClusterState, request: KeyedTokenSourceRequest): TokenFetch {
  const kubelet = cluster.kubelet;
  const key = cacheKeyFor(cluster, request);
  const cached = liveCacheEntry(cluster, key, ctx.state.nowMs);
  let cause = 'the pod mounts a projected serviceAccountToken and the kubelet has none cached';
  let decision: RefreshDecision = { refresh: false };
  let jitterSec = 0;
  if (cached) {
    jitterSec = nextInt(ctx.state.prng, 0, MAX_JITTER_SEC);
    decision = requiresRefresh(cached, ctx.state.nowMs, jitterSec);
    if (!decision.refresh) return { ok: true, token: cached.token };
  }
  const refs = { namespace: request.namespace, pod: request.pod.name, podUid: request.pod.uid, serviceAccount: request.serviceAccount };
  if (cached && decision.refresh) {
    const old = tokenAt(ctx, cached.token);
    cause =
      decision.rule === 'max-24h'
        ? `refresh: age ${formatCount(Math.floor(decision.ageSec))} s passed 24 h minus ${jitterSec} s jitter`
        : `refresh: age ${formatCount(Math.floor(decision.ageSec))} s passed 80 % of ${formatCount(cached.expirationSec ?? 0)} s minus ${jitterSec} s jitter`;
    emit(ctx, cluster.id, {
      type: 'token.refresh-due',
      token: cached.token,
      ageSec: Math.floor(decision.ageSec),
      thresholdSec: decision.thresholdSec,
      jitterSec,
      rule: decision.rule,
      message: `kubelet: token #${old.number} for pod ${request.pod.name} is due for refresh`,
      cause,
      refs: { ...refs, token: cached.token },
    });
  }
  const response = createTokenRequest(ctx, cluster, {
    namespace: request.namespace,
    serviceAccount: request.serviceAccount,
    ...(request.serviceAccountUid === undefined ? {} : { uid: request.serviceAccountUid }),
    spec: request.spec,
  });
  if (!response.ok) {
    const expired = cached !== undefined && ctx.state.nowMs > cached.statusExpirationMs;
    const keep = cached !== undefined && !expired;
    const error = !cached
      ? `failed to fetch token: ${response.error.message}`
      : expired
        ? `token ${key} expired and refresh failed: ${response.error.message}`
        : response.error.message;
    emit(ctx, cluster.id, {
      type: 'token.request-failed',
      requester: 'kubelet',
      status: response.error.status,
      error,
      ...(keep ? { keptToken: cached.token } : {}),
      message: keep
        ? `kubelet: couldn't update token for pod ${request.pod.name}; keeping token #${tokenAt(ctx, cached.token).number}`
        : `kubelet: no token for pod ${request.pod.name}: ${error}`,
      cause:
        (keep ? 'a failed refresh keeps the cached token while it is still valid' : 'the TokenRequest failed and there is no valid cached token') +
        (expired && versionBehaviour(cluster.version).kubeletTokenCacheKeyHasUid ? `; the message names the cache key (${UID_AWARE_CACHE_KEY_UNCONFIRMED})` : ''),
      refs,
    });
    return keep ? { ok: true, token: cached.token } : { ok: false, error };
  }
  const { token, expirationSec, statusExpirationMs, jwtLifetimeSec, extended } = response.value;
  kubelet.tokenCache[key] = { token: token.index, expirationSec, statusExpirationMs, boundPodUid: request.pod.uid };
  for (const warning of response.warnings) {
    emit(ctx, cluster.id, { type: 'warning', code: 'max-expiration-clamp', text: warning, message: `API server warning: ${warning}`, cause: 'kube-apiserver --service-account-max-token-expiration caps every TokenRequest', refs });
  }
  emit(ctx, cluster.id, {
    type: 'token.issued',
    token: token.index,
    kind: 'bound',
    requester: 'kubelet',
    expirationSec,
    jwtLifetimeSec,
    extended,
    message: `kubelet got token #${token.number} for pod ${request.pod.name} (expires in ${formatCount(expirationSec)} s${extended ? `; JWT exp extended to ${extensionWords(jwtLifetimeSec)}` : ''})`,
    cause,
    refs: { ...refs, token: token.index },
  });
  return { ok: true, token: token.index };
}

/** `DeleteServiceAccountToken(podUID)`, called when a pod's projected volume is torn down. */
export function deletePodTokens(cluster: ClusterState, podUid: string): void {
  for (const [key, entry] of Object.entries(cluster.kubelet.tokenCache)) {
    if (entry.boundPodUid === podUid) delete cluster.kubelet.tokenCache[key];
  }
}

/**
 * The cache sweep (`go wait.Forever(m.cleanup, gcPeriod)`) runs every minute from kubelet start and drops entries
 * whose status expiry has passed. Only a sweep that removes something changes behaviour, so instead of ticking the
 * engine asks, at lookup, whether a sweep would already have removed the entry: the same answer, with no agenda
 * action per minute.
 */
export function sweptAtMs(cluster: ClusterState, entry: CachedTokenRequest): number {
  const startedAtMs = cluster.kubelet.startedAtMs;
  return startedAtMs + (Math.floor((entry.statusExpirationMs - startedAtMs) / GC_PERIOD_MS) + 1) * GC_PERIOD_MS;
}

/** The cache entry for `key` as the token manager sees it now (absent once a sweep would have removed it). */
export function liveCacheEntry(cluster: ClusterState, key: string, nowMs: number): CachedTokenRequest | undefined {
  const entry = cluster.kubelet.tokenCache[key];
  if (entry && nowMs >= sweptAtMs(cluster, entry)) {
    delete cluster.kubelet.tokenCache[key];
    return undefined;
  }
  return entry;
}
