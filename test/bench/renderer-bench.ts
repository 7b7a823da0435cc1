/**
 * Renderer benchmark (not a test), in Debian's Chromium on the browser build: 100 pods per flow played at 86,400x
 * for 10 s of wall time. Prints frame-time percentiles, how far simulated time kept up with the target, the time to
 * the first painted timeline, and the JS bundle size. Targets: p95 frame <= 16.7 ms, simulated time keeps up, first
 * timeline <= 1.5 s.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildAndServe, launchBrowser, openApp } from '../e2e/browser.ts';

const PODS = 100;
const SPEED = 86_400;
const PLAY_MS = 10_000;

function scenario(): string {
  const pods = Array.from({ length: PODS }, (_, i) => `  - at: ${i * 7}s\n    apply: |\n      apiVersion: v1\n      kind: Pod\n      metadata:\n        name: app-${i}\n      spec:\n        serviceAccountName: my-app\n        containers:\n          - name: app\n            image: nginx:stable\n`).join('');
  return `name: renderer-bench\ntitle: 100 pods per flow\nseed: 3\nduration: 30d\nflows:\n  - id: legacy\n    kubernetesVersion: "1.20"\n  - id: projected\n    kubernetesVersion: "1.30"\nsteps:\n  - at: 0s\n    kubectl: create serviceaccount my-app\n${pods}`;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const server = await buildAndServe();
const browser = await launchBrowser();
try {
  const t0 = performance.now();
  const { page } = await openApp(browser, server.baseUrl);
  await page.locator('[data-testid="timeline-flow-projected"] canvas').waitFor();
  // Two frames after the canvas exists, read on the page's clock, which starts at navigation (performance.timeOrigin):
  // creating the browser context and page (a few hundred ms of the harness) is not the app's time.
  const firstTimelineMs = (await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))')) as number;
  const harnessMs = performance.now() - t0;

  await page.getByTestId('open-file-input').setInputFiles({ name: 'renderer-bench.yaml', mimeType: 'text/yaml', buffer: Buffer.from(scenario()) });
  await page.waitForFunction(() => document.querySelector('[data-testid="scenario-select"]')?.textContent?.includes('renderer-bench'));
  await page.getByTestId('speed').selectOption(String(SPEED));
  // A string, not a function: the TypeScript loader would inject helpers the page does not have.
  await page.evaluate(`(() => {
    window.frames_ = [];
    let last = performance.now();
    const loop = (t) => { window.frames_.push(t - last); last = t; requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  })()`);
  await page.getByTestId('play-pause').click();
  await page.waitForTimeout(PLAY_MS);
  await page.getByTestId('play-pause').click();
  const frames = ((await page.evaluate('window.frames_')) as number[]).slice(5).sort((a, b) => a - b);
  const simMs = Number(await page.getByTestId('sim-clock').getAttribute('data-now-ms'));
  const targetMs = (PLAY_MS / 1000) * SPEED * 1000;

  const assets = 'dist/renderer/assets';
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const bytes = js.reduce((sum, f) => sum + statSync(`${assets}/${f}`).size, 0);
  const gzip = js.reduce((sum, f) => sum + gzipSync(readFileSync(`${assets}/${f}`)).length, 0);

  console.log(`renderer: ${PODS} pods per flow at ${SPEED.toLocaleString('en-US')}x for ${PLAY_MS / 1000} s (Chromium, ${frames.length} frames)`);
  console.log(`  frame time p50      ${percentile(frames, 50).toFixed(1)} ms`);
  console.log(`  frame time p95      ${percentile(frames, 95).toFixed(1)} ms   (target <= 16.7 ms)`);
  console.log(`  frame time p99      ${percentile(frames, 99).toFixed(1)} ms`);
  console.log(`  simulated time      ${(simMs / 3_600_000).toFixed(1)} h of ${(targetMs / 3_600_000).toFixed(1)} h target (${((simMs / targetMs) * 100).toFixed(0)} %)`);
  console.log(`  first timeline      ${firstTimelineMs.toFixed(0)} ms from navigation   (target <= 1,500 ms; ${harnessMs.toFixed(0)} ms with the browser context)`);
  console.log(`  JS bundle           ${(bytes / 1024).toFixed(0)} KiB (${(gzip / 1024).toFixed(0)} KiB gzipped) in ${js.length} files`);
} finally {
  await browser.close();
  await server.close();
}
