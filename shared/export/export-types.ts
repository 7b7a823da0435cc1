/**
 * What an export is asked for, the presets the dialog offers, and the moment an exported file carries so that
 * dropping it back into the app reopens the same scenario at the same playhead. Pure data and validators: the
 * renderer's dialog, the desktop settings file, the CLI and the file importer all share them.
 */
import { EXPORT_MAX_FLOWS, formatLimit, overBudget, SCENARIO_MAX_CHARS, SOURCE_NAME_MAX_CHARS } from '../limits/input-budgets.ts';
import { type Checked, describeValue, isRecord } from '../validation/checked.ts';
import { validateAnimationSettings, type AnimationSettings } from './animation/animation-settings.ts';

/** A still image or document, or an animation (its container and timing in `ExportSettings.animation`). */
export type ExportFormat = 'png' | 'svg' | 'pdf' | 'animation';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['png', 'svg', 'pdf', 'animation'];

export type ExportScale = 1 | 2 | 4;
export const EXPORT_SCALES: readonly ExportScale[] = [1, 2, 4];

/** The timeline's themes (the renderer's TimelineTheme names); an export picks one independently of the screen. */
export type ThemeName = 'light' | 'dark' | 'projector';

export type ExportBackground = 'solid' | 'transparent';
export const EXPORT_THEMES: readonly ThemeName[] = ['light', 'dark', 'projector'];

/** The lanes a user can leave out of an export (the pod lanes are the figure itself and always stay). */
export type OptionalLane = 'attacker' | 'kubectl' | 'secrets';
export const OPTIONAL_LANES: readonly OptionalLane[] = ['attacker', 'kubectl', 'secrets'];

export const MIN_EXPORT_WIDTH_PX = 640;
export const MAX_EXPORT_WIDTH_PX = 3840;
export const MIN_EXPORT_HEIGHT_PX = 360;
export const MAX_EXPORT_HEIGHT_PX = 4320;

/**
 * The settings of one export, independent of the screen: its own theme, its own size, its own choice of flows and
 * lanes. `fromMs`/`toMs` absent means the whole scenario; `flows` absent means every flow.
 */
export interface ExportSettings {
  format: ExportFormat;
  theme: ThemeName;
  /** PNG only: device pixels per CSS pixel. */
  scale: ExportScale;
  /** PNG and SVG; a PDF page is always solid. */
  background: ExportBackground;
  /** Width of the figure in CSS px. */
  widthPx: number;
  /**
   * Height of the page in CSS px, for a fixed aspect (a 16:9 slide): the figure is centred on it, scaled down when its
   * lanes need more room. Absent, the height follows from the content.
   */
  heightPx?: number;
  fromMs?: number;
  toMs?: number;
  flows?: string[];
  hiddenLanes: OptionalLane[];
  legend: boolean;
  annotations: boolean;
  /**
   * The animation's container, length, frame rate and loop: required when `format` is 'animation', and kept (unused)
   * with the other formats, so the dialog remembers it. The window is the range the playhead moves over.
   */
  animation?: AnimationSettings;
}

export interface ExportPreset {
  name: string;
  settings: ExportSettings;
}

export const DEFAULT_EXPORT_SETTINGS: Readonly<ExportSettings> = Object.freeze({
  format: 'png',
  theme: 'light',
  scale: 2,
  background: 'solid',
  widthPx: 1600,
  hiddenLanes: [],
  legend: true,
  annotations: true,
});

export const BUILTIN_EXPORT_PRESETS: readonly ExportPreset[] = Object.freeze([
  // A slide tells the main story only: the kubectl commands and the other Secrets are detail a class cannot read there.
  { name: 'Slides 16:9', settings: { ...DEFAULT_EXPORT_SETTINGS, theme: 'projector', scale: 2, widthPx: 1920, heightPx: 1080, background: 'solid', hiddenLanes: ['kubectl', 'secrets'] } },
  { name: 'Docs, 2×, transparent', settings: { ...DEFAULT_EXPORT_SETTINGS, theme: 'light', scale: 2, widthPx: 1200, background: 'transparent' } },
  { name: 'Print handout (PDF)', settings: { ...DEFAULT_EXPORT_SETTINGS, format: 'pdf', theme: 'light', widthPx: 1600 } },
  { name: 'Vector for editing (SVG)', settings: { ...DEFAULT_EXPORT_SETTINGS, format: 'svg', theme: 'light', widthPx: 1600 } },
]);

/** What the dialog remembers between exports (desktop: the settings file; browser: local storage). */
export interface ExportMemory {
  last: ExportSettings;
  /** The user's own named presets, after the built-in ones. */
  presets: ExportPreset[];
}

export const MAX_USER_PRESETS = 20;

/** The moment an exported image reopens: which scenario (its whole text, annotations included) and where. */
export interface ExportMoment {
  /** Bumped when the shape changes; readers refuse versions they do not know. */
  version: 1;
  scenarioText: string;
  sourceName: string;
  playheadMs: number;
  /** The time window on screen when it was exported. */
  view: { startMs: number; endMs: number };
}

