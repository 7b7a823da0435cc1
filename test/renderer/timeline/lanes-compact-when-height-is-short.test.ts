/**
 * Lane density: each step down makes the side-by-side story shorter, keeps the lane names at full size, and still
 * leaves room for what a lane holds (a caption line over the bars, a bar label inside a bar, a glyph in a sub-row).
 * The roomiest density that fits is chosen; with none fitting, the thinnest (the flows then scroll).
 */
import { describe, expect, it } from 'vitest';
import { deriveLanes } from '../../../shared/lanes/derive-lanes.ts';
import { chooseDensity, DENSITIES, densityTheme, type Density } from '../../../renderer/timeline/density.ts';
import { layoutFlow } from '../../../shared/figure/layout.ts';
import { scaleTheme } from '../../../shared/figure/scale-theme.ts';
import { LIGHT, PROJECTOR } from '../../../shared/figure/theme.ts';
import { builtinScenario, snapshotOf } from '../../support/scenario-snapshot.ts';

const lanes = deriveLanes(snapshotOf(builtinScenario('side-by-side'), 2 * 3_600_000));

describe.each([
  ['light at 100 %', LIGHT],
  ['projector at 100 %', PROJECTOR],
  ['light at 175 %', scaleTheme(LIGHT, 175)],
])('%s', (_name, base) => {
  const storyPx = (density: Density) => lanes.flows.reduce((sum, flow) => sum + layoutFlow(flow, densityTheme(base, density)).height, 0);

  it('makes the story shorter at each step, by a fifth or more from the roomiest to the thinnest', () => {
    const heights = DENSITIES.map(storyPx);
    for (let i = 1; i < heights.length; i++) expect(heights[i]).toBeLessThan(heights[i - 1]!);
    expect(heights.at(-1)!).toBeLessThan(heights[0]! * 0.8);
  });

  it('keeps the lane names at full size and room for captions, bar labels and glyphs', () => {
    for (const density of DENSITIES) {
      const theme = densityTheme(base, density);
      expect(theme.font.laneLabel).toBe(base.font.laneLabel);
      // The caption's baseline sits 7 px above the bars; its ascent (about 0.8 of its size) stays inside the lane.
      expect(theme.laneTopPad - 7 - 0.8 * theme.font.annotation).toBeGreaterThanOrEqual(1);
      expect(theme.barHeight).toBeGreaterThanOrEqual(theme.font.barLabel + 4);
      expect(theme.stripHeight).toBeGreaterThanOrEqual(theme.glyphSize + 2);
      expect(theme.stripHeight).toBeGreaterThanOrEqual(theme.font.stripLabel);
    }
  });

  it('chooses the roomiest density that fits, and the thinnest when none does', () => {
    const chrome = 150;
    expect(chooseDensity(chrome + storyPx('comfortable'), chrome, storyPx)).toBe('comfortable');
    expect(chooseDensity(chrome + storyPx('comfortable') - 1, chrome, storyPx)).toBe('compact');
    expect(chooseDensity(chrome + storyPx('tight'), chrome, storyPx)).toBe('tight');
    expect(chooseDensity(chrome, chrome, storyPx)).toBe('tight');
  });
});
