import { describe, expect, it } from 'vitest';
import { planFlow, type DrawPlan, type Primitive } from '../../../shared/figure/draw-plan.ts';
import { planTimeline } from '../../../shared/figure/plan-timeline.ts';
import { deriveLanes } from '../../../shared/lanes/derive-lanes.ts';
import { fitAll } from '../../../shared/figure/time-view.ts';
import { DARK, LIGHT, PROJECTOR } from '../../../shared/figure/theme.ts';
import { estimateTextWidth, wrapText } from '../../../shared/figure/text-metrics.ts';
import { legendItems } from '../../../shared/figure/legend.ts';
import { builtinScenario, snapshotOf } from '../../support/scenario-snapshot.ts';
import { M, smallLanes } from '../../support/small-lanes.ts';
import { timeScale } from '../../../shared/figure/time-scale.ts';

const WIDTH = 1000;
const view = fitAll(120 * M);
const X = (ms: number) => timeScale(view, WIDTH)(ms);

function plan(flowId: string, options: { nowMs?: number; selection?: number; width?: number; theme?: typeof LIGHT } = {}): DrawPlan {
  return planFlow(smallLanes(options.nowMs), flowId, view, { width: options.width ?? WIDTH, height: 300 }, options.theme ?? LIGHT, { token: options.selection });
}

const withRole = (p: DrawPlan, role: Primitive['role'], token?: number) => p.primitives.filter((x) => x.role === role && (token === undefined || x.token === token));

