/**
 * The kubelet's ServiceAccount token manager (`pkg/kubelet/token/token_manager.go`, docs/kubernetes-facts.md §1):
 * a cache of TokenRequest responses keyed by everything that makes a request different, refreshed when the cached
 * token is older than 80 % of its TTL or 24 h (minus a whole-second jitter of 0–9 s drawn on every check), kept when a
 * refresh fails and it is still valid, and swept every minute once expired.
 */
import { nextInt } from '../../sim/prng.ts';
import type { EngineContext } from '../engine-context.ts';
import type { PodRefs } from '../event-log.ts';
import type { CachedTokenRequest, ClusterState } from '../engine-state.ts';
import { createTokenRequest, type TokenRequestInput, type TokenRequestSpec } from '../api-server/token-request.ts';
import { goStrconvQuote } from '../../kubectl/kubectl-flags.ts';
import { versionBehaviour } from '../../model/versions.ts';
import type { RefreshReason } from '../../model/event-text.ts';
import { KUBELET_MAX_JITTER_SEC, KUBELET_MAX_TTL_SEC, refreshThresholds } from '../token-rules.ts';

export const MAX_TTL_SEC = KUBELET_MAX_TTL_SEC;
export const GC_PERIOD_MS = 60_000;
export const MAX_JITTER_SEC = KUBELET_MAX_JITTER_SEC;

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
  const { ttlAgeSec, maxAgeSec } = refreshThresholds(ttlSec);
  if (nowMs > iatMs + (maxAgeSec - jitterSec) * 1000) {
    return { refresh: true, rule: 'max-24h', ageSec, thresholdSec: maxAgeSec - jitterSec };
  }
  if (nowMs > iatMs + (ttlAgeSec - jitterSec) * 1000) {
    return { refresh: true, rule: 'ttl-80-percent', ageSec, thresholdSec: ttlAgeSec - jitterSec };
  }
  return { refresh: false };
}

/** The earliest instant at which `requiresRefresh` could say yes, whatever jitter it draws. */
export function earliestPossibleRefreshMs(cached: CachedTokenRequest): number {
  if (cached.expirationSec === undefined) return Number.POSITIVE_INFINITY;
  const iatMs = cached.statusExpirationMs - cached.expirationSec * 1000;
  return iatMs + refreshThresholds(cached.expirationSec).earliestDueAgeSec * 1000;
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
 * `/%q`, which projected-volume requests leave empty (the kubelet does not know the UID there). The event that prints
 * the key says so (UID_AWARE_CACHE_KEY_UNCONFIRMED in the event words).
 */
/** The key `request` is cached under on this cluster's kubelet (its version decides whether the UID is part of it). */
export function cacheKeyFor(cluster: ClusterState, request: KeyedTokenSourceRequest): string {
  const key = request.cacheKey ?? tokenCacheKey(request);
  return versionBehaviour(cluster.version).kubeletTokenCacheKeyHasUid ? `${key}/${goStrconvQuote(request.serviceAccountUid ?? '')}` : key;
}

export type KeyedTokenSourceRequest = TokenSourceRequest & Partial<Prepared>;

/** What the token manager works out from a request; a pod's requests never change, so its volume plan keeps these. */
interface Prepared {
  cacheKey: string;
  input: TokenRequestInput;
  refs: PodRefs;
}

export type PreparedTokenRequest = TokenSourceRequest & Prepared;

/** `request` with its cache key, its TokenRequest and the refs its events name, made once. */
export function prepareTokenRequest(request: TokenSourceRequest): PreparedTokenRequest {
  return { ...request, cacheKey: tokenCacheKey(request), input: tokenRequestOf(request), refs: podRefsOf(request) };
}

export type TokenFetch = { ok: true; token: number } | { ok: false; error: string };

/** `GetServiceAccountToken`. */
export function getServiceAccountToken(ctx: EngineContext, cluster: ClusterState, request: KeyedTokenSourceRequest): TokenFetch {
  const kubelet = cluster.kubelet;
  const key = cacheKeyFor(cluster, request);
  const nowMs = ctx.state.nowMs;
  const cached = liveCacheEntry(cluster, key, nowMs);
  const refs = request.refs ?? podRefsOf(request);
  let refresh: RefreshReason | undefined;
  if (cached) {
    const jitterSec = nextInt(ctx.state.prng, 0, MAX_JITTER_SEC);
    const decision = requiresRefresh(cached, nowMs, jitterSec);
    if (!decision.refresh) return { ok: true, token: cached.token };
    const ageSec = Math.floor(decision.ageSec);
    refresh = { rule: decision.rule, ageSec, ttlSec: cached.expirationSec ?? 0, jitterSec };
    ctx.eventLog.refreshDue(cluster.id, nowMs, cached.token, refs, refresh, decision.thresholdSec);
  }
  const response = createTokenRequest(ctx, cluster, request.input ?? tokenRequestOf(request));
  if (!response.ok) {
    const expired = cached !== undefined && nowMs > cached.statusExpirationMs;
    const keep = cached !== undefined && !expired;
    const error = !cached
      ? `failed to fetch token: ${response.error.message}`
      : expired
        ? `token ${key} expired and refresh failed: ${response.error.message}`
        : response.error.message;
    ctx.eventLog.kubeletRequestFailed(cluster.id, nowMs, refs, {
      status: response.error.status,
      error,
      keptToken: keep ? cached.token : undefined,
      namesCacheKey: expired && versionBehaviour(cluster.version).kubeletTokenCacheKeyHasUid,
    });
    return keep ? { ok: true, token: cached.token } : { ok: false, error };
  }
  const { tokenIndex: token, expirationSec, statusExpirationMs, jwtLifetimeSec, extended } = response.value;
  kubelet.tokenCache[key] = { token, expirationSec, statusExpirationMs, boundPodUid: request.pod.uid };
  for (const warning of response.warnings) ctx.eventLog.clampWarning(cluster.id, nowMs, refs, warning);
  ctx.eventLog.kubeletIssued(cluster.id, nowMs, token, refs, expirationSec, jwtLifetimeSec, extended, refresh);
  return { ok: true, token };
}

/** The TokenRequest the kubelet sends for `request`, made once per request (a pod's requests never change). */
const tokenRequestByRequest = new WeakMap<TokenSourceRequest, TokenRequestInput>();
function tokenRequestOf(request: TokenSourceRequest): TokenRequestInput {
  let input = tokenRequestByRequest.get(request);
  if (!input) {
    input = {
      namespace: request.namespace,
      serviceAccount: request.serviceAccount,
      ...(request.serviceAccountUid === undefined ? {} : { uid: request.serviceAccountUid }),
      spec: request.spec,
    };
    tokenRequestByRequest.set(request, input);
  }
  return input;
}

/** The objects the kubelet's token events name, made once per request. */
const podRefsByRequest = new WeakMap<TokenSourceRequest, PodRefs>();
function podRefsOf(request: TokenSourceRequest): PodRefs {
  let refs = podRefsByRequest.get(request);
  if (!refs) {
    refs = { namespace: request.namespace, pod: request.pod.name, podUid: request.pod.uid, serviceAccount: request.serviceAccount };
    podRefsByRequest.set(request, refs);
  }
  return refs;
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
