/**
 * A pasted token on a small timeline of its own: iat, nbf, the kubelet's refresh point, warnafter, exp and the
 * machine's "now", on an axis that breaks where one gap dwarfs the others (a one-year exp beside a one-hour warnafter
 * would otherwise squash the hour into one pixel). Pure: times come in as numbers, positions go out as
 * fractions of the width, and label rows are decided with the timelines' text metrics, so tests need no DOM.
 */
import { estimateTextWidth } from '../../../shared/figure/text-metrics.ts';
import { formatSeconds } from '../../../shared/time/duration.ts';
import { formatUtc } from '../../../shared/explain/claim-explanations.ts';
import { KUBELET_MAX_TTL_SEC, refreshThresholds } from '../../../shared/engine/token-rules.ts';


export type MarkId = 'iat' | 'nbf' | 'refresh' | 'warnafter' | 'exp';

export interface TimelineInput {
  /** NumericDate claims as numbers of seconds, when present and numeric (13-digit values included, read as seconds). */
  iat?: number;
  nbf?: number;
  exp?: number;
  warnAfter?: number;
  /** Only pod-bound tokens are ever refreshed by a kubelet. */
  podBound: boolean;
  legacy: boolean;
  nowSec: number;
}

export interface TimelineMark {
  /** Claims that fall on this instant ("iat" and "nbf" coincide on every Kubernetes token). */
  ids: MarkId[];
  epochSec: number;
  x: number;
  /** "iat = nbf", "refresh due", "warnafter", "exp". */
  name: string;
  /** The offset from iat ("+47 m 57 s") or, without iat, the UTC date. */
  detail: string;
}

export type SpanKind = 'valid' | 'refresh' | 'stale' | 'not-yet-valid';

export interface TimelineSpan {
  kind: SpanKind;
  fromX: number;
  toX: number;
  /** Labels to try inside the bar, longest first; the painter shows the first that fits, or none. */
  labels: string[];
  /** The bar runs off the left edge: the start is not in the token (legacy tokens have no iat). */
  openStart?: boolean;
  /** The bar runs off the right edge: nothing in the token ends it. */
  openEnd?: boolean;
  /** Where the room for the label ends, when a later span is drawn over the end of this one. */
  labelToX?: number;
}

export interface TimelineBreak {
  fromX: number;
  toX: number;
  /** The time the break stands for: "≈ 365 d". */
  label: string;
}

export interface KubeletRefresh {
  /** The lifetime the kubelet plans from: warnafter − iat on an extended token, else exp − iat. */
  lifetimeSec: number;
  /** Age at which a refresh is due with no jitter (80 % of the lifetime, or 24 h), and with the most jitter. */
  dueAgeSec: number;
  earliestDueAgeSec: number;
  fromSec: number;
  untilSec: number;
}

