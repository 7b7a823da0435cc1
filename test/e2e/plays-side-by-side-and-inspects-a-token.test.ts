/**
 * The story at a glance, in a real browser: play the default scenario at 3,600x, see the projected token rotate
 * while the legacy one does not, inspect a token, zoom, pan, seek back, and nothing leaves localhost.
 */
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { appForSuite } from './app-suite.ts';

const suite = appForSuite();

const attr = async (testId: string, name: string) => Number(await suite.app.page.getByTestId(testId).getAttribute(name));

describe('the browser build', () => {
  it('plays at 3,600x: the projected token rotates, the legacy one never does', async () => {
    const { page } = suite.app;
    await page.getByTestId('speed').selectOption('3600');
    await page.getByTestId('play-pause').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="timeline-flow-projected"]')?.getAttribute('data-rotations')) >= 1, undefined, { timeout: 30_000 });
    await page.getByTestId('play-pause').click();
    expect(await attr('timeline-flow-projected', 'data-rotations')).toBeGreaterThanOrEqual(1);
    expect(await attr('timeline-flow-legacy', 'data-rotations')).toBe(0);
    await screenshot(page, 'after-first-rotation');
  });

  it('shows a clicked token\'s aud and exp in the inspector', async () => {
    const { page } = suite.app;
    const flow = page.getByTestId('timeline-flow-projected');
    const x = Number(await flow.getAttribute('data-first-token-x'));
    const y = Number(await flow.getAttribute('data-first-token-y'));
    await flow.locator('canvas').click({ position: { x, y } });
    const inspector = page.getByTestId('token-inspector');
    await expect.poll(async () => inspector.locator('[data-claim="aud"] [data-testid="claim-value"]').textContent()).toContain('https://kubernetes.default.svc');
    const exp = await inspector.locator('[data-claim="exp"] [data-testid="claim-value"]').textContent();
    expect(exp).toMatch(/\d/);
    await screenshot(page, 'token-inspected');
  });

  it('zooms with Ctrl + wheel around the pointer and pans by dragging, with d3-zoom', async () => {
    const { page } = suite.app;
    const shown = async () => (await page.getByTestId('time-axis').getAttribute('data-view'))!.split('-').map(Number) as [number, number];
    const canvas = page.getByTestId('timeline-flow-projected').locator('canvas');
    await canvas.focus();
    await page.keyboard.press('f');
    const [fitStart, fitEnd] = await shown();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(40, box.height / 2));
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await shown())[1] - (await shown())[0]).toBeLessThan(fitEnd - fitStart);
    const [zoomStart, zoomEnd] = await shown();
    expect(zoomStart).toBeGreaterThan(fitStart);
    expect(zoomEnd).toBeLessThan(fitEnd);

    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 120, box.y + Math.min(40, box.height / 2), { steps: 6 });
    await page.mouse.up();
    const [dragStart, dragEnd] = await shown();
    expect(dragStart).toBeGreaterThan(zoomStart);
    expect(dragEnd - dragStart).toBeCloseTo(zoomEnd - zoomStart, -1);
    await page.keyboard.press('f');
    expect(await shown()).toEqual([fitStart, fitEnd]);
  });

  it('zooms and pans both timelines together, then seeks back', async () => {
    const { page } = suite.app;
    const flow = page.getByTestId('timeline-flow-projected');
    const before = await page.getByTestId('time-axis').getAttribute('data-view');
    await flow.locator('canvas').focus();
    await page.keyboard.press('w');
    await page.keyboard.press('w');
    const zoomed = await page.getByTestId('time-axis').getAttribute('data-view');
    expect(zoomed).not.toBe(before);
    await page.keyboard.press('d');
    const panned = await page.getByTestId('time-axis').getAttribute('data-view');
    expect(panned).not.toBe(zoomed);
    await screenshot(page, 'zoomed-and-panned');

    const clockBefore = await page.getByTestId('sim-clock').textContent();
    await page.getByTestId('jump-to').fill('10m');
    await page.getByTestId('jump-to').press('Enter');
    await expect.poll(async () => page.getByTestId('sim-clock').textContent()).toContain('10 m 0 s');
    expect(clockBefore).not.toContain('10 m 0 s');
    expect(await attr('timeline-flow-projected', 'data-rotations')).toBe(0);
  });

  it('reruns a flow on another release from its header, keeping the playhead', async () => {
    const { page } = suite.app;
    const picker = page.getByTestId('version-picker-projected').locator('select');
    await picker.selectOption('1.33');
    await expect.poll(async () => page.getByTestId('timeline-flow-projected').locator('h2').textContent()).toContain('Kubernetes 1.33');
    await expect.poll(async () => page.getByTestId('version-picker-projected').getAttribute('data-support')).toBe('end-of-life');
    await expect.poll(async () => page.getByTestId('sim-clock').textContent()).toContain('10 m 0 s');
    await screenshot(page, 'release-picker-1.33');
    await picker.selectOption('1.36');
    await expect.poll(async () => page.getByTestId('timeline-flow-projected').locator('h2').textContent()).toContain('Kubernetes 1.36');
  });

  it('never requests anything outside localhost and logs no errors', () => {
    expect(suite.app.outsideRequests).toEqual([]);
    expect(suite.app.consoleErrors).toEqual([]);
  });
});
