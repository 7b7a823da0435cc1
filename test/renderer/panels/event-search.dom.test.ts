// @vitest-environment jsdom
/**
 * The event search in the app: / (from anywhere but a text field) opens the events table and puts the cursor in the
 * search; typing filters the rows and says how many events match; Enter goes on to the rows; Esc clears it. A text
 * field keeps its /.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App.tsx';
import { FakeHostServices } from '../../fakes/host-services.ts';
import { FakeEngine } from './lesson/lesson-engine-fixture.ts';

afterEach(() => cleanup());

const H = 3_600_000;
const field = () => screen.getByTestId<HTMLInputElement>('event-search');
const kinds = () => [...screen.getByTestId('event-table').querySelectorAll<HTMLElement>('[role="row"][data-seq] [data-glossary]')].map((el) => el.dataset.glossary);
const slash = (target: EventTarget) => act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true })));

describe('searching the events', () => {
  it('/ focuses the search; typing filters and counts; Enter goes to the rows; Esc clears', async () => {
    const engine = new FakeEngine();
    render(createElement(App, { store: engine.store, client: engine, host: new FakeHostServices() }));
    await waitFor(() => expect(engine.snapshot().scenario).toBeDefined());
    act(() => engine.send({ type: 'seek', simMs: 3 * H }));
    await waitFor(() => expect(engine.snapshot().nowMs).toBe(3 * H));
    act(() => screen.getByTestId('tab-console').click());

    slash(document.body);
    expect(screen.getByTestId('tab-events').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(field());

    fireEvent.change(field(), { target: { value: 'EXPIRED' } });
    const expired = engine.snapshot().events.filter((e) => e.type === 'token.expired' || e.message.toLowerCase().includes('expired'));
    expect(expired.length).toBeGreaterThan(0);
    expect(screen.getByTestId('event-search-count').textContent).toBe(`${expired.length} ${expired.length === 1 ? 'event matches' : 'events match'}`);
    expect(screen.getByTestId('event-count').textContent).toContain(`Showing ${expired.length} of`);
    expect(kinds().length).toBeGreaterThan(0);

    fireEvent.change(field(), { target: { value: 'token.expired projected' } });
    expect(new Set(kinds())).toEqual(new Set(['event:token.expired']));
    const rows = [...screen.getByTestId('event-table').querySelectorAll<HTMLElement>('[role="row"][data-seq]')];
    for (const row of rows) expect(engine.snapshot().events[Number(row.dataset.seq)]!.flow).toBe('projected');

    act(() => void fireEvent.keyDown(field(), { key: 'Enter' }));
    expect(document.activeElement?.getAttribute('role')).toBe('grid');

    act(() => field().focus());
    act(() => void fireEvent.keyDown(field(), { key: 'Escape' }));
    expect(field().value).toBe('');
    expect(screen.queryByTestId('event-search-count')).toBeNull();
    expect(screen.getByTestId('event-count').textContent).toMatch(/^Showing ([\d,]+) of \1 events$/);
  });

  it('leaves / to a text field that has the focus', async () => {
    const engine = new FakeEngine();
    render(createElement(App, { store: engine.store, client: engine, host: new FakeHostServices() }));
    await waitFor(() => expect(engine.snapshot().scenario).toBeDefined());
    const jump = screen.getByTestId('jump-to');
    act(() => jump.focus());
    slash(jump);
    expect(document.activeElement).toBe(jump);
  });
});
