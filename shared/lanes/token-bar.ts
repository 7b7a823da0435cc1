/**
 * A token's bar: when it was issued, when it stops being accepted and why, and the stretches of its life drawn in one
 * style each (valid, in the kubelet's refresh window, stale past `warnafter`).
 */
import type { TokenSummary } from '../rpc/engine-protocol.ts';
import type { BarCache, FlowLog } from './flow-log.ts';
import type { SegmentKind, TokenBar, TokenSegment } from './lane-types.ts';

export function tokenBar(log: FlowLog, t: TokenSummary, fileWrites: number[]): TokenBar {
  const issue = log.issues.get(t.index);
  const inv = log.invalidated.get(t.index);
  const exp = log.expired.get(t.index);
  const expMs = t.jwtExpiresAtMs;
  let endMs: number | undefined = expMs;
  let endReason: TokenBar['endReason'] = expMs !== undefined ? 'exp' : undefined;
  if (inv && (endMs === undefined || inv.atMs < endMs)) {
    endMs = inv.atMs;
    endReason = 'invalidated';
  }
  const due = log.refreshDue.get(t.index);
  const kubeletManaged = issue?.requester === 'kubelet' && t.kind === 'bound';
  // The window opens where the rule says, or earlier where the kubelet's jitter made it act earlier.
  const refreshFromMs = kubeletManaged ? earlierOf(t.refreshOpensAtMs, due?.atMs) : undefined;
  return {
    type: 'token',
    token: t.index,
    number: t.number,
    tokenKind: t.kind,
    requester: issue?.requester,
    row: 0,
    issuedAtMs: t.issuedAtMs,
    expMs,
    statusExpirationMs: t.statusExpirationMs,
    warnAfterMs: t.warnAfterMs,
    expirationSec: t.expirationSec,
    refreshFromMs,
    refreshDue: due,
    expired: exp ? { atMs: exp.atMs, seq: exp.seq } : undefined,
    invalidated: inv,
    endMs,
    endReason,
    segments: segmentsOf(t, refreshFromMs, endMs, issue?.extended ?? false),
    fileWrites,
    audiences: t.audiences,
    secretName: t.secretName,
    extended: issue?.extended ?? false,
    issuedSeq: issue?.seq,
  };
}

/** The bar for `t` in one lane, from that lane's cache unless an event touched the token since it was built. */
export function cachedBar(log: FlowLog, cache: BarCache, t: TokenSummary, writes: readonly number[] | undefined): TokenBar {
  const hit = cache.get(t.index);
  if (hit && hit.summary === t && !log.dirty.has(t.index)) return hit.bar;
  const bar = tokenBar(log, t, writes ? writes.slice() : []);
  cache.set(t.index, { summary: t, bar });
  return bar;
}

function segmentsOf(t: TokenSummary, refreshFromMs: number | undefined, endMs: number | undefined, extended: boolean): TokenSegment[] {
  const cuts: { at: number; kind: SegmentKind }[] = [{ at: t.issuedAtMs, kind: 'valid' }];
  if (refreshFromMs !== undefined) cuts.push({ at: refreshFromMs, kind: 'refresh' });
  // An extended token outlives what the kubelet was told: past status expiry (= warnafter) it is only audited as stale.
  const staleFrom = extended ? (t.warnAfterMs ?? t.statusExpirationMs) : undefined;
  if (staleFrom !== undefined && (t.jwtExpiresAtMs === undefined || staleFrom < t.jwtExpiresAtMs)) cuts.push({ at: staleFrom, kind: 'stale' });
  cuts.sort((a, b) => a.at - b.at);
  const segments: TokenSegment[] = [];
  for (let i = 0; i < cuts.length; i++) {
    const cut = cuts[i]!;
    const from = Math.max(cut.at, t.issuedAtMs);
    const next = cuts[i + 1]?.at;
    let to = next ?? endMs;
    if (endMs !== undefined && (to === undefined || to > endMs)) to = endMs;
    if (to !== undefined && to <= from) continue;
    if (endMs !== undefined && from >= endMs) continue;
    segments.push({ kind: cut.kind, fromMs: from, toMs: to });
  }
  if (segments.length === 0) segments.push({ kind: 'valid', fromMs: t.issuedAtMs, toMs: endMs ?? undefined });
  return segments;
}

function earlierOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}
