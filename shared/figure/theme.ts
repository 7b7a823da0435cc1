/**
 * Colours, strokes, patterns and type sizes for the timelines, in three themes: light (the default), dark, and
 * projector (near-black on white, thick strokes, bigger type; no meaning carried by a light tint). Colours are the
 * Okabe–Ito palette, and no state is told by colour alone: each also has a pattern, a shape or a word
 * (valid = solid, refresh window = vertical hatch, stolen copy = diagonal hatch + label, outage = cross-hatch,
 * expired/invalidated = end cap + ✗, never expires = arrow, ahead of now = dashed outline).
 */

/** Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

export type ThemeName = 'light' | 'dark' | 'projector';

/** `rotation` stands for many short tokens one after another, when each is too thin to draw on its own. */
export type PatternId = 'refresh' | 'stolen' | 'outage' | 'stale' | 'rotation';

/** A repeating tile: a background and straight strokes, drawn the same way by the canvas and the SVG painter. */
export interface PatternSpec {
  id: PatternId;
  /** Tile size in CSS px. */
  size: number;
  background: string;
  stroke: string;
  lineWidth: number;
  /** vertical: |||, diagonal: ///, cross: ×××, dots: ··· */
  kind: 'vertical' | 'diagonal' | 'cross' | 'dots';
}

