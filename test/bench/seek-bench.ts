/**
 * Seek benchmark (not a test): the 1,000-pod, 7-day run (many-pods-scenario.ts) loaded into an EngineSession as the
 * app loads a scenario (default snapshots), computed to its end once, then sought to its start, middle and end and to
 * BENCH_SEEKS seeded random moments, one after another, as a learner scrubbing would. Prints each seek's wall time:
 * the engine's restore of a snapshot and replay (backward) or run (forward), plus the session's progress batch for
 * the UI; not the batch's copy to the UI thread. Target: every seek ≤ 200 ms.
 */
import { performance } from 'node:perf_hooks';
import { EngineSession } from '../../shared/host/engine-session.ts';
import type { EngineMessage } from '../../shared/rpc/engine-protocol.ts';
import { nextFloat, seedPrng } from '../../shared/sim/prng.ts';
import { formatDuration } from '../../shared/time/duration.ts';
import { median } from './bench-stats.ts';
import { DAY_MS, DAYS, manyPodsScenario, PODS } from './many-pods-scenario.ts';

const RANDOM_SEEKS = Number(process.env.BENCH_SEEKS ?? 6);
const END_MS = DAYS * DAY_MS;

let nowMs = 0;
let eventsSent = 0;
let loadFailed: unknown;
const session = new EngineSession({
  wallNowMs: () => performance.now(),
  setTimer: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
  send: (message: EngineMessage) => {
    if (message.type === 'load-failed') loadFailed = message.errors;
    if (message.type !== 'progress') return;
    nowMs = message.nowMs;
    eventsSent = message.events.length;
  },
});

async function timed(command: Parameters<EngineSession['handle']>[0]): Promise<number> {
  const t0 = performance.now();
  await session.handle(command);
  return performance.now() - t0;
}

const loadMs = await timed({ type: 'load', scenarioText: manyPodsScenario(), sourceName: 'many-pods.yaml' });
if (loadFailed !== undefined) {
  console.error(loadFailed);
  process.exit(1);
}
const wholeRunMs = await timed({ type: 'seek', simMs: END_MS });
const wholeRunEvents = eventsSent;

const prng = seedPrng(12);
const targets: Array<[string, number]> = [
  ['start', 0],
  ['middle', END_MS / 2],
  ['end', END_MS],
  ...Array.from({ length: RANDOM_SEEKS }, (): [string, number] => ['random', Math.round(nextFloat(prng) * END_MS)]),
];

console.log(`seek: ${PODS} pods x 2 flows, ${DAYS} simulated days, through EngineSession (the app's snapshots), Node ${process.version}`);
console.log(`  load (parse, set up)              ${loadMs.toFixed(0).padStart(6)} ms`);
console.log(`  first run to the end              ${wholeRunMs.toFixed(0).padStart(6)} ms   (${wholeRunEvents} events sent)`);
const times: number[] = [];
for (const [label, targetMs] of targets) {
  const fromMs = nowMs;
  const ms = await timed({ type: 'seek', simMs: targetMs });
  times.push(ms);
  const way = targetMs < fromMs ? 'back' : 'forward';
  const moment = `${label} ${formatDuration(targetMs)}`;
  console.log(`  seek to ${moment.padEnd(18)} ${way.padEnd(7)} ${ms.toFixed(0).padStart(6)} ms   (from ${formatDuration(fromMs)}; ${eventsSent} events sent)`);
}
console.log(`  seeks: median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms   (target <= 200 ms each)`);
console.log(`  peak memory (RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
