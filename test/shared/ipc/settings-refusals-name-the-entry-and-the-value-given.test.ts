import { describe, expect, it } from 'vitest';
import { validateSettingsPatch } from '../../../shared/ipc/ipc-contract.ts';
import { validateExportSettings, DEFAULT_EXPORT_SETTINGS } from '../../../shared/export/export-types.ts';

const error = (checked: { ok: boolean; error?: string }): string => (checked.ok ? 'accepted' : (checked.error ?? ''));

describe('a refused setting says which entry and what was given', () => {
  it.each<[string, unknown, string]>([
    ['a speed sent as text', { speed: '2' }, 'speed must be a number in (0, 10000000], got the string "2"'],
    ['a font scale with a fraction', { fontScalePercent: 110.5 }, 'fontScalePercent must be an integer from 100 to 250, got the number 110.5'],
    ['a theme in capitals', { theme: 'Dark' }, 'theme must be one of system, light, dark, projector, got the string "Dark"'],
    ['one bad panel height among good ones', { bottomPanelPx: { '1366x768': 300, '1600x900': '250' } }, 'bottomPanelPx["1600x900"] must be whole pixels from 0 to 10000, got the string "250"'],
    ['a window size written with spaces', { bottomPanelPx: { '1366 x 768': 300 } }, 'bottomPanelPx: "1366 x 768" is not a window size written like "1366x768"'],
    ['panel heights as a list', { bottomPanelPx: [] }, 'bottomPanelPx must map window sizes ("1366x768") to pixels, got a list of 0'],
    ['a number among the dismissed intros', { dismissedIntros: ['a', 5] }, 'dismissedIntros[1] must be a scenario key of 1 to 300 characters, got the number 5'],
    ['dismissed intros as one string', { dismissedIntros: 'a' }, 'dismissedIntros must be a list of at most 200 scenario keys, got the string "a"'],
  ])('%s', (_what, patch, message) => {
    expect(error(validateSettingsPatch(patch))).toBe(message);
  });

  it('too many panel heights says how many and the limit', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`${1000 + i}x700`, 200]));
    expect(error(validateSettingsPatch({ bottomPanelPx: many }))).toBe('bottomPanelPx holds 30 window sizes, more than the 24 it may');
  });
});

describe('an export setting that is missing or not a number is not called "undefined" or "null"', () => {
  it('a missing width', () => {
    expect(error(validateExportSettings({ ...DEFAULT_EXPORT_SETTINGS, widthPx: undefined }))).toMatch(/^export\.widthPx: expected an integer from \d+ to \d+, got nothing \(the field is missing\)$/);
  });

  it('a width of NaN', () => {
    expect(error(validateExportSettings({ ...DEFAULT_EXPORT_SETTINGS, widthPx: Number.NaN }))).toMatch(/got NaN \(not a number\)$/);
  });
});