export interface TimelineTheme {
  name: ThemeName;
  fontFamily: string;
  /** Backgrounds */
  background: string;
  surface: string;
  laneAlt: string;
  /** Ink */
  text: string;
  mutedText: string;
  grid: string;
  separator: string;
  /** Token states */
  valid: { fill: string; stroke: string; text: string };
  refresh: { stroke: string; text: string };
  stale: { stroke: string; text: string };
  future: { fill: string; stroke: string };
  stolen: { stroke: string; text: string };
  endCap: string;
  cross: string;
  check: string;
  unanswered: string;
  fileWrite: { fill: string; stroke: string };
  statusExpiry: string;
  refreshDue: string;
  outage: { text: string };
  now: { line: string; badge: string; badgeText: string };
  selection: { outer: string; inner: string };
  /** Events found by the event table's search (screen only): a highlighter band down the lanes, and a tab at the top, filled with `outline` and edged with `mark`. */
  searchHit: { band: string; mark: string; outline: string };
  labelChip: string;
  /** The spotlight (spotlight.ts): the wash over everything but its lane, the frame and its tag, and the halo around the frame. */
  spotlight: { dim: string; frame: string; halo: string; tagText: string };
  patterns: Record<PatternId, PatternSpec>;
  /** Geometry and type, in CSS px at 100 % */
  strokeWidth: number;
  capWidth: number;
  barHeight: number;
  rowGap: number;
  stripHeight: number;
  laneTopPad: number;
  laneBottomPad: number;
  minLaneHeight: number;
  glyphSize: number;
  font: {
    flowTitle: number;
    flowSubtitle: number;
    laneLabel: number;
    laneSublabel: number;
    stripLabel: number;
    barLabel: number;
    annotation: number;
    axis: number;
    legend: number;
  };
  labelColumnWidth: number;
  /** Minimum pixels between axis ticks. */
  tickSpacing: number;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";

const metrics = {
  strokeWidth: 1.5,
  capWidth: 4,
  barHeight: 28,
  rowGap: 6,
  stripHeight: 24,
  laneTopPad: 22,
  laneBottomPad: 10,
  minLaneHeight: 64,
  glyphSize: 14,
  font: { flowTitle: 24, flowSubtitle: 16, laneLabel: 18, laneSublabel: 14, stripLabel: 14, barLabel: 15, annotation: 14, axis: 15, legend: 15 },
  labelColumnWidth: 220,
  tickSpacing: 110,
};

export const LIGHT: TimelineTheme = {
  name: 'light',
  fontFamily: FONT,
  background: '#ffffff',
  surface: '#ffffff',
  laneAlt: '#f6f7f9',
  text: '#111827',
  mutedText: '#4b5563',
  grid: '#e5e7eb',
  separator: '#d1d5db',
  valid: { fill: OKABE_ITO.blue, stroke: '#00456b', text: '#ffffff' },
  refresh: { stroke: '#7a5500', text: '#111827' },
  stale: { stroke: '#5b6470', text: '#111827' },
  future: { fill: 'rgba(0, 114, 178, 0.10)', stroke: '#00456b' },
  stolen: { stroke: '#a34700', text: '#8a3c00' },
  endCap: '#111827',
  cross: OKABE_ITO.vermillion,
  check: OKABE_ITO.bluishGreen,
  unanswered: '#4b5563',
  fileWrite: { fill: OKABE_ITO.skyBlue, stroke: '#0b4f75' },
  statusExpiry: OKABE_ITO.reddishPurple,
  // Darker than Okabe–Ito's orange: "80 % → kubelet refreshes" is text on white and lane grey and needs 4.5:1.
  refreshDue: '#8a6000',
  outage: { text: '#374151' },
  now: { line: '#111827', badge: '#111827', badgeText: '#ffffff' },
  selection: { outer: '#111827', inner: '#ffffff' },
  searchHit: { band: 'rgba(240, 228, 66, 0.7)', mark: '#111827', outline: OKABE_ITO.yellow },
  labelChip: 'rgba(255, 255, 255, 0.92)',
  spotlight: { dim: 'rgba(255, 255, 255, 0.78)', frame: '#111827', halo: '#ffffff', tagText: '#ffffff' },
  patterns: {
    refresh: { id: 'refresh', size: 6, background: OKABE_ITO.orange, stroke: '#8a5a00', lineWidth: 1.5, kind: 'vertical' },
    stolen: { id: 'stolen', size: 9, background: '#fbe3d3', stroke: OKABE_ITO.vermillion, lineWidth: 2, kind: 'diagonal' },
    outage: { id: 'outage', size: 10, background: 'rgba(107, 114, 128, 0.10)', stroke: 'rgba(75, 85, 99, 0.35)', lineWidth: 1, kind: 'cross' },
    stale: { id: 'stale', size: 6, background: '#cfe3f0', stroke: '#0b4f75', lineWidth: 1.4, kind: 'dots' },
    rotation: { id: 'rotation', size: 5, background: OKABE_ITO.blue, stroke: '#ffffff', lineWidth: 1.2, kind: 'vertical' },
  },
  ...metrics,
};

export const DARK: TimelineTheme = {
  name: 'dark',
  fontFamily: FONT,
  background: '#15171b',
  surface: '#1c1f24',
  laneAlt: '#20242a',
  text: '#f3f4f6',
  mutedText: '#b6bcc6',
  grid: '#2e333b',
  separator: '#3a404a',
  valid: { fill: OKABE_ITO.skyBlue, stroke: '#cfeaff', text: '#0b1220' },
  refresh: { stroke: '#3b2a00', text: '#0b1220' },
  stale: { stroke: '#cfeaff', text: '#f3f4f6' },
  future: { fill: 'rgba(86, 180, 233, 0.12)', stroke: '#cfeaff' },
  stolen: { stroke: '#ff9a5c', text: '#ffb07f' },
  endCap: '#f3f4f6',
  cross: '#ff8a4c',
  check: '#2fd3a0',
  unanswered: '#b6bcc6',
  fileWrite: { fill: OKABE_ITO.skyBlue, stroke: '#e6f4ff' },
  statusExpiry: OKABE_ITO.reddishPurple,
  refreshDue: OKABE_ITO.orange,
  outage: { text: '#d1d5db' },
  now: { line: '#f3f4f6', badge: '#f3f4f6', badgeText: '#111827' },
  selection: { outer: '#ffffff', inner: '#111827' },
  searchHit: { band: 'rgba(240, 228, 66, 0.38)', mark: OKABE_ITO.yellow, outline: '#15171b' },
  labelChip: 'rgba(28, 31, 36, 0.92)',
  spotlight: { dim: 'rgba(17, 19, 22, 0.8)', frame: '#f3f4f6', halo: '#1c1f24', tagText: '#1c1f24' },
  patterns: {
    refresh: { id: 'refresh', size: 6, background: OKABE_ITO.orange, stroke: '#4a3300', lineWidth: 1.5, kind: 'vertical' },
    stolen: { id: 'stolen', size: 9, background: '#3a2216', stroke: '#ff8a4c', lineWidth: 2, kind: 'diagonal' },
    outage: { id: 'outage', size: 10, background: 'rgba(156, 163, 175, 0.08)', stroke: 'rgba(156, 163, 175, 0.35)', lineWidth: 1, kind: 'cross' },
    stale: { id: 'stale', size: 6, background: '#24465c', stroke: '#cfeaff', lineWidth: 1.4, kind: 'dots' },
    rotation: { id: 'rotation', size: 5, background: OKABE_ITO.skyBlue, stroke: '#15171b', lineWidth: 1.2, kind: 'vertical' },
  },
  ...metrics,
};

/** Pure black on white, strokes ≥ 3 px, type 1.3× bigger: for LCD projectors in lit rooms. */
export const PROJECTOR: TimelineTheme = {
  name: 'projector',
  fontFamily: FONT,
  background: '#ffffff',
  surface: '#ffffff',
  laneAlt: '#ffffff',
  text: '#000000',
  mutedText: '#1f1f1f',
  grid: '#bdbdbd',
  separator: '#000000',
  // Okabe–Ito blue darkened until the white token labels on it reach 7:1 (AAA); #0072B2 gives only 5.2:1.
  valid: { fill: '#005a8c', stroke: '#000000', text: '#ffffff' },
  refresh: { stroke: '#000000', text: '#000000' },
  stale: { stroke: '#000000', text: '#000000' },
  future: { fill: '#ffffff', stroke: '#000000' },
  stolen: { stroke: '#000000', text: '#000000' },
  endCap: '#000000',
  cross: '#b23b00',
  check: '#006b4e',
  unanswered: '#000000',
  fileWrite: { fill: OKABE_ITO.skyBlue, stroke: '#000000' },
  statusExpiry: '#8f3d6e',
  refreshDue: '#000000',
  outage: { text: '#000000' },
  now: { line: '#000000', badge: '#000000', badgeText: '#ffffff' },
  selection: { outer: '#000000', inner: '#ffffff' },
  searchHit: { band: OKABE_ITO.yellow, mark: '#000000', outline: '#ffffff' },
  labelChip: '#ffffff',
  spotlight: { dim: 'rgba(255, 255, 255, 0.82)', frame: '#000000', halo: '#ffffff', tagText: '#ffffff' },
  patterns: {
    refresh: { id: 'refresh', size: 8, background: OKABE_ITO.orange, stroke: '#000000', lineWidth: 2, kind: 'vertical' },
    stolen: { id: 'stolen', size: 11, background: '#ffffff', stroke: OKABE_ITO.vermillion, lineWidth: 3.5, kind: 'diagonal' },
    outage: { id: 'outage', size: 14, background: '#ffffff', stroke: '#b3b3b3', lineWidth: 1.25, kind: 'cross' },
    stale: { id: 'stale', size: 8, background: '#ffffff', stroke: '#000000', lineWidth: 2, kind: 'dots' },
    rotation: { id: 'rotation', size: 6, background: OKABE_ITO.blue, stroke: '#ffffff', lineWidth: 1.5, kind: 'vertical' },
  },
  strokeWidth: 3,
  capWidth: 6,
  barHeight: 36,
  rowGap: 8,
  stripHeight: 30,
  laneTopPad: 28,
  laneBottomPad: 12,
  minLaneHeight: 84,
  glyphSize: 18,
  font: { flowTitle: 30, flowSubtitle: 20, laneLabel: 24, laneSublabel: 18, stripLabel: 18, barLabel: 19, annotation: 18, axis: 20, legend: 19 },
  labelColumnWidth: 260,
  tickSpacing: 140,
};

export const THEMES: Record<ThemeName, TimelineTheme> = { light: LIGHT, dark: DARK, projector: PROJECTOR };

export function themeNamed(name: string | undefined): TimelineTheme {
  return name === 'dark' || name === 'projector' ? THEMES[name] : LIGHT;
}
