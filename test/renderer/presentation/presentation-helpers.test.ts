/** Large type (scaleTheme, font-scale steps), the spotlight's lane lookup and the annotation form's reading. */
import { describe, expect, it } from 'vitest';
import { LIGHT, PROJECTOR } from '../../../shared/figure/theme.ts';
import { clampFontScale, scaleTheme } from '../../../shared/figure/scale-theme.ts';
import { FONT_SCALE_STEPS, stepFontScale } from '../../../renderer/presentation/font-scale.ts';
import { spotlightTarget } from '../../../shared/figure/spotlight.ts';
import { describeWhen, draftAtPlayhead, draftOf, draftOverWindow, readDraft } from '../../../renderer/presentation/annotation-draft.ts';
import { layoutFlow } from '../../../shared/figure/layout.ts';
import { createLanesMemo } from '../../../shared/lanes/derive-lanes.ts';
import { builtinScenario, snapshotOf } from '../../support/scenario-snapshot.ts';

const H = 3_600_000;

describe('scaleTheme', () => {
  it('is the theme itself at 100 %', () => {
    expect(scaleTheme(PROJECTOR, 100)).toBe(PROJECTOR);
  });

  it('multiplies type, layout, strokes and pattern tiles, and keeps every colour', () => {
    const big = scaleTheme(LIGHT, 150);
    expect(big.font.laneLabel).toBe(27);
    expect(big.font.barLabel).toBe(Math.round(LIGHT.font.barLabel * 1.5));
    expect(big.barHeight).toBe(42);
    expect(big.labelColumnWidth).toBe(330);
    expect(big.strokeWidth).toBe(2.5);
    expect(big.patterns.stolen.size).toBe(Math.round(LIGHT.patterns.stolen.size * 1.5));
    expect(big.valid).toEqual(LIGHT.valid);
    expect(big.patterns.stolen.stroke).toBe(LIGHT.patterns.stolen.stroke);
    expect(LIGHT.font.laneLabel).toBe(18);
  });

  it('makes every lane taller with the type, so labels still fit', () => {
    const lanes = createLanesMemo()(snapshotOf(builtinScenario('side-by-side'), 2 * H));
    const flow = lanes.flows[0]!;
    const small = layoutFlow(flow, PROJECTOR);
    const large = layoutFlow(flow, scaleTheme(PROJECTOR, 200));
    expect(large.height).toBeGreaterThan(small.height * 1.8);
    for (const lane of large.lanes) expect(lane.nameHeight).toBeGreaterThanOrEqual(scaleTheme(PROJECTOR, 200).font.laneLabel);
  });

  it.each([99, 251, Number.NaN])('refuses %s %% with a message', (percent) => {
    expect(() => scaleTheme(LIGHT, percent)).toThrow(/100–250/);
  });

  it('clamps what settings or a user hand it', () => {
    expect([clampFontScale(80), clampFontScale(149.6), clampFontScale(300), clampFontScale(Number.NaN)]).toEqual([100, 150, 250, 100]);
  });
});

describe('font-scale steps', () => {
  it('go 100, 125 … 250 and stop at the ends', () => {
    expect(FONT_SCALE_STEPS).toEqual([100, 125, 150, 175, 200, 225, 250]);
    expect(stepFontScale(100, 1)).toBe(125);
    expect(stepFontScale(125, 1)).toBe(150);
    expect(stepFontScale(250, 1)).toBe(250);
    expect(stepFontScale(100, -1)).toBe(100);
    expect(stepFontScale(140, 1)).toBe(150);
    expect(stepFontScale(140, -1)).toBe(125);
  });
});

describe('spotlightTarget', () => {
  const lanes = createLanesMemo()(snapshotOf(builtinScenario('side-by-side'), 2 * H));
  const layouts = lanes.flows.map((f) => layoutFlow(f, LIGHT));
  const total = layouts.reduce((n, l) => n + l.lanes.length, 0);

  it('counts lanes across flows from the top and wraps both ways', () => {
    expect(total).toBeGreaterThan(2);
    expect(spotlightTarget(layouts, 0)).toMatchObject({ flowIndex: 0, laneId: layouts[0]!.lanes[0]!.lane.id, top: 0 });
    const firstOfSecond = layouts[0]!.lanes.length;
    expect(spotlightTarget(layouts, firstOfSecond)).toMatchObject({ flowIndex: 1, laneId: layouts[1]!.lanes[0]!.lane.id });
    expect(spotlightTarget(layouts, total)).toEqual(spotlightTarget(layouts, 0));
    expect(spotlightTarget(layouts, -1)).toEqual(spotlightTarget(layouts, total - 1));
  });

  it('is nothing without a spotlight or without lanes', () => {
    expect(spotlightTarget(layouts, undefined)).toBeUndefined();
    expect(spotlightTarget([], 0)).toBeUndefined();
  });
});

describe('the annotation form', () => {
  const flows = ['legacy', 'projected'];

  it('starts at the playhead, in whole seconds, or over the visible window', () => {
    expect(draftAtPlayhead(2_887_478)).toEqual({ text: '', from: '48m7s', until: '', flow: '' });
    expect(draftOverWindow({ startMs: -5000, endMs: 7 * H }, 6 * H)).toMatchObject({ from: '0s', until: '6h' });
  });

  it('reads a moment, a range and a flow', () => {
    expect(readDraft({ text: ' here the kubelet refreshes ', from: '48m', until: '', flow: '' }, 6 * H, flows)).toEqual({ ok: true, annotation: { atMs: 48 * 60_000, text: 'here the kubelet refreshes' } });
    expect(readDraft({ text: 'stolen copy dies', from: '1:00:00', until: '1h1m', flow: 'projected' }, 6 * H, flows)).toEqual({
      ok: true,
      annotation: { atMs: H, untilMs: H + 60_000, flow: 'projected', text: 'stolen copy dies' },
    });
  });

  it.each([
    [{ text: '  ', from: '1m', until: '', flow: '' }, 'text', /Type the note/],
    [{ text: 'x'.repeat(201), from: '1m', until: '', flow: '' }, 'text', /201 characters/],
    [{ text: 'n', from: 'soon', until: '', flow: '' }, 'from', /not a time/],
    [{ text: 'n', from: '7h', until: '', flow: '' }, 'from', /after the end/],
    [{ text: 'n', from: '2h', until: '1h', flow: '' }, 'until', /after its start/],
    [{ text: 'n', from: '2h', until: '9h', flow: '' }, 'until', /after the end/],
    [{ text: 'n', from: '2h', until: '', flow: 'staging' }, 'flow', /no flow "staging"/],
  ])('refuses %o, naming the field', (draft, field, message) => {
    const read = readDraft(draft, 6 * H, flows);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.field).toBe(field);
      expect(read.error).toMatch(message);
    }
  });

  it('round-trips an annotation through the form and describes it', () => {
    const note = { atMs: H, untilMs: 2 * H, flow: 'legacy', text: 'forever' };
    expect(readDraft(draftOf(note), 6 * H, flows)).toEqual({ ok: true, annotation: note });
    expect(describeWhen(note)).toBe('1 h 0 m 0 s – 2 h 0 m 0 s');
  });
});
