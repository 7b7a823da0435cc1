/**
 * The export dialog's form as plain data, and the pure steps between it and ExportSettings: what is typed (a width,
 * "30m" and "2h") is kept as typed so a half-typed value never jumps, and turned into validated settings only when
 * the size, the caption or the file is asked for. Presets carry the look and the size only: the time window and the
 * flows belong to one scenario and would not fit the next.
 */
import {
  BUILTIN_EXPORT_PRESETS,
  MAX_EXPORT_WIDTH_PX,
  MAX_USER_PRESETS,
  MIN_EXPORT_WIDTH_PX,
  validateExportSettings,
  type ExportPreset,
  type ExportSettings,
} from '../../shared/export/export-types.ts';
import { formatDuration, parseScenarioDuration } from '../../shared/time/duration.ts';
import { DEFAULT_ANIMATION_SETTINGS, validateAnimationSettings } from '../../shared/export/animation/animation-settings.ts';
import { parseTimeInput } from '../format/parse-time-input.ts';
import type { TimeView } from '../../shared/figure/time-view.ts';

/** The part of the settings a preset sets. */
export type ExportStyle = Omit<ExportSettings, 'fromMs' | 'toMs' | 'flows'>;

export type WindowChoice = 'whole' | 'view' | 'range';

export interface ExportForm {
  style: ExportStyle;
  /** The width as typed; `style.widthPx` follows it whenever it is a valid width. */
  widthText: string;
  window: WindowChoice;
  fromText: string;
  toText: string;
  /** The flows drawn, in any order (the figure keeps the scenario's order). */
  flows: string[];
  /** An animation's length as typed ("10s"); `style.animation.durationMs` follows it whenever it is valid. */
  durationText: string;
}

/** What the form is filled against: the scenario on screen and the window the timeline shows. */
export interface FormContext {
  flowIds: readonly string[];
  durationMs: number;
  view: TimeView;
  /** Where the playhead is: an animation cannot run past it, since nothing later has been simulated. */
  playheadMs: number;
}

export type FormField = 'width' | 'from' | 'to' | 'flows' | 'duration' | 'animationRange';
export type FormErrors = Partial<Record<FormField, string>>;
export type CheckedForm = { ok: true; settings: ExportSettings } | { ok: false; errors: FormErrors };

export function styleOf(settings: ExportSettings): ExportStyle {
  return {
    format: settings.format,
    theme: settings.theme,
    scale: settings.scale,
    background: settings.background,
    widthPx: settings.widthPx,
    ...(settings.heightPx !== undefined ? { heightPx: settings.heightPx } : {}),
    hiddenLanes: [...settings.hiddenLanes],
    legend: settings.legend,
    annotations: settings.annotations,
    ...(settings.animation ? { animation: { ...settings.animation } } : {}),
  };
}

/** An instant as the time axis names it, to the second: "30 m", "2 h 13 m". */
export function axisTime(ms: number): string {
  return formatDuration(Math.max(0, Math.round(ms / 1000) * 1000));
}

/** "2h13m", "30m", "0s": what the from/to fields are filled with (parseTimeInput reads it back). */
export function durationText(ms: number): string {
  return axisTime(ms).replace(/ /g, '');
}

/**
 * The form for remembered settings in this scenario. A remembered window becomes a typed range when it still fits the
 * scenario (the whole scenario otherwise); remembered flows the scenario does not have are dropped, and if none is
 * left every flow is drawn.
 */
export function formFromSettings(settings: ExportSettings, context: FormContext): ExportForm {
  const style = styleOf(settings);
  const kept = (settings.flows ?? []).filter((id) => context.flowIds.includes(id));
  const fromMs = settings.fromMs ?? 0;
  const toMs = settings.toMs ?? context.durationMs;
  const rangeFits = (settings.fromMs !== undefined || settings.toMs !== undefined) && fromMs < toMs && toMs <= context.durationMs;
  return {
    style,
    widthText: String(style.widthPx),
    window: rangeFits ? 'range' : 'whole',
    fromText: durationText(rangeFits ? fromMs : context.view.startMs),
    toText: durationText(rangeFits ? toMs : context.view.endMs),
    flows: kept.length > 0 ? kept : [...context.flowIds],
    durationText: durationText(style.animation?.durationMs ?? DEFAULT_ANIMATION_SETTINGS.durationMs),
  };
}

/** The form with a newly typed duration: kept as typed, and applied to the animation when it reads as one. */
export function withDurationText(form: ExportForm, text: string): ExportForm {
  const parsed = parseScenarioDuration(text.trim());
  const animation = form.style.animation ?? { ...DEFAULT_ANIMATION_SETTINGS };
  return { ...form, durationText: text, style: { ...form.style, animation: parsed.ok ? { ...animation, durationMs: parsed.ms } : animation } };
}

