/**
 * Every kubectl mark says what ran, even where the next command follows soon after on a narrow plot: the caption gets
 * shorter (the whole line, the command, its verb and object, its verb) rather than disappear.
 */
import { describe, expect, it } from 'vitest';
import { planFlow, type Primitive } from '../../../shared/figure/draw-plan.ts';
import { deriveLanes } from '../../../shared/lanes/derive-lanes.ts';
import { fitAll } from '../../../shared/figure/time-view.ts';
import { LIGHT } from '../../../shared/figure/theme.ts';
import { builtinScenario, snapshotOf } from '../../support/scenario-snapshot.ts';

const H = 3_600_000;
const lanes = deriveLanes(snapshotOf(builtinScenario('side-by-side'), 2 * H));

describe.each([['legacy'], ['projected']])('the %s kubectl lane at 2 h', (flowId) => {
  const flow = lanes.flows.find((f) => f.flowId === flowId)!;
  const kubectl = flow.lanes.find((l) => l.kind === 'kubectl')!;
  const marks = kubectl.strips[0]!.marks;

  it.each([660, 900, 1400])('labels each of its marks on a %i px plot', (width) => {
    const plan = planFlow(lanes, flowId, fitAll(6 * H), { width, height: 600 }, LIGHT, {});
    const texts = plan.primitives.filter((p): p is Extract<Primitive, { type: 'text' }> => p.type === 'text');
    expect(marks.length).toBeGreaterThanOrEqual(2);
    for (const mark of marks) {
      const label = texts.find((t) => t.seq === mark.seq);
      expect(label, `mark at ${mark.atMs} ms (${mark.label})`).toBeDefined();
      expect(mark.label!.startsWith(label!.text)).toBe(true);
    }
  });
});
