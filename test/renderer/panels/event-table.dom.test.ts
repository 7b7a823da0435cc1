// @vitest-environment jsdom
/**
 * The event table rendered in jsdom: rows from a real engine run, labelled filters, grid semantics with
 * aria-activedescendant and keyboard movement (↑/↓, Home/End, Enter → onSelect), only the rows in view rendered for
 * 100,000 events, and following the newest row until the user scrolls up. jsdom has no layout, so the table falls
 * back to a 12-row viewport of 30 px rows (16 px × 1.9).
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TimelineSnapshot } from '../../../renderer/state/timeline-store.ts';
import type { SimEvent } from '../../../shared/model/events.ts';
import * as tableModule from '../../../renderer/panels/EventTable.tsx';
import { loadScenario } from './engine-fixture.ts';

const { EventTable } = tableModule;

const ROW = 30;
const VIEW_ROWS = 12;

let real: TimelineSnapshot;

beforeAll(async () => {
  const fixture = await loadScenario('assets/scenarios/side-by-side.yaml', 6 * 3600 * 1000);
  real = fixture.store.getSnapshot();
});

afterEach(cleanup);

function syntheticSnapshot(count: number): TimelineSnapshot {
  const events: SimEvent[] = [];
  for (let i = 0; i < count; i++) {
    events.push({
      type: i % 2 === 0 ? 'request.allowed' : 'token.refresh-due',
      seq: i,
      atMs: i * 1000,
      flow: i % 2 === 0 ? 'legacy' : 'projected',
      message: `event number ${i}`,
      cause: 'test',
      refs: { pod: 'app' },
    } as SimEvent);
  }
  return { ...real, events, version: real.version + 1 };
}

function grid(): HTMLElement {
  return screen.getByRole('grid');
}

function bodyRows(): HTMLElement[] {
  return [...grid().querySelectorAll<HTMLElement>('.ts-grid-body [role="row"][data-seq]')];
}

function activeRow(): HTMLElement | null {
  const id = grid().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
}

function table(snapshot: TimelineSnapshot, onSelect = vi.fn(), selectedSeq?: number) {
  return createElement(EventTable, { snapshot, selectedSeq, onSelect });
}

function scrollGridTo(top: number) {
  const el = grid();
  el.scrollTop = top;
  fireEvent.scroll(el);
}

describe('EventTable', () => {
  it('renders every event of the real run as a row: sim time, flow, type in words, message', () => {
    render(table(real));
    expect(screen.getByTestId('event-table')).toBeTruthy();
    expect(grid().getAttribute('aria-rowcount')).toBe(String(real.events.length + 1));
    expect(screen.getByTestId('event-count').textContent).toBe(`Showing ${real.events.length} of ${real.events.length} events`);
    // Following the newest row: the last event is rendered.
    const last = real.events.at(-1)!;
    const row = grid().querySelector<HTMLElement>(`[data-seq="${last.seq}"]`);
    expect(row).not.toBeNull();
    const cells = [...row!.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent);
    expect(cells[1]).toBe(last.flow);
    expect(cells[3]).toBe(last.message);
    expect(cells[0]).toMatch(/^\d h \d\d m \d\d s$/);
    const headers = [...grid().querySelectorAll('[role="columnheader"]')].map((c) => c.textContent);
    expect(headers).toEqual(['Time', 'Flow', 'Event', 'What happened']);
  });

  it('filters by flow, pod and kind with labelled controls', () => {
    render(table(real));
    fireEvent.change(screen.getByLabelText('Flow'), { target: { value: 'projected' } });
    const projected = real.events.filter((e) => e.flow === 'projected');
    expect(screen.getByTestId('event-count').textContent).toBe(`Showing ${projected.length} of ${real.events.length} events`);
    expect(bodyRows().every((r) => r.querySelectorAll('[role="gridcell"]')[1]?.textContent === 'projected')).toBe(true);

    fireEvent.click(screen.getByLabelText('Tokens'));
    fireEvent.click(screen.getByLabelText('Pods'));
    fireEvent.click(screen.getByLabelText('kubectl'));
    fireEvent.click(screen.getByLabelText('Secrets, ServiceAccounts, manifests'));
    fireEvent.click(screen.getByLabelText('Kubelet, API server, keys'));
    fireEvent.click(screen.getByLabelText('Warnings and errors'));
    const requests = projected.filter((e) => e.type.startsWith('request.'));
    expect(screen.getByTestId('event-count').textContent).toBe(`Showing ${requests.length} of ${real.events.length} events`);
    expect(bodyRows().every((r) => /request (allowed|denied)/.test(r.textContent ?? ''))).toBe(true);

    fireEvent.change(screen.getByLabelText('Pod'), { target: { value: 'app' } });
    const appRequests = requests.filter((e) => e.refs.pod === 'app');
    expect(screen.getByTestId('event-count').textContent).toBe(`Showing ${appRequests.length} of ${real.events.length} events`);

    fireEvent.click(screen.getByLabelText('API requests'));
    expect(screen.getByText('No events match the filter.')).toBeTruthy();
  });

  it('renders only the rows in view for 100,000 events, and the right ones after scrolling', () => {
    const big = syntheticSnapshot(100_000);
    const started = performance.now();
    render(table(big));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(bodyRows().length).toBeLessThanOrEqual(VIEW_ROWS + 2 * 6 + 1);
    expect(grid().getAttribute('aria-rowcount')).toBe('100001');
    // Following: the newest row is in view.
    expect(grid().querySelector('[data-seq="99999"]')).not.toBeNull();

    act(() => scrollGridTo(50_000 * ROW));
    const seqs = bodyRows().map((r) => Number(r.dataset.seq));
    expect(seqs).toContain(50_000);
    expect(seqs).toContain(50_000 + VIEW_ROWS - 1);
    expect(bodyRows().length).toBeLessThanOrEqual(VIEW_ROWS + 2 * 6 + 1);
    const row = grid().querySelector<HTMLElement>('[data-seq="50000"]')!;
    expect(row.getAttribute('aria-rowindex')).toBe('50002');
    expect(row.style.top).toBe(`${50_000 * ROW}px`);
    expect(grid().dataset.following).toBe('false');
  });

  it('moves with the keyboard (one tab stop, aria-activedescendant) and selects with Enter', () => {
    const onSelect = vi.fn();
    render(table(real, onSelect));
    const g = grid();
    expect(g.tabIndex).toBe(0);
    act(() => g.focus());
    fireEvent.keyDown(g, { key: 'Home' });
    expect(activeRow()?.dataset.seq).toBe(String(real.events[0]!.seq));
    fireEvent.keyDown(g, { key: 'ArrowDown' });
    fireEvent.keyDown(g, { key: 'ArrowDown' });
    expect(activeRow()?.dataset.seq).toBe(String(real.events[2]!.seq));
    fireEvent.keyDown(g, { key: 'ArrowUp' });
    expect(activeRow()?.dataset.seq).toBe(String(real.events[1]!.seq));
    fireEvent.keyDown(g, { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith(real.events[1]);
    fireEvent.keyDown(g, { key: 'End' });
    expect(activeRow()?.dataset.seq).toBe(String(real.events.at(-1)!.seq));
    fireEvent.keyDown(g, { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith(real.events.at(-1));
  });

  it('keeps the active row in the DOM when it scrolls out of view', () => {
    const big = syntheticSnapshot(10_000);
    render(table(big));
    const g = grid();
    act(() => g.focus());
    fireEvent.keyDown(g, { key: 'Home' });
    act(() => scrollGridTo(5_000 * ROW));
    expect(activeRow()?.dataset.seq).toBe('0');
  });

  it('marks the selected event (not by colour alone) and scrolls it into view', () => {
    const big = syntheticSnapshot(10_000);
    const { rerender } = render(table(big, vi.fn(), undefined));
    rerender(table(big, vi.fn(), 1_234));
    const row = grid().querySelector<HTMLElement>('[data-seq="1234"]');
    expect(row?.getAttribute('aria-selected')).toBe('true');
    expect(row?.textContent).toContain('▶');
    expect(activeRow()).toBe(row);
  });

  it('clicking a row selects it', () => {
    const onSelect = vi.fn();
    render(table(real, onSelect));
    const last = real.events.at(-1)!;
    fireEvent.click(grid().querySelector(`[data-seq="${last.seq}"]`)!);
    expect(onSelect).toHaveBeenCalledWith(last);
    expect(activeRow()?.dataset.seq).toBe(String(last.seq));
  });

  it('follows the newest row while at the bottom, and stops when the user scrolls up', () => {
    const all = syntheticSnapshot(2_000);
    const at = (n: number) => ({ ...all, events: all.events.slice(0, n), version: n });
    const { rerender } = render(table(at(1_000)));
    expect(grid().scrollTop).toBe((1_000 - VIEW_ROWS) * ROW);
    rerender(table(at(1_100)));
    expect(grid().scrollTop).toBe((1_100 - VIEW_ROWS) * ROW);
    expect(grid().querySelector('[data-seq="1099"]')).not.toBeNull();

    act(() => scrollGridTo(100 * ROW));
    expect(grid().dataset.following).toBe('false');
    rerender(table(at(1_200)));
    expect(grid().scrollTop).toBe(100 * ROW);
    expect(grid().querySelector('[data-seq="1199"]')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Follow newest events' }));
    expect(grid().dataset.following).toBe('true');
    expect(grid().scrollTop).toBe((1_200 - VIEW_ROWS) * ROW);
    rerender(table(at(1_300)));
    expect(grid().scrollTop).toBe((1_300 - VIEW_ROWS) * ROW);
  });
});
