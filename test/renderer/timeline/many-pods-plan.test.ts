/**
 * Drawing many pods: the summary lane's plan (a caption, a thin row per pod, runs of short tokens hatched as a
 * rotation, the legacy token going on ahead of now), hit testing it, planning only a band of a tall flow and painting
 * that band, and not repainting when nothing in view changed.
 */
import { describe, expect, it } from 'vitest';
import { deriveLanes } from '../../../shared/lanes/derive-lanes.ts';
import { SUMMARY_MIN_PODS, type FlowLanes } from '../../../shared/lanes/lane-types.ts';
import { fitAll, type TimeView } from '../../../shared/figure/time-view.ts';
import { paintCanvas, type Canvas2D } from '../../../renderer/timeline/canvas-painter.ts';
import { planFlow, type DrawPlan } from '../../../shared/figure/draw-plan.ts';
import { hitTest } from '../../../renderer/timeline/hit-test.ts';
import { layoutFlow, SUMMARY_ROWS_HEIGHT } from '../../../shared/figure/layout.ts';
import { legendItems } from '../../../shared/figure/legend.ts';
import { samePicture } from '../../../shared/figure/primitives.ts';
import { LIGHT } from '../../../shared/figure/theme.ts';
import { firstTokenPoint } from '../../../renderer/timeline/token-at-point.ts';
import { flowWindow, WINDOW_MIN_HEIGHT } from '../../../renderer/timeline/flow-window.ts';
import { describeFlow } from '../../../shared/figure/describe-flow.ts';
import { snapshotOf } from '../../support/scenario-snapshot.ts';
import { timeScale } from '../../../shared/figure/time-scale.ts';

const M = 60_000;
const H = 60 * M;
const PODS = 40;
const WIDTH = 1000;

function manyPods(pods: number, duration: string): string {
  const pod = (i: number) =>
    `  - at: ${i * 7}s\n    apply: |\n      apiVersion: v1\n      kind: Pod\n      metadata:\n        name: app-${i}\n      spec:\n        serviceAccountName: my-app\n        containers:\n          - name: app\n            image: nginx:stable\n`;
  return `name: many\nseed: 3\nduration: ${duration}\nflows:\n  - id: legacy\n    kubernetesVersion: "1.20"\n  - id: projected\n    kubernetesVersion: "1.30"\nsteps:\n  - at: 0s\n    kubectl: create serviceaccount my-app\n${Array.from({ length: pods }, (_, i) => pod(i)).join('')}`;
}

// Two days of forty pods, played to 30 h: the projected pods have rotated about 37 times each.
const snapshot = snapshotOf(manyPods(PODS, '2d'), 30 * H);
const lanes = deriveLanes(snapshot);
const flow = (id: string): FlowLanes => lanes.flows.find((f) => f.flowId === id)!;
const view = fitAll(2 * 24 * H);

function plan(id: string, v: TimeView = view, clip?: { top: number; bottom: number }): DrawPlan {
  const layout = layoutFlow(flow(id), LIGHT);
  return planFlow(lanes, id, v, { width: WIDTH, height: layout.height }, LIGHT, {}, { layout, ...(clip ? { clip } : {}) });
}

