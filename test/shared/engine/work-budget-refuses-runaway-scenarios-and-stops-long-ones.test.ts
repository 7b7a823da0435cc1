/**
 * The work a scenario implies is held to the engine's budgets. A scenario far over them (a client calling every
 * millisecond once grew past 4.3 GB) is refused when it is parsed, naming the step, the limit and what to change; one
 * somewhat over them runs and stops cleanly at the budget, always at the same place, saying why.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../shared/scenario/parse-scenario.ts';
import { Simulation } from '../../../shared/engine/simulation.ts';
import { estimateWork, WorkMeter, workWarning } from '../../../shared/engine/work-budget.ts';
import { DEFAULT_SCENARIO_BUDGETS, MAX_AUDIENCES, SCENARIO_MAX_ACTORS, SCENARIO_MAX_FLOWS, SCENARIO_MAX_PODS } from '../../../shared/limits/input-budgets.ts';
import { loadScenario, singleFlow } from '../../support/run-scenario.ts';

function errorsOf(text: string) {
  const result = parseScenario(text);
  return result.ok ? [] : result.errors;
}

describe('refused up front', () => {
  it('a client calling every millisecond for six hours, at its step, with the limit and a value that fits', () => {
    const text = singleFlow({ version: '1.30', duration: '6h', steps: '  - at: 1m\n    client: {pod: app, reads: every-minute, callEvery: 1ms}\n' });
    const start = performance.now();
    const errors = errorsOf(text);
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(errors).toHaveLength(1);
    const [error] = errors;
    expect(error!.message).toMatch(
      /^steps\[\d\]\.client\.callEvery: a client calling every 1 ms for 5 h 59 m makes about 21,540,\d{3} events; TokenScope keeps at most 500,000 per run, so the simulation would stop after 8 m 21 s of 6 h; make callEvery 1s or longer, or shorten duration to 8m or less \(line \d+, column \d+\)$/,
    );
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('callEvery: 1ms')) + 1;
    expect(error).toMatchObject({ line, column: lines[line - 1]!.indexOf('1ms') + 1, path: expect.stringMatching(/^steps\[\d\]\.client\.callEvery$/) });
    expect(parseScenario(text.replace('callEvery: 1ms', 'callEvery: 1s')).ok).toBe(true);
  });

  it('counts past their budgets: flows, pods, clients and issuers, each at the first one too many', () => {
    const flows = Array.from({ length: SCENARIO_MAX_FLOWS + 1 }, (_, i) => `  - {id: f${i}, kubernetesVersion: "1.30"}\n`).join('');
    expect(errorsOf(`name: x\nduration: 1h\nflows:\n${flows}steps: []\n`)[0]).toMatchObject({
      message: `flows: 11 flows are more than TokenScope's limit of 10; compare fewer flows side by side (split the scenario in two) (line ${SCENARIO_MAX_FLOWS + 4}, column 5)`,
    });
    const pods = Array.from({ length: SCENARIO_MAX_PODS + 1 }, (_, i) => `      ---\n      {apiVersion: v1, kind: Pod, metadata: {name: p${i}}, spec: {containers: [{name: c, image: i}]}}\n`).join('');
    const manyPods = singleFlow({ version: '1.20', pod: false, steps: `  - at: 0s\n    apply: |\n${pods}` });
    expect(errorsOf(manyPods)[0]?.message).toMatch(/^steps\[1\]\.apply: 201 pods are more than TokenScope's limit of 200; /);
    // Only a caller that passes larger budgets (the benchmarks) reads it.
    expect(parseScenario(manyPods, { ...DEFAULT_SCENARIO_BUDGETS, pods: SCENARIO_MAX_PODS + 1 }).ok).toBe(true);
    const clients = Array.from({ length: SCENARIO_MAX_ACTORS + 1 }, (_, i) => `  - at: 0s\n    client: {pod: app, name: c${i}, reads: once, callEvery: 1h}\n`).join('');
    expect(errorsOf(singleFlow({ version: '1.30', steps: clients }))[0]?.message).toMatch(/^steps\[202\]\.client: 201 clients and leaks are more than TokenScope's limit of 200; /);
    const issuers = Array.from({ length: MAX_AUDIENCES + 1 }, (_, i) => `https://i${i}.example`).join(', ');
    const withIssuers = singleFlow({ version: '1.30', apiServer: `issuer: [${issuers}]` });
    expect(errorsOf(withIssuers)[0]?.message).toMatch(/issuer: 101 values are more than TokenScope's limit of 100; /);
  });
});

describe('stopped while running', () => {
  const DECADE = loadScenario(singleFlow({ version: '1.30', duration: '3650d' }));
  const THIRTY_YEARS = loadScenario(singleFlow({ version: '1.30', duration: '10950d' }));

  it('a ten-year, one-pod scenario is estimated close to what it logs and fits; a thirty-year one loads with a warning instead of a refusal', () => {
    const estimate = estimateWork(DECADE);
    expect(estimate.events).toBeGreaterThan(400_000);
    expect(estimate.events).toBeLessThan(480_000);
    expect(workWarning(DECADE, estimate)).toBeUndefined();
    expect(workWarning(THIRTY_YEARS, estimateWork(THIRTY_YEARS))).toMatch(/it will stop at about 11 y \d+ d of 30 y\. Most of it comes from the step at line \d+: the kubelet refreshing pod app's token every 48 m/);
  });

  it('the ten-year, one-pod scenario runs to its end under the standard budgets', () => {
    const sim = new Simulation(DECADE, { snapshotEveryMs: 0 });
    sim.advance(DECADE.durationMs);
    expect(sim.halt).toBeUndefined();
    expect(sim.nowMs).toBe(DECADE.durationMs);
    expect(sim.eventLog.length).toBeGreaterThan(400_000);
  });

  it('stops between two actions at the budget, goes no further, and stops at the same place after a seek back', () => {
    const meter = new WorkMeter(DECADE, { events: 2_000, tokens: 1_000_000 });
    const sim = new Simulation(DECADE, { meter });
    sim.runUntil(DECADE.durationMs);
    const halt = sim.halt!;
    expect(halt.message).toMatch(/^The simulation stopped at \d+ d \d+ h: it reached TokenScope's limit of 2,000 events per run\. Most came from pod app, made by the step at line \d+ /);
    expect(sim.nowMs).toBe(halt.atMs);
    expect(sim.events.length).toBeGreaterThanOrEqual(2_000);
    expect(sim.events.length).toBeLessThan(2_010);
    const log = sim.events.map((e) => `${e.atMs} ${e.type}`);
    sim.runUntil(DECADE.durationMs);
    expect(sim.stepToNextEvent()).toEqual([]);
    expect(sim.nowMs).toBe(halt.atMs);
    sim.seek(halt.atMs / 2);
    expect(sim.halt).toBeUndefined();
    sim.seek(DECADE.durationMs);
    expect(sim.halt).toEqual(halt);
    expect(sim.events.map((e) => `${e.atMs} ${e.type}`)).toEqual(log);
  });
});
