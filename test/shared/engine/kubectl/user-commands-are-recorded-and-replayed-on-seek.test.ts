/**
 * A console line or editor apply runs at the current simulated instant and is recorded in the Simulation, so a seek
 * back before it and forward again replays it at the same instant, and the same scenario with the same recorded
 * steps always gives the same log.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../../../../shared/engine/simulation.ts';
import type { SimEvent } from '../../../../shared/model/events.ts';
import type { UserStep } from '../../../../shared/engine/scenario-steps.ts';
import { loadScenario, singleFlow } from '../../../support/run-scenario.ts';
import { busyScenario } from '../determinism/determinism-scenario.ts';

const M = 60_000;
const H = 60 * M;

function scenario(version = '1.30') {
  return loadScenario(singleFlow({ version, duration: '6h' }));
}

/** kubectl.ran events of the console (the scenario's own step creates my-app at 0 s). */
function kubectlEvents(sim: Simulation): Extract<SimEvent, { type: 'kubectl.ran' }>[] {
  return sim.events.filter((event): event is Extract<SimEvent, { type: 'kubectl.ran' }> => event.type === 'kubectl.ran' && event.command !== 'create serviceaccount my-app');
}

/** The same commands, typed at the same instants, without ever seeking back: the reference log. */
function straightRun(steps: readonly UserStep[], endMs: number, version = '1.30'): string {
  const sim = new Simulation(scenario(version));
  for (const step of steps) {
    sim.seek(step.atMs);
    sim.runUserCommand({ flow: step.flow, kind: step.kind, text: step.text, ...(step.manifest === undefined ? {} : { manifest: step.manifest }) });
  }
  sim.seek(endMs);
  return JSON.stringify(sim.events);
}

describe('recording', () => {
  it('records {atMs, flow, kind, text} at the current simulated time and marks it with kubectl.ran', () => {
    const sim = new Simulation(scenario());
    sim.seek(30 * M);
    const out = sim.runUserCommand({ flow: 'f', kind: 'kubectl', text: 'create sa builder' });
    expect(out).toMatchObject({ kind: 'kubectl', stdout: 'serviceaccount/builder created\n', exitCode: 0 });
    expect(sim.recordedSteps).toEqual([{ atMs: 30 * M, flow: 'f', kind: 'kubectl', text: 'create sa builder' }]);
    expect(kubectlEvents(sim).at(-1)).toMatchObject({ atMs: 30 * M, flow: 'f', command: 'create sa builder', exitCode: 0 });
  });

  it('an editor apply is recorded as kind apply', () => {
    const sim = new Simulation(scenario());
    sim.seek(10 * M);
    const manifest = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n';
    expect(sim.runUserCommand({ flow: 'f', kind: 'apply', text: manifest })).toEqual({ kind: 'apply', ok: true, output: 'serviceaccount/builder created', errors: [] });
    expect(sim.recordedSteps).toEqual([{ atMs: 10 * M, flow: 'f', kind: 'apply', text: manifest }]);
  });

  it('at time 0 the command runs after the scenario’s own 0 s steps, as the replay will order it', () => {
    const sim = new Simulation(scenario());
    expect(sim.runUserCommand({ flow: 'f', kind: 'kubectl', text: 'get sa my-app -o name' })).toMatchObject({ stdout: 'serviceaccount/my-app\n', exitCode: 0 });
    const log = JSON.stringify(sim.events);
    sim.seek(2 * H);
    sim.seek(0);
    expect(JSON.stringify(sim.events)).toBe(log);
  });

  it('refuses a flow the scenario does not have', () => {
    const sim = new Simulation(scenario());
    expect(() => sim.runUserCommand({ flow: 'nope', kind: 'kubectl', text: 'get pods' })).toThrow('unknown flow nope');
    expect(sim.recordedSteps).toEqual([]);
  });
});

