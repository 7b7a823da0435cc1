/**
 * The legend: which marks mean what, built from what the lanes actually contain (no "stale" entry for a scenario
 * without extended tokens). Each swatch is made of the same primitives the lanes use, so the legend cannot lie.
 */
import type { Lane, LaneMark, TimelineLanes } from '../lanes/lane-types.ts';
import type { Primitive } from './primitives.ts';
import type { TimelineTheme } from './theme.ts';

export type LegendKind =
  | 'valid'
  | 'rotation'
  | 'refresh'
  | 'stale'
  | 'end'
  | 'open'
  | 'future'
  | 'stolen'
  | 'leak'
  | 'ok'
  | 'denied'
  | 'unanswered'
  | 'write'
  | 'status-expiry'
  | 'outage';

export interface LegendItem {
  kind: LegendKind;
  label: string;
}

const LABELS: Record<LegendKind, string> = {
  valid: 'valid token',
  rotation: 'many tokens, one after another',
  refresh: 'refresh window: the kubelet replaces it',
  stale: 'past warnafter: accepted, audited as stale',
  end: 'expired or invalidated',
  open: 'no exp: never expires',
  future: 'ahead of now',
  stolen: "attacker's copy, while it works",
  leak: 'copied by the attacker',
  ok: 'call accepted',
  denied: 'call rejected (401)',
  unanswered: 'no answer (API server down)',
  write: 'kubelet wrote the token file',
  'status-expiry': "kubelet's expiry (TokenRequest status)",
  outage: 'kubelet or API server down',
};

/** What one lane contributes to the legend, except "ahead of now" (which moves with the clock): kept per lane object. */
interface LaneLegend {
  kinds: LegendKind[];
  /** The latest end of any token bar in the lane (Infinity when one never ends), for "ahead of now". */
  lastTokenEndMs: number;
}

const laneLegends = new WeakMap<Lane, LaneLegend>();

function laneLegend(lane: Lane): LaneLegend {
  const cached = laneLegends.get(lane);
  if (cached) return cached;
  const has = new Set<LegendKind>();
  let lastTokenEndMs = Number.NEGATIVE_INFINITY;
  // A summary lane draws held tokens as plain bars, runs of many as the rotation hatch; one with no exp that is still
  // held goes on "ahead of now".
  for (const row of lane.summary?.rows ?? []) {
    if (row.held.length > 1) has.add('rotation');
    const held = row.held[row.held.length - 1];
    if (held && held.endMs === undefined && held.toMs === undefined && row.deletedMs === undefined) {
      has.add('open');
      lastTokenEndMs = Number.POSITIVE_INFINITY;
    }
  }
  for (const bar of lane.bars) {
    if (bar.type === 'token') {
      if (bar.endMs === undefined) has.add('open');
      else has.add('end');
      for (const s of bar.segments) {
        if (s.kind === 'refresh') has.add('refresh');
        else if (s.kind === 'stale') has.add('stale');
      }
      if (bar.statusExpirationMs !== undefined && bar.expMs !== undefined && Math.abs(bar.expMs - bar.statusExpirationMs) > 1000) has.add('status-expiry');
      lastTokenEndMs = Math.max(lastTokenEndMs, bar.endMs ?? Number.POSITIVE_INFINITY);
    } else {
      has.add('stolen');
      if (bar.usableUntilMs === undefined) has.add('open');
      else has.add('end');
    }
  }
  const addMarks = (marks: readonly LaneMark[]) => {
    for (const mark of marks) {
      if (mark.kind === 'leak') has.add('leak');
      else if (mark.kind === 'file-write') has.add('write');
      else if (mark.kind === 'call-ok' || mark.kind === 'kubectl-ok') has.add('ok');
      else if (mark.kind === 'call-unanswered') has.add('unanswered');
      else if (mark.kind !== 'pod-deleted') has.add('denied');
    }
  };
  addMarks(lane.marks);
  for (const strip of lane.strips) addMarks(strip.marks);
  const legend = { kinds: [...has], lastTokenEndMs };
  laneLegends.set(lane, legend);
  return legend;
}

