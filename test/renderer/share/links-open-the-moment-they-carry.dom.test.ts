// @vitest-environment jsdom
/**
 * Links to a moment in the app. Opening: the page's own #… when it loads and when it changes, a link pasted on the
 * timeline, and the desktop's File → Open Link… prompt each reopen the scenario (notes and all) at the playhead and
 * window the link carries; a cut, foreign or pasted non-link is refused with a sentence and changes nothing.
 * Copying: Ctrl/⌘+Shift+C copies the link to the moment on screen, says when a link is too long for a chat and offers
 * the scenario file instead, and on the desktop says where links come from.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App.tsx';
import { BUILTIN_SCENARIOS } from '../../../renderer/content/builtin-scenarios.ts';
import { momentFragment, momentLink, readMomentFragment } from '../../../shared/export/moment-link.ts';
import type { ExportMoment } from '../../../shared/export/export-types.ts';
import type { HostServices } from '../../../renderer/host/host-services.ts';
import { FakeHostServices } from '../../fakes/host-services.ts';
import { FakeEngine } from '../panels/lesson/lesson-engine-fixture.ts';
import { noisyNotes } from '../../support/noise-text.ts';

const H = 3_600_000;
const SIDE_BY_SIDE = BUILTIN_SCENARIOS.find((s) => s.id === 'side-by-side')!.text;
const OUTAGE = BUILTIN_SCENARIOS.find((s) => s.id === 'kubelet-outage')!.text;

const MOMENT: ExportMoment = {
  version: 1,
  scenarioText: `${SIDE_BY_SIDE.trimEnd()}\nannotations:\n  - at: 1h\n    text: shared with the class\n`,
  sourceName: 'class-notes.yaml',
  playheadMs: 2 * H,
  view: { startMs: 1 * H, endMs: 3 * H },
};

function mount(host: HostServices = new FakeHostServices()) {
  const engine = new FakeEngine();
  render(createElement(App, { store: engine.store, client: engine, host }));
  return { engine, host };
}

const viewShown = () => screen.getByTestId('time-axis').dataset.view;
const timelines = () => document.querySelector<HTMLElement>('section.timelines')!;
const loads = (engine: FakeEngine) => engine.commandsOf('load').map((c) => c.sourceName);

async function reopened(engine: FakeEngine, moment: ExportMoment) {
  await waitFor(() => expect(engine.snapshot().scenario?.sourceName).toBe(moment.sourceName));
  await waitFor(() => expect(engine.snapshot().nowMs).toBe(moment.playheadMs));
  await waitFor(() => expect(viewShown()).toBe(`${moment.view.startMs}-${moment.view.endMs}`));
  expect(engine.snapshot().scenario?.scenarioText).toBe(moment.scenarioText);
  expect(engine.snapshot().scenario?.annotations.map((a) => a.text)).toContain('shared with the class');
  expect(statusText(await screen.findByTestId('open-status'))).toMatch(/^Reopened the link: /);
}

/** The message of a status line, without its dismiss button. */
const statusText = (status: HTMLElement) => status.querySelector('p')?.textContent ?? '';