export interface PasteTimeline {
  marks: TimelineMark[];
  spans: TimelineSpan[];
  breaks: TimelineBreak[];
  now: { x: number; detail: string };
  refresh?: KubeletRefresh;
  /** Who refreshes this token, in words. */
  kubeletNote: string;
  /** The whole picture as text: the accessible twin of the drawing. */
  description: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Scale

/** Empty margin at each end, as a fraction of the width. */
const EDGE_PAD = 0.05;
/** Width of one axis break, as a fraction of the width. */
const BREAK_WIDTH = 0.16;
/**
 * The longest lifetime a TokenRequest may ask for (2^32 s, "may not specify a duration larger than 2^32 seconds").
 * A longer one is not a real lifetime (an exp in milliseconds, say), so the axis may break inside it.
 */
const MAX_LIFETIME_SEC = 2 ** 32;
/** A gap more than this many times all the shorter gaps together is drawn as a break. */
const BREAK_FACTOR = 3;

export interface PiecewiseScale {
  toX(epochSec: number): number;
  breaks: Array<{ fromSec: number; toSec: number; fromX: number; toX: number }>;
}

/**
 * A piecewise-linear scale through the given instants. From the longest gap down, a gap more than BREAK_FACTOR times
 * all the shorter ones together becomes a fixed-width break (a year beside an hour, a millisecond exp beside a
 * minute); the other gaps share the remaining width in proportion to their length. Gaps inside `keepWhole` (the
 * token's working life) are never broken, so its 80 % point stays at 80 %.
 */
export function piecewiseScale(instants: readonly number[], keepWhole?: readonly [number, number]): PiecewiseScale {
  const points = [...new Set(instants.filter(Number.isFinite))].sort((a, b) => a - b);
  if (points.length < 2) return { toX: () => 0.5, breaks: [] };
  const gaps = points.slice(1).map((t, i) => t - points[i]!);
  const kept = gaps.map((_, i) => keepWhole !== undefined && points[i]! >= keepWhole[0] && points[i + 1]! <= keepWhole[1]);
  const broken = gaps.map(() => false);
  const bySize = gaps.map((g, i) => [g, i] as const).sort((a, b) => b[0] - a[0]);
  let shorter = gaps.reduce((sum, g) => sum + g, 0);
  for (const [g, i] of bySize) {
    shorter -= g;
    if (kept[i]) continue;
    if (!(shorter > 0 && g > BREAK_FACTOR * shorter)) break;
    broken[i] = true;
  }
  const brokenCount = broken.filter(Boolean).length;
  const linearTotal = gaps.reduce((sum, g, i) => (broken[i] ? sum : sum + g), 0);
  const usable = 1 - 2 * EDGE_PAD;
  const breakWidth = Math.min(BREAK_WIDTH, usable / (brokenCount + 1));
  const linearWidth = usable - brokenCount * breakWidth;

  const xs = [EDGE_PAD];
  gaps.forEach((g, i) => xs.push(xs[i]! + (broken[i] ? breakWidth : linearTotal > 0 ? (g / linearTotal) * linearWidth : 0)));

  const toX = (t: number): number => {
    if (t <= points[0]!) return xs[0]!;
    for (let i = 0; i < gaps.length; i++) {
      const end = points[i + 1]!;
      if (t <= end) {
        const g = gaps[i]!;
        return g > 0 ? xs[i]! + ((t - points[i]!) / g) * (xs[i + 1]! - xs[i]!) : xs[i + 1]!;
      }
    }
    return xs[xs.length - 1]!;
  };
  const breaks = gaps.flatMap((_, i) =>
    broken[i] ? [{ fromSec: points[i]!, toSec: points[i + 1]!, fromX: xs[i]!, toX: xs[i + 1]! }] : [],
  );
  return { toX, breaks };
}

// ---------------------------------------------------------------------------------------------------------------
// Durations as the marks show them

const ROUGH_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['y', 365 * 86_400],
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
];

/** One unit, rounded: "≈ 365 d" reads better than "364 d 22 h" under a break; 365 d becomes "≈ 1 y". */
export function roughDuration(seconds: number): string {
  const abs = Math.abs(seconds);
  for (let i = 0; i < ROUGH_UNITS.length; i++) {
    const [unit, size] = ROUGH_UNITS[i]!;
    if (abs < size && i < ROUGH_UNITS.length - 1) continue;
    const rounded = Math.round(abs / size);
    const bigger = ROUGH_UNITS[i - 1];
    if (bigger && rounded * size >= bigger[1]) return `≈ ${Math.round(abs / bigger[1]).toLocaleString('en-US')} ${bigger[0]}`;
    return `≈ ${rounded.toLocaleString('en-US')} ${unit}`;
  }
  return '≈ 0 s';
}

/** Under a day, exact to the second ("1 h 0 m 7 s", since the 7 s are the point of 3607); beyond, roughly. */
export function markOffset(seconds: number): string {
  const sign = seconds < 0 ? '−' : '+';
  const abs = Math.abs(seconds);
  if (abs >= 86_400) return `${sign}${roughDuration(abs).replace('≈ ', '')}`;
  const whole = Math.round(abs);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  if (h > 0) return `${sign}${h} h${m > 0 || s > 0 ? ` ${m} m` : ''}${s > 0 ? ` ${s} s` : ''}`;
  if (m > 0) return `${sign}${m} m${s > 0 ? ` ${s} s` : ''}`;
  return `${sign}${s} s`;
}

// ---------------------------------------------------------------------------------------------------------------
// The kubelet's refresh rule (shared/engine/token-rules.ts, docs/kubernetes-facts.md §1)

/**
 * When a kubelet would renew this token if it were the pod's projected token: once its age passes
 * E − ⌊E·20/100⌋ − jitter or 24 h − jitter, where E is the lifetime the kubelet asked for. On an extended token that is
 * warnafter − iat (the 3607 s in the TokenRequest status), not the year in exp.
 */
export function kubeletRefresh(iat: number, exp: number | undefined, warnAfter: number | undefined): KubeletRefresh | undefined {
  const end = warnAfter !== undefined && (exp === undefined || warnAfter < exp) ? warnAfter : exp;
  if (end === undefined || !(end > iat)) return undefined;
  const lifetimeSec = end - iat;
  const { dueAgeSec, earliestDueAgeSec } = refreshThresholds(lifetimeSec);
  return { lifetimeSec, dueAgeSec, earliestDueAgeSec, fromSec: iat + earliestDueAgeSec, untilSec: end };
}

