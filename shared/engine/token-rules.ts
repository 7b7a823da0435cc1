/**
 * The Kubernetes time rules every layer decides or draws by, in one place: when the kubelet refreshes a projected
 * token (`pkg/kubelet/token/token_manager.go`, docs/kubernetes-facts.md §1) and how the API server checks a token's
 * nbf, exp and iat with 60 s of clock-skew leeway (`pkg/serviceaccount/claims.go`, §5). The engine, the lanes and the
 * paste panel all ask these functions, so a drawing can never disagree with the simulation.
 */

/** The API server accepts a token this long past its exp, and before its nbf and iat (`claims.go`, leeway). */
export const CLOCK_SKEW_LEEWAY_SEC = 60;
export const CLOCK_SKEW_LEEWAY_MS = CLOCK_SKEW_LEEWAY_SEC * 1000;

/** `maxTTL`: the kubelet replaces any token older than a day, whatever its lifetime. */
export const KUBELET_MAX_TTL_SEC = 24 * 60 * 60;
/** `maxJitter`: `time.Duration(rand.Float64()*10) * time.Second` truncates to a whole 0–9 s, so 10 is never drawn. */
export const KUBELET_MAX_JITTER_SEC = 10;

export interface RefreshThresholds {
  /** Age past which `requiresRefresh` says yes by the TTL rule with no jitter: the TTL less ⌊TTL·20/100⌋ (80 %). */
  ttlAgeSec: number;
  /** Age past which it says yes by the 24 h rule with no jitter. */
  maxAgeSec: number;
  /** The earlier of the two: where the refresh window opens when the jitter draws 0. */
  dueAgeSec: number;
  /** Where it opens when the jitter draws its largest whole second (9 s earlier), never below 0. */
  earliestDueAgeSec: number;
}

/**
 * `requiresRefresh`'s thresholds for a token whose TokenRequest asked for `ttlSec` (the TTL counted back from the
 * TokenRequest status, not the JWT's exp, so an extended token still rotates at 80 % of what was asked for).
 */
export function refreshThresholds(ttlSec: number): RefreshThresholds {
  const ttlAgeSec = ttlSec - Math.floor((ttlSec * 20) / 100);
  const dueAgeSec = Math.min(ttlAgeSec, KUBELET_MAX_TTL_SEC);
  return { ttlAgeSec, maxAgeSec: KUBELET_MAX_TTL_SEC, dueAgeSec, earliestDueAgeSec: Math.max(0, dueAgeSec - (KUBELET_MAX_JITTER_SEC - 1)) };
}

/** When the kubelet's refresh window opens for a token with this TokenRequest status (jitter 0). */
export function refreshWindowOpensMs(statusExpirationMs: number, expirationSec: number): number {
  const issuedAtMs = statusExpirationMs - expirationSec * 1000;
  return issuedAtMs + refreshThresholds(expirationSec).dueAgeSec * 1000;
}

/** Which time check failed, and the claim's value (seconds) that failed it. */
export type TimeClaimProblem = { problem: 'not-yet-valid' | 'expired' | 'issued-in-future'; claimSec: number };

/**
 * The API server's time checks in its order (go-jose `Claims.ValidateWithLeeway` as kube-apiserver calls it: nbf,
 * then exp, then iat), each with the leeway. Claims are NumericDates in seconds; a missing claim is not checked.
 */
export function checkTimeClaims(claims: { nbf?: number | undefined; exp?: number | undefined; iat?: number | undefined }, nowEpochMs: number): TimeClaimProblem | undefined {
  const { nbf, exp, iat } = claims;
  if (nbf !== undefined && nowEpochMs + CLOCK_SKEW_LEEWAY_MS < nbf * 1000) return { problem: 'not-yet-valid', claimSec: nbf };
  if (exp !== undefined && nowEpochMs - CLOCK_SKEW_LEEWAY_MS > exp * 1000) return { problem: 'expired', claimSec: exp };
  if (iat !== undefined && nowEpochMs + CLOCK_SKEW_LEEWAY_MS < iat * 1000) return { problem: 'issued-in-future', claimSec: iat };
  return undefined;
}
