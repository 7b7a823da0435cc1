/**
 * The engine bench's floor: a bare binary heap (the engine's own event queue, nothing else) pushing and popping as
 * many events as the engine logged, with PODS × 2 pending at a time, as a pod sync every 60–90 s would. engine-bench.ts
 * bundles this file as it bundles the engine's run and runs it as `node engine-floor.mjs EVENTS` in fresh processes:
 * it times one pass and prints the milliseconds of wall time and of CPU time. Timed beside the engine's heap of a
 * gigabyte, the same loop once swung from 0.2 s to 1 s with the garbage collector's mood.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createQueue, popAction, pushAction } from '../../shared/sim/event-queue.ts';
import { nextFloat, seedPrng } from '../../shared/sim/prng.ts';
import { PODS } from './many-pods-scenario.ts';

/** The loop's wall time and CPU time (user + system, the garbage collector's threads included), in ms. */
export function bareQueueMs(events: number): { wallMs: number; cpuMs: number } {
  const queue = createQueue<number>();
  const prng = seedPrng(2);
  const pending = Math.min(events, 2 * PODS);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < pending; i++) pushAction(queue, nextFloat(prng) * 90_000, i);
  for (let done = 0; done < events; done++) {
    const item = popAction(queue)!;
    if (done + pending < events) pushAction(queue, item.atMs + 60_000 + nextFloat(prng) * 30_000, item.action);
  }
  const cpu = process.cpuUsage(cpuStart);
  return { wallMs: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const { wallMs, cpuMs } = bareQueueMs(Number(process.argv[2]));
  console.log(`${wallMs.toFixed(3)} ${cpuMs.toFixed(3)}`);
}
