/**
 * The engine bench's measured run (engine-bench.ts bundles this file and runs it in a fresh process): reads the
 * 1,000-pod scenario, runs it day by day with snapshots off, and prints one line of JSON with the wall and CPU time of
 * the run (the reading of the scenario not included), its counts and the process's peak memory.
 */
import { performance } from 'node:perf_hooks';
import { parseScenario } from '../../shared/scenario/parse-scenario.ts';
import { Simulation } from '../../shared/engine/simulation.ts';
import { WorkMeter } from '../../shared/engine/work-budget.ts';
import { BENCH_BUDGETS, DAY_MS, DAYS, manyPodsScenario } from './many-pods-scenario.ts';

export interface EngineRun {
  wallMs: number;
  cpuMs: number;
  actions: number;
  events: number;
  tokens: number;
  peakRssBytes: number;
  halt?: string;
}

const parsed = parseScenario(manyPodsScenario(), BENCH_BUDGETS);
if (!parsed.ok) {
  console.error(parsed.errors);
  process.exit(1);
}
const scenario = parsed.value;
const start = performance.now();
const cpuStart = process.cpuUsage();
const sim = new Simulation(scenario, { snapshotEveryMs: 0, meter: new WorkMeter(scenario, BENCH_BUDGETS) });
for (let d = 1; d <= DAYS; d++) sim.advance(d * DAY_MS);
const wallMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const run: EngineRun = {
  wallMs,
  cpuMs: (cpu.user + cpu.system) / 1000,
  actions: sim.actionsProcessed,
  events: sim.eventLog.length,
  tokens: sim.tokenLog.length,
  // The kernel's high-water mark for this process (KiB): no sampling to miss a peak inside a long advance.
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
  ...(sim.halt ? { halt: sim.halt.message } : {}),
};
console.log(JSON.stringify(run));
