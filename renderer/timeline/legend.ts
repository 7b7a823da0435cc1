/**
 * The legend: which marks mean what, built from what the lanes actually contain (no "stale" entry for a scenario
 * without extended tokens). Each swatch is made of the same primitives the lanes use, so the legend cannot lie.
 */
import type { TimelineLanes } from '../state/derive-lanes.ts';
import type { Primitive } from './primitives.ts';
import type { TimelineTheme } from './theme.ts';

export type LegendKind =
  | 'valid'
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

export function legendItems(lanes: TimelineLanes): LegendItem[] {
  const has = new Set<LegendKind>(['valid']);
  for (const flow of lanes.flows) {
    if (flow.spans.length > 0) has.add('outage');
    for (const lane of flow.lanes) {
      for (const bar of lane.bars) {
        if (bar.type === 'token') {
          if (bar.endMs === undefined) has.add('open');
          else has.add('end');
          if (bar.segments.some((s) => s.kind === 'refresh')) has.add('refresh');
          if (bar.segments.some((s) => s.kind === 'stale')) has.add('stale');
          if (bar.statusExpirationMs !== undefined && bar.expMs !== undefined && Math.abs(bar.expMs - bar.statusExpirationMs) > 1000) has.add('status-expiry');
          if ((bar.endMs ?? Number.POSITIVE_INFINITY) > lanes.nowMs && lanes.nowMs < lanes.durationMs) has.add('future');
        } else {
          has.add('stolen');
          if (bar.usableUntilMs === undefined) has.add('open');
          else has.add('end');
        }
      }
      for (const mark of [...lane.marks, ...lane.strips.flatMap((s) => s.marks)]) {
        if (mark.kind === 'leak') has.add('leak');
        else if (mark.kind === 'file-write') has.add('write');
        else if (mark.kind === 'call-ok' || mark.kind === 'kubectl-ok') has.add('ok');
        else if (mark.kind === 'call-unanswered') has.add('unanswered');
        else if (mark.kind !== 'pod-deleted') has.add('denied');
      }
    }
  }
  const order: LegendKind[] = ['valid', 'refresh', 'stale', 'end', 'open', 'future', 'stolen', 'leak', 'ok', 'denied', 'unanswered', 'write', 'status-expiry', 'outage'];
  return order.filter((k) => has.has(k)).map((kind) => ({ kind, label: LABELS[kind] }));
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
