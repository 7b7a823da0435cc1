/**
 * Determinism: every random draw comes from the seeded PRNG in the state, so a scenario and a seed fix the whole
 * event and token log, however the run is sliced (one runUntil, many small ones, or event by event).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../../../../shared/engine/simulation.ts';
import { WorkMeter, type WorkLimits } from '../../../../shared/engine/work-budget.ts';
import type { Scenario } from '../../../../shared/scenario/scenario-types.ts';
import { BUSY_YAML, busyScenario, sideBySideScenario } from './determinism-scenario.ts';
import { loadScenario } from '../../../support/run-scenario.ts';

function fullRun(scenario: Scenario, options?: { snapshotEveryMs?: number }): Simulation {
  const sim = new Simulation(scenario, options);
  sim.runUntil(scenario.durationMs);
  return sim;
}

const logOf = (sim: Simulation) => JSON.stringify(sim.events);
const tokensOf = (sim: Simulation) => JSON.stringify(sim.tokens);

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe('same scenario + same seed ⇒ identical log', () => {
  it('busy scenario, two runs, any seed', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const a = fullRun(busyScenario(s));
        const b = fullRun(busyScenario(s));
        expect(logOf(b)).toBe(logOf(a));
        expect(tokensOf(b)).toBe(tokensOf(a));
      }),
      { numRuns: 8 },
    );
  });

  it('the side-by-side scenario as shipped (seed 7) gives the same log every time, with snapshots on or off', () => {
    const a = fullRun(sideBySideScenario());
    const b = fullRun(sideBySideScenario(), { snapshotEveryMs: 0 });
    expect(a.events.length).toBeGreaterThan(100);
    expect(logOf(b)).toBe(logOf(a));
  });
});

/** A meter whose estimate is far below what the run logs, so the logs start with too little room and must grow. */
class UnderestimatingMeter extends WorkMeter {
  override expected(): WorkLimits {
    return { events: 1, tokens: 1 };
  }
}

describe('the room the logs start with', () => {
  it('changes nothing: logs made room for one event and one token grow to the same log as logs sized by the estimate', () => {
    const scenario = loadScenario(BUSY_YAML.replace('duration: 4h', 'duration: 24h'));
    const sized = fullRun(scenario);
    const grown = new Simulation(scenario, { meter: new UnderestimatingMeter(scenario) });
    grown.runUntil(scenario.durationMs);
    expect(sized.events.length).toBeGreaterThan(2_048);
    expect(logOf(grown)).toBe(logOf(sized));
    expect(tokensOf(grown)).toBe(tokensOf(sized));
  });

  it('is the estimate, never past the budgets', () => {
    const scenario = busyScenario(11);
    const meter = new WorkMeter(scenario, { events: 50, tokens: 5 });
    expect(meter.expected()).toEqual({ events: 50, tokens: 5 });
    expect(new WorkMeter(scenario).expected().events).toBeGreaterThan(50);
  });
});

describe('different seeds ⇒ (usually) different logs', () => {
  it('ten seeds give ten different logs', () => {
    const logs = new Set(Array.from({ length: 10 }, (_, s) => logOf(fullRun(busyScenario(s * 7919 + 1)))));
    expect(logs.size).toBe(10);
  });

  it('for random pairs of distinct seeds the logs differ', () => {
    fc.assert(
      fc.property(seed, seed, (a, b) => {
        fc.pre(a !== b);
        expect(logOf(fullRun(sideBySideScenario(a)))).not.toBe(logOf(fullRun(sideBySideScenario(b))));
      }),
      { numRuns: 6 },
    );
  });
});

describe('slicing the run does not change it', () => {
  it('runUntil in many small increments equals one big run', () => {
    const reference = logOf(fullRun(busyScenario()));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 * 60_000 }), { minLength: 1, maxLength: 40 }), (steps) => {
        const scenario = busyScenario();
        const sim = new Simulation(scenario);
        let t = 0;
        for (const step of steps) {
          t += step;
          const before = sim.events.length;
          const returned = sim.runUntil(t);
          expect(sim.events.slice(before)).toEqual(returned);
          expect(sim.nowMs).toBe(Math.min(t, scenario.durationMs));
          if (t >= scenario.durationMs) break;
        }
        sim.runUntil(scenario.durationMs);
        expect(logOf(sim)).toBe(reference);
      }),
      { numRuns: 12 },
    );
  });

  it('runUntil(t) leaves exactly the events at or before t', () => {
    const full = fullRun(busyScenario());
    for (const t of [0, 1000, 59_999, 60_000, 45 * 60_000, 100 * 60_000 + 1, 3 * 3_600_000]) {
      const sim = new Simulation(busyScenario());
      sim.runUntil(t);
      expect(logOf(sim)).toBe(JSON.stringify(full.events.filter((e) => e.atMs <= t)));
    }
  });

  it('runUntil past the duration stops at the duration', () => {
    const scenario = busyScenario();
    const sim = new Simulation(scenario);
    sim.runUntil(scenario.durationMs * 3);
    expect(sim.nowMs).toBe(scenario.durationMs);
    expect(sim.events.every((e) => e.atMs <= scenario.durationMs)).toBe(true);
  });
});

describe('stepToNextEvent', () => {
  it('always makes progress, returns the events of one instant, and ends at the duration with the full log', () => {
    const scenario = busyScenario();
    const reference = fullRun(busyScenario());
    const sim = new Simulation(scenario);
    // creating the clusters already logs (ServiceAccounts, Secrets); steps then log the rest
    const collected = [...sim.events];
    let lastNow = -1;
    let guard = 0;
    while (sim.nowMs < scenario.durationMs) {
      const events = sim.stepToNextEvent();
      guard += 1;
      expect(guard).toBeLessThan(10_000);
      if (sim.nowMs < scenario.durationMs) {
        expect(events.length, `step ${guard}`).toBeGreaterThan(0);
        expect(sim.nowMs).toBeGreaterThan(lastNow);
      }
      expect(new Set(events.map((e) => e.atMs)).size).toBeLessThanOrEqual(1);
      for (const e of events) expect(e.atMs).toBe(sim.nowMs);
      lastNow = sim.nowMs;
      collected.push(...events);
    }
    expect(sim.nowMs).toBe(scenario.durationMs);
    expect(JSON.stringify(collected)).toBe(logOf(reference));
    // at the end there is nothing left to step to
    expect(sim.stepToNextEvent()).toEqual([]);
    expect(sim.nowMs).toBe(scenario.durationMs);
  });

  it('a step from the start lands on the first instant with events (t = 0: the cluster setup and 0 s steps)', () => {
    const sim = new Simulation(busyScenario());
    const first = sim.stepToNextEvent();
    expect(first.length).toBeGreaterThan(0);
    expect(sim.nowMs).toBe(0);
    const second = sim.stepToNextEvent();
    expect(second.length).toBeGreaterThan(0);
    expect(sim.nowMs).toBe(1000);
  });
});