function parseWidth(text: string): { ok: true; widthPx: number } | { ok: false; error: string } {
  const whole = text.trim();
  const trimmed = whole.toLowerCase().endsWith('px') ? whole.slice(0, -2).trimEnd() : whole;
  const widthPx = Number(trimmed);
  if (trimmed === '' || !Number.isInteger(widthPx) || widthPx < MIN_EXPORT_WIDTH_PX || widthPx > MAX_EXPORT_WIDTH_PX) {
    return { ok: false, error: `The width must be a whole number of pixels from ${MIN_EXPORT_WIDTH_PX} to ${MAX_EXPORT_WIDTH_PX}.` };
  }
  return { ok: true, widthPx };
}

/** A 16:9 page's height for a width. */
export function slideHeight(widthPx: number): number {
  return Math.round((widthPx * 9) / 16);
}

/** The form with a newly typed width: kept as typed, and applied to the style (and a 16:9 page's height) when valid. */
export function withWidthText(form: ExportForm, widthText: string): ExportForm {
  const width = parseWidth(widthText);
  if (!width.ok) return { ...form, widthText };
  const style: ExportStyle = { ...form.style, widthPx: width.widthPx };
  if (form.style.heightPx !== undefined) style.heightPx = slideHeight(width.widthPx);
  return { ...form, widthText, style };
}

/** The page: as tall as the lanes need, or 16:9 with the figure fitted into it. */
export function withAspect(form: ExportForm, aspect: 'fit' | '16:9'): ExportForm {
  const style: ExportStyle = { ...form.style };
  if (aspect === 'fit') delete style.heightPx;
  else style.heightPx = slideHeight(form.style.widthPx);
  return { ...form, style };
}

