/**
 * A pod's lane: the tokens its file held (a bar each, stacked where they overlap), the kubelet's file writes and
 * failed refreshes in a strip, a strip per app that calls the API server from the pod, and its deletion.
 */
import type { TokenSummary } from '../rpc/engine-protocol.ts';
import type { ActorCalls, FlowLog, PodInfo } from './flow-log.ts';
import type { Lane, LaneStrip, TokenBar } from './lane-types.ts';
import { packedBars, sameLength } from './lane-reuse.ts';
import { cachedBar } from './token-bar.ts';

/** The API clients that run in this pod (the attackers are left out: they get lanes of their own). */
export function* podClients(log: FlowLog, info: PodInfo, attackers: ReadonlySet<string>): Generator<[string, ActorCalls]> {
  for (const [actor, calls] of log.actors) {
    if (attackers.has(actor) || calls.pod !== info.name || calls.namespace !== info.namespace) continue;
    yield [actor, calls];
  }
}

/** The pod's lane, the one built last time when nothing in it changed. */
export function podLane(log: FlowLog, info: PodInfo, tokens: readonly TokenSummary[], attackers: ReadonlySet<string>): Lane {
  const previous = info.lane;
  const { bars, rows } = packedBars(
    info.bars,
    tokens.map((t) => cachedBar(log, info.bars, t, info.writes.get(t.index))),
    previous,
  );
  const strips: LaneStrip[] = [{ id: `${info.key}/writes`, label: 'file writes', marks: sameLength(previous?.strips[0]?.marks, info.kubelet) }];
  for (const [actor, calls] of podClients(log, info, attackers)) {
    const id = `${info.key}/calls/${actor}`;
    strips.push({ id, label: `${actor} calls`, marks: sameLength(previous?.strips.find((x) => x.id === id)?.marks, calls.marks) });
  }
  const marks = info.deleted ? [info.deleted] : [];
  const label = info.namespace === 'default' ? `pod ${info.name}` : `pod ${info.namespace}/${info.name}`;
  const unchanged =
    previous &&
    previous.bars === bars &&
    previous.label === label &&
    previous.strips.length === strips.length &&
    previous.strips.every((x, i) => x.id === strips[i]!.id && x.marks === strips[i]!.marks) &&
    previous.marks.length === marks.length &&
    previous.marks.every((m, i) => m === marks[i]);
  const lane: Lane = unchanged
    ? previous
    : {
        id: `pod:${info.key}`,
        kind: 'pod',
        label,
        sublabel: podSublabel(bars as TokenBar[], bars[0] as TokenBar | undefined),
        rows,
        bars,
        strips,
        marks,
        compact: false,
      };
  info.lane = lane;
  return lane;
}

function podSublabel(bars: TokenBar[], first: TokenBar | undefined): string {
  if (!first) return 'no token yet';
  if (first.tokenKind === 'legacy') return 'Secret-based token';
  const extended = bars.some((b) => b.extended);
  return extended ? 'projected, exp extended' : 'projected token';
}
