/**
 * The Kubernetes rules the lanes draw by: how long the API server still accepts an expired token, and where the
 * kubelet's refresh window opens. Kept together so that they can be asked of the engine instead in one place.
 */
import type { TokenSummary } from '../rpc/engine-protocol.ts';

/** The API server keeps accepting a token for 60 s after its `exp` (`pkg/serviceaccount/claims.go`, leeway). */
export const EXP_LEEWAY_MS = 60_000;
/** The kubelet refreshes at 80 % of the TTL or after 24 h (`pkg/kubelet/token/token_manager.go`, `requiresRefresh`). */
const KUBELET_MAX_TTL_MS = 24 * 3_600_000;

/**
 * Where the kubelet's refresh window starts: `requiresRefresh` says yes once the age passes 80 % of the TTL (the TTL
 * counted back from the TokenRequest status expiry) or 24 h. If the kubelet acted earlier (its 0–9 s jitter), that.
 */
export function refreshStartMs(t: Pick<TokenSummary, 'statusExpirationMs' | 'expirationSec' | 'issuedAtMs'>, dueAtMs?: number): number | undefined {
  if (t.statusExpirationMs === undefined || t.expirationSec === undefined) return dueAtMs;
  const ttlMs = t.expirationSec * 1000;
  const iatMs = t.statusExpirationMs - ttlMs;
  const byTtl = t.statusExpirationMs - Math.floor((t.expirationSec * 20) / 100) * 1000;
  const start = Math.min(byTtl, iatMs + KUBELET_MAX_TTL_MS);
  return dueAtMs !== undefined ? Math.min(start, dueAtMs) : start;
}
