/**
 * Text on the timelines is readable in every theme: each colour text is drawn in, against each background it is
 * drawn on, has a WCAG contrast of at least 7:1 in the projector theme (AAA, for washed-out projectors) and at least
 * 4.5:1 in the light and dark themes (AA).
 */
import { describe, expect, it } from 'vitest';
import { DARK, LIGHT, PROJECTOR, type TimelineTheme } from '../../../shared/figure/theme.ts';
import { contrastRatio, relativeLuminance } from './contrast.ts';

/** Which text colour is drawn on which background, as the draw plan and the timeline's DOM use them. */
function textPairs(t: TimelineTheme): [string, string, string][] {
  return [
    ['text on background', t.text, t.background],
    ['text on surface', t.text, t.surface],
    ['text on alternate lanes', t.text, t.laneAlt],
    ['muted text on surface', t.mutedText, t.surface],
    ['muted text on alternate lanes', t.mutedText, t.laneAlt],
    ['token label on a valid bar', t.valid.text, t.valid.fill],
    ['"now" badge', t.now.badgeText, t.now.badge],
    ['refresh label on the refresh hatch', t.refresh.text, t.patterns.refresh.background],
    ['"80 % → kubelet refreshes" on surface', t.refreshDue, t.surface],
    ['"80 % → kubelet refreshes" on alternate lanes', t.refreshDue, t.laneAlt],
    ['stolen-copy label on its hatch', t.stolen.text, t.patterns.stolen.background],
    ['stolen-copy label on surface', t.stolen.text, t.surface],
    ['stolen-copy label on alternate lanes', t.stolen.text, t.laneAlt],
    ['outage label on surface', t.outage.text, t.surface],
    ['tooltip (surface on text)', t.surface, t.text],
  ];
}

describe('WCAG contrast arithmetic', () => {
  it('matches the definition at its ends and for a known pair', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#fff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 10);
    // #767676 on white is the well-known lightest grey that passes AA (4.54:1).
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('refuses a translucent colour, whose contrast depends on what lies under it', () => {
    expect(() => relativeLuminance('rgba(0, 0, 0, 0.5)')).toThrow(/opaque/);
  });
});

describe.each([
  [PROJECTOR, 7],
  [LIGHT, 4.5],
  [DARK, 4.5],
])('the $name theme', (theme, minimum) => {
  it.each(textPairs(theme))(`%s has at least ${minimum}:1`, (_what, fg, bg) => {
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(minimum);
  });
});
