/**
 * Seek benchmark (not a test): the 1,000-pod, 7-day run (many-pods-scenario.ts) loaded into an EngineSession as the
 * app loads a scenario (default snapshots), computed to its end once, then sought to its start, middle and end and to
 * BENCH_SEEKS seeded random moments, one after another, as a learner scrubbing would. Each seek is timed from the
 * command until the session is idle again (its slices yield to the event loop as they do in the app), and split in
 * four: the engine's own work (restoring a snapshot and replaying), building the progress batches for the UI (the
 * events and tokens the UI lacks, as objects; what it kept past an earlier seek back is only counted), the renderer's
 * store applying them, and yielding between slices. The batch's copy to the UI thread is not included. Target: every
 * seek ≤ 200 ms.
 */
import { performance } from 'node:perf_hooks';
import { EngineSession } from '../../shared/host/engine-session.ts';
import { TimelineStore } from '../../renderer/state/timeline-store.ts';
import { Simulation } from '../../shared/engine/simulation.ts';
import type { EngineMessage } from '../../shared/rpc/engine-protocol.ts';
import { nextFloat, seedPrng } from '../../shared/sim/prng.ts';
import { formatDuration } from '../../shared/time/duration.ts';
import { median } from './bench-stats.ts';
import { BENCH_BUDGETS, DAY_MS, DAYS, manyPodsScenario, PODS } from './many-pods-scenario.ts';

const RANDOM_SEEKS = Number(process.env.BENCH_SEEKS ?? 6);
const END_MS = DAYS * DAY_MS;

let nowMs = 0;
let eventsSent = 0;
let eventsKept = 0;
// The renderer's store takes every batch, as in the app, and its share of the time is measured too.
const store = new TimelineStore();
const storeTime = { ms: 0 };
let failure: unknown;
const pending = new Set<NodeJS.Timeout>();
const session = new EngineSession(
  {
    wallNowMs: () => performance.now(),
    setTimer: (callback, delayMs) => {
      const handle = setTimeout(() => {
        pending.delete(handle);
        callback();
      }, delayMs);
      pending.add(handle);
      return handle;
    },
    clearTimer: (handle) => {
      clearTimeout(handle as NodeJS.Timeout);
      pending.delete(handle as NodeJS.Timeout);
    },
    send: (message: EngineMessage) => {
      if (message.type === 'load-failed' || message.type === 'error' || message.type === 'halted') failure = message;
      if (message.type !== 'progress') {
        store.apply(message);
        return;
      }
      const t0 = performance.now();
      store.apply(message);
      storeTime.ms += performance.now() - t0;
      nowMs = message.nowMs;
      eventsSent += message.events.length;
      eventsKept += message.keptEvents;
    },
  },
  BENCH_BUDGETS,
);

/** Adds the time spent in `name` (a method of `target`) to `into.ms`: the bench's own instrumentation, nothing else. */
function timeMethod(target: object, name: string, into: { ms: number }): void {
  const proto = target as Record<string, (...args: unknown[]) => unknown>;
  const original = proto[name]!;
  proto[name] = function timedMethod(this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      into.ms += performance.now() - t0;
    }
  };
}
// The engine's work (restoring a snapshot, replaying) and the session's batches for the UI.
const engine = { ms: 0 };
const batch = { ms: 0 };
timeMethod(Simulation.prototype, 'rewindFor', engine);
timeMethod(Simulation.prototype, 'advance', engine);
timeMethod(EngineSession.prototype, 'flush', batch);

interface Timing {
  totalMs: number;
  engineMs: number;
  batchMs: number;
  storeMs: number;
  events: number;
  kept: number;
}

/** Runs a command and waits until the session has no slice left to run. */
async function timed(command: Parameters<EngineSession['handle']>[0]): Promise<Timing> {
  engine.ms = 0;
  batch.ms = 0;
  storeTime.ms = 0;
  eventsSent = 0;
  eventsKept = 0;
  const t0 = performance.now();
  await session.handle(command);
  while (pending.size > 0) await new Promise((resolve) => setImmediate(resolve));
  const timing = { totalMs: performance.now() - t0, engineMs: engine.ms, batchMs: batch.ms, storeMs: storeTime.ms, events: eventsSent, kept: eventsKept };
  if (failure !== undefined) {
    console.error(failure);
    process.exit(1);
  }
  return timing;
}

const load = await timed({ type: 'load', scenarioText: manyPodsScenario(), sourceName: 'many-pods.yaml' });
const wholeRun = await timed({ type: 'seek', simMs: END_MS });

const prng = seedPrng(12);
const targets: Array<[string, number]> = [
  ['start', 0],
  ['middle', END_MS / 2],
  ['end', END_MS],
  ...Array.from({ length: RANDOM_SEEKS }, (): [string, number] => ['random', Math.round(nextFloat(prng) * END_MS)]),
];

const ms = (value: number) => value.toFixed(0).padStart(6);
const row = (label: string, t: Timing, note: string) =>
  console.log(
    `  ${label.padEnd(36)} ${ms(t.totalMs)} ms: engine ${ms(t.engineMs)} ms, batches ${ms(t.batchMs - t.storeMs)} ms, UI store ${ms(t.storeMs)} ms, yielding ${ms(t.totalMs - t.engineMs - t.batchMs)} ms   (${t.events} events sent, ${t.kept} kept by the UI shown again${note})`,
  );
console.log(`seek: ${PODS} pods x 2 flows, ${DAYS} simulated days, through EngineSession (the app's snapshots), Node ${process.version}`);
row('load (parse, set up)', load, '');
row('first run to the end', wholeRun, '');
const totals: number[] = [];
const engines: number[] = [];
for (const [label, targetMs] of targets) {
  const fromMs = nowMs;
  const t = await timed({ type: 'seek', simMs: targetMs });
  totals.push(t.totalMs);
  engines.push(t.engineMs);
  row(`seek to ${label} ${formatDuration(targetMs)} (${targetMs < fromMs ? 'back' : 'forward'})`, t, `; from ${formatDuration(fromMs)}`);
}
console.log(`  seeks: median ${median(totals).toFixed(0)} ms, max ${Math.max(...totals).toFixed(0)} ms; engine alone: median ${median(engines).toFixed(0)} ms, max ${Math.max(...engines).toFixed(0)} ms   (target <= 200 ms each)`);
console.log(`  peak memory (RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
