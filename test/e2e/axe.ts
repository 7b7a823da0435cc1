/**
 * axe-core in the app's page, for the accessibility checks of several E2E files: a page that can run it, the rule
 * tags for a theme, and an audit of the page or one part of it.
 *
 * The page's Content-Security-Policy forbids inline scripts, and axe is injected as one: the context bypasses CSP for
 * that alone, and the app's own requests are still kept to localhost (and the data: and blob: URLs it makes).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';

const AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

/** WCAG 2.1 A and AA; in the projector theme the enhanced (AAA, 7:1) contrast rule as well. */
export function axeTags(theme: string): string[] {
  return theme === 'projector' ? [...AA, 'wcag2aaa'] : AA;
}

/** A fresh 1600×900 page of the app, its timelines drawn, with axe loaded. */
export async function openAxePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1, bypassCSP: true });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:' ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  await page.goto(inject('baseUrl'));
  await page.getByTestId('timeline-flow-projected').waitFor();
  await page.addScriptTag({ content: axeSource });
  return page;
}

/** The violations axe finds in the element `selector` names (the whole page without one), one line each. */
export function axeAudit(page: Page, tags: string[], selector?: string): Promise<string[]> {
  return page.evaluate(
    async ([where, runOnly]) => {
      interface Violation {
        id: string;
        help: string;
        nodes: { target: string[]; failureSummary?: string }[];
      }
      const axe = (window as unknown as { axe: { run(context: Element | Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
      const context = where === undefined ? document : document.querySelector(where)!;
      const { violations } = await axe.run(context, { runOnly: { type: 'tag', values: runOnly }, resultTypes: ['violations'] });
      return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')} (${n.failureSummary?.split('\n').slice(1, 3).join(' ') ?? ''})`));
    },
    [selector, tags] as const,
  );
}
