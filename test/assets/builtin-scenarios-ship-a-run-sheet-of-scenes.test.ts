/**
 * Every built-in scenario ships with a run-sheet of five to eight scenes, and each scene's spotlight names a lane the
 * timeline really has at that moment in presentation mode (detail lanes hidden), so a class never sees a spotlight
 * that silently stays off.
 */
import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared/scenario/parse-scenario.ts';
import { deriveLanes } from '../../shared/lanes/derive-lanes.ts';
import { hideLanes } from '../../shared/lanes/hide-lanes.ts';
import { builtinScenario, snapshotOf } from '../support/scenario-snapshot.ts';

const names = readdirSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

describe.each(names)('the built-in scenario %s', (name) => {
  const text = builtinScenario(name);
  const parsed = parseScenario(text);
  const scenes = parsed.ok ? parsed.value.scenes : [];

  it('has five to eight scenes, each with a note', () => {
    expect(parsed.ok).toBe(true);
    expect(scenes.length).toBeGreaterThanOrEqual(5);
    expect(scenes.length).toBeLessThanOrEqual(8);
    expect(scenes.filter((s) => !s.note)).toEqual([]);
  });

  it('spotlights only lanes that are on screen at the scene', () => {
    const missing = scenes.flatMap((scene, index) => {
      if (!scene.spotlight) return [];
      const lanes = hideLanes(deriveLanes(snapshotOf(text, scene.atMs)), ['kubectl', 'secrets']);
      const found = lanes.flows.some((flow) => (scene.spotlight!.flow === undefined || flow.flowId === scene.spotlight!.flow) && flow.lanes.some((lane) => lane.label === scene.spotlight!.lane));
      return found ? [] : [`scene ${index + 1}: ${scene.spotlight.lane} in ${scene.spotlight.flow ?? 'any flow'}`];
    });
    expect(missing).toEqual([]);
  });
});
