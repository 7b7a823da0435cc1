/**
 * Engine benchmark (not a test): 1,000 pods on each of two flows (1.20 legacy, 1.30 projected) over 7 simulated days.
 * Prints the wall time, the actions and events processed, the throughput, the tokens issued and the peak memory, and
 * the engine's time over its floor: a bare priority queue pushing and popping the same number of events, timed in
 * fresh processes (engine-floor.ts) after the engine has run, median of several, as wall time and as CPU time (a busy
 * machine stretches wall times far more). Targets: engine ≤ 10× the floor, peak ≤ 600 MB.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../../shared/scenario/parse-scenario.ts';
import { Simulation } from '../../shared/engine/simulation.ts';
import { WorkMeter } from '../../shared/engine/work-budget.ts';
import { median } from './bench-stats.ts';
import { BENCH_BUDGETS, DAY_MS, DAYS, manyPodsScenario, PODS } from './many-pods-scenario.ts';

const FLOOR_RUNS = Number(process.env.BENCH_FLOOR_RUNS ?? 5);

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
// The kernel's high-water mark for this process (KiB): no sampling to miss a peak inside a long advance.
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
if (sim.halt) {
  console.error(`the run stopped before its end: ${sim.halt.message}`);
  process.exit(1);
}

const events = sim.eventLog.length;
const floorScript = fileURLToPath(new URL('./engine-floor.ts', import.meta.url));
const floorRuns = Array.from({ length: FLOOR_RUNS }, () => execFileSync(process.execPath, ['--import', 'tsx', floorScript, String(events)], { encoding: 'utf8' }).trim().split(' ').map(Number));
const floors = floorRuns.map(([wall]) => wall!);
const floorCpus = floorRuns.map(([, cpu]) => cpu!);
const floorMs = median(floors);
const floorCpuMs = median(floorCpus);
const cpuMs = (cpu.user + cpu.system) / 1000;

const s = (ms: number, digits = 2) => (ms / 1000).toFixed(digits);
console.log(`engine: ${PODS} pods x 2 flows, ${DAYS} simulated days, Node ${process.version}`);
console.log(`wall time: ${s(wallMs)} s   (CPU ${s(cpuMs)} s, the garbage collector's threads included)`);
console.log(`actions processed: ${sim.actionsProcessed}`);
console.log(`events logged: ${events}`);
console.log(`actions per second: ${Math.round(sim.actionsProcessed / (wallMs / 1000))}`);
console.log(`events per second: ${Math.round(events / (wallMs / 1000))}`);
console.log(`tokens issued: ${sim.tokenLog.length}`);
console.log(`peak memory (RSS): ${(peakRssBytes / 1024 / 1024).toFixed(0)} MB   (target <= 600 MB; the process's high-water mark, the TypeScript loader included)`);
console.log(`floor: ${s(floorMs, 3)} s to push and pop the same ${events} events through a bare binary heap, median of ${FLOOR_RUNS} fresh processes run after the engine (spread ${s(Math.min(...floors), 3)}–${s(Math.max(...floors), 3)} s)`);
console.log(`floor CPU: ${s(floorCpuMs, 3)} s, median of the same processes (spread ${s(Math.min(...floorCpus), 3)}–${s(Math.max(...floorCpus), 3)} s)`);
console.log(`engine / floor: ${(wallMs / floorMs).toFixed(1)}x   (target <= 10x; wall times, which other processes on the machine stretch)`);
console.log(`engine / floor, CPU time: ${(cpuMs / floorCpuMs).toFixed(1)}x   (the steadier ratio on a busy machine)`);
