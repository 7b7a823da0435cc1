/**
 * An attacker's lane: the stolen copy of a token, from the leak to the last instant the API server accepts it (exp
 * plus the 60 s leeway, or the invalidation; forever for a token with no exp), and the replays made with it.
 */
import type { TokenSummary } from '../rpc/engine-protocol.ts';
import type { FlowLog, Leak } from './flow-log.ts';
import type { Lane, StolenBar } from './lane-types.ts';
import { CLOCK_SKEW_LEEWAY_MS } from '../engine/token-rules.ts';

/** `index`: where the lane goes in its flow, which keeps its id apart from another copy of the same token. */
export function attackerLane(log: FlowLog, leak: Leak, token: TokenSummary | undefined, index: number): Lane {
  const calls = log.actors.get(leak.actor)?.marks ?? [];
  const replays = calls.filter((m) => m.token === leak.token && m.atMs >= leak.atMs);
  const expMs = token?.jwtExpiresAtMs;
  const inv = log.invalidated.get(leak.token);
  let usableUntilMs: number | undefined = expMs === undefined ? undefined : (log.expired.get(leak.token)?.leewayEndsAtMs ?? expMs + CLOCK_SKEW_LEEWAY_MS);
  let endReason: StolenBar['endReason'] = usableUntilMs === undefined ? undefined : 'leeway';
  if (inv && (usableUntilMs === undefined || inv.atMs < usableUntilMs)) {
    usableUntilMs = inv.atMs;
    endReason = 'invalidated';
  }
  let ok = 0;
  for (const m of replays) if (m.kind === 'call-ok') ok++;
  const stolen: StolenBar = {
    type: 'stolen',
    token: leak.token,
    number: token?.number ?? 0,
    tokenKind: token?.kind ?? 'bound',
    actor: leak.actor,
    row: 0,
    leakedAtMs: leak.atMs,
    leakSeq: leak.seq,
    usableUntilMs: usableUntilMs === undefined ? undefined : Math.max(usableUntilMs, leak.atMs),
    endReason,
    expMs,
    replaysOk: ok,
    replaysDenied: replays.length - ok,
  };
  const id = `attacker:${leak.actor}:${leak.token}:${index}`;
  return {
    id,
    kind: 'attacker',
    label: leak.actor,
    sublabel: `stolen copy of token #${stolen.number}`,
    rows: 1,
    bars: [stolen],
    strips: [{ id: `${id}/replays`, label: `${leak.actor} calls`, marks: replays }],
    marks: [{ kind: 'leak', atMs: leak.atMs, seq: leak.seq, token: leak.token, text: leak.text }],
    compact: false,
  };
}

