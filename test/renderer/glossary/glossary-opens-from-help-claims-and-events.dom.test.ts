// @vitest-environment jsdom
/**
 * The glossary in the app: F1's cheat sheet leads to it; typing filters the terms and says how many match; ↑/↓ move
 * through them with the search field keeping the focus (a combobox); Esc clears the search, then closes. A claim's
 * name in the inspector or the paste panel, and an event's kind in the table (a click, or G on the focused row), open
 * it at that term.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/app/App.tsx';
import { GlossaryContext } from '../../../renderer/glossary/use-glossary.ts';
import { PasteTokenPanel } from '../../../renderer/panels/paste-token/PasteTokenPanel.tsx';
import { GLOSSARY } from '../../../shared/explain/glossary.ts';
import { base64url } from 'jose';
import { FakeHostServices } from '../../fakes/host-services.ts';
import { FakeEngine } from '../panels/lesson/lesson-engine-fixture.ts';

afterEach(() => cleanup());

function mount() {
  const engine = new FakeEngine();
  render(createElement(App, { store: engine.store, client: engine, host: new FakeHostServices() }));
  return engine;
}

const key = (k: string, target: EventTarget = window) => act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
const glossary = () => screen.getByRole('dialog', { name: 'Glossary' });
const search = () => screen.getByTestId<HTMLInputElement>('glossary-search');
const shownEntry = () => screen.getByTestId('glossary-detail').dataset.entry;

describe('the glossary from the help', () => {
  it('F1 shows the shortcuts, which lead to the glossary; it searches as you type and moves with the arrows', async () => {
    const engine = mount();
    await waitFor(() => expect(engine.snapshot().scenario).toBeDefined());
    key('F1');
    act(() => screen.getByTestId('cheat-sheet-glossary').click());
    // The glossary's code loads on first use.
    expect(await screen.findByRole('dialog', { name: 'Glossary' })).toBeTruthy();
    expect(screen.queryByTestId('cheat-sheet')).toBeNull();
    // The dialog focuses its search field from an effect after it mounts.
    await waitFor(() => expect(document.activeElement).toBe(search()));
    expect(screen.getByTestId('glossary-count').textContent).toBe(`${GLOSSARY.length} terms`);

    fireEvent.change(search(), { target: { value: 'pod name' } });
    expect(screen.getByTestId('glossary-count').textContent).toMatch(/^\d+ of \d+ terms match$/);
    expect(shownEntry()).toBe('claim:kubernetes.io.pod.name');
    const options = within(screen.getByTestId('glossary-list')).getAllByRole('option');
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    expect(search().getAttribute('aria-activedescendant')).toBe(options[0]!.id);

    key('ArrowDown', search());
    expect(search().getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    expect(shownEntry()).toBe(options[1]!.dataset.entry);
    expect(document.activeElement).toBe(search());

    fireEvent.change(search(), { target: { value: 'no such term anywhere' } });
    expect(screen.getByTestId('glossary-count').textContent).toBe('No term matches.');

    key('Escape', search());
    expect(search().value).toBe('');
    expect(glossary()).toBeTruthy();
    key('Escape', search());
    expect(screen.queryByRole('dialog', { name: 'Glossary' })).toBeNull();
  });
});

describe('the glossary from where a term is used', () => {
  it('opens at a claim from its name in the inspector, and at an event kind from the table (click, or G)', async () => {
    const engine = mount();
    await waitFor(() => expect(engine.snapshot().tokens.length).toBeGreaterThan(0));
    const issued = await waitFor(() => {
      const row = screen.getByTestId('event-table').querySelector<HTMLElement>('[role="row"][data-seq] [data-glossary="event:token.issued"]');
      if (!row) throw new Error('no token.issued row yet');
      return row.closest<HTMLElement>('[role="row"]')!;
    });
    act(() => issued.click());
    const inspector = await screen.findByTestId('token-inspector');
    const sub = await waitFor(() => within(inspector).getByRole('button', { name: 'sub' }));
    act(() => sub.click());
    await waitFor(() => expect(shownEntry()).toBe('claim:sub'));
    key('Escape', search());

    const kind = issued.querySelector<HTMLElement>('[data-glossary="event:token.issued"]')!;
    expect(kind.tabIndex).toBe(-1);
    act(() => kind.click());
    await waitFor(() => expect(shownEntry()).toBe('event:token.issued'));
    key('Escape', search());

    const grid = screen.getByTestId('event-table').querySelector<HTMLElement>('[role="grid"]')!;
    act(() => grid.focus());
    key('ArrowDown', grid);
    const active = grid.getAttribute('aria-activedescendant');
    const type = document.getElementById(active!)!.querySelector<HTMLElement>('[data-glossary]')!.dataset.glossary;
    key('g', grid);
    await waitFor(() => expect(shownEntry()).toBe(type));
  });

  it('opens at a claim from its name in the paste panel', () => {
    const open = vi.fn();
    const part = (value: object) => base64url.encode(new TextEncoder().encode(JSON.stringify(value)));
    const jwt = `${part({ alg: 'RS256', kid: 'k1' })}.${part({ iss: 'https://kubernetes.default.svc', sub: 'system:serviceaccount:demo:app', aud: ['api'], exp: 2_000_000_000, iat: 1_999_996_400 })}.c2ln`;
    render(createElement(GlossaryContext.Provider, { value: open }, createElement(PasteTokenPanel, { nowEpochMs: 1_999_997_000_000 })));
    fireEvent.change(screen.getByTestId('paste-token-input'), { target: { value: jwt } });
    act(() => screen.getByRole('button', { name: 'aud' }).click());
    act(() => screen.getByRole('button', { name: 'kid' }).click());
    expect(open.mock.calls).toEqual([['claim:aud'], ['header:kid']]);
  });
});
