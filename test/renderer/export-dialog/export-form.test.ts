/**
 * The export form as data: typed widths and times turned into settings (or sentences saying what is wrong),
 * remembered settings fitted to the scenario on screen, and presets matched, applied, saved and refused.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_EXPORT_PRESETS, DEFAULT_EXPORT_SETTINGS, MAX_USER_PRESETS, type ExportPreset, type ExportSettings } from '../../../shared/export/export-types.ts';
import {
  applyPreset,
  checkForm,
  formFromSettings,
  matchingPreset,
  rememberedSettings,
  savePreset,
  styleOf,
  withWidthText,
  type FormContext,
} from '../../../renderer/export-dialog/export-form.ts';

const H = 3_600_000;
const context: FormContext = { flowIds: ['legacy', 'projected'], durationMs: 6 * H, view: { startMs: 0.5 * H, endMs: 2 * H }, playheadMs: 6 * H };
const defaults = (): ExportSettings => ({ ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [] });

function settingsOf(form: ReturnType<typeof formFromSettings>): ExportSettings {
  const checked = checkForm(form, context);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.settings;
}

describe('checkForm', () => {
  it('leaves out the window and the flows when the whole scenario and every flow are drawn', () => {
    const settings = settingsOf(formFromSettings(defaults(), context));
    expect(settings.fromMs).toBeUndefined();
    expect(settings.toMs).toBeUndefined();
    expect(settings.flows).toBeUndefined();
  });

  it('reads a typed range such as 30m to 2h', () => {
    const form = { ...formFromSettings(defaults(), context), window: 'range' as const, fromText: '30m', toText: '2h' };
    expect(settingsOf(form)).toMatchObject({ fromMs: 0.5 * H, toMs: 2 * H });
  });

  it('takes the view on screen for "the current view"', () => {
    const form = { ...formFromSettings(defaults(), context), window: 'view' as const };
    expect(settingsOf(form)).toMatchObject({ fromMs: 0.5 * H, toMs: 2 * H });
  });

  it('says what is wrong with a range that ends first, runs past the end or is not a time', () => {
    const base = { ...formFromSettings(defaults(), context), window: 'range' as const };
    const backwards = checkForm({ ...base, fromText: '2h', toText: '1h' }, context);
    expect(backwards.ok ? undefined : backwards.errors.to).toMatch(/must come after From/);
    const tooLate = checkForm({ ...base, fromText: '1h', toText: '7h' }, context);
    expect(tooLate.ok ? undefined : tooLate.errors.to).toMatch(/after the end of the scenario \(6h\)/);
    const nonsense = checkForm({ ...base, fromText: 'soon', toText: '2h' }, context);
    expect(nonsense.ok ? undefined : nonsense.errors.from).toMatch(/"soon" is not a time/);
  });

  it('draws only the chosen flows, in the scenario order, and refuses none', () => {
    const form = formFromSettings(defaults(), context);
    expect(settingsOf({ ...form, flows: ['projected'] }).flows).toEqual(['projected']);
    expect(settingsOf({ ...form, flows: ['projected', 'legacy'] }).flows).toBeUndefined();
    const none = checkForm({ ...form, flows: [] }, context);
    expect(none.ok ? undefined : none.errors.flows).toMatch(/at least one flow/);
  });

  it('keeps a half-typed width as typed and refuses it until it is a width', () => {
    const form = withWidthText(formFromSettings(defaults(), context), '12');
    expect(form.widthText).toBe('12');
    const checked = checkForm(form, context);
    expect(checked.ok ? undefined : checked.errors.width).toMatch(/from 640 to 3840/);
    expect(settingsOf(withWidthText(form, '1280')).widthPx).toBe(1280);
  });
});

describe('remembered settings', () => {
  it('come back as a typed range when the window fits the scenario, and drop flows it does not have', () => {
    const form = formFromSettings({ ...defaults(), fromMs: H, toMs: 3 * H, flows: ['projected', 'gone'] }, context);
    expect(form).toMatchObject({ window: 'range', fromText: '1h', toText: '3h', flows: ['projected'] });
  });

  it('fall back to the whole scenario and every flow when neither fits', () => {
    const form = formFromSettings({ ...defaults(), fromMs: H, toMs: 9 * H, flows: ['gone'] }, context);
    expect(form.window).toBe('whole');
    expect(form.flows).toEqual(['legacy', 'projected']);
  });

  it('remember a typed range but not the current view, which will be another one next time', () => {
    const settings = { ...defaults(), fromMs: H, toMs: 2 * H };
    expect(rememberedSettings(settings, 'range')).toMatchObject({ fromMs: H, toMs: 2 * H });
    expect(rememberedSettings(settings, 'view')).not.toHaveProperty('fromMs');
  });
});

describe('presets', () => {
  const slides = BUILTIN_EXPORT_PRESETS.find((p) => p.name === 'Slides 16:9')!;

  it('apply their look and size but keep the window and the flows', () => {
    const form = { ...formFromSettings(defaults(), context), window: 'range' as const, fromText: '30m', toText: '2h', flows: ['projected'] };
    const applied = applyPreset(form, slides);
    expect(applied.style).toEqual(styleOf(slides.settings));
    expect(applied.widthText).toBe('1920');
    expect(applied.style.hiddenLanes).toEqual(['kubectl', 'secrets']);
    expect(applied).toMatchObject({ window: 'range', fromText: '30m', flows: ['projected'] });
  });

  it('are matched by look, ignoring scale and background outside PNG, the user\'s own first', () => {
    expect(matchingPreset(styleOf(slides.settings), [])?.preset.name).toBe('Slides 16:9');
    const svg = BUILTIN_EXPORT_PRESETS.find((p) => p.settings.format === 'svg')!;
    expect(matchingPreset({ ...styleOf(svg.settings), scale: 4, background: 'transparent' }, [])?.preset.name).toBe(svg.name);
    const mine: ExportPreset = { name: 'My slides', settings: slides.settings };
    expect(matchingPreset(styleOf(slides.settings), [mine])).toEqual({ preset: mine, builtin: false });
    expect(matchingPreset({ ...styleOf(slides.settings), widthPx: 1000 }, [mine])).toBeUndefined();
  });

  it('are saved under a new name, replace one of the same name, and refuse built-in names and a 21st', () => {
    const style = styleOf(slides.settings);
    const first = savePreset([], '  Lecture hall  ', style);
    expect(first).toMatchObject({ ok: true, replaced: false, name: 'Lecture hall' });
    const presets = first.ok ? first.presets : [];
    const again = savePreset(presets, 'lecture HALL', { ...style, widthPx: 1000 });
    expect(again.ok && again.presets).toEqual([{ name: 'lecture HALL', settings: { ...style, widthPx: 1000 } }]);
    expect(savePreset(presets, 'slides 16:9', style)).toEqual({ ok: false, error: expect.stringMatching(/built-in preset/) });
    expect(savePreset(presets, '   ', style)).toEqual({ ok: false, error: 'Give the preset a name.' });
    const full = Array.from({ length: MAX_USER_PRESETS }, (_, i) => ({ name: `p${i}`, settings: slides.settings }));
    expect(savePreset(full, 'one more', style)).toEqual({ ok: false, error: expect.stringMatching(/delete one first/) });
  });
});