/** A value as JSON for an error message, cut short: a hostile payload can be megabytes long. */
function shortJson(value: unknown): string {
  // JSON.stringify has no text for a missing field and writes NaN as null.
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return describeValue(value);
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function isMs(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Checks untrusted settings (an IPC payload, a settings file, local storage) field by field. */
export function validateExportSettings(value: unknown, path = 'export'): Checked<ExportSettings> {
  if (!isRecord(value)) return { ok: false, error: `${path}: expected an object` };
  const bad = (field: string, expected: string): Checked<ExportSettings> => ({ ok: false, error: `${path}.${field}: expected ${expected}, got ${shortJson(value[field])}` });
  const allowed = new Set(['format', 'theme', 'scale', 'background', 'widthPx', 'heightPx', 'fromMs', 'toMs', 'flows', 'hiddenLanes', 'legend', 'annotations', 'animation']);
  for (const key of Object.keys(value)) if (!allowed.has(key)) return { ok: false, error: `${path}: unknown field "${key}"` };
  if (!EXPORT_FORMATS.includes(value.format as ExportFormat)) return bad('format', EXPORT_FORMATS.join(' | '));
  if (!EXPORT_THEMES.includes(value.theme as ThemeName)) return bad('theme', EXPORT_THEMES.join(' | '));
  if (!EXPORT_SCALES.includes(value.scale as ExportScale)) return bad('scale', EXPORT_SCALES.join(' | '));
  if (value.background !== 'solid' && value.background !== 'transparent') return bad('background', 'solid | transparent');
  const w = value.widthPx;
  if (typeof w !== 'number' || !Number.isInteger(w) || w < MIN_EXPORT_WIDTH_PX || w > MAX_EXPORT_WIDTH_PX) return bad('widthPx', `an integer from ${MIN_EXPORT_WIDTH_PX} to ${MAX_EXPORT_WIDTH_PX}`);
  const h = value.heightPx;
  if (h !== undefined && (typeof h !== 'number' || !Number.isInteger(h) || h < MIN_EXPORT_HEIGHT_PX || h > MAX_EXPORT_HEIGHT_PX)) return bad('heightPx', `an integer from ${MIN_EXPORT_HEIGHT_PX} to ${MAX_EXPORT_HEIGHT_PX}`);
  if (value.fromMs !== undefined && !isMs(value.fromMs)) return bad('fromMs', 'milliseconds ≥ 0');
  if (value.toMs !== undefined && !isMs(value.toMs)) return bad('toMs', 'milliseconds ≥ 0');
  if (isMs(value.fromMs) && isMs(value.toMs) && value.toMs <= value.fromMs) return bad('toMs', `a time after fromMs (${value.fromMs})`);
  if (value.flows !== undefined && !(Array.isArray(value.flows) && value.flows.length <= EXPORT_MAX_FLOWS && value.flows.every((f) => typeof f === 'string' && f.length > 0 && f.length <= 100))) {
    return bad('flows', `a list of at most ${EXPORT_MAX_FLOWS} flow ids`);
  }
  if (!Array.isArray(value.hiddenLanes) || !value.hiddenLanes.every((l) => OPTIONAL_LANES.includes(l as OptionalLane))) return bad('hiddenLanes', `a list of ${OPTIONAL_LANES.join(' | ')}`);
  if (typeof value.legend !== 'boolean') return bad('legend', 'true or false');
  if (typeof value.annotations !== 'boolean') return bad('annotations', 'true or false');
  if (value.format === 'animation' && value.animation === undefined) return bad('animation', 'the animation\'s format, duration, frame rate and loop');
  const animation = value.animation === undefined ? undefined : isRecord(value.animation) ? validateAnimationSettings(value.animation) : { ok: false as const, error: 'expected an object' };
  if (animation && !animation.ok) return { ok: false, error: `${path}.animation: ${animation.error}` };
  const settings: ExportSettings = {
    format: value.format as ExportFormat,
    theme: value.theme as ThemeName,
    scale: value.scale as ExportScale,
    background: value.background,
    widthPx: w,
    hiddenLanes: [...new Set(value.hiddenLanes as OptionalLane[])],
    legend: value.legend,
    annotations: value.annotations,
  };
  if (h !== undefined) settings.heightPx = h;
  if (value.fromMs !== undefined) settings.fromMs = value.fromMs;
  if (value.toMs !== undefined) settings.toMs = value.toMs;
  if (value.flows !== undefined) settings.flows = [...(value.flows as string[])];
  if (animation?.ok) settings.animation = animation.value;
  return { ok: true, value: settings };
}

export function validateExportMemory(value: unknown, path = 'exportMemory'): Checked<ExportMemory> {
  if (!isRecord(value)) return { ok: false, error: `${path}: expected an object` };
  const last = validateExportSettings(value.last, `${path}.last`);
  if (!last.ok) return last;
  if (!Array.isArray(value.presets)) return { ok: false, error: `${path}.presets: expected a list` };
  if (value.presets.length > MAX_USER_PRESETS) return { ok: false, error: `${path}.presets: at most ${MAX_USER_PRESETS} presets` };
  const presets: ExportPreset[] = [];
  for (const [i, preset] of value.presets.entries()) {
    if (!isRecord(preset) || typeof preset.name !== 'string' || preset.name.trim() === '' || preset.name.length > 60) {
      return { ok: false, error: `${path}.presets[${i}].name: expected a name of 1 to 60 characters` };
    }
    const settings = validateExportSettings(preset.settings, `${path}.presets[${i}].settings`);
    if (!settings.ok) return settings;
    presets.push({ name: preset.name.trim(), settings: settings.value });
  }
  return { ok: true, value: { last: last.value, presets } };
}

/**
 * Export memory read back from a file this app may not have written (a newer version, a hand edit): every part that
 * is still valid is kept, and what is dropped is listed, so the caller can keep a copy of the file before it changes.
 * The IPC validator above stays strict: a page must send what this version understands.
 */
export function salvageExportMemory(value: unknown): { memory: ExportMemory | null; dropped: string[] } {
  if (!isRecord(value)) return { memory: null, dropped: ['the export settings'] };
  const dropped: string[] = [];
  const last = validateExportSettings(value.last, 'exportMemory.last');
  if (!last.ok) dropped.push('the last export settings');
  const presets: ExportPreset[] = [];
  for (const [i, preset] of (Array.isArray(value.presets) ? value.presets : []).entries()) {
    const one = validateExportMemory({ last: DEFAULT_EXPORT_SETTINGS, presets: [preset] }, `exportMemory.presets[${i}]`);
    const name = isRecord(preset) && typeof preset.name === 'string' ? JSON.stringify(preset.name.slice(0, 60)) : `#${i + 1}`;
    if (one.ok && presets.length < MAX_USER_PRESETS) presets.push(one.value.presets[0]!);
    else dropped.push(`export preset ${name}`);
  }
  if (value.presets !== undefined && !Array.isArray(value.presets)) dropped.push('the export presets');
  return { memory: last.ok || presets.length > 0 ? { last: last.ok ? last.value : { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [] }, presets } : null, dropped };
}

/** Checks a moment read back from a dropped file (which may come from anywhere). */
export function validateExportMoment(value: unknown): Checked<ExportMoment> {
  if (!isRecord(value)) return { ok: false, error: 'the embedded TokenScope moment is not an object' };
  const moment = 'the embedded TokenScope moment';
  // Missing and wrong are told apart: a field of the wrong type is there, so "has no …" would mislead.
  const wrong = (field: string, name: string, expected: string): Checked<ExportMoment> => ({
    ok: false,
    error: value[field] === undefined ? `${moment} has no ${name}` : `${moment}'s ${name}${name === field ? '' : ` (${field})`} is ${shortJson(value[field])}; expected ${expected}`,
  });
  if (typeof value.version === 'number' && Number.isInteger(value.version) && value.version > 1) {
    return { ok: false, error: `${moment} was made by a newer version of TokenScope (moment version ${value.version}); this one reads version 1` };
  }
  if (value.version !== 1) return wrong('version', 'version', '1');
  if (typeof value.scenarioText !== 'string') return wrong('scenarioText', 'scenario text', 'the scenario as a string');
  if (value.scenarioText.length === 0) return { ok: false, error: `${moment}'s scenario text is empty` };
  if (value.scenarioText.length > SCENARIO_MAX_CHARS) {
    return { ok: false, error: overBudget('the scenario embedded in it', `${formatLimit(value.scenarioText.length)} characters`, `${formatLimit(SCENARIO_MAX_CHARS)} characters`, 'TokenScope never exports a scenario that large, so the image was edited or made elsewhere') };
  }
  if (typeof value.sourceName === 'string' && value.sourceName.length > SOURCE_NAME_MAX_CHARS) return { ok: false, error: `${moment}'s source name is longer than ${SOURCE_NAME_MAX_CHARS} characters` };
  if (typeof value.sourceName !== 'string') return wrong('sourceName', 'source name', 'a file name as a string');
  if (!isMs(value.playheadMs)) return { ok: false, error: `${moment} has no valid playhead (milliseconds ≥ 0)` };
  const view = value.view;
  if (!isRecord(view) || !isMs(view.startMs) || !isMs(view.endMs) || view.endMs <= view.startMs) {
    return { ok: false, error: `${moment} has no valid time window (startMs < endMs)` };
  }
  return {
    ok: true,
    value: { version: 1, scenarioText: value.scenarioText, sourceName: value.sourceName, playheadMs: value.playheadMs, view: { startMs: view.startMs, endMs: view.endMs } },
  };
}
