/**
 * Renderer benchmark (not a test), in Debian's Chromium on the browser build. Prints:
 * - the first timeline: BENCH_LOADS cold loads (default 7), each in a fresh browser context (no cache), timed on the
 *   page's clock from navigation start to the first frame after both flows are drawn with a token on screen
 *   (each flow's canvas present and the flows' `data-token-bars` above 0); the median, the spread and every load;
 * - every JS chunk of the build with its size and gzipped size, the first chunk (what index.html loads: its entry
 *   script and the modules it preloads) marked and totalled, then the engine Worker, then what loads on demand; and
 *   any script the page fetched before its first timeline that is not in the first chunk (there should be none);
 * - 100 pods per flow played at 86,400x for 10 s of wall time: frame-time percentiles and how far simulated time
 *   kept up with the target.
 * Targets: first timeline <= 1.0 s, p95 frame <= 16.7 ms, simulated time keeps up.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { buildAndServe, launchBrowser, openApp } from '../e2e/browser.ts';
import { median, percentile } from './bench-stats.ts';
import { recordedFrameTimes, startRecordingFrames } from './page-frames.ts';

const PODS = 100;
const SPEED = 86_400;
const PLAY_MS = 10_000;
const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const ASSETS = 'dist/renderer/assets';

/**
 * Runs in the page before its own scripts: checks the DOM once a frame, and when both flows are drawn with a token
 * on screen, notes the time at the next frame (the one that shows it). A string, not a function: the TypeScript
 * loader would inject helpers the page does not have.
 */
