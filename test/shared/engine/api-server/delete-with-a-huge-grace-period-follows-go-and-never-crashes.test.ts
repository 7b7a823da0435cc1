/**
 * `kubectl delete pod app --grace-period 9223372036854775807` once threw "Invalid time value" out of the engine (in
 * the app, out of its timer in Electron's main process). kube-apiserver computes deletionTimestamp as
 * `now.Add(time.Second * time.Duration(grace))`, int64 nanoseconds that wrap on overflow; the engine does the same,
 * and formats any instant it gets.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/engine/simulation.ts';
import { goSecondsToMs } from '../../../../shared/engine/engine-context.ts';
import { eventsOf, loadScenario, singleFlow } from '../../../support/run-scenario.ts';

const SCENARIO = loadScenario(singleFlow({ version: '1.30', duration: '2h' }));

function deleteAt10m(grace: string): Simulation {
  const sim = new Simulation(SCENARIO);
  sim.runUntil(600_000);
  expect(sim.runUserCommand({ flow: 'f', kind: 'kubectl', text: `delete pod app --grace-period ${grace}` })).toMatchObject({ exitCode: 0, stdout: 'pod "app" deleted\n' });
  return sim;
}

describe('a grace period past what int64 nanoseconds hold', () => {
  it('wraps as Go does, so the largest int64 puts deletionTimestamp at (or, in Go, a second before) now: the pod goes at once', () => {
    // The flag's value reaches the engine as a double: 2^63 - 1 rounds to 2^63, whose nanoseconds wrap to exactly 0.
    expect(goSecondsToMs(9_223_372_036_854_775_807)).toBe(0);
    expect(goSecondsToMs(30)).toBe(30_000);
    expect(goSecondsToMs(9_223_372_037)).toBeLessThan(0);
    const sim = deleteAt10m('9223372036854775807');
    expect(() => sim.runUntil(SCENARIO.durationMs)).not.toThrow();
    expect(eventsOf(sim, 'pod.deleted').map((e) => e.atMs)).toEqual([600_000]);
  });

  it('a long but representable grace period is written as a real date, and seeking across it replays the same log', () => {
    const sim = deleteAt10m('1000000000');
    expect(sim.runUserCommand({ flow: 'f', kind: 'kubectl', text: 'get pod app -o yaml' }).stdout).toMatch(/deletionTimestamp: "2056-09-1\dT\d\d:\d\d:\d\dZ"/);
    sim.runUntil(SCENARIO.durationMs);
    const log = sim.events.map((e) => `${e.atMs} ${e.type}`);
    sim.seek(0);
    sim.seek(SCENARIO.durationMs);
    expect(sim.events.map((e) => `${e.atMs} ${e.type}`)).toEqual(log);
  });
});
