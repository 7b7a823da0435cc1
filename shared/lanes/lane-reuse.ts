/**
 * Lanes handed out earlier are never edited: a batch that changes nothing in a lane gives back the same objects, so
 * whatever was memoised on them (the draw plan, React) stays valid, and a changed part is a new object.
 */
import type { BarCache } from './flow-log.ts';
import type { Lane, LaneBar, TokenBar } from './lane-types.ts';

/** `previous` when it is still a copy of `current` (an append-only list that has not grown), else a new copy. */
export function sameLength<T>(previous: readonly T[] | undefined, current: readonly T[]): T[] {
  return previous && previous.length === current.length ? (previous as T[]) : current.slice();
}

/**
 * A lane's token bars with their rows packed. Bars are shared between batches, so a bar whose row changes is
 * copied, never edited (lanes handed out earlier stay as they were). Unchanged bars keep the previous array.
 */
export function packedBars(cache: BarCache, bars: TokenBar[], previous: Lane | undefined): { bars: LaneBar[]; rows: number } {
  if (previous && previous.bars.length === bars.length && bars.every((b, i) => previous.bars[i] === b)) return { bars: previous.bars, rows: previous.rows };
  const rows = packRowsOf(bars);
  const packed = bars.map((b, i) => {
    const row = rows.of[i]!;
    if (b.row === row) return b;
    const moved = { ...b, row };
    const hit = cache.get(b.token);
    if (hit && hit.bar === b) hit.bar = moved;
    return moved;
  });
  return { bars: packed, rows: rows.count };
}

/**
 * First-fit rows: a bar goes to the lowest row whose last bar has ended by the time it starts. Returns the row of each
 * bar (by position in `bars`) and the number of rows, without editing the bars.
 */
function packRowsOf(bars: readonly LaneBar[]): { of: number[]; count: number } {
  const rowEnds: number[] = [];
  const of = new Array<number>(bars.length);
  const order = bars.map((_, i) => i).sort((a, b) => startOf(bars[a]!) - startOf(bars[b]!) || a - b);
  for (const i of order) {
    const b = bars[i]!;
    const start = startOf(b);
    let row = rowEnds.findIndex((end) => end <= start);
    if (row < 0) {
      row = rowEnds.length;
      rowEnds.push(0);
    }
    of[i] = row;
    rowEnds[row] = endOf(b) ?? Number.POSITIVE_INFINITY;
  }
  return { of, count: rowEnds.length };
}

function startOf(b: LaneBar): number {
  return b.type === 'token' ? b.issuedAtMs : b.leakedAtMs;
}

function endOf(b: LaneBar): number | undefined {
  return b.type === 'token' ? b.endMs : b.usableUntilMs;
}
