/**
 * Seeking: backward restores the nearest snapshot and replays; because the PRNG state is part of the snapshot, the
 * replay logs the very same events and tokens. Forward over a future computed before, it restores the latest snapshot
 * of that future, unless a console command has replaced it since.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../../../../shared/engine/simulation.ts';
import { busyScenario } from './determinism-scenario.ts';

const scenario = busyScenario();
const reference = new Simulation(busyScenario());
reference.runUntil(scenario.durationMs);
const fullLog = JSON.stringify(reference.events);
const fullTokens = JSON.stringify(reference.tokens);

function prefixAt(t: number): string {
  return JSON.stringify(reference.events.filter((e) => e.atMs <= t));
}

describe('seek', () => {
  it('seek backward then forward to the end reproduces the identical log and tokens', () => {
    const sim = new Simulation(busyScenario());
    sim.runUntil(scenario.durationMs);
    sim.seek(47 * 60_000);
    expect(sim.nowMs).toBe(47 * 60_000);
    expect(JSON.stringify(sim.events)).toBe(prefixAt(47 * 60_000));
    sim.seek(scenario.durationMs);
    expect(JSON.stringify(sim.events)).toBe(fullLog);
    expect(JSON.stringify(sim.tokens)).toBe(fullTokens);
  });

  it('any sequence of seeks leaves exactly the events up to the target, and the end is always the same', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -60_000, max: scenario.durationMs + 60_000 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 5 }), (targets, snapshotChoice) => {
        const snapshotEveryMs = [60_000, 5 * 60_000, 17 * 60_000, 3_600_000, 0, 1][snapshotChoice]!;
        const sim = new Simulation(busyScenario(), { snapshotEveryMs });
        for (const target of targets) {
          sim.seek(target);
          const clamped = Math.max(0, Math.min(target, scenario.durationMs));
          expect(sim.nowMs).toBe(clamped);
          expect(JSON.stringify(sim.events)).toBe(prefixAt(clamped));
          expect(sim.tokens.every((t) => t.issuedAtMs <= clamped)).toBe(true);
          expect(sim.tokens.length).toBe(reference.tokens.filter((t) => t.issuedAtMs <= clamped).length);
        }
        sim.seek(scenario.durationMs);
        expect(JSON.stringify(sim.events)).toBe(fullLog);
        expect(JSON.stringify(sim.tokens)).toBe(fullTokens);
      }),
      { numRuns: 15 },
    );
  });

  it('a seek forward over a stretch computed before restores the latest snapshot there instead of running through it', () => {
    const sim = new Simulation(busyScenario(), { snapshotEveryMs: 5 * 60_000 });
    sim.runUntil(scenario.durationMs);
    const wholeRun = sim.actionsProcessed;
    sim.seek(0);
    const before = sim.actionsProcessed;
    const target = scenario.durationMs - 60_000;
    sim.seek(target);
    expect(sim.actionsProcessed - before).toBeLessThan(wholeRun / 10);
    expect(JSON.stringify(sim.events)).toBe(prefixAt(target));
    sim.seek(scenario.durationMs);
    expect(JSON.stringify(sim.events)).toBe(fullLog);
    expect(JSON.stringify(sim.tokens)).toBe(fullTokens);
  });

  it('after a console command, a seek forward never lands on a snapshot of the future the command replaced', () => {
    const sim = new Simulation(busyScenario(), { snapshotEveryMs: 5 * 60_000 });
    sim.runUntil(scenario.durationMs);
    sim.seek(30 * 60_000);
    sim.runUserCommand({ flow: 'projected', kind: 'kubectl', text: 'delete pod app' });
    sim.seek(scenario.durationMs);
    const straight = new Simulation(busyScenario(), { userSteps: sim.recordedSteps });
    straight.runUntil(scenario.durationMs);
    expect(JSON.stringify(sim.events)).toBe(JSON.stringify(straight.events));
    expect(JSON.stringify(sim.tokens)).toBe(JSON.stringify(straight.tokens));
    expect(JSON.stringify(sim.events)).not.toBe(fullLog);
  });

  it('seek to 0 after a full run gives the state right after construction and the steps at 0 s', () => {
    const sim = new Simulation(busyScenario());
    sim.runUntil(scenario.durationMs);
    sim.seek(0);
    expect(sim.nowMs).toBe(0);
    expect(JSON.stringify(sim.events)).toBe(prefixAt(0));
  });

  it('the cluster state after a backward seek matches a fresh run to the same instant', () => {
    const t = 101 * 60_000;
    const sought = new Simulation(busyScenario());
    sought.runUntil(scenario.durationMs);
    sought.seek(t);
    const fresh = new Simulation(busyScenario());
    fresh.runUntil(t);
    for (const flow of ['legacy', 'projected', 'newest']) {
      expect(JSON.stringify(sought.cluster(flow))).toBe(JSON.stringify(fresh.cluster(flow)));
    }
    expect(sought.nextActionAtMs()).toBe(fresh.nextActionAtMs());
  });
});
