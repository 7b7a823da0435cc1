/**
 * Captions over a lane ("80 % → kubelet refreshes", "copied by the attacker") never have a refresh line drawn through
 * them: on a narrow plot, where a caption is wider than the time to the next refresh, it is shortened to end before it.
 */
import { describe, expect, it } from 'vitest';
import { planFlow, type Primitive } from '../../../shared/figure/draw-plan.ts';
import { deriveLanes } from '../../../shared/lanes/derive-lanes.ts';
import { fitAll } from '../../../shared/figure/time-view.ts';
import { LIGHT } from '../../../shared/figure/theme.ts';
import { estimateTextWidth } from '../../../shared/figure/text-metrics.ts';
import { builtinScenario, snapshotOf } from '../../support/scenario-snapshot.ts';

const H = 3_600_000;
const lanes = deriveLanes(snapshotOf(builtinScenario('side-by-side'), 2 * H));

describe.each([400, 660, 1400])('side-by-side at 2 h on a %i px plot', (width) => {
  const plan = planFlow(lanes, 'projected', fitAll(6 * H), { width, height: 400 }, LIGHT, {});
  const lines = plan.primitives.filter((p): p is Extract<Primitive, { type: 'line' }> => p.role === 'refresh-due' && p.type === 'line');
  const captions = plan.primitives.filter((p): p is Extract<Primitive, { type: 'text' }> => p.type === 'text' && p.role === 'label' && p.size === LIGHT.font.annotation && p.weight === 700);

  it('has the refresh lines and their captions', () => {
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(captions.some((c) => c.text.startsWith('80 %'))).toBe(true);
  });

  it('keeps every caption clear of every refresh line that reaches its band', () => {
    for (const caption of captions) {
      const left = caption.x;
      const right = caption.x + estimateTextWidth(caption.text, caption.size, 700);
      const top = caption.y - caption.size;
      for (const line of lines) {
        const crossesBand = Math.min(line.y1, line.y2) <= caption.y && Math.max(line.y1, line.y2) >= top;
        if (crossesBand) expect(line.x1 <= left - 1 || line.x1 >= right + 1, `"${caption.text}" [${left}, ${right}] crossed at ${line.x1}`).toBe(true);
      }
    }
  });
});