describe('seek back and forward replays recorded steps at the same instant', () => {
  it('a read-only command reappears with the same output', () => {
    const sim = new Simulation(scenario());
    sim.seek(30 * M);
    sim.runUserCommand({ flow: 'f', kind: 'kubectl', text: 'get pods' });
    const first = kubectlEvents(sim).at(-1);
    sim.seek(2 * H);
    sim.seek(10 * M);
    expect(kubectlEvents(sim)).toHaveLength(0);
    sim.seek(2 * H);
    expect(kubectlEvents(sim)).toEqual([first]);
  });

  it('a command that changes the future (deleting the pod) changes it again on replay, exactly as a straight run', () => {
    const sim = new Simulation(scenario());
    sim.seek(6 * H);
    const rotationsWithPod = sim.events.filter((e) => e.type === 'token.file-written').length;
    sim.seek(30 * M);
    sim.runUserCommand({ flow: 'f', kind: 'kubectl', text: 'delete pod app --grace-period=0 --force' });
    sim.seek(6 * H);
    const writes = sim.events.filter((e) => e.type === 'token.file-written');
    expect(writes.length).toBeLessThan(rotationsWithPod);
    expect(writes.every((e) => e.atMs < 30 * M)).toBe(true);
    const log = JSON.stringify(sim.events);
    // Snapshots from the first run (with the pod) must not leak back in.
    sim.seek(3 * H);
    sim.seek(6 * H);
    expect(JSON.stringify(sim.events)).toBe(log);
    sim.seek(20 * M);
    sim.seek(6 * H);
    expect(JSON.stringify(sim.events)).toBe(log);
    expect(log).toBe(straightRun(sim.recordedSteps, 6 * H));
  });

  it('a step typed before an earlier recorded one runs first; both replay in time order', () => {
    const sim = new Simulation(scenario());
    sim.seek(2 * H);
    sim.runUserCommand({ flow: 'f', kind: 'kubectl', text: 'get sa builder -o name' });
    sim.seek(1 * H);
    sim.runUserCommand({ flow: 'f', kind: 'kubectl', text: 'create sa builder' });
    expect(sim.recordedSteps.map((s) => [s.atMs, s.text])).toEqual([
      [1 * H, 'create sa builder'],
      [2 * H, 'get sa builder -o name'],
    ]);
    sim.seek(3 * H);
    expect(kubectlEvents(sim).map((e) => [e.atMs, e.stdout])).toEqual([
      [1 * H, 'serviceaccount/builder created\n'],
      [2 * H, 'serviceaccount/builder\n'],
    ]);
  });

  it('two commands at one instant keep the order they were typed in', () => {
    const sim = new Simulation(scenario());
    sim.seek(15 * M);
    sim.runUserCommand({ flow: 'f', kind: 'kubectl', text: 'create sa a' });
    sim.runUserCommand({ flow: 'f', kind: 'kubectl', text: 'delete sa a' });
    sim.seek(0);
    sim.seek(H);
    expect(kubectlEvents(sim).map((e) => [e.atMs, e.exitCode, e.stdout])).toEqual([
      [15 * M, 0, 'serviceaccount/a created\n'],
      [15 * M, 0, 'serviceaccount "a" deleted\n'],
    ]);
  });

  it('stepping from just before a recorded step stops at it', () => {
    const sim = new Simulation(loadScenario(singleFlow({ version: '1.30', duration: '6h', pod: false })));
    sim.seek(30 * M);
    sim.runUserCommand({ flow: 'f', kind: 'kubectl', text: 'get sa' });
    sim.seek(10 * M);
    expect(sim.nextActionAtMs()).toBe(30 * M);
    expect(sim.stepToNextEvent().map((e) => [e.type, e.atMs])).toEqual([['kubectl.ran', 30 * M]]);
  });
});

describe('determinism with recorded steps', () => {
  it('a fresh Simulation given the recorded steps logs exactly what the interactive one did', () => {
    const sim = new Simulation(busyScenario());
    sim.seek(20 * M);
    sim.runUserCommand({ flow: 'projected', kind: 'kubectl', text: 'create token my-app --duration 10m' });
    sim.seek(50 * M);
    sim.runUserCommand({ flow: 'legacy', kind: 'kubectl', text: 'delete pod app' });
    sim.runUserCommand({ flow: 'newest', kind: 'apply', text: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: extra\n' });
    sim.seek(5 * M);
    sim.seek(busyScenario().durationMs);
    const replay = new Simulation(busyScenario(), { userSteps: sim.recordedSteps });
    replay.runUntil(busyScenario().durationMs);
    expect(JSON.stringify(replay.events)).toBe(JSON.stringify(sim.events));
    expect(JSON.stringify(replay.tokens)).toBe(JSON.stringify(sim.tokens));
  });

  it('any commands at any instants, with any seeks in between, end in the straight run’s log', () => {
    const lines = ['create sa builder', 'delete pod app', 'create token my-app', 'get pods', 'delete sa my-app', 'exec app -- ls -la /var/run/secrets/kubernetes.io/serviceaccount'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ atMs: fc.integer({ min: 0, max: 6 * H }), line: fc.constantFrom(...lines), seekMs: fc.integer({ min: 0, max: 6 * H }) }), { minLength: 1, maxLength: 5 }),
        (commands) => {
          const sim = new Simulation(scenario());
          for (const command of commands) {
            sim.seek(command.atMs);
            sim.runUserCommand({ flow: 'f', kind: 'kubectl', text: command.line });
            sim.seek(command.seekMs);
          }
          sim.seek(6 * H);
          const replay = new Simulation(scenario(), { userSteps: sim.recordedSteps });
          replay.runUntil(6 * H);
          expect(JSON.stringify(sim.events)).toBe(JSON.stringify(replay.events));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('recorded steps naming an unknown flow or lying outside the run are refused in words', () => {
    expect(() => new Simulation(scenario(), { userSteps: [{ atMs: 0, flow: 'x', kind: 'kubectl', text: 'get pods' }] })).toThrow('recorded step at 0 ms names flow "x", which the scenario does not have');
    expect(() => new Simulation(scenario(), { userSteps: [{ atMs: 7 * H, flow: 'f', kind: 'kubectl', text: 'get pods' }] })).toThrow("lies outside the scenario's 0…21600000 ms");
  });
});
