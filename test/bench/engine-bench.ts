/**
 * Engine benchmark (not a test): 1,000 pods on each of two flows (1.20 legacy, 1.30 projected) over 7 simulated days.
 * Prints wall time, actions and events processed, throughput, tokens issued and peak memory, and the same number of
 * actions pushed through a bare priority queue as a floor. Targets: < 10 s wall, < 1.5 GB, within 5x of the floor.
 */
import { performance } from 'node:perf_hooks';
import { parseScenario } from '../../shared/scenario/parse-scenario.ts';
import { Simulation } from '../../shared/engine/simulation.ts';
import { createQueue, popAction, pushAction } from '../../shared/sim/event-queue.ts';
import { nextFloat, seedPrng } from '../../shared/sim/prng.ts';

const PODS = Number(process.env.BENCH_PODS ?? 1000);
const DAYS = Number(process.env.BENCH_DAYS ?? 7);

function benchScenario(): string {
  const pod = (i: number) => `  - at: ${i}s\n    apply: |\n      apiVersion: v1\n      kind: Pod\n      metadata:\n        name: app-${i}\n      spec:\n        serviceAccountName: my-app\n        containers:\n          - name: app\n            image: nginx:stable\n`;
  return [
    'name: engine-bench',
    'seed: 1',
    `duration: ${DAYS}d`,
    'flows:',
    '  - id: legacy',
    '    kubernetesVersion: "1.20"',
    '  - id: projected',
    '    kubernetesVersion: "1.30"',
    'steps:',
    '  - at: 0s',
    '    kubectl: create serviceaccount my-app',
    ...Array.from({ length: PODS }, (_, i) => pod(i)),
  ].join('\n');
}

function floor(actions: number): number {
  const queue = createQueue<number>();
  const prng = seedPrng(2);
  const pending = Math.min(actions, 2 * PODS);
  const start = performance.now();
  let t = 0;
  for (let i = 0; i < pending; i++) pushAction(queue, nextFloat(prng) * 90_000, i);
  for (let done = 0; done < actions; done++) {
    const item = popAction(queue)!;
    t = item.atMs;
    if (done + pending < actions) pushAction(queue, t + 60_000 + nextFloat(prng) * 30_000, item.action);
  }
  return performance.now() - start;
}

const parsed = parseScenario(benchScenario());
if (!parsed.ok) {
  console.error(parsed.errors);
  process.exit(1);
}
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const start = performance.now();
const sim = new Simulation(parsed.value, { snapshotEveryMs: 0 });
const dayMs = 86_400_000;
for (let d = 1; d <= DAYS; d++) {
  sim.runUntil(d * dayMs);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const wallMs = performance.now() - start;
clearInterval(sampler);
const floorMs = floor(sim.events.length);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
console.log(`engine: ${PODS} pods x 2 flows, ${DAYS} simulated days`);
console.log(`  wall time          ${(wallMs / 1000).toFixed(2)} s   (target < 10 s)`);
console.log(`  actions processed  ${sim.actionsProcessed.toLocaleString('en-US')}`);
console.log(`  events logged      ${sim.events.length.toLocaleString('en-US')}`);
console.log(`  actions per second ${Math.round(sim.actionsProcessed / (wallMs / 1000)).toLocaleString('en-US')}`);
console.log(`  events per second  ${Math.round(sim.events.length / (wallMs / 1000)).toLocaleString('en-US')}`);
console.log(`  tokens issued      ${sim.tokens.length.toLocaleString('en-US')}`);
console.log(`  peak memory (RSS)  ${mb(peakRss)}   (target < 1.5 GB)`);
console.log(`  bare queue floor   ${(floorMs / 1000).toFixed(3)} s to push and pop the same ${sim.events.length.toLocaleString("en-US")} events`);
console.log(`  engine / floor     ${(wallMs / floorMs).toFixed(1)}x   (target within 5x)`);