describe('draw plan, known cases', () => {
  it('draws the legacy token open-ended: solid to the right edge, an arrow, no end cap', () => {
    const p = plan('legacy');
    const [arrow] = withRole(p, 'open-end', 0);
    expect(arrow).toMatchObject({ type: 'arrow', x: WIDTH - 1 });
    expect(withRole(p, 'end-cap', 0)).toEqual([]);
    const fills = withRole(p, 'token-bar', 0);
    expect(fills).toHaveLength(1);
    expect(fills[0]).toMatchObject({ type: 'rect', x: 0, fill: LIGHT.valid.fill });
    const texts = p.primitives.filter((x) => x.type === 'text' && x.token === 0).map((x) => (x.type === 'text' ? x.text : ''));
    expect(texts[0]).toMatch(/^token #1 · no exp/);
  });

  it("ends a projected token's bar at its exp, with a cap, a ✗ and the word exp", () => {
    const p = plan('projected');
    const outline = withRole(p, 'token-outline', 10)[0]!;
    expect(outline.type === 'rect' && outline.x + outline.w).toBeCloseTo(X(60 * M), 6);
    const cap = withRole(p, 'end-cap', 10)[0]!;
    expect(cap).toMatchObject({ type: 'line', x1: X(60 * M), x2: X(60 * M), stroke: LIGHT.endCap });
    expect(cap.type === 'line' && cap.dash).toBeFalsy();
    const crosses = withRole(p, 'end-mark', 10).filter((g) => g.type === 'glyph' && g.glyph === 'cross' && g.x > X(60 * M) && g.x < X(60 * M) + 20);
    expect(crosses.length).toBeGreaterThanOrEqual(1);
    expect(p.primitives.some((x) => x.type === 'text' && x.token === 10 && x.text === 'exp')).toBe(true);
    expect(withRole(p, 'open-end', 10)).toEqual([]);
  });

  it('hatches the refresh window with its own pattern, so it is not told by colour alone', () => {
    const p = plan('projected');
    const fills = withRole(p, 'token-bar', 10);
    expect(fills.map((f) => (f.type === 'rect' ? (f.pattern ?? f.fill) : ''))).toEqual([LIGHT.valid.fill, 'refresh']);
    const hatch = fills[1]!;
    expect(hatch.type === 'rect' && hatch.x).toBeCloseTo(X(48 * M), 6);
    expect(p.patterns.map((x) => x.id)).toContain('refresh');
    expect(p.primitives.filter((x) => x.role === 'refresh-due')).toHaveLength(1);
    expect(p.primitives.some((x) => x.type === 'text' && x.text === '80 % → kubelet refreshes')).toBe(true);
  });

  it("ends a projected leak's usable window at exp + 60 s, hatched and labelled", () => {
    const p = plan('projected');
    const [window] = withRole(p, 'stolen-window', 10).filter((x) => x.type === 'rect' && x.pattern === 'stolen');
    expect(window).toBeDefined();
    expect(window!.type === 'rect' && window!.x).toBeCloseTo(X(30 * M), 6);
    expect(window!.type === 'rect' && window!.x + window!.w).toBeCloseTo(X(61 * M), 6);
    expect(withRole(p, 'end-cap', 10).some((c) => c.type === 'line' && Math.abs(c.x1 - X(61 * M)) < 1e-6)).toBe(true);
    const label = p.primitives.find((x) => x.type === 'text' && x.text.includes('exp + 60 s leeway'));
    expect(label?.type === 'text' && label.text).toMatch(/usable 31 m$/);
  });

  it('keeps the legacy stolen copy open forever (∞) with an arrow', () => {
    const p = plan('legacy');
    expect(withRole(p, 'open-end', 0)).toHaveLength(2);
    expect(p.primitives.some((x) => x.type === 'text' && /forever \(∞\)/.test(x.text))).toBe(true);
  });

  it('draws one ✓ or ✗ per replay, by outcome', () => {
    const p = plan('projected');
    const replays = p.primitives.filter((x) => x.type === 'glyph' && (x.seq === 17 || x.seq === 18 || x.seq === 19));
    expect(replays.map((g) => (g.type === 'glyph' ? [g.seq, g.glyph] : [])).sort()).toEqual([
      [17, 'check'],
      [18, 'check'],
      [19, 'cross'],
    ]);
    expect(p.primitives.filter((x) => x.type === 'glyph' && x.glyph === 'down')).toHaveLength(1);
  });

  it('merges marks closer than a glyph, and a ✗ wins over a ✓', () => {
    const lanes = smallLanes();
    const strip = lanes.flows[1]!.lanes[0]!.strips[1]!;
    strip.marks = [
      { kind: 'call-ok', atMs: 10 * M, seq: 100, token: 10, text: '' },
      { kind: 'call-denied', atMs: 10 * M + 1000, seq: 101, token: 10, text: '' },
    ];
    const p = planFlow(lanes, 'projected', view, { width: WIDTH, height: 300 }, LIGHT, {});
    const glyphs = p.primitives.filter((x) => x.type === 'glyph' && (x.seq === 100 || x.seq === 101));
    expect(glyphs).toMatchObject([{ glyph: 'cross', seq: 101 }]);
  });

  it('labels a bar only where the label fits (no clipped text)', () => {
    for (const width of [120, 300, 1000, 2400]) {
      for (const flowId of ['legacy', 'projected']) {
        const p = plan(flowId, { width });
        for (const text of p.primitives) {
          if (text.type !== 'text' || text.role !== 'label' || text.token === undefined) continue;
          const w = estimateTextWidth(text.text, text.size, text.weight);
          expect(text.x + w).toBeLessThanOrEqual(width + 1);
        }
      }
    }
    const narrow = plan('projected', { width: 120 });
    expect(narrow.primitives.some((x) => x.type === 'text' && x.text.startsWith('token #'))).toBe(false);
  });

  it('draws what is still ahead of "now" as a dashed outline (a partial log)', () => {
    const p = plan('projected', { nowMs: 70 * M });
    const future = withRole(p, 'token-future', 11).filter((x) => x.type === 'rect' && x.dash);
    expect(future).toHaveLength(1);
    expect(future[0]!.type === 'rect' && future[0]!.x).toBeCloseTo(X(70 * M), 6);
    // Token #2's exp is known but has not happened: a dashed cap and no ✗ yet.
    expect(withRole(p, 'end-cap', 11)[0]).toMatchObject({ dash: [4, 3] });
    expect(withRole(p, 'end-mark', 11)).toEqual([]);
    expect(withRole(p, 'now')).toMatchObject([{ type: 'line', x1: X(70 * M) }]);
  });

  it('outlines the selected token (bar and stolen copy), twice, so it reads without colour', () => {
    const p = plan('projected', { selection: 10 });
    const outlines = withRole(p, 'selection');
    expect(outlines).toHaveLength(4);
    expect(outlines.every((o) => o.token === 10)).toBe(true);
    expect(withRole(plan('projected'), 'selection')).toEqual([]);
  });

  it('puts the kubelet outage across the flow, cross-hatched and named', () => {
    const p = plan('projected');
    expect(withRole(p, 'span')[0]).toMatchObject({ type: 'rect', pattern: 'outage', x: X(100 * M) });
    expect(p.primitives.some((x) => x.type === 'text' && x.text.startsWith('kubelet down'))).toBe(true);
  });

  it('uses thick strokes in the projector theme', () => {
    const p = plan('projected', { theme: PROJECTOR });
    for (const o of withRole(p, 'token-outline')) expect(o.type === 'rect' && o.strokeWidth).toBeGreaterThanOrEqual(3);
    expect(withRole(p, 'end-cap')[0]).toMatchObject({ strokeWidth: PROJECTOR.capWidth });
  });

  it('keeps every bar inside the plot whatever the view', () => {
    const zoomed = { startMs: 50 * M, endMs: 70 * M };
    const p = planFlow(smallLanes(), 'projected', zoomed, { width: WIDTH, height: 300 }, DARK, {});
    for (const r of p.primitives) if (r.type === 'rect' && (r.role === 'token-bar' || r.role === 'stolen-window')) {
      expect(r.x).toBeGreaterThanOrEqual(-4);
      expect(r.x + r.w).toBeLessThanOrEqual(WIDTH + 4);
    }
  });

  it('is deterministic', () => {
    expect(plan('projected')).toEqual(plan('projected'));
  });

  it('groups primitives by style within a layer (fewer canvas state changes)', () => {
    const p = plan('projected');
    const checks = p.primitives.map((x, i) => ({ x, i })).filter(({ x }) => x.type === 'glyph' && x.glyph === 'check');
    for (let k = 1; k < checks.length; k++) expect(checks[k]!.i).toBe(checks[k - 1]!.i + 1);
  });
});

describe('draw plan of the whole figure (export)', () => {
  it('titles both flows, labels the lanes, draws one axis and a legend', () => {
    const p = planTimeline(smallLanes(), view, { width: 1400, height: 0 }, LIGHT, {});
    const texts = p.primitives.flatMap((x) => (x.type === 'text' ? [x.text] : []));
    expect(texts).toEqual(expect.arrayContaining(['Legacy flow · Kubernetes 1.20', 'Projected flow · Kubernetes 1.30', 'pod app', 'attacker', 'file writes', '0 h', '1 h', '2 h', 'now']));
    expect(texts.indexOf('Legacy flow · Kubernetes 1.20')).toBeLessThan(texts.indexOf('Projected flow · Kubernetes 1.30'));
    for (const item of legendItems(smallLanes())) expect(texts).toContain(item.label);
    expect(p.height).toBeGreaterThan(400);
  });

  it('makes lane labels at least 16 px, and bigger on the projector', () => {
    for (const theme of [LIGHT, DARK, PROJECTOR]) {
      const p = planTimeline(smallLanes(), view, { width: 1400, height: 0 }, theme, {});
      const label = p.primitives.find((x) => x.type === 'text' && x.text === 'pod app');
      expect(label?.type === 'text' && label.size).toBeGreaterThanOrEqual(theme === PROJECTOR ? 24 : 16);
    }
  });

  it('tells the side-by-side story: one open bar on legacy, expiring rotated bars on projected', () => {
    const lanes = deriveLanes(snapshotOf(builtinScenario('side-by-side')));
    const full = fitAll(lanes.durationMs);
    const legacy = planFlow(lanes, 'legacy', full, { width: 1200, height: 400 }, LIGHT, {});
    const projected = planFlow(lanes, 'projected', full, { width: 1200, height: 400 }, LIGHT, {});
    const podToken = lanes.flows[0]!.lanes[0]!.bars[0]!.token;
    expect(withRole(legacy, 'open-end', podToken)).toHaveLength(2); // the token and its stolen copy
    expect(withRole(legacy, 'end-cap')).toEqual([]);
    const projectedBars = lanes.flows[1]!.lanes[0]!.bars.filter((b) => b.type === 'token');
    // Every token but the last ends inside the six hours; the last one's exp lies past the end of the run.
    const ended = projectedBars.filter((b) => b.endMs !== undefined && b.endMs <= lanes.durationMs);
    expect(ended).toHaveLength(projectedBars.length - 1);
    for (const bar of ended) expect(withRole(projected, 'end-cap', bar.token).length).toBeGreaterThanOrEqual(1);
    expect(withRole(projected, 'open-end')).toEqual([]);
  });
});

describe('the figure header', () => {
  it('wraps a long takeaway onto a second line instead of cutting it off', () => {
    const takeaway = 'A kubelet that is down cannot refresh, so the pod keeps its last token until that token expires, and then its calls fail with 401 until the kubelet is back.';
    const lines = wrapText(takeaway, 700, 16, 400, 2);
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe(takeaway);
    const cut = wrapText(`${takeaway} ${takeaway} ${takeaway}`, 700, 16, 400, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith('…')).toBe(true);
    expect(wrapText('short', 700, 16, 400, 2)).toEqual(['short']);
  });
});
