/**
 * The words of the events a run logs by the thousand (token rotations, expiries, invalidations, client calls): the
 * one-line `message` and the learner-facing `cause`, built from the event's own fields when someone reads the event,
 * so the engine's log stores numbers and references rather than a sentence per event. Keyed by event type, then by
 * the variant that logged it (the kubelet, a client…). Events not listed here are rare (one per step, per pod or per
 * command) and carry their words from where they are logged.
 */
import type { SimEvent } from './events.ts';
import { formatCount } from '../text/format-count.ts';
import { extensionWords } from '../time/extension-words.ts';

export interface EventText {
  message: string;
  cause: string;
}

/** What the words need to know about the tokens an event names, beyond the event itself. */
export interface EventTextFacts {
  /** The 1-based per-flow number people call a token by ("token #3"). */
  tokenNumber(token: number): number;
  tokenKind(token: number): 'legacy' | 'bound';
  /** A bound token's spec.expirationSeconds after defaulting and clamping (0 for a legacy token). */
  tokenExpirationSec(token: number): number;
}

/** Why the kubelet's token manager refreshed a cached token (`requiresRefresh`). */
export interface RefreshReason {
  rule: 'ttl-80-percent' | 'max-24h';
  /** Age of the cached token, whole seconds. */
  ageSec: number;
  /** The cached token's expirationSeconds. */
  ttlSec: number;
  jitterSec: number;
}

type Of<T extends SimEvent['type']> = Extract<SimEvent, { type: T }>;

/**
 * Its 1.34 cache key is UID-aware; the part of the key format that names the UID is our reading, not confirmed
 * upstream, and the kubelet's message prints the key.
 */
export const UID_AWARE_CACHE_KEY_UNCONFIRMED =
  "from 1.34 the key ends with the request's ServiceAccount UID; that part of its format is TokenScope's reading, not confirmed upstream";

const FIRST_FETCH_CAUSE = 'the pod mounts a projected serviceAccountToken and the kubelet has none cached';

export function refreshCause(reason: RefreshReason): string {
  const age = formatCount(reason.ageSec);
  return reason.rule === 'max-24h'
    ? `refresh: age ${age} s passed 24 h minus ${reason.jitterSec} s jitter`
    : `refresh: age ${age} s passed 80 % of ${formatCount(reason.ttlSec)} s minus ${reason.jitterSec} s jitter`;
}

/** How a client's call names where it went: the API server, or a service reviewing the token for its audience. */
function targetWords(target: string): string {
  return target === 'api' ? 'the API server' : `${target} (TokenReview with audience "${target}")`;
}

