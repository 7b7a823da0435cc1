/**
 * The kubectl lane: the tokens `kubectl create token` asked for (nobody refreshes them), and every kubectl command —
 * console lines, scenario steps and the editor's Apply, which the engine logs as `kubectl apply` — as a mark: a check
 * when it succeeded, a cross and the reason when it failed.
 */
import type { TokenSummary } from '../rpc/engine-protocol.ts';
import type { BarCache, FlowLog } from './flow-log.ts';
import type { Lane } from './lane-types.ts';
import { packedBars, sameLength } from './lane-reuse.ts';
import { cachedBar } from './token-bar.ts';

/** The lane, or `previous` when nothing in it changed. */
export function kubectlLane(log: FlowLog, tokens: readonly TokenSummary[], cache: BarCache, previous: Lane | undefined): Lane {
  const { bars, rows } = packedBars(cache, tokens.map((t) => cachedBar(log, cache, t, undefined)), previous);
  const marks = sameLength(previous?.strips[0]?.marks, log.kubectlMarks);
  return previous && previous.bars === bars && previous.strips[0]!.marks === marks
    ? previous
    : {
        id: 'kubectl',
        kind: 'kubectl',
        label: 'kubectl',
        sublabel: 'tokens it asked for',
        rows,
        bars,
        strips: [{ id: 'kubectl/commands', label: 'commands', marks }],
        marks: [],
        compact: false,
      };
}