/** The legend entries for what the lanes contain. Lanes are immutable and reused between batches: each is read once. */
export function legendItems(lanes: TimelineLanes): LegendItem[] {
  const has = new Set<LegendKind>(['valid']);
  const future = lanes.nowMs < lanes.durationMs;
  for (const flow of lanes.flows) {
    if (flow.spans.length > 0) has.add('outage');
    for (const lane of flow.lanes) {
      const legend = laneLegend(lane);
      for (const kind of legend.kinds) has.add(kind);
      if (future && legend.lastTokenEndMs > lanes.nowMs) has.add('future');
    }
  }
  return ORDER.filter((k) => has.has(k)).map((kind) => ({ kind, label: LABELS[kind] }));
}

const ORDER: readonly LegendKind[] = ['valid', 'rotation', 'refresh', 'stale', 'end', 'open', 'future', 'stolen', 'leak', 'ok', 'denied', 'unanswered', 'write', 'status-expiry', 'outage'];

/** Every entry the legend can have, in its order (the guide explains them all, whatever is on screen now). */
export function allLegendItems(): LegendItem[] {
  return ORDER.map((kind) => ({ kind, label: LABELS[kind] }));
}

/** The swatch for `kind`, in a w × h box at (x, y). */
export function legendSwatch(kind: LegendKind, theme: TimelineTheme, x: number, y: number, w: number, h: number): Primitive[] {
  const cy = y + h / 2;
  const g = Math.min(theme.glyphSize + 2, h + 4);
  const sw = theme.strokeWidth;
  const role = 'legend' as const;
  switch (kind) {
    case 'valid':
      return [{ type: 'rect', x, y, w, h, fill: theme.valid.fill, stroke: theme.valid.stroke, strokeWidth: sw, role }];
    case 'rotation':
      return [{ type: 'rect', x, y, w, h, pattern: 'rotation', stroke: theme.valid.stroke, strokeWidth: sw, role }];
    case 'refresh':
      return [{ type: 'rect', x, y, w, h, pattern: 'refresh', stroke: theme.valid.stroke, strokeWidth: sw, role }];
    case 'stale':
      return [{ type: 'rect', x, y, w, h, pattern: 'stale', stroke: theme.valid.stroke, strokeWidth: sw, role }];
    case 'end':
      return [
        { type: 'rect', x, y, w: w * 0.45, h, fill: theme.valid.fill, stroke: theme.valid.stroke, strokeWidth: sw, role },
        { type: 'line', x1: x + w * 0.45, y1: y - 3, x2: x + w * 0.45, y2: y + h + 3, stroke: theme.endCap, strokeWidth: theme.capWidth, role },
        { type: 'glyph', glyph: 'cross', x: x + w * 0.45 + theme.capWidth / 2 + g / 2 + 2, y: cy, size: g, color: theme.cross, role },
      ];
    case 'open':
      return [
        { type: 'rect', x, y, w: w - h * 0.9, h, fill: theme.valid.fill, stroke: theme.valid.stroke, strokeWidth: sw, role },
        { type: 'arrow', x: x + w, y: cy, size: h * 0.95, fill: theme.valid.fill, stroke: theme.valid.stroke, strokeWidth: sw, role },
      ];
    case 'future':
      return [{ type: 'rect', x, y, w, h, fill: theme.future.fill, stroke: theme.future.stroke, strokeWidth: sw, dash: [6, 4], role }];
    case 'stolen':
      return [{ type: 'rect', x, y, w, h, pattern: 'stolen', stroke: theme.stolen.stroke, strokeWidth: sw, role }];
    case 'leak':
      return [{ type: 'glyph', glyph: 'down', x: x + w / 2, y: cy, size: g, color: theme.stolen.stroke, outline: theme.surface, role }];
    case 'ok':
      return [{ type: 'glyph', glyph: 'check', x: x + w / 2, y: cy, size: g, color: theme.check, role }];
    case 'denied':
      return [{ type: 'glyph', glyph: 'cross', x: x + w / 2, y: cy, size: g, color: theme.cross, role }];
    case 'unanswered':
      return [{ type: 'glyph', glyph: 'dash', x: x + w / 2, y: cy, size: g, color: theme.unanswered, role }];
    case 'write':
      return [{ type: 'glyph', glyph: 'dot', x: x + w / 2, y: cy, size: g, color: theme.fileWrite.fill, outline: theme.fileWrite.stroke, role }];
    case 'status-expiry':
      return [{ type: 'glyph', glyph: 'diamond', x: x + w / 2, y: cy, size: g, color: theme.statusExpiry, outline: theme.surface, role }];
    case 'outage':
      return [{ type: 'rect', x, y, w, h, pattern: 'outage', stroke: theme.outage.text, strokeWidth: 1, dash: [3, 3], role }];
  }
}
