/**
 * The kubectl console against both clusters of the default scenario, and the paste panel decoding a token the
 * console printed, without anything being stored in the browser.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { appForSuite } from './app-suite.ts';

const suite = appForSuite();

beforeAll(async () => {
  await suite.app.page.getByTestId('tab-console').click();
  await suite.app.page.getByTestId('console-panel').locator('.xterm-rows').waitFor();
});

/** The terminal's visible screen; wrapped rows are joined without a break so a long JWT reads back whole. */
const screenText = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll('[data-testid="console-panel"] .xterm-rows > div'), (row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).join('\n'));

async function chooseCluster(page: Page, version: string): Promise<void> {
  const select = page.getByTestId('console-panel').locator('select');
  const value = await select.locator('option', { hasText: `Kubernetes ${version}` }).getAttribute('value');
  await select.selectOption(value);
}

/** Clears the screen, runs one kubectl line and waits for the console to announce how it ended. */
async function run(page: Page, line: string): Promise<string> {
  const announcement = page.getByTestId('console-announcement');
  const before = await announcement.innerHTML();
  await page.getByTestId('console-panel').locator('.console-terminal').click();
  await page.keyboard.press('Control+L');
  await page.keyboard.type(`kubectl ${line}`);
  await page.keyboard.press('Enter');
  await expect.poll(async () => announcement.innerHTML(), { timeout: 15_000 }).not.toBe(before);
  // xterm paints on the next frame: wait until the command's output is followed by a fresh prompt.
  await expect.poll(async () => (await screenText(page)).trimEnd().split('\n').slice(1).some((row) => row.endsWith('$')), { timeout: 15_000 }).toBe(true);
  return screenText(page);
}

const JWT = /eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;

let consoleToken = '';

describe('the kubectl console', () => {
  it('shows a secrets list on the 1.20 ServiceAccount and none on 1.36', async () => {
    const { page } = suite.app;
    await chooseCluster(page, '1.20');
    const legacy = await run(page, 'get sa my-app -o yaml');
    expect(legacy).toContain('name: my-app');
    expect(legacy).toContain('secrets:');
    expect(legacy).toMatch(/- name: my-app-token-/);
    await screenshot(page, 'console-get-sa-legacy');

    await chooseCluster(page, '1.36');
    const projected = await run(page, 'get sa my-app -o yaml');
    expect(projected.trimEnd()).toMatch(/projected \(1\.36\) \$$/);
    expect(projected).toContain('name: my-app');
    expect(projected).not.toContain('secrets:');
  });

  it('refuses a token shorter than ten minutes with the API server\'s exact error', async () => {
    const { page } = suite.app;
    const out = await run(page, 'create token my-app --duration 5m');
    // A wrapped row loses its trailing space on screen, so the exact message is compared without whitespace.
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    expect(squeeze(out)).toContain(
      squeeze('error: failed to create token: TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes'),
    );
    await screenshot(page, 'console-duration-floor');
  });

  it('prints a three-part JWT for create token, and the Events tab lists the command', async () => {
    const { page } = suite.app;
    const out = await run(page, 'create token my-app');
    // The JWT is every row between the command line and the next prompt, joined where the terminal wrapped it.
    const rows = out.trimEnd().split('\n');
    const printed = rows.slice(rows.findIndex((row) => row.endsWith('$ kubectl create token my-app')) + 1, -1).join('');
    const token = printed.match(JWT)?.[0];
    expect(token).toBe(printed.trim());
    expect(token).toBeDefined();
    expect(token!.split('.')).toHaveLength(3);
    const payload = JSON.parse(Buffer.from(token!.split('.')[1]!, 'base64url').toString('utf8')) as { aud?: unknown; sub?: string };
    expect(payload.sub).toBe('system:serviceaccount:default:my-app');
    consoleToken = token!;
    await screenshot(page, 'console-create-token');

    await page.getByTestId('tab-events').click();
    // The table follows the newest row while time plays on, so the command's row is found by searching, as a user would.
    await page.getByTestId('event-search').fill('create token my-app');
    const ranRows = page.getByRole('row').filter({ hasText: 'create token my-app' });
    await expect.poll(async () => ranRows.count()).toBeGreaterThan(0);
    await screenshot(page, 'events-kubectl-ran');
  });
});

describe('the paste panel', () => {
  it('decodes the aud claim of a token printed by the console and stores nothing', async () => {
    const { page } = suite.app;
    expect(consoleToken).not.toBe('');
    const payload = JSON.parse(Buffer.from(consoleToken.split('.')[1]!, 'base64url').toString('utf8')) as { aud: string | string[] };
    const aud = Array.isArray(payload.aud) ? payload.aud[0]! : payload.aud;
    await page.getByTestId('tab-paste').click();
    await page.getByTestId('paste-token-input').fill(consoleToken);
    const audValue = page.getByTestId('paste-token-result').locator('[data-claim^="aud"] [data-testid="claim-value"]').first();
    await expect.poll(async () => audValue.textContent()).toContain(aud);
    await screenshot(page, 'paste-console-token');

    const stored = await page.evaluate(() => ({
      local: Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`),
      session: Object.keys(sessionStorage).map((k) => `${k}=${sessionStorage.getItem(k)}`),
    }));
    expect(stored.session).toEqual([]);
    expect(stored.local).toEqual([]);
  });

  it('never requests anything outside localhost and logs no errors', () => {
    expect(suite.app.outsideRequests).toEqual([]);
    expect(suite.app.consoleErrors).toEqual([]);
  });
});