async function refused(engine: FakeEngine, sentence: RegExp) {
  const status = statusText(await screen.findByTestId('open-status'));
  expect(status).toMatch(sentence);
  expect(status).toMatch(/Nothing was changed\.$/);
  expect(loads(engine)).toEqual(['builtin:side-by-side']);
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('opening a link', () => {
  it('reopens the moment in the page’s address when the app starts', async () => {
    window.history.replaceState(null, '', `/#${momentFragment(MOMENT)}`);
    const { engine } = mount();
    await reopened(engine, MOMENT);
  });

  it('reopens a moment whenever the address’s #… changes', async () => {
    const { engine } = mount();
    await waitFor(() => expect(engine.snapshot().scenario).toBeDefined());
    const other = { ...MOMENT, scenarioText: `${OUTAGE.trimEnd()}\nannotations:\n  - at: 30m\n    text: shared with the class\n`, sourceName: 'outage.yaml', playheadMs: 50 * 60_000, view: { startMs: 0, endMs: 1.5 * H } };
    act(() => {
      window.location.hash = momentFragment(other);
    });
    await reopened(engine, other);
  });

  it('refuses a cut link and a foreign #… with a sentence, changing nothing', async () => {
    const fragment = momentFragment(MOMENT);
    window.history.replaceState(null, '', `/#${fragment.slice(0, fragment.length - 40)}`);
    const { engine } = mount();
    await refused(engine, /^The link is cut short|^The link was changed on its way/);
    act(() => {
      window.location.hash = 'section-2';
    });
    await waitFor(() => expect(statusText(screen.getByTestId('open-status'))).toMatch(/^The link's #… part is not a TokenScope moment/));
    expect(loads(engine)).toEqual(['builtin:side-by-side']);
  });

  it('reopens a link pasted on the timeline, and refuses pasted text that is not one', async () => {
    const { engine } = mount();
    await waitFor(() => expect(engine.snapshot().scenario).toBeDefined());
    fireEvent.paste(timelines(), { clipboardData: { getData: () => 'a note to self' } });
    await refused(engine, /^The pasted text is not a TokenScope link/);
    fireEvent.paste(timelines(), { clipboardData: { getData: () => `look: ${momentLink('https://tokenscope.example/app/', MOMENT)} (from Tuesday)` } });
    await reopened(engine, MOMENT);
  });

  it('asks for a link on the desktop’s File → Open Link…, refusing a bad one in the prompt', async () => {
    const host = new FakeHostServices();
    const { engine } = mount(host);
    await waitFor(() => expect(host.menuListeners.size).toBeGreaterThan(0));
    await waitFor(() => expect(engine.snapshot().scenario).toBeDefined());
    act(() => host.menu('open-link'));
    const field = await screen.findByTestId('open-link-field');
    expect(document.activeElement).toBe(field);

    fireEvent.change(field, { target: { value: 'https://tokenscope.example/#tokenscope=1.eJwr' } });
    act(() => screen.getByTestId('open-link-open').click());
    expect(screen.getByTestId('open-link-error').textContent).toMatch(/^The link is cut short.*Nothing was opened\.$/);
    expect(screen.getByTestId('open-link-dialog')).toBeTruthy();
    // A refusal that ends in a full stop (here the link's own "#tokenscope=1.") gets no second one.
    fireEvent.change(field, { target: { value: 'https://tokenscope.example/#tokenscope=1.' } });
    act(() => screen.getByTestId('open-link-open').click());
    expect(screen.getByTestId('open-link-error').textContent).toBe('The link is cut short: it has no moment after #tokenscope=1. Nothing was opened.');

    fireEvent.change(field, { target: { value: momentLink('app://tokenscope/index.html', MOMENT) } });
    act(() => screen.getByTestId('open-link-open').click());
    expect(screen.queryByTestId('open-link-dialog')).toBeNull();
    await reopened(engine, MOMENT);
  });
});

describe('copying a link', () => {
  const copyKey = () => act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 'C', ctrlKey: true, shiftKey: true, bubbles: true })));

  it('copies the moment on screen: scenario, playhead and window', async () => {
    const { engine, host } = mount();
    await waitFor(() => expect(engine.snapshot().scenario).toBeDefined());
    act(() => engine.send({ type: 'seek', simMs: 90 * 60_000 }));
    await waitFor(() => expect(engine.snapshot().nowMs).toBe(90 * 60_000));
    // The store has the new playhead at once; the page copies what it has rendered, so wait for the clock to show it.
    await waitFor(() => expect(screen.getByTestId('sim-clock').dataset.nowMs).toBe(String(90 * 60_000)));
    copyKey();
    const toast = await screen.findByTestId('share-link-toast');
    await waitFor(() => expect(toast.textContent).toMatch(/^Link copied \(\d+ kB\)/));
    const copied = (host as FakeHostServices).clipboard.at(-1)!;
    expect(copied.mimeType).toBe('text/plain');
    const link = copied.data as string;
    expect(link.startsWith(`${window.location.origin}/#tokenscope=1.`)).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('share-link-text').value).toBe(link);
    const reading = readMomentFragment(new URL(link).hash);
    if (reading.kind !== 'moment') throw new Error(reading.kind);
    const [startMs, endMs] = viewShown()!.split('-').map(Number);
    expect(reading.moment).toEqual({ version: 1, scenarioText: engine.snapshot().scenario!.scenarioText, sourceName: 'builtin:side-by-side', playheadMs: 90 * 60_000, view: { startMs, endMs } });
  });

  it('says a link is too long for a chat, offers the scenario file, and copies it only if asked again', async () => {
    const { engine, host } = mount();
    await waitFor(() => expect(engine.snapshot().scenario).toBeDefined());
    const notes = noisyNotes(7, 150);
    act(() => engine.send({ type: 'load', scenarioText: `${SIDE_BY_SIDE.trimEnd()}\nannotations:\n${notes}`, sourceName: 'long-notes.yaml' }));
    await waitFor(() => expect(engine.snapshot().scenario?.sourceName).toBe('long-notes.yaml'));
    copyKey();
    const toast = await screen.findByTestId('share-link-toast');
    expect(toast.textContent).toMatch(/^This link is \d+ kB: too long for most chat tools, which cut or refuse links past about 8 kB/);
    expect((host as FakeHostServices).clipboard).toEqual([]);

    await act(async () => screen.getByTestId('share-save-scenario').click());
    await waitFor(() => expect((host as FakeHostServices).savedFiles).toHaveLength(1));
    expect((host as FakeHostServices).savedFiles[0]).toMatchObject({ mimeType: 'application/yaml', suggestedName: 'long-notes.yaml' });

    await act(async () => screen.getByTestId('share-copy-anyway').click());
    await waitFor(() => expect((host as FakeHostServices).clipboard).toHaveLength(1));
    expect(((host as FakeHostServices).clipboard[0]!.data as string).length).toBeGreaterThan(8192);
  });

  it('on the desktop, says links come from the browser build and how to share instead', async () => {
    const host = Object.assign(new FakeHostServices(), { kind: 'desktop' }) as unknown as HostServices;
    const { engine } = mount(host);
    await waitFor(() => expect(engine.snapshot().scenario).toBeDefined());
    copyKey();
    expect((await screen.findByTestId('share-link-toast')).textContent).toMatch(/^A link opens TokenScope in a browser/);
    expect(screen.getByTestId('share-save-scenario')).toBeTruthy();
  });
});
