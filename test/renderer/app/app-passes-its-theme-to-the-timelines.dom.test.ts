// @vitest-environment jsdom
/**
 * The theme chosen in Display reaches the timelines' canvases from App itself, and stays on <html data-theme> for the
 * app's CSS.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App.tsx';
import { FakeHostServices } from '../../fakes/host-services.ts';
import { FakeEngine } from '../panels/lesson/lesson-engine-fixture.ts';

const panelThemes = () => [...document.querySelectorAll<HTMLElement>('.tl-panel')].map((el) => el.dataset.theme);

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.theme;
});

describe('the app theme', () => {
  it('draws the timelines in the remembered theme and follows a new choice', async () => {
    const host = new FakeHostServices();
    host.settings = { ...host.settings, theme: 'dark' };
    const engine = new FakeEngine();
    render(createElement(App, { store: engine.store, client: engine, host }));
    await waitFor(() => expect(panelThemes().length).toBeGreaterThan(0), { timeout: 15_000 });
    await waitFor(() => expect(new Set(panelThemes())).toEqual(new Set(['dark'])), { timeout: 15_000 });
    expect(document.documentElement.dataset.theme).toBe('dark');

    act(() => void fireEvent.change(screen.getByTestId('theme-select'), { target: { value: 'projector' } }));
    await waitFor(() => expect(new Set(panelThemes())).toEqual(new Set(['projector'])), { timeout: 15_000 });
    expect(document.documentElement.dataset.theme).toBe('projector');
  });
});
