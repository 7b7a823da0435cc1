import { describe, expect, it } from 'vitest';
import { planFlow } from '../../../shared/figure/draw-plan.ts';
import { planTimeline } from '../../../shared/figure/plan-timeline.ts';
import { annotationsForFlow, placeAnnotations } from '../../../shared/figure/plan-annotations.ts';
import { fitAll } from '../../../shared/figure/time-view.ts';
import { LIGHT, PROJECTOR } from '../../../shared/figure/theme.ts';
import type { ScenarioAnnotation } from '../../../shared/scenario/scenario-types.ts';
import type { Primitive } from '../../../shared/figure/primitives.ts';
import { M, smallLanes } from '../../support/small-lanes.ts';

const view = fitAll(120 * M);
const notes: ScenarioAnnotation[] = [
  { atMs: 48 * M, flow: 'projected', text: 'here the kubelet refreshes' },
  { atMs: 30 * M, untilMs: 61 * M, text: 'the stolen copy works' },
];
const texts = (prims: readonly Primitive[]) => prims.filter((p) => p.type === 'text' && p.role === 'annotation').map((p) => (p.type === 'text' ? p.text : ''));

describe('annotations on the draw plan', () => {
  it('keeps notes pinned to one flow out of the others', () => {
    expect(annotationsForFlow(notes, 'legacy').map((n) => n.text)).toEqual(['the stolen copy works']);
    expect(annotationsForFlow(notes, 'projected')).toHaveLength(2);
  });

  it('draws each note in its flow card, and grows the figure to make room for the labels', () => {
    const lanes = smallLanes(70 * M);
    const without = planTimeline(lanes, view, { width: 1200, height: 0 }, LIGHT, {});
    const withNotes = planTimeline(lanes, view, { width: 1200, height: 0 }, LIGHT, {}, { annotations: notes });
    expect(texts(withNotes.primitives).sort()).toEqual(['here the kubelet refreshes', 'the stolen copy works', 'the stolen copy works']);
    expect(withNotes.height).toBeGreaterThan(without.height);
    expect(texts(without.primitives)).toEqual([]);
  });

  it('marks a range with a line at both ends and a bracket, and a moment with one line', () => {
    const lanes = smallLanes(70 * M);
    const plan = planFlow(lanes, 'legacy', view, { width: 1000, height: 300 }, LIGHT, {}, { annotations: annotationsForFlow(notes, 'legacy') });
    const lines = plan.primitives.filter((p) => p.type === 'line' && p.role === 'annotation');
    expect(lines.filter((p) => p.type === 'line' && p.dash !== undefined)).toHaveLength(2);
    expect(lines.filter((p) => p.type === 'line' && p.dash === undefined)).toHaveLength(1);
    const moment = planFlow(lanes, 'projected', view, { width: 1000, height: 300 }, LIGHT, {}, { annotations: [notes[0]!] });
    expect(moment.primitives.filter((p) => p.type === 'line' && p.role === 'annotation')).toHaveLength(1);
  });

  it('stacks overlapping labels in rows and leaves out notes outside the view', () => {
    const crowded: ScenarioAnnotation[] = [
      { atMs: 10 * M, text: 'first note with some words' },
      { atMs: 11 * M, text: 'second note, close by' },
      { atMs: 200 * M, text: 'after the window' },
    ];
    const rows = placeAnnotations(crowded, view, 800, PROJECTOR);
    expect(rows.placed.map((p) => p.row)).toEqual([0, 1]);
    expect(rows.rows).toBe(2);
  });

  it('keeps a label near the right edge inside the plot and shortens one longer than the plot', () => {
    const rows = placeAnnotations([{ atMs: 119 * M, text: 'at the very end' }, { atMs: 0, text: 'x'.repeat(150) }], view, 600, LIGHT);
    for (const p of rows.placed) {
      expect(p.labelX).toBeGreaterThanOrEqual(0);
      expect(p.labelX + p.labelW).toBeLessThanOrEqual(600.5);
    }
    expect(rows.placed.find((p) => p.annotation.atMs === 0)?.text.endsWith('…')).toBe(true);
  });
});