describe('a summary lane', () => {
  it('stays short however many pods there are', () => {
    const layout = layoutFlow(flow('projected'), LIGHT);
    expect(layout.lanes[0]!.lane.kind).toBe('pods');
    expect(layout.lanes[0]!.height).toBeLessThanOrEqual(SUMMARY_ROWS_HEIGHT + LIGHT.laneTopPad + LIGHT.laneBottomPad);
    expect(layout.height).toBeLessThan(WINDOW_MIN_HEIGHT);
    expect(PODS).toBeGreaterThanOrEqual(SUMMARY_MIN_PODS);
  });

  it('says what its rows show, above them', () => {
    const texts = (id: string) => plan(id).primitives.flatMap((p) => (p.type === 'text' ? [p.text] : []));
    expect(texts('legacy')).toContainEqual(expect.stringMatching(/^every pod holds the same token #\d+: no exp claim, nothing rotates it$/));
    expect(texts('projected')).toContainEqual(expect.stringMatching(/^each pod's token is replaced every ~4\d m: [\d,]+ tokens so far$/));
    expect(describeFlow(flow('projected'), lanes.nowMs)).toMatch(/40 pods, one row each: each pod's token is replaced every/);
  });

  it('hatches each projected row as a rotation (zoomed out) and draws each legacy row solid, going on ahead of now', () => {
    // Twenty days across 1,000 px: a 49-minute token is under 2 px, too thin to draw alone.
    const projected = plan('projected', { startMs: 0, endMs: 20 * 24 * H }).primitives.filter((p) => p.role === 'token-bar');
    expect(projected).toHaveLength(PODS);
    expect(projected.every((p) => p.type === 'rect' && p.pattern === 'rotation')).toBe(true);
    const legacy = plan('legacy');
    const shared = flow('legacy').lanes[0]!.summary!.rows[0]!.held[0]!.token;
    const bars = legacy.primitives.filter((p) => p.role === 'token-bar' && p.token === shared && p.type === 'rect' && p.fill === LIGHT.valid.fill);
    const future = legacy.primitives.filter((p) => p.role === 'token-future' && p.token === shared);
    expect(bars.length).toBe(PODS);
    expect(future.length).toBe(PODS);
    for (const f of future) expect(f.type === 'rect' && f.x + f.w).toBeCloseTo(WIDTH, 6);
    expect(legendItems(lanes).map((i) => i.kind)).toEqual(expect.arrayContaining(['rotation', 'open', 'future']));
  });

  it('draws each token of a row on its own once zoomed in, with a gap where the next takes over', () => {
    const zoomed = { startMs: 10 * H, endMs: 16 * H };
    const rects = plan('projected', zoomed).primitives.filter((p) => p.role === 'token-bar' && p.type === 'rect');
    expect(rects.length).toBeGreaterThan(PODS * 5);
    expect(rects.every((p) => p.type === 'rect' && p.pattern === undefined)).toBe(true);
  });

  it('finds the token a pod held at the instant under the pointer', () => {
    const p = plan('projected');
    const layout = layoutFlow(flow('projected'), LIGHT);
    const lane = layout.lanes[0]!;
    const row = lane.lane.summary!.rows[7]!;
    const atMs = 20 * H;
    const held = row.held.find((h) => h.fromMs <= atMs && (h.toMs ?? Infinity) > atMs)!;
    expect(hitTest(p, view, { x: timeScale(view, WIDTH)(atMs), y: lane.rowY(7) + lane.barHeight / 2 })).toEqual({ kind: 'token', token: held.token });
    expect(p.hits.filter((h) => h.kind === 'held')).toHaveLength(PODS);
    const first = firstTokenPoint(p, view, lanes.nowMs)!;
    expect(hitTest(p, view, first)).toEqual({ kind: 'token', token: lane.lane.summary!.rows[0]!.held[0]!.token });
  });

  it('plans only the rows inside a clip band', () => {
    const layout = layoutFlow(flow('projected'), LIGHT);
    const lane = layout.lanes[0]!;
    const clip = { top: lane.rowY(10), bottom: lane.rowY(14) };
    const clipped = plan('projected', view, clip);
    const rows = clipped.hits.filter((h) => h.kind === 'held');
    expect(rows.length).toBeLessThan(10);
    expect(rows.every((h) => h.y1 >= clip.top - 10 && h.y0 <= clip.bottom + 10)).toBe(true);
  });
});

describe('a tall flow, a band at a time', () => {
  it('windows the visible part with overscan, and keeps the window while it still covers what is visible', () => {
    const w = flowWindow(5000, 1000, 1500);
    expect(w.top).toBeLessThanOrEqual(1000 - 200);
    expect(w.top + w.height).toBeGreaterThanOrEqual(1500 + 200);
    expect(w.height).toBeLessThan(1500);
    expect(flowWindow(5000, 1040, 1540, w)).toBe(w);
    const moved = flowWindow(5000, 2000, 2500, w);
    expect(moved).not.toBe(w);
    expect(moved.top).toBeGreaterThan(w.top);
    // Clamped to the flow; nothing to cover when it is scrolled out of sight.
    expect(flowWindow(5000, -400, 300)).toEqual({ top: 0, height: expect.any(Number) });
    expect(flowWindow(5000, 6000, 6500).height).toBe(0);
  });

  it('paints a band of the plan on a canvas only as tall as the band', () => {
    const calls: string[] = [];
    const recorded: Record<string, unknown> = {};
    const ctx = new Proxy(recorded, {
      get: (target, key) => {
        if (key in target) return target[key as string];
        if (key === 'createPattern') return () => null;
        return (...args: unknown[]) => void calls.push(`${String(key)} ${args.join(',')}`);
      },
      set: (target, key, value) => ((target[key as string] = value), true),
    }) as unknown as Canvas2D;
    paintCanvas(ctx, plan('legacy'), { dpr: 2, window: { top: 100, height: 50 }, createTile: () => undefined });
    expect(calls[0]).toBe('setTransform 2,0,0,2,0,-200');
    expect(calls[1]).toBe(`clearRect 0,100,${plan('legacy').width},50`);
  });
});

describe('repainting', () => {
  it('knows when a new plan paints the same picture', () => {
    const past = { startMs: 0, endMs: 6 * H };
    // Later in the run, with nothing new in the first six hours: the same picture.
    const later = deriveLanes({ ...snapshot, version: 2, nowMs: snapshot.nowMs + M });
    const layout = layoutFlow(flow('legacy'), LIGHT);
    const a = planFlow(lanes, 'legacy', past, { width: WIDTH, height: layout.height }, LIGHT, {}, { layout });
    const b = planFlow(later, 'legacy', past, { width: WIDTH, height: layout.height }, LIGHT, {}, { layout: layoutFlow(later.flows[0]!, LIGHT) });
    expect(b).not.toBe(a);
    expect(samePicture(a, b)).toBe(true);
    // In view, "now" moves: a different picture.
    expect(samePicture(plan('legacy'), planFlow(later, 'legacy', view, { width: WIDTH, height: layout.height }, LIGHT, {}, { layout }))).toBe(false);
  });
});
