/**
 * A scene's spotlight reaches its exported figure as presentation mode shows it: the other flow's card dimmed, the
 * spotlit flow dimmed above and below the lane, a frame around the lane (its label included) and a tag naming it.
 * A scene without a spotlight, or one naming a lane the figure leaves out, draws none of it. The deck's slides carry
 * their scene's spotlight into the figure.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportFigure } from '../../../shared/export/export-figure.ts';
import { deckSlides, slideSettings, SLIDE_PNG } from '../../../shared/export/export-deck.ts';
import type { ExportSource } from '../../../shared/export/export-source.ts';
import type { Primitive, RectPrimitive, TextPrimitive } from '../../../shared/figure/primitives.ts';
import { SPOTLIGHT_FRAME } from '../../../shared/figure/spotlight.ts';
import type { SceneSpotlight } from '../../../shared/model/scene.ts';
import { loadScenario } from '../../support/run-scenario.ts';
import { scenarioPath, settings, smallSource } from './export-fixtures.ts';

const spotlit = (spotlight?: SceneSpotlight, overrides = {}) => {
  const source: ExportSource = { ...smallSource(), ...(spotlight ? { spotlight } : {}) };
  return exportFigure(source, settings(overrides)).plan.primitives;
};
const marks = (primitives: readonly Primitive[]) => primitives.filter((p) => p.role === 'spotlight');
const rects = (primitives: readonly Primitive[]) => marks(primitives).filter((p): p is RectPrimitive => p.type === 'rect');
const textOf = (primitives: readonly Primitive[], text: string) => primitives.find((p) => p.type === 'text' && p.text === text);

describe('a scene\'s spotlight in the exported figure', () => {
  it('frames the named lane with its label, tags it, and dims the rest; without a spotlight there is none of it', () => {
    const primitives = spotlit({ lane: 'attacker', flow: 'projected' });
    expect(marks(spotlit())).toEqual([]);
    expect(textOf(primitives, 'spotlight: attacker')).toBeDefined();

    const frame = rects(primitives).find((r) => r.stroke !== undefined && r.strokeWidth === SPOTLIGHT_FRAME.borderPx)!;
    expect(frame).toBeDefined();
    // The projected flow's attacker label (the last "attacker" drawn) lies inside the frame, the legacy one outside.
    const labels = primitives.filter((p): p is TextPrimitive => p.type === 'text' && p.text === 'attacker' && p.role === 'chrome');
    expect(labels).toHaveLength(2);
    const inside = (p: TextPrimitive) => p.x > frame.x && p.x < frame.x + frame.w && p.y > frame.y && p.y < frame.y + frame.h;
    expect(labels.map(inside)).toEqual([false, true]);

    // The legacy card is dimmed whole: one wash as big as its card.
    const cards = primitives.filter((p): p is RectPrimitive => p.type === 'rect' && p.role === 'chrome' && p.radius === 10);
    const washes = rects(primitives).filter((r) => r.fill !== undefined && r.stroke === undefined && r.radius === 10);
    expect(washes.map(({ x, y, w, h }) => ({ x, y, w, h }))).toEqual([{ x: cards[0]!.x, y: cards[0]!.y, w: cards[0]!.w, h: cards[0]!.h }]);
    // In the projected card the wash stops at the frame: nothing dims the lane itself.
    const bands = rects(primitives).filter((r) => r.fill !== undefined && r.radius === undefined);
    expect(bands.length).toBeGreaterThan(0);
    for (const band of bands) expect(band.y + band.h <= frame.y + SPOTLIGHT_FRAME.outsetPx || band.y >= frame.y + frame.h - SPOTLIGHT_FRAME.outsetPx).toBe(true);
  });

  it('draws nothing for a lane the figure does not show', () => {
    expect(marks(spotlit({ lane: 'attacker', flow: 'projected' }, { hiddenLanes: ['attacker'] }))).toEqual([]);
    expect(marks(spotlit({ lane: 'no such lane' }))).toEqual([]);
  });

  it('is on the deck\'s slides of scenes that have one, and only on those', () => {
    const text = readFileSync(scenarioPath('side-by-side'), 'utf8');
    const scenario = loadScenario(text);
    const slides = deckSlides(scenario, text, 'side-by-side.yaml');
    const tags = slides.map((slide) => {
      const { plan } = exportFigure(slide.source, slideSettings(settings({ theme: 'projector' }), slide, SLIDE_PNG));
      return marks(plan.primitives).flatMap((p) => (p.type === 'text' ? [p.text] : []));
    });
    expect(tags).toEqual(scenario.scenes.map((scene) => (scene.spotlight ? [`spotlight: ${scene.spotlight.lane}`] : [])));
    expect(tags.filter((t) => t.length > 0).length).toBeGreaterThan(0);
  });
});
