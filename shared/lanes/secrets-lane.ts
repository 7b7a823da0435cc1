/**
 * Tokens in no pod: the token Secrets a legacy cluster makes for every ServiceAccount that no pod mounts, or projected
 * tokens nobody holds. Thin bars, background detail rather than the story.
 */
import type { TokenSummary } from '../rpc/engine-protocol.ts';
import type { BarCache, FlowLog } from './flow-log.ts';
import type { Lane } from './lane-types.ts';
import { packedBars } from './lane-reuse.ts';
import { cachedBar } from './token-bar.ts';

/** The lane, or `previous` when nothing in it changed. */
export function secretsLane(log: FlowLog, legacy: boolean, tokens: readonly TokenSummary[], cache: BarCache, previous: Lane | undefined): Lane {
  const { bars, rows } = packedBars(cache, tokens.map((t) => cachedBar(log, cache, t, undefined)), previous);
  const label = legacy ? 'other Secrets' : 'unmounted tokens';
  return previous && previous.bars === bars && previous.label === label
    ? previous
    : {
        id: 'secrets',
        kind: 'secrets',
        label,
        sublabel: `${tokens.length === 1 ? 'token' : 'tokens'} ${tokens.map((t) => `#${t.number}`).join(', ')}, in no pod`,
        rows,
        bars,
        strips: [],
        marks: [],
        compact: true,
      };
}