// ---------------------------------------------------------------------------------------------------------------
// The timeline

export function buildTimeline(input: TimelineInput): PasteTimeline {
  const { iat, nbf, exp, warnAfter, podBound, legacy, nowSec } = input;
  const extended = warnAfter !== undefined && exp !== undefined && iat !== undefined && warnAfter > iat && warnAfter < exp;
  const refresh = podBound && iat !== undefined ? kubeletRefresh(iat, exp, warnAfter) : undefined;

  const named: Array<{ id: MarkId; sec: number }> = [];
  if (iat !== undefined) named.push({ id: 'iat', sec: iat });
  if (nbf !== undefined) named.push({ id: 'nbf', sec: nbf });
  if (refresh) named.push({ id: 'refresh', sec: refresh.fromSec });
  if (warnAfter !== undefined) named.push({ id: 'warnafter', sec: warnAfter });
  if (exp !== undefined) named.push({ id: 'exp', sec: exp });

  const lifeEnd = extended ? warnAfter : exp;
  const keepWhole = iat !== undefined && lifeEnd !== undefined && lifeEnd > iat && lifeEnd - iat <= MAX_LIFETIME_SEC ? ([iat, lifeEnd] as const) : undefined;
  const scale = piecewiseScale([...named.map((n) => n.sec), nowSec], keepWhole);

  const detailOf = (sec: number): string => (iat !== undefined ? (sec === iat ? 'issued' : markOffset(sec - iat)) : shortUtc(sec));
  const byInstant = new Map<number, MarkId[]>();
  for (const n of named) byInstant.set(n.sec, [...(byInstant.get(n.sec) ?? []), n.id]);
  const marks: TimelineMark[] = [...byInstant.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([sec, ids]) => ({ ids, epochSec: sec, x: scale.toX(sec), name: ids.map(markName).join(' = '), detail: detailOf(sec) }));

  const spans = buildSpans(input, scale.toX, extended, refresh);
  const breaks = scale.breaks.map((b) => ({ fromX: b.fromX, toX: b.toX, label: roughDuration(b.toSec - b.fromSec) }));
  const now = {
    x: named.length === 0 ? 0.5 : scale.toX(nowSec),
    detail: iat !== undefined ? offsetWords(nowSec, iat, 'iat') : exp !== undefined ? offsetWords(nowSec, exp, 'exp') : '',
  };

  return {
    marks,
    spans,
    breaks,
    now,
    ...(refresh ? { refresh } : {}),
    kubeletNote: kubeletNote(refresh, { legacy, podBound, extended }),
    description: describe(marks, { iat, exp, legacy, nowSec }, refresh),
  };
}

function markName(id: MarkId): string {
  return id === 'refresh' ? 'refresh due' : id;
}

function shortUtc(sec: number): string {
  return formatUtc(sec * 1000).replace(/:\d\d(\.\d+)? UTC$/, ' UTC');
}

/** "1 h 0 m 7 s after iat", "3 d before exp". */
function offsetWords(sec: number, reference: number, name: string): string {
  const text = markOffset(Math.abs(sec - reference)).slice(1);
  return sec >= reference ? `${text} after ${name}` : `${text} before ${name}`;
}

function buildSpans(
  input: TimelineInput,
  toX: (sec: number) => number,
  extended: boolean,
  refresh: KubeletRefresh | undefined,
): TimelineSpan[] {
  const { iat, nbf, exp, warnAfter, legacy } = input;
  if (legacy && iat === undefined && exp === undefined) {
    return [{ kind: 'valid', fromX: 0, toX: 1, openStart: true, openEnd: true, labels: ['valid until its Secret is deleted', 'valid, no end', 'valid'] }];
  }
  const spans: TimelineSpan[] = [];
  const start = nbf !== undefined && (iat === undefined || nbf > iat) ? nbf : iat;
  if (iat !== undefined && nbf !== undefined && nbf > iat) {
    spans.push({ kind: 'not-yet-valid', fromX: toX(iat), toX: toX(nbf), labels: ['not valid yet', 'wait'] });
  }
  if (exp !== undefined && start !== undefined && exp <= start) return spans;
  const validEnd = extended ? warnAfter : exp;
  spans.push({
    kind: 'valid',
    fromX: start !== undefined ? toX(start) : 0,
    toX: validEnd !== undefined ? toX(validEnd) : 1,
    labels: extended ? ['the hour it was asked for', 'valid', '✓'] : ['valid', '✓'],
    ...(start === undefined ? { openStart: true } : {}),
    ...(validEnd === undefined ? { openEnd: true } : {}),
    ...(refresh ? { labelToX: toX(refresh.fromSec) } : {}),
  });
  if (refresh) spans.push({ kind: 'refresh', fromX: toX(refresh.fromSec), toX: toX(refresh.untilSec), labels: ['kubelet refreshes', 'refresh'] });
  if (extended && exp !== undefined && warnAfter !== undefined) {
    spans.push({ kind: 'stale', fromX: toX(warnAfter), toX: toX(exp), labels: ['still accepted, each use audited as stale', 'accepted, audited as stale', 'stale'] });
  }
  return spans;
}

