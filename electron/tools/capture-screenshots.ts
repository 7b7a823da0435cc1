/**
 * Regenerates the README screenshots from the browser build in Debian's Chromium:
 * `npx tsx electron/tools/capture-screenshots.ts`. They are taken from the running app, so they stay honest.
 */
import { buildAndServe, launchChromium, openApp } from './chromium-app.ts';

const OUT = 'assets/screenshots';

const server = await buildAndServe();
const browser = await launchChromium();
try {
  // A laptop's first look: the default story at 2 h with the scenario's introduction beside it, nothing scrolled.
  const laptop = await openApp(browser, server.baseUrl, { width: 1366, height: 768 });
  await laptop.page.locator('[data-testid="timeline-flow-projected"] canvas').waitFor();
  await laptop.page.getByTestId('jump-to').fill('2h');
  await laptop.page.getByTestId('jump-to').press('Enter');
  await laptop.page.mouse.move(4, 4);
  await laptop.page.waitForTimeout(800);
  await laptop.page.screenshot({ path: `${OUT}/main-screen-1366.png` });
  await laptop.page.context().close();

  const { page } = await openApp(browser, server.baseUrl, { width: 1600, height: 900 });
  await page.locator('[data-testid="timeline-flow-projected"] canvas').waitFor();
  const jump = async (time: string) => {
    await page.getByTestId('jump-to').fill(time);
    await page.getByTestId('jump-to').press('Enter');
    await page.waitForTimeout(600);
  };
  await jump('2h13m');
  // The introduction read, so the inspector shows the token clicked next.
  await page.getByTestId('dismiss-intro').click();
  const flow = page.getByTestId('timeline-flow-projected');
  const x = Number(await flow.getAttribute('data-first-token-x'));
  const y = Number(await flow.getAttribute('data-first-token-y'));
  await flow.locator('canvas').click({ position: { x, y } });
  // The pointer away, so the hover tooltip does not cover the bars.
  await page.mouse.move(4, 4);
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${OUT}/main-screen.png` });

  await page.getByTestId('tab-console').click();
  await page.locator('.xterm-helper-textarea').first().focus();
  for (const line of ['kubectl get sa my-app -o yaml', 'create token my-app --duration 5m']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
  }
  await page.screenshot({ path: `${OUT}/console.png` });

  await page.getByTestId('tab-editor').click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}/editor.png` });

  await page.getByTestId('tab-lesson').click();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${OUT}/lesson.png` });

  // A token minted by the console, pasted as a learner would paste one from a real cluster: wrapped over lines.
  await page.getByTestId('tab-console').click();
  await page.locator('.xterm-helper-textarea').first().focus();
  await page.keyboard.type('create token my-app --audience vault');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(600);
  const rows = await page.locator('.xterm-rows').first().innerText();
  // The JWT wraps over several rows; prompt rows ("projected (1.30) $ …") must not be glued onto its signature.
  const jwt = rows.split('\n').filter((row) => !row.includes('$')).join('').replace(/\s+/g, '').match(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/)?.[0] ?? '';
  await page.getByTestId('tab-paste').click();
  await page.getByTestId('paste-token-input').fill(jwt.match(/.{1,120}/g)!.join('\n'));
  await page.waitForTimeout(600);
  // Show what the panel made of it (the decoded claims), not the box it was typed into.
  await page.getByTestId('paste-token-input').blur();
  await page.locator('.ts-claim-short:visible').first().evaluate((el: { scrollIntoView(options: { block: 'start' }): void }) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${OUT}/paste-token.png` });

  await page.getByTestId('open-export').click();
  await page.getByTestId('export-preview').waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${OUT}/export-dialog.png` });
  await page.keyboard.press('Escape');

  // Presentation mode as a class would see it: a 1080p projector, the projector theme (its type is already large), one note.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.locator('[data-testid="display-settings"] summary').click();
  await page.getByTestId('theme-select').selectOption('projector');
  await page.getByTestId('font-scale-select').selectOption('100');
  await page.locator('[data-testid="display-settings"] summary').click();
  await jump('48m');
  await page.getByTestId('enter-presentation').click();
  await page.keyboard.press('a');
  await page.getByTestId('annotation-text').fill('the kubelet refreshes at 80 % of the token’s life');
  await page.getByTestId('annotation-text').press('Enter');
  await page.getByTestId('leave-presentation').click();
  await jump('2h13m');
  await page.getByTestId('enter-presentation').click();
  await page.mouse.move(4, 4);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${OUT}/presentation-mode.png` });
  console.log(`screenshots written to ${OUT}/`);
} finally {
  await browser.close();
  await server.close();
}
