/**
 * Long-play benchmark (not a test), in Debian's Chromium on the browser build: the built-in `version-upgrade`
 * scenario (3 simulated days) played at 86,400× for 60 s of wall time (BENCH_PLAY_SECONDS to shorten it). At that
 * speed the scenario lasts about 3 s, so whenever it reaches its end the bench presses Play again, which starts it
 * over: 60 s is some twenty plays, and a heap that grows from one to the next shows up. Prints the frame time
 * p50/p95/p99, the used JS heap (CDP's Runtime.getHeapUsage) of the page's main thread and of the engine's Worker
 * at the start, at the end and at their peak, and how busy the page's main thread was (CDP's Performance metrics: the
 * share of wall time spent in tasks, and in script, layout and style within them), a figure that varies less than frame
 * times with what else the machine is doing. Targets: frame p95 ≤ 16.7 ms on an idle machine, heap < 300 MB.
 */
import type { CDPSession, Page } from 'playwright-core';
import { buildAndServe, launchBrowser, openApp } from '../e2e/browser.ts';
import { percentile } from './bench-stats.ts';
import { recordedFrameTimes, startRecordingFrames } from './page-frames.ts';

const PLAY_MS = Number(process.env.BENCH_PLAY_SECONDS ?? 60) * 1000;
const SPEED = 86_400;
const SAMPLE_MS = 250;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function pageHeapBytes(cdp: CDPSession): Promise<number> {
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/**
 * Reads the engine Worker's used heap: the page's CDP session attaches to its workers (non-flattened, so that
 * messages to the worker go through this one session) and asks each reading of it.
 */
async function workerHeapReader(cdp: CDPSession): Promise<() => Promise<number>> {
  let workerSession: string | undefined;
  let nextId = 1;
  const pending = new Map<number, (usedSize: number) => void>();
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workerSession ??= e.sessionId;
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const reply = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
    if (reply.id !== undefined) pending.get(reply.id)?.(reply.result?.usedSize ?? NaN);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return async () => {
    if (workerSession === undefined) return NaN;
    const id = nextId++;
    const reply = new Promise<number>((resolve) => pending.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId: workerSession, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
    return reply;
  };
}

/** The page's cumulative main-thread times, in seconds. */
async function mainThreadSec(cdp: CDPSession): Promise<Record<'TaskDuration' | 'ScriptDuration' | 'LayoutDuration' | 'RecalcStyleDuration', number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { TaskDuration: value('TaskDuration'), ScriptDuration: value('ScriptDuration'), LayoutDuration: value('LayoutDuration'), RecalcStyleDuration: value('RecalcStyleDuration') };
}

async function isPlaying(page: Page): Promise<boolean> {
  return (await page.getByTestId('play-pause').getAttribute('aria-label')) === 'Pause';
}

const server = await buildAndServe();
const browser = await launchBrowser();
try {
  const { page } = await openApp(browser, server.baseUrl);
  await page.locator('[data-testid="timeline-flow-projected"] canvas').waitFor();
  await page.getByTestId('scenario-select').selectOption('version-upgrade');
  await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('[data-testid="scenario-select"]')?.value === 'version-upgrade');
  await page.getByTestId('speed').selectOption(String(SPEED));
  const cdp = await page.context().newCDPSession(page);
  const workerHeapBytes = await workerHeapReader(cdp);

  const heap: number[] = [];
  const workerHeap: number[] = [];
  const sample = async () => {
    heap.push(await pageHeapBytes(cdp));
    workerHeap.push(await workerHeapBytes());
  };
  await sample();
  await cdp.send('Performance.enable');
  const busyBefore = await mainThreadSec(cdp);
  await startRecordingFrames(page);
  const t0 = Date.now();
  let plays = 0;
  while (Date.now() - t0 < PLAY_MS) {
    if (!(await isPlaying(page))) {
      await page.getByTestId('play-pause').click();
      plays += 1;
    }
    await page.waitForTimeout(SAMPLE_MS);
    await sample();
  }
  const wallSec = (Date.now() - t0) / 1000;
  const busyAfter = await mainThreadSec(cdp);
  if (await isPlaying(page)) await page.getByTestId('play-pause').click();
  const frames = await recordedFrameTimes(page);
  const busy = (key: keyof typeof busyAfter) => `${(((busyAfter[key] - busyBefore[key]) / wallSec) * 100).toFixed(1)} %`;
  await sample();
  const endHeap = heap[heap.length - 1]!;
  await cdp.send('HeapProfiler.collectGarbage');
  const afterGc = await pageHeapBytes(cdp);

  console.log(`play: version-upgrade (3 simulated days) at ${SPEED.toLocaleString('en-US')}x for ${PLAY_MS / 1000} s in Chromium (${plays} plays from the start, ${frames.length} frames)`);
  console.log(`  frame time p50      ${percentile(frames, 50).toFixed(1)} ms`);
  console.log(`  frame time p95      ${percentile(frames, 95).toFixed(1)} ms   (target <= 16.7 ms on an idle machine)`);
  console.log(`  frame time p99      ${percentile(frames, 99).toFixed(1)} ms`);
  console.log(`  page JS heap        start ${mb(heap[0]!)}, end ${mb(endHeap)} (${mb(afterGc)} after a forced GC), peak ${mb(Math.max(...heap))}   (target < 300 MB; sampled every ${SAMPLE_MS} ms)`);
  console.log(`  main thread busy    ${busy('TaskDuration')} of wall time: script ${busy('ScriptDuration')}, layout ${busy('LayoutDuration')}, style ${busy('RecalcStyleDuration')}`);
  console.log(`  engine Worker heap  start ${mb(workerHeap[0]!)}, end ${mb(workerHeap[workerHeap.length - 1]!)}, peak ${mb(Math.max(...workerHeap))}`);
} finally {
  await browser.close();
  await server.close();
}
