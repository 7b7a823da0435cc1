// @vitest-environment jsdom
/**
 * The desktop menu's items that act in the renderer reach the same actions as their keys: Presentation Mode, Keyboard
 * Shortcuts and Save Scenario (the menu's Export belongs to the export feature and has its own tests).
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App.tsx';
import type { MenuAction } from '../../../shared/ipc/ipc-contract.ts';
import { FakeHostServices } from '../../fakes/host-services.ts';
import { FakeEngine } from '../panels/lesson/lesson-engine-fixture.ts';

let host: FakeHostServices;

function mount() {
  const engine = new FakeEngine();
  host = new FakeHostServices();
  render(createElement(App, { store: engine.store, client: engine, host }));
  return { engine, host };
}

const menu = (action: MenuAction) => act(() => host.menu(action));

afterEach(() => cleanup());

describe('the desktop menu', () => {
  it('opens the shortcut sheet and enters and leaves presentation mode', async () => {
    mount();
    await waitFor(() => expect(host.menuListeners.size).toBeGreaterThan(0));
    menu('cheat-sheet');
    expect(await screen.findByRole('dialog', { name: /shortcuts/i })).toBeTruthy();
    expect(screen.getByTestId('app').dataset.presenting).toBe('false');
    menu('toggle-presentation');
    await waitFor(() => expect(screen.getByTestId('app').dataset.presenting).toBe('true'));
    menu('toggle-presentation');
    await waitFor(() => expect(screen.getByTestId('app').dataset.presenting).toBe('false'));
  });

  it('saves the loaded scenario, notes included, through the host', async () => {
    const { engine, host } = mount();
    await waitFor(() => expect(engine.snapshot().scenario).toBeDefined());
    menu('save-scenario');
    await waitFor(() => expect(host.savedFiles).toHaveLength(1));
    expect(host.savedFiles[0]).toMatchObject({ mimeType: 'application/yaml', data: engine.snapshot().scenario!.scenarioText });
  });
});

describe('presentation mode', () => {
  it('keeps the Export button and the menu\'s Export, so a moment can be exported mid-class', async () => {
    mount();
    await waitFor(() => expect(host.menuListeners.size).toBeGreaterThan(0));
    menu('toggle-presentation');
    // Presentation mode and the export dialog each load on first use.
    await waitFor(() => expect(screen.getByTestId('app').dataset.presenting).toBe('true'));
    expect(screen.getByTestId('open-export')).toBeTruthy();
    menu('export');
    // The dialog is loaded lazily: under load that takes more than the default second.
    expect(await screen.findByRole('dialog', { name: /export/i }, { timeout: 15_000 })).toBeTruthy();
  });
});

describe('the keys the desktop menu only shows', () => {
  it('Ctrl+E opens the export dialog, as File → Export says', async () => {
    mount();
    await waitFor(() => expect(screen.getByTestId('open-export')).toHaveProperty('disabled', false));
    act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', ctrlKey: true, bubbles: true })));
    // The dialog is loaded lazily: under load that takes more than the default second.
    expect(await screen.findByRole('dialog', { name: /export/i }, { timeout: 15_000 })).toBeTruthy();
  });
});

describe('the detail lanes', () => {
  const shown = () => [...document.querySelectorAll('.tl-lane-labels')].some((el) => el.textContent.includes('other Secrets'));

  it('are hidden at first, so both flows fit, and shown from Display or by opening the console', async () => {
    const { engine } = mount();
    await waitFor(() => expect(engine.snapshot().tokens.length).toBeGreaterThan(0));
    act(() => engine.send({ type: 'seek', simMs: 2 * 3_600_000 }));
    await waitFor(() => expect(screen.getByTestId('timeline-flow-legacy')).toBeTruthy());
    expect(shown()).toBe(false);
    act(() => screen.getByTestId('detail-lanes-check').click());
    await waitFor(() => expect(shown()).toBe(true));
    act(() => screen.getByTestId('detail-lanes-check').click());
    await waitFor(() => expect(shown()).toBe(false));
    act(() => screen.getByTestId('tab-console').click());
    await waitFor(() => expect(shown()).toBe(true));
  });
});
