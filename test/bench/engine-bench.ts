/**
 * Engine benchmark (not a test): 1,000 pods on each of two flows (1.20 legacy, 1.30 projected) over 7 simulated days.
 * Prints the wall time, the actions and events processed, the throughput, the tokens issued and the peak memory, and
 * the engine's time over its floor: a bare priority queue pushing and popping the same number of events, median of
 * several fresh processes, as wall time and as CPU time (a busy machine stretches wall times far more). Targets:
 * engine ≤ 10× the floor, peak ≤ 600 MB.
 *
 * The engine is measured as it ships: bundled by esbuild, as the CLI (dist/cli), the Electron main process and the
 * browser's Worker all run it, in a fresh process of its own (engine-run.ts). The floor is bundled and run the same
 * way (engine-floor.ts). Run through tsx's loader, module by module, the engine is 10–20 % slower and the floor no
 * faster (docs/benchmarks.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { median } from './bench-stats.ts';
import type { EngineRun } from './engine-run.ts';
import { DAYS, PODS } from './many-pods-scenario.ts';

const FLOOR_RUNS = Number(process.env.BENCH_FLOOR_RUNS ?? 5);

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = mkdtempSync(path.join(tmpdir(), 'tokenscope-engine-bench-'));
try {
  await build({
    entryPoints: { 'engine-run': path.join(here, 'engine-run.ts'), 'engine-floor': path.join(here, 'engine-floor.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // yaml's Node build is CommonJS and requires Node built-ins; an ES module has no `require` of its own.
    banner: { js: "import { createRequire as createRequireForCommonJs } from 'node:module';\nconst require = createRequireForCommonJs(import.meta.url);" },
    logLevel: 'warning',
  });
  const node = (script: string, ...args: string[]) => execFileSync(process.execPath, [path.join(outdir, script), ...args], { encoding: 'utf8', env: process.env }).trim();

  const run = JSON.parse(node('engine-run.mjs')) as EngineRun;
  if (run.halt) {
    console.error(`the run stopped before its end: ${run.halt}`);
    process.exit(1);
  }
  const floorRuns = Array.from({ length: FLOOR_RUNS }, () => node('engine-floor.mjs', String(run.events)).split(' ').map(Number));
  const floors = floorRuns.map(([wall]) => wall!);
  const floorCpus = floorRuns.map(([, cpu]) => cpu!);
  const floorMs = median(floors);
  const floorCpuMs = median(floorCpus);

  const s = (ms: number, digits = 2) => (ms / 1000).toFixed(digits);
  console.log(`engine: ${PODS} pods x 2 flows, ${DAYS} simulated days, Node ${process.version}, bundled as it ships, in a fresh process`);
  console.log(`wall time: ${s(run.wallMs)} s   (CPU ${s(run.cpuMs)} s, the garbage collector's threads included)`);
  console.log(`actions processed: ${run.actions}`);
  console.log(`events logged: ${run.events}`);
  console.log(`actions per second: ${Math.round(run.actions / (run.wallMs / 1000))}`);
  console.log(`events per second: ${Math.round(run.events / (run.wallMs / 1000))}`);
  console.log(`tokens issued: ${run.tokens}`);
  console.log(`peak memory (RSS): ${(run.peakRssBytes / 1024 / 1024).toFixed(0)} MB   (target <= 600 MB; the process's high-water mark)`);
  console.log(`floor: ${s(floorMs, 3)} s to push and pop the same ${run.events} events through a bare binary heap, median of ${FLOOR_RUNS} fresh processes run after the engine (spread ${s(Math.min(...floors), 3)}–${s(Math.max(...floors), 3)} s)`);
  console.log(`floor CPU: ${s(floorCpuMs, 3)} s, median of the same processes (spread ${s(Math.min(...floorCpus), 3)}–${s(Math.max(...floorCpus), 3)} s)`);
  console.log(`engine / floor: ${(run.wallMs / floorMs).toFixed(1)}x   (target <= 10x; wall times, which other processes on the machine stretch)`);
  console.log(`engine / floor, CPU time: ${(run.cpuMs / floorCpuMs).toFixed(1)}x   (the steadier ratio on a busy machine)`);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
