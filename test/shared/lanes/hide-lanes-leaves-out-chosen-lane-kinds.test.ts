import { describe, expect, it } from 'vitest';
import { hideLanes } from '../../../shared/lanes/hide-lanes.ts';
import { deriveLanes } from '../../../shared/lanes/derive-lanes.ts';
import { builtinScenario, snapshotOf } from '../../support/scenario-snapshot.ts';

describe('hideLanes', () => {
  const lanes = deriveLanes(snapshotOf(builtinScenario('side-by-side'), 3 * 3_600_000));
  const kinds = (l: typeof lanes) => l.flows.map((f) => f.lanes.map((lane) => lane.kind));

  it('drops the kubectl and Secrets lanes of every flow and keeps the rest in order', () => {
    expect(kinds(lanes).flat()).toEqual(expect.arrayContaining(['kubectl', 'secrets']));
    const shown = hideLanes(lanes, ['kubectl', 'secrets']);
    for (const [i, flow] of kinds(shown).entries()) {
      expect(flow).toEqual(kinds(lanes)[i]!.filter((k) => k !== 'kubectl' && k !== 'secrets'));
    }
    expect(shown.nowMs).toBe(lanes.nowMs);
  });

  it('returns the very same lanes when nothing is hidden, so memoised plans are reused', () => {
    expect(hideLanes(lanes, undefined)).toBe(lanes);
    expect(hideLanes(lanes, [])).toBe(lanes);
    expect(hideLanes(lanes, ['pods'])).toBe(lanes);
  });
});