const FIRST_TIMELINE_PROBE = `(() => {
  const check = () => {
    const flows = [...document.querySelectorAll('[data-testid^="timeline-flow-"]')];
    const drawn = flows.length >= 2 && flows.every((flow) => flow.querySelector('canvas'));
    const tokens = flows.reduce((n, flow) => n + Number(flow.getAttribute('data-token-bars') || 0), 0);
    if (drawn && tokens > 0) requestAnimationFrame(() => { window.firstTimelineMs_ = performance.now(); });
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

interface ColdLoad {
  ms: number;
  /** The JS files the page (and its Worker) fetched before the first timeline. */
  scripts: string[];
}

async function coldLoad(browser: Browser, baseUrl: string): Promise<ColdLoad> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1 });
  try {
    await context.addInitScript({ content: FIRST_TIMELINE_PROBE });
    const page = await context.newPage();
    await page.goto(baseUrl);
    // A function, not a string: the page's Content-Security-Policy refuses the eval a string predicate needs.
    const probed = await page.waitForFunction(() => (window as { firstTimelineMs_?: number }).firstTimelineMs_, undefined, { timeout: 60_000 });
    const ms = (await probed.jsonValue())!;
    const scripts = await page.evaluate((until) => performance.getEntriesByType('resource').filter((e) => e.startTime <= until && /\.js$/.test(e.name)).map((e) => e.name.split('/').pop()!), ms);
    return { ms, scripts };
  } finally {
    await context.close();
  }
}

/** Each JS file of the build with its size, grouped as the page loads them; `fetchedFirst`: what a cold load fetched before its first timeline. */
function chunkReport(fetchedFirst: readonly string[]): string[] {
  const html = readFileSync('dist/renderer/index.html', 'utf8');
  const eager = new Set([...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!));
  const files = readdirSync(ASSETS).filter((f) => f.endsWith('.js')).map((name) => {
    const bytes = readFileSync(`${ASSETS}/${name}`);
    return { name, size: statSync(`${ASSETS}/${name}`).size, gzip: gzipSync(bytes).length };
  }).sort((a, b) => b.size - a.size);
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const row = (f: { name: string; size: number; gzip: number }) => `      ${f.name.padEnd(40)} ${kib(f.size).padStart(11)}  ${kib(f.gzip).padStart(10)} gzipped`;
  const group = (title: string, members: typeof files) => {
    const size = members.reduce((n, f) => n + f.size, 0);
    const gzip = members.reduce((n, f) => n + f.gzip, 0);
    return [`    ${title}: ${members.length} file${members.length === 1 ? '' : 's'}, ${kib(size)} (${kib(gzip)} gzipped)`, ...members.map(row)];
  };
  const first = files.filter((f) => eager.has(f.name));
  const worker = files.filter((f) => !eager.has(f.name) && /worker/i.test(f.name));
  const later = files.filter((f) => !eager.has(f.name) && !/worker/i.test(f.name));
  const unexpected = later.filter((f) => fetchedFirst.includes(f.name));
  return [
    ...group('FIRST CHUNK (index.html loads it: the entry script and the modules it preloads)', first),
    ...group('engine Worker (started first thing)', worker),
    ...group('loaded on demand', later),
    unexpected.length === 0 ? '    before the first timeline the page fetched no script outside the first chunk and the Worker' : `    ALSO FETCHED BEFORE THE FIRST TIMELINE: ${unexpected.map((f) => f.name).join(', ')}`,
  ];
}

function scenario(): string {
  const pods = Array.from({ length: PODS }, (_, i) => `  - at: ${i * 7}s\n    apply: |\n      apiVersion: v1\n      kind: Pod\n      metadata:\n        name: app-${i}\n      spec:\n        serviceAccountName: my-app\n        containers:\n          - name: app\n            image: nginx:stable\n`).join('');
  return `name: renderer-bench\ntitle: 100 pods per flow\nseed: 3\nduration: 30d\nflows:\n  - id: legacy\n    kubernetesVersion: "1.20"\n  - id: projected\n    kubernetesVersion: "1.30"\nsteps:\n  - at: 0s\n    kubectl: create serviceaccount my-app\n${pods}`;
}


const server = await buildAndServe();
const browser = await launchBrowser();
try {
  const cold: ColdLoad[] = [];
  for (let i = 0; i < LOADS; i++) cold.push(await coldLoad(browser, server.baseUrl));
  const loads = cold.map((load) => load.ms);

  const { page } = await openApp(browser, server.baseUrl);
  await page.locator('[data-testid="timeline-flow-projected"] canvas').waitFor();

  await page.getByTestId('open-file-input').setInputFiles({ name: 'renderer-bench.yaml', mimeType: 'text/yaml', buffer: Buffer.from(scenario()) });
  await page.waitForFunction(() => document.querySelector('[data-testid="scenario-select"]')?.textContent?.includes('renderer-bench'));
  await page.getByTestId('speed').selectOption(String(SPEED));
  await startRecordingFrames(page);
  await page.getByTestId('play-pause').click();
  await page.waitForTimeout(PLAY_MS);
  await page.getByTestId('play-pause').click();
  const frames = await recordedFrameTimes(page);
  const simMs = Number(await page.getByTestId('sim-clock').getAttribute('data-now-ms'));
  const targetMs = (PLAY_MS / 1000) * SPEED * 1000;

  console.log(`renderer: the browser build in Chromium (software rendering)`);
  console.log(`  first timeline      median ${median(loads).toFixed(0)} ms from navigation, spread ${Math.min(...loads).toFixed(0)}–${Math.max(...loads).toFixed(0)} ms over ${LOADS} cold loads   (target <= 1,000 ms)`);
  console.log(`                      each: ${loads.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  console.log('  JS chunks');
  for (const line of chunkReport([...new Set(cold.flatMap((load) => load.scripts))])) console.log(line);
  console.log(`  play: ${PODS} pods per flow at ${SPEED.toLocaleString('en-US')}x for ${PLAY_MS / 1000} s (${frames.length} frames)`);
  console.log(`  frame time p50      ${percentile(frames, 50).toFixed(1)} ms`);
  console.log(`  frame time p95      ${percentile(frames, 95).toFixed(1)} ms   (target <= 16.7 ms)`);
  console.log(`  frame time p99      ${percentile(frames, 99).toFixed(1)} ms`);
  console.log(`  simulated time      ${(simMs / 3_600_000).toFixed(1)} h of ${(targetMs / 3_600_000).toFixed(1)} h target (${((simMs / targetMs) * 100).toFixed(0)} %)`);
} finally {
  await browser.close();
  await server.close();
}
