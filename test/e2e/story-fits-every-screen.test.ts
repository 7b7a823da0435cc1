/**
 * The whole side-by-side story on the screens people have: with the default scenario at 2 h, both flows' pod and
 * attacker lanes and the time axis are on screen at once, whole, uncovered and without scrolling, in the normal layout
 * (side and bottom panels open as they start) at 1280×720, 1366×768, 1600×900 and 1920×1080, and in presentation mode on a
 * 1280×720 projector at 100 % type and at 1920×1080 with 175 % and 200 % type. Each screen is saved to look at.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot } from './browser.ts';

interface Screen {
  name: string;
  width: number;
  height: number;
  presenting: boolean;
  fontScalePercent: number;
}

const SCREENS: Screen[] = [
  // A projector's 1280×720 without presentation mode, as a class sees it when the instructor only plugs in.
  { name: 'normal-1280x720', width: 1280, height: 720, presenting: false, fontScalePercent: 100 },
  { name: 'normal-1366x768', width: 1366, height: 768, presenting: false, fontScalePercent: 100 },
  { name: 'normal-1600x900', width: 1600, height: 900, presenting: false, fontScalePercent: 100 },
  { name: 'normal-1920x1080', width: 1920, height: 1080, presenting: false, fontScalePercent: 100 },
  { name: 'presenting-1280x720-100', width: 1280, height: 720, presenting: true, fontScalePercent: 100 },
  { name: 'presenting-1920x1080-175', width: 1920, height: 1080, presenting: true, fontScalePercent: 175 },
  // The README promises 1080p up to 200 %.
  { name: 'presenting-1920x1080-200', width: 1920, height: 1080, presenting: true, fontScalePercent: 200 },
];

interface Seen {
  what: string;
  box: { left: number; top: number; right: number; bottom: number };
  /** What elementFromPoint found at each probe, as "ok" or the element that covers it. */
  probes: string[];
}

/**
 * The boxes of both flows' pod and attacker lanes (label column and plot) and of the axis, each probed with
 * elementFromPoint at its centre, near its top and near its bottom: a probe is "ok" when it lands on the lane's own
 * label or its flow's canvas (the axis: inside the axis).
 */
async function storyBoxes(page: Page): Promise<Seen[]> {
  return page.evaluate(() => {
    const tagOf = (el: Element | null) => (el ? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}` : 'nothing');
    const seen: Seen[] = [];
    for (const flowId of ['legacy', 'projected']) {
      const flow = document.querySelector(`[data-testid="timeline-flow-${flowId}"]`);
      const canvas = flow?.querySelector('canvas');
      for (const kind of ['pod', 'attacker']) {
        const label = flow?.querySelector(`.tl-lane-label.tl-lane-${kind}`);
        if (!flow || !canvas || !label) {
          seen.push({ what: `${flowId} ${kind} lane`, box: { left: 0, top: 0, right: 0, bottom: 0 }, probes: ['missing'] });
          continue;
        }
        const l = label.getBoundingClientRect();
        const c = canvas.getBoundingClientRect();
        const box = { left: l.left, top: l.top, right: c.right, bottom: l.bottom };
        const name = label.querySelector('.tl-lane-name')!.getBoundingClientRect();
        const plotX = (c.left + c.right) / 2;
        const points: [number, number, Element][] = [
          [(name.left + name.right) / 2, (name.top + name.bottom) / 2, label],
          [plotX, (l.top + l.bottom) / 2, canvas],
          [plotX, l.top + 2, canvas],
          [plotX, l.bottom - 2, canvas],
        ];
        seen.push({
          what: `${flowId} ${kind} lane`,
          box,
          probes: points.map(([x, y, own]) => {
            const hit = document.elementFromPoint(x, y);
            return hit && (hit === own || own.contains(hit)) ? 'ok' : `${tagOf(hit)} at ${Math.round(x)},${Math.round(y)}`;
          }),
        });
      }
    }
    const axis = document.querySelector('[data-testid="time-axis"]');
    const a = axis?.getBoundingClientRect();
    if (!axis || !a) return [...seen, { what: 'time axis', box: { left: 0, top: 0, right: 0, bottom: 0 }, probes: ['missing'] }];
    const probe = (x: number, y: number) => {
      const hit = document.elementFromPoint(x, y);
      return hit && axis.contains(hit) ? 'ok' : `${tagOf(hit)} at ${Math.round(x)},${Math.round(y)}`;
    };
    // The axis line and its tick labels: a third of the way along, through its middle and its lower part.
    const x = a.left + a.width / 3;
    seen.push({ what: 'time axis', box: { left: a.left, top: a.top, right: a.right, bottom: a.bottom }, probes: [probe(x, (a.top + a.bottom) / 2), probe(x, a.bottom - 4)] });
    return seen;
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(SCREENS)('$name', (screen) => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await openApp(browser, inject('baseUrl'), { width: screen.width, height: screen.height }));
    await page.getByTestId('timeline-flow-projected').waitFor();
    if (screen.fontScalePercent !== 100) {
      await page.locator('[data-testid="display-settings"] summary').click();
      await page.getByTestId('font-scale-select').selectOption(String(screen.fontScalePercent));
      await page.locator('[data-testid="display-settings"] summary').click();
    }
    await page.getByTestId('jump-to').fill('2h');
    await page.getByTestId('jump-to').press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="sim-clock"]')?.getAttribute('data-now-ms') === String(2 * 3_600_000));
    if (screen.presenting) {
      await page.getByTestId('enter-presentation').click();
      await page.waitForFunction((percent) => document.querySelector('.tl-panel')?.getAttribute('data-font-scale') === percent, String(screen.fontScalePercent));
    }
    // The attacker lanes exist from 30 m on; the lanes settle into their density within a frame or two.
    await page.locator('[data-testid="timeline-flow-projected"] .tl-lane-attacker').waitFor();
    await page.mouse.move(screen.width - 2, screen.height - 2);
    await page.waitForTimeout(300);
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('shows both flows’ pod and attacker lanes and the axis, whole, uncovered, without scrolling', async () => {
    await screenshot(page, `story-${screen.name}`);
    const seen = await storyBoxes(page);
    expect(seen.map((s) => s.what)).toEqual(['legacy pod lane', 'legacy attacker lane', 'projected pod lane', 'projected attacker lane', 'time axis']);
    for (const { what, box, probes } of seen) {
      expect(box.top, `${what} top`).toBeGreaterThanOrEqual(0);
      expect(box.left, `${what} left`).toBeGreaterThanOrEqual(0);
      expect(box.bottom, `${what} bottom`).toBeLessThanOrEqual(screen.height);
      expect(box.right, `${what} right`).toBeLessThanOrEqual(screen.width);
      expect(probes, what).toEqual(probes.map(() => 'ok'));
    }
    // Nothing was scrolled to get there: not the page, not the timelines.
    const scrolled = await page.evaluate(() => ({
      page: document.scrollingElement?.scrollTop ?? 0,
      timelines: document.querySelector('section.timelines')?.scrollTop ?? 0,
    }));
    expect(scrolled).toEqual({ page: 0, timelines: 0 });
  });
});