/** The settings the form asks for, or what is wrong with each field, in words. */
export function checkForm(form: ExportForm, context: FormContext): CheckedForm {
  const errors: FormErrors = {};
  const width = parseWidth(form.widthText);
  if (!width.ok) errors.width = width.error;
  const settings: ExportSettings = { ...form.style, hiddenLanes: [...form.style.hiddenLanes], widthPx: width.ok ? width.widthPx : form.style.widthPx };
  const chosen = context.flowIds.filter((id) => form.flows.includes(id));
  if (chosen.length === 0) errors.flows = 'Choose at least one flow to draw.';
  else if (chosen.length < context.flowIds.length) settings.flows = chosen;
  const durationMs = Math.max(context.durationMs, 1_000);
  if (form.window === 'view') {
    settings.fromMs = Math.max(0, Math.round(context.view.startMs));
    settings.toMs = Math.min(durationMs, Math.round(context.view.endMs));
  } else if (form.window === 'range') {
    const from = parseTimeInput(form.fromText);
    const to = parseTimeInput(form.toText);
    if (!from.ok) errors.from = `From: ${from.error}.`;
    else if (from.ms >= durationMs) errors.from = `From: ${durationText(from.ms)} is not before the end of the scenario (${durationText(durationMs)}).`;
    if (!to.ok) errors.to = `To: ${to.error}.`;
    else if (to.ms > durationMs) errors.to = `To: ${durationText(to.ms)} is after the end of the scenario (${durationText(durationMs)}).`;
    else if (from.ok && to.ms <= from.ms) errors.to = `To: ${durationText(to.ms)} must come after From (${durationText(from.ms)}).`;
    if (from.ok && to.ok) {
      settings.fromMs = from.ms;
      settings.toMs = to.ms;
    }
  }
  if (settings.format === 'animation') {
    const parsed = parseScenarioDuration(form.durationText.trim());
    const animation = validateAnimationSettings({ ...(settings.animation ?? DEFAULT_ANIMATION_SETTINGS), durationMs: parsed.ok ? parsed.ms : Number.NaN });
    if (!parsed.ok) errors.duration = `Duration: ${parsed.error}.`;
    else if (!animation.ok) errors.duration = `${capitalise(animation.error)}.`;
    else settings.animation = animation.value;
    const startMs = settings.fromMs ?? 0;
    const endMs = settings.toMs ?? durationMs;
    // The whole scenario or the view on screen stops at the playhead, so choosing Animation works at once; only a
    // range typed past it is refused, since that asks for time the engine has not simulated.
    if (endMs > context.playheadMs && form.window !== 'range' && context.playheadMs > startMs) {
      settings.fromMs = startMs;
      settings.toMs = context.playheadMs;
    } else if (endMs > context.playheadMs) {
      errors.animationRange = `The animation would run to ${durationText(endMs)}, but only the time up to the playhead (${durationText(context.playheadMs)}) has been simulated: choose a window that ends by then, or play further first.`;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const checked = validateExportSettings(settings);
  // The form cannot produce settings the validator refuses; were it to, the reason is still shown, never swallowed.
  return checked.ok ? { ok: true, settings: checked.value } : { ok: false, errors: { width: checked.error } };
}

/**
 * What the dialog remembers of these settings: the look and size, the flows, and a typed range. "The current view"
 * is not remembered as a range (next time the view will be another one): it comes back as the whole scenario.
 */
export function rememberedSettings(settings: ExportSettings, window: WindowChoice): ExportSettings {
  const { fromMs, toMs, ...rest } = settings;
  return window === 'range' && fromMs !== undefined && toMs !== undefined ? { ...rest, fromMs, toMs } : rest;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function sameAnimation(a: ExportStyle['animation'], b: ExportStyle['animation']): boolean {
  return a?.format === b?.format && a?.durationMs === b?.durationMs && a?.fps === b?.fps && a?.loop === b?.loop;
}

function sameStyle(a: ExportStyle, b: ExportStyle): boolean {
  const lanes = (s: ExportStyle) => [...s.hiddenLanes].sort().join(',');
  return (
    a.format === b.format &&
    a.theme === b.theme &&
    a.widthPx === b.widthPx &&
    a.heightPx === b.heightPx &&
    a.legend === b.legend &&
    a.annotations === b.annotations &&
    lanes(a) === lanes(b) &&
    // Scale and background only mean something for a PNG, the animation's settings for an animation.
    (a.format !== 'png' || (a.scale === b.scale && a.background === b.background)) &&
    (a.format !== 'animation' || sameAnimation(a.animation, b.animation))
  );
}

export interface PresetChoice {
  preset: ExportPreset;
  builtin: boolean;
}

export function presetChoices(userPresets: readonly ExportPreset[]): PresetChoice[] {
  return [...BUILTIN_EXPORT_PRESETS.map((preset) => ({ preset, builtin: true })), ...userPresets.map((preset) => ({ preset, builtin: false }))];
}

/** The preset the style is exactly, the user's own first (a user who saved a copy of a built-in chose that name). */
export function matchingPreset(style: ExportStyle, userPresets: readonly ExportPreset[]): PresetChoice | undefined {
  const user = userPresets.find((p) => sameStyle(styleOf(p.settings), style));
  if (user) return { preset: user, builtin: false };
  const builtin = BUILTIN_EXPORT_PRESETS.find((p) => sameStyle(styleOf(p.settings), style));
  return builtin ? { preset: builtin, builtin: true } : undefined;
}

/** The form with a preset's look and size; the window and the flows stay as chosen. */
export function applyPreset(form: ExportForm, preset: ExportPreset): ExportForm {
  const style = styleOf(preset.settings);
  // A preset of a still keeps the animation's settings as they were, for the next time "Animation" is chosen.
  const animation = style.animation ?? form.style.animation;
  return { ...form, style: { ...style, ...(animation ? { animation } : {}) }, widthText: String(style.widthPx), durationText: animation ? durationText(animation.durationMs) : form.durationText };
}

export type PresetSave = { ok: true; presets: ExportPreset[]; replaced: boolean; name: string } | { ok: false; error: string };

/** The user's presets with this style saved under `name` (replacing one of theirs of the same name). */
export function savePreset(userPresets: readonly ExportPreset[], name: string, style: ExportStyle): PresetSave {
  const trimmed = name.trim();
  if (trimmed === '') return { ok: false, error: 'Give the preset a name.' };
  if (trimmed.length > 60) return { ok: false, error: `A preset name has at most 60 characters (this one has ${trimmed.length}).` };
  const sameName = (p: ExportPreset) => p.name.toLowerCase() === trimmed.toLowerCase();
  if (BUILTIN_EXPORT_PRESETS.some(sameName)) return { ok: false, error: `"${trimmed}" is the name of a built-in preset; choose another name.` };
  const settings: ExportSettings = { ...style, hiddenLanes: [...style.hiddenLanes] };
  const existing = userPresets.findIndex(sameName);
  if (existing >= 0) return { ok: true, replaced: true, name: trimmed, presets: userPresets.map((p, i) => (i === existing ? { name: trimmed, settings } : p)) };
  if (userPresets.length >= MAX_USER_PRESETS) return { ok: false, error: `You already have ${MAX_USER_PRESETS} presets, the most there can be; delete one first.` };
  return { ok: true, replaced: false, name: trimmed, presets: [...userPresets, { name: trimmed, settings }] };
}
