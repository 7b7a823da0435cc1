// The golden file pins the exported picture. Nothing in the plan or the painter reads the clock, the time zone or
// the locale (times are simulated ms formatted by hand), so the output is the same on every machine; TZ and LANG
// are pinned anyway so a future date format cannot slip in unnoticed.
process.env.TZ = 'UTC';
process.env.LANG = 'C';
import { describe, expect, it } from 'vitest';
import { planFlow } from '../../../shared/figure/draw-plan.ts';
import { planTimeline } from '../../../shared/figure/plan-timeline.ts';
import { paintSvg, svgDataUrl } from '../../../shared/figure/svg-painter.ts';
import { fitAll } from '../../../shared/figure/time-view.ts';
import { LIGHT, PROJECTOR } from '../../../shared/figure/theme.ts';
import { describeTimeline } from '../../../shared/figure/describe-flow.ts';
import { M, smallLanes } from '../../support/small-lanes.ts';

const view = fitAll(120 * M);

describe('SVG painter', () => {
  it('paints the small two-flow figure exactly as the golden file', async () => {
    const lanes = smallLanes();
    const plan = planTimeline(lanes, view, { width: 1200, height: 0 }, LIGHT, { token: 10 });
    const svg = paintSvg(plan, { title: lanes.title, description: describeTimeline(lanes) });
    await expect(svg).toMatchFileSnapshot('./__snapshots__/small-lanes.light.svg');
  });

  it('paints the projector theme as its golden file', async () => {
    const lanes = smallLanes(70 * M);
    const svg = paintSvg(planTimeline(lanes, view, { width: 1200, height: 0 }, PROJECTOR, {}), { title: lanes.title });
    await expect(svg).toMatchFileSnapshot('./__snapshots__/small-lanes.projector.svg');
  });

  it('is self-contained: namespace, size, patterns in <defs>, text as text, no external references', () => {
    const plan = planFlow(smallLanes(), 'projected', view, { width: 800, height: 300 }, LIGHT, {}, { background: true });
    const svg = paintSvg(plan, { idPrefix: 'x' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="')).toBe(true);
    expect(svg).toContain('<defs><pattern id="x-outage"');
    for (const id of ['outage', 'refresh', 'stolen']) {
      expect(svg).toContain(`<pattern id="x-${id}"`);
      expect(svg).toContain(`fill="url(#x-${id})"`);
    }
    expect(svg).toContain('>token #1</text>');
    expect(svg).not.toMatch(/href=|<image|<style|<script|@import/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('escapes text', () => {
    const lanes = smallLanes();
    lanes.flows[0]!.title = 'a <b> & "c"';
    const svg = paintSvg(planTimeline(lanes, view, { width: 1200, height: 0 }, LIGHT, {}));
    expect(svg).toContain('a &lt;b&gt; &amp; &quot;c&quot;');
  });

  it('makes a data: URL for <img>', () => {
    expect(svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"/>')).toBe('data:image/svg+xml;charset=utf-8,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E');
  });
});
