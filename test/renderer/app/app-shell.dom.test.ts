// @vitest-environment jsdom
/**
 * The app shell around the timelines: each presentation starts with the detail lanes hidden whatever was shown before,
 * a scenario's introduction shows when it loads and stays closed once closed (remembered per scenario), the guide
 * tells the scenario's takeaway and every mark, a "Scenario saved" message does not outlive the text it was about,
 * and the custom speed box says what is wrong with what was typed.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App.tsx';
import { BUILTIN_SCENARIOS } from '../../../renderer/content/builtin-scenarios.ts';
import { FakeHostServices } from '../../fakes/host-services.ts';
import { FakeEngine } from '../panels/lesson/lesson-engine-fixture.ts';

function mount(host = new FakeHostServices()) {
  const engine = new FakeEngine();
  const view = render(createElement(App, { store: engine.store, client: engine, host }));
  return { engine, host, view };
}

const detailShown = () => [...document.querySelectorAll('.tl-lane-labels')].some((el) => el.textContent.includes('other Secrets'));
const key = (k: string) => act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));

afterEach(() => cleanup());

describe('presentation mode', () => {
  it('starts with the detail lanes hidden even when they were shown before, and D shows them', async () => {
    const { engine } = mount();
    await waitFor(() => expect(engine.snapshot().tokens.length).toBeGreaterThan(0));
    act(() => engine.send({ type: 'seek', simMs: 2 * 3_600_000 }));
    act(() => screen.getByTestId('tab-console').click());
    await waitFor(() => expect(detailShown()).toBe(true));

    act(() => screen.getByTestId('enter-presentation').click());
    await waitFor(() => expect(screen.getByTestId('app').dataset.presenting).toBe('true'));
    expect(detailShown()).toBe(false);
    expect(screen.getByTestId('detail-lanes-toggle').getAttribute('aria-pressed')).toBe('false');
    key('d');
    await waitFor(() => expect(detailShown()).toBe(true));

    key('Escape');
    await waitFor(() => expect(screen.getByTestId('app').dataset.presenting).toBe('false'));
    expect(detailShown()).toBe(true);
    act(() => screen.getByTestId('enter-presentation').click());
    await waitFor(() => expect(screen.getByTestId('app').dataset.presenting).toBe('true'));
    expect(detailShown()).toBe(false);
  });
});

describe('the scenario introduction', () => {
  it('shows the title, takeaway and description when a scenario loads, and stays closed for it once closed', async () => {
    const host = new FakeHostServices();
    const first = mount(host);
    const intro = await screen.findByTestId('scenario-intro');
    const sideBySide = BUILTIN_SCENARIOS.find((s) => s.id === 'side-by-side')!;
    expect(intro.textContent).toContain(sideBySide.title);
    expect(intro.textContent).toContain('Take away: Legacy tokens live forever');
    act(() => screen.getByTestId('dismiss-intro').click());
    expect(screen.queryByTestId('scenario-intro')).toBeNull();
    await waitFor(() => expect(host.settings.dismissedIntros).toEqual(['builtin:side-by-side']));

    first.view.unmount();
    const again = mount(host);
    await waitFor(() => expect(again.engine.snapshot().scenario).toBeDefined());
    await act(async () => undefined);
    expect(screen.queryByTestId('scenario-intro')).toBeNull();

    const outage = BUILTIN_SCENARIOS.find((s) => s.id === 'kubelet-outage')!;
    act(() => again.engine.send({ type: 'load', scenarioText: outage.text, sourceName: 'builtin:kubelet-outage' }));
    expect((await screen.findByTestId('scenario-intro')).textContent).toContain(outage.title);
  });
});

describe('the guide', () => {
  it('tells the scenario’s takeaway, what each lane is and what every mark means', async () => {
    const { engine } = mount();
    await waitFor(() => expect(engine.snapshot().scenario).toBeDefined());
    const guide = screen.getByTestId('guide');
    fireEvent.click(guide.querySelector('summary')!);
    expect(guide.textContent).toContain('Take away: Legacy tokens live forever');
    expect(guide.textContent).toContain('attacker');
    const marks = [...guide.querySelectorAll('.guide-marks li')].map((li) => li.textContent);
    expect(marks).toEqual(expect.arrayContaining(['valid token', 'copied by the attacker', 'call rejected (401)', 'kubelet wrote the token file']));
  });
});

describe('the save message', () => {
  it('goes when the scenario it was about is replaced, and can be closed', async () => {
    const { engine, host } = mount();
    await waitFor(() => expect(engine.snapshot().scenario).toBeDefined());
    await act(async () => screen.getByTestId('save-scenario').click());
    expect((await screen.findByTestId('save-status')).textContent).toContain('Scenario saved: /home/me/export.png');
    act(() => screen.getByTestId('close-save-status').click());
    expect(screen.queryByTestId('save-status')).toBeNull();

    await act(async () => screen.getByTestId('save-scenario').click());
    await screen.findByTestId('save-status');
    const outage = BUILTIN_SCENARIOS.find((s) => s.id === 'kubelet-outage')!;
    act(() => engine.send({ type: 'load', scenarioText: outage.text, sourceName: 'builtin:kubelet-outage' }));
    await waitFor(() => expect(screen.queryByTestId('save-status')).toBeNull());
    expect(host.savedFiles).toHaveLength(2);
  });
});

describe('the custom speed box', () => {
  it('refuses a speed past the fastest with a message, and sets one it can read', async () => {
    const { engine } = mount();
    await waitFor(() => expect(engine.snapshot().scenario).toBeDefined());
    const box = screen.getByTestId('custom-speed');
    fireEvent.change(box, { target: { value: '20000000' } });
    fireEvent.submit(box.closest('form')!);
    expect(screen.getByTestId('speed-error').textContent).toMatch(/20,000,000× is too fast/);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(engine.sent.some((c) => c.type === 'set-speed')).toBe(false);
    fireEvent.change(box, { target: { value: '600x' } });
    expect(screen.queryByTestId('speed-error')).toBeNull();
    fireEvent.submit(box.closest('form')!);
    expect(engine.sent.filter((c) => c.type === 'set-speed')).toEqual([{ type: 'set-speed', speed: 600 }]);
  });
});
