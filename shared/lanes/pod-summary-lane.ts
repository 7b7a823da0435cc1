/**
 * Many pods in one lane (a flow with `SUMMARY_MIN_PODS` or more): a thin row per pod showing which token its file
 * held when, under a caption that says what the rows show ("each pod's token is replaced every ~48 m").
 */
import type { TokenSummary } from '../rpc/engine-protocol.ts';
import { formatDuration } from '../time/duration.ts';
import type { FlowLog, PodInfo } from './flow-log.ts';
import type { Lane, PodRow } from './lane-types.ts';

/** One formatter for every caption ("7,200 tokens"): `toLocaleString` builds a new one on every call. */
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** A pod's summary row, extended by the tokens written since the last batch (a row object per change). */
export function podRow(log: FlowLog, info: PodInfo, allTokens: ReadonlyMap<number, TokenSummary>): PodRow {
  let changed = false;
  if (info.spansStale) {
    info.spans = [];
    info.spansBuilt = 0;
    info.closedCount = 0;
    info.closedMs = 0;
    info.spansStale = false;
    changed = true;
  }
  for (let k = info.spansBuilt; k < info.changes.length; k++) {
    const change = info.changes[k]!;
    const t = allTokens.get(change.token);
    if (!t) break; // its summary comes with a later batch
    const last = info.spans[info.spans.length - 1];
    if (last) {
      info.spans[info.spans.length - 1] = { ...last, toMs: change.atMs };
      info.closedCount++;
      info.closedMs += change.atMs - last.fromMs;
    }
    const inv = log.invalidated.get(change.token);
    let endMs = t.jwtExpiresAtMs;
    if (inv && (endMs === undefined || inv.atMs < endMs)) endMs = inv.atMs;
    info.spans.push({ token: change.token, number: t.number, tokenKind: t.kind, fromMs: change.atMs, toMs: undefined, endMs });
    info.spansBuilt = k + 1;
    changed = true;
  }
  const deletedMs = info.deleted?.atMs;
  if (!changed && info.row && info.row.deletedMs === deletedMs) return info.row;
  info.row = { key: info.key, name: info.namespace === 'default' ? info.name : `${info.namespace}/${info.name}`, deletedMs, held: info.spans.slice() };
  return info.row;
}

/** The summary lane over these rows. */
export function summaryLane(log: FlowLog, rows: PodRow[]): Lane {
  let spans = 0;
  let closed = 0;
  let closedMs = 0;
  for (const info of log.pods.values()) {
    spans += info.spans.length;
    closed += info.closedCount;
    closedMs += info.closedMs;
  }
  const anyBound = rows.some((r) => r.held.some((h) => h.tokenKind === 'bound'));
  const tokens = log.writtenInto.size;
  const first = rows.find((r) => r.held.length > 0)?.held[0];
  const count = (n: number, word: string) => `${COUNT_FORMAT.format(n)} ${word}${n === 1 ? '' : 's'}`;
  let caption: string;
  if (spans === 0 || !first) caption = 'no pod has a token yet';
  else if (!anyBound && tokens === 1 && closed === 0) caption = `every pod holds the same token #${first.number}: no exp claim, nothing rotates it`;
  else if (closed === 0) caption = `${count(tokens, 'token')} so far, none replaced yet`;
  else caption = `each pod's token is replaced every ~${formatDuration(Math.max(60_000, Math.round(closedMs / closed / 60_000) * 60_000))}: ${count(tokens, 'token')} so far`;
  return {
    id: 'pods',
    kind: 'pods',
    label: count(rows.length, 'pod'),
    sublabel: 'one row per pod',
    rows: rows.length,
    bars: [],
    strips: [],
    marks: [],
    compact: true,
    summary: { rows, caption, tokens },
  };
}