function kubeletNote(refresh: KubeletRefresh | undefined, token: { legacy: boolean; podBound: boolean; extended: boolean }): string {
  if (token.legacy) return 'Nothing refreshes a legacy token: it stays the same until its Secret is deleted.';
  if (!token.podBound) {
    return 'No kubelet refreshes this token: a kubelet renews only the tokens it mounts into pods, and this one is not bound to a pod. Whoever made it must ask for a new one before it expires.';
  }
  if (!refresh) return 'A kubelet plans its refresh from iat and the lifetime it asked for; this token lacks the times to work that out.';
  const lifetime = formatSeconds(refresh.lifetimeSec);
  const from = formatSeconds(refresh.earliestDueAgeSec).replace(/ s$/, '');
  const to = formatSeconds(refresh.dueAgeSec);
  const rule =
    refresh.dueAgeSec === KUBELET_MAX_TTL_SEC
      ? `older than a day (24 h less 0–9 s of jitter; the kubelet never keeps a token longer)`
      : `older than ${from}–${to} (80 % of ${lifetime}, less 0–9 s of jitter)`;
  return (
    'If this is a pod’s projected token, its kubelet asks the API server for a new one once this one is ' +
    `${rule}, and writes it into the pod at the next pod sync, every 60–90 s.` +
    (token.extended ? ` It plans from the ${lifetime} it asked for (up to warnafter), not from the year in exp.` : '')
  );
}

function describe(
  marks: readonly TimelineMark[],
  token: { iat: number | undefined; exp: number | undefined; legacy: boolean; nowSec: number },
  refresh: KubeletRefresh | undefined,
): string {
  const { iat } = token;
  const parts = marks.map(
    (m) => `${m.name} ${formatUtc(m.epochSec * 1000)}${iat !== undefined && !m.ids.includes('iat') ? ` (${offsetWords(m.epochSec, iat, 'iat')})` : ''}`,
  );
  if (token.legacy && marks.length === 0) parts.push('no iat and no exp: valid from when its Secret was made until the Secret is deleted');
  else if (token.exp === undefined) parts.push('no exp: nothing ends it');
  if (refresh) parts.push(`kubelet refresh due from ${formatSeconds(refresh.earliestDueAgeSec)} of age`);
  parts.push(`now ${formatUtc(token.nowSec * 1000)}`);
  return parts.join('; ') + '.';
}

// ---------------------------------------------------------------------------------------------------------------
// Label rows

export interface LabelBox {
  /** Where the label points, in px. */
  anchorX: number;
  /** The label's width, in px. */
  width: number;
}

export interface PlacedLabel {
  left: number;
  row: number;
}

/**
 * Greedy rows: each label (in the order given, left to right) is centred on its anchor, kept inside the width, and put
 * in the first row where it does not touch the previous label of that row. Past `maxRows` it goes to the last row.
 */
export function placeLabels(boxes: readonly LabelBox[], widthPx: number, gapPx: number, maxRows: number): PlacedLabel[] {
  const rowEnds: number[] = [];
  return boxes.map((box) => {
    const left = Math.max(0, Math.min(widthPx - box.width, box.anchorX - box.width / 2));
    let row = rowEnds.findIndex((end) => left >= end + gapPx);
    if (row < 0) row = rowEnds.length < maxRows ? rowEnds.length : maxRows - 1;
    rowEnds[row] = Math.max(rowEnds[row] ?? -Infinity, left + box.width);
    return { left, row };
  });
}

/** Width of a two-line mark label (name over detail) at the given sizes. */
export function markLabelWidth(mark: Pick<TimelineMark, 'name' | 'detail'>, nameSizePx: number, detailSizePx: number): number {
  return Math.max(estimateTextWidth(mark.name, nameSizePx, 700), estimateTextWidth(mark.detail, detailSizePx));
}