export const EVENT_TEXT = {
  'token.refresh-due': {
    kubelet: (e: Of<'token.refresh-due'>, facts: EventTextFacts): EventText => ({
      message: `kubelet: token #${facts.tokenNumber(e.token)} for pod ${e.refs.pod} is due for refresh`,
      cause: refreshCause({ rule: e.rule, ageSec: e.ageSec, ttlSec: facts.tokenExpirationSec(e.token), jitterSec: e.jitterSec }),
    }),
  },
  'token.issued': {
    /** `refresh`: why a cached token was replaced; absent for the pod's first token. */
    kubelet: (e: Of<'token.issued'>, facts: EventTextFacts, refresh: RefreshReason | undefined): EventText => ({
      message: `kubelet got token #${facts.tokenNumber(e.token)} for pod ${e.refs.pod} (expires in ${formatCount(e.expirationSec ?? 0)} s${e.extended ? `; JWT exp extended to ${extensionWords(e.jwtLifetimeSec ?? 0)}` : ''})`,
      cause: refresh ? refreshCause(refresh) : FIRST_FETCH_CAUSE,
    }),
  },
  'token.request-failed': {
    /** `namesCacheKey`: the error names the 1.34+ cache key (its cached token had expired). */
    kubelet: (e: Of<'token.request-failed'>, facts: EventTextFacts, namesCacheKey: boolean): EventText => ({
      message:
        e.keptToken !== undefined
          ? `kubelet: couldn't update token for pod ${e.refs.pod}; keeping token #${facts.tokenNumber(e.keptToken)}`
          : `kubelet: no token for pod ${e.refs.pod}: ${e.error}`,
      cause:
        (e.keptToken !== undefined ? 'a failed refresh keeps the cached token while it is still valid' : 'the TokenRequest failed and there is no valid cached token') +
        (namesCacheKey ? `; the message names the cache key (${UID_AWARE_CACHE_KEY_UNCONFIRMED})` : ''),
    }),
  },
  'token.file-written': {
    kubelet: (e: Of<'token.file-written'>, facts: EventTextFacts): EventText => ({
      message: `kubelet wrote token #${facts.tokenNumber(e.token)} to ${e.path} in pod ${e.refs.pod}`,
      cause: `AtomicWriter swapped ..data → ${e.dataDir} because the token changed`,
    }),
  },
  'token.expired': {
    clock: (e: Of<'token.expired'>, facts: EventTextFacts): EventText => ({
      message: `token #${facts.tokenNumber(e.token)} (${e.refs.namespace}/${e.refs.serviceAccount}) reached its exp`,
      cause: 'exp passed; the API server still accepts it for 60 s of clock-skew leeway, then rejects it as expired',
    }),
  },
  'token.invalidated': {
    any: (e: Of<'token.invalidated'>, facts: EventTextFacts): EventText => ({
      message: `token #${facts.tokenNumber(e.token)} (${e.refs.namespace}/${e.refs.serviceAccount}) is no longer accepted`,
      cause: e.reason,
    }),
  },
  'request.allowed': {
    client: (e: Of<'request.allowed'>, facts: EventTextFacts): EventText => ({
      message: `${e.actor} → ${targetWords(e.target)}: 200 OK as ${e.username} with token #${facts.tokenNumber(e.token ?? 0)}`,
      cause: e.cached
        ? 'served from the 10 s authentication success cache'
        : facts.tokenKind(e.token ?? 0) === 'legacy'
          ? 'a Secret-based token is valid while its Secret exists'
          : 'signature, audience, time and bound objects all check out',
    }),
  },
  'request.denied': {
    'no-token-file': (e: Of<'request.denied'>): EventText => ({ message: `${e.actor}: no token file yet`, cause: 'the kubelet has not mounted the token volume' }),
    'api-server-down': (e: Of<'request.denied'>): EventText => ({ message: `${e.actor} → ${targetWords(e.target)}: connection refused`, cause: 'the API server is down' }),
    unauthorized: (e: Of<'request.denied'>, facts: EventTextFacts): EventText => ({
      message: `${e.actor} → ${targetWords(e.target)}: 401 Unauthorized with token #${facts.tokenNumber(e.token ?? 0)}: ${e.error}`,
      cause: e.error,
    }),
  },
  warning: {
    /** The kubelet's TokenRequest was shortened by --service-account-max-token-expiration. */
    'max-expiration-clamp': (e: Of<'warning'>): EventText => ({ message: `API server warning: ${e.text}`, cause: 'kube-apiserver --service-account-max-token-expiration caps every TokenRequest' }),
    'stale-token': (e: Of<'warning'>, facts: EventTextFacts): EventText => ({
      message: `token #${facts.tokenNumber(e.refs.token ?? 0)} used after its warnafter: accepted, but audited as stale`,
      cause: 'the 3607 s token was extended to a year for safe transition; using it past one hour only logs authentication.k8s.io/stale-token',
    }),
  },
  'secret.labelled': {
    'last-used': (e: Of<'secret.labelled'>): EventText => ({
      message: `API server marked Secret ${e.refs.namespace}/${e.refs.secret} as used on ${e.value}`,
      cause: 'legacy token tracking records the last day each Secret-based token was used (at most one write a day)',
    }),
  },
} as const;
