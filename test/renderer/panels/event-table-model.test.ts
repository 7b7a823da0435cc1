/**
 * The event table's pure parts: words for every event type, filtering by flow, pod and kind (incremental over an
 * append-only log that a seek back truncates), the virtual window for 100,000 rows, keyboard movement, following the
 * newest row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../shared/model/events.ts';
import {
  ALL,
  ALL_KINDS,
  AppendOnlyCursor,
  bottomScrollTop,
  defaultFilter,
  EVENT_KINDS,
  EVENT_TYPE_WORDS,
  EventSelection,
  eventKind,
  eventSymbol,
  FilteredEvents,
  formatSimClock,
  isAtBottom,
  matchesFilter,
  moveActive,
  PodNames,
  rowIndexOfSeq,
  scrollTopToReveal,
  visibleWindow,
  type EventFilter,
  type EventKind,
} from '../../../renderer/panels/event-table-model.ts';
import { Simulation } from '../../../shared/engine/simulation.ts';
import { parseScenario } from '../../../shared/scenario/parse-scenario.ts';
import { REPO_ROOT } from './cli-tokens.ts';

let events: SimEvent[];

beforeAll(() => {
  const parsed = parseScenario(readFileSync(join(REPO_ROOT, 'assets/scenarios/side-by-side.yaml'), 'utf8'));
  if (!parsed.ok) throw new Error('side-by-side.yaml does not parse');
  const sim = new Simulation(parsed.value);
  sim.runUntil(parsed.value.durationMs);
  events = [...sim.events];
});

function filter(partial: Partial<EventFilter>): EventFilter {
  return { ...defaultFilter(), ...partial };
}

/** A synthetic log: `count` events alternating flows and pods, with the given types. */
function syntheticEvents(count: number): SimEvent[] {
  const types = ['request.allowed', 'token.issued', 'pod.running', 'kubectl.ran'] as const;
  const out: SimEvent[] = [];
  for (let i = 0; i < count; i++) {
    const type = types[i % types.length] ?? 'pod.running';
    out.push({
      type,
      seq: i,
      atMs: i * 1000,
      flow: i % 2 === 0 ? 'legacy' : 'projected',
      message: `event ${i}`,
      cause: 'test',
      refs: i % 3 === 0 ? { pod: 'app' } : i % 3 === 1 ? { pod: 'web' } : {},
    } as SimEvent);
  }
  return out;
}

describe('words and kinds', () => {
  it('every event type the side-by-side run emits has words and a kind', () => {
    for (const e of events) {
      expect(EVENT_TYPE_WORDS[e.type], e.type).toMatch(/\w/);
      expect(ALL_KINDS.has(eventKind(e.type))).toBe(true);
    }
  });

  it('every kind has a label and at least one event type', () => {
    const kinds = new Set(Object.keys(EVENT_TYPE_WORDS).map((t) => eventKind(t as SimEvent['type'])));
    expect([...kinds].sort()).toEqual(EVENT_KINDS.map((k) => k.kind).sort());
  });

  it('outcomes have a symbol as well as words', () => {
    expect(eventSymbol('request.allowed')).toBe('✓');
    expect(eventSymbol('request.denied')).toBe('✗');
    expect(eventSymbol('warning')).toBe('⚠');
    expect(eventSymbol('pod.created')).toBe('');
  });

  it('formats simulated time with a fixed width', () => {
    expect(formatSimClock(0)).toBe('0 h 00 m 00 s');
    expect(formatSimClock((2 * 3600 + 13 * 60 + 40) * 1000 + 999)).toBe('2 h 13 m 40 s');
    expect(formatSimClock((26 * 3600 + 5) * 1000)).toBe('1 d 02 h 00 m 05 s');
  });
});

describe('filtering', () => {
  it('by flow, pod and kind on the real side-by-side log', () => {
    const legacy = events.filter((e) => matchesFilter(e, filter({ flow: 'legacy' })));
    expect(legacy.length).toBeGreaterThan(0);
    expect(legacy.every((e) => e.flow === 'legacy')).toBe(true);

    const appEvents = events.filter((e) => matchesFilter(e, filter({ pod: 'app' })));
    expect(appEvents.length).toBeGreaterThan(0);
    expect(appEvents.every((e) => e.refs.pod === 'app')).toBe(true);

    const denied = events.filter((e) => matchesFilter(e, filter({ flow: 'projected', kinds: new Set<EventKind>(['request']) })));
    expect(denied.some((e) => e.type === 'request.denied')).toBe(true);
    expect(denied.every((e) => e.type.startsWith('request.') && e.flow === 'projected')).toBe(true);

    expect(events.filter((e) => matchesFilter(e, filter({ kinds: new Set() })))).toEqual([]);
    expect(events.filter((e) => matchesFilter(e, defaultFilter()))).toHaveLength(events.length);
  });

  it('FilteredEvents returns positions (= seq) and extends incrementally as the log grows', () => {
    const log: SimEvent[] = [];
    const rows = new FilteredEvents();
    const f = filter({ flow: 'projected' });
    for (let i = 0; i < events.length; i += 17) {
      log.push(...events.slice(i, i + 17));
      const got = [...rows.update(log, f)];
      const expected = log.flatMap((e, index) => (matchesFilter(e, f) ? [index] : []));
      expect(got).toEqual(expected);
    }
    expect(events.every((e, i) => e.seq === i)).toBe(true);
  });

  it('recomputes after a seek back truncates and refills the same array', () => {
    const log = syntheticEvents(100);
    const rows = new FilteredEvents();
    const f = filter({ pod: 'app' });
    expect(rows.update(log, f)).toHaveLength(34);
    // The store cuts the array in place and pushes new (different) events.
    log.length = 40;
    const replacement = syntheticEvents(100).slice(40).map((e) => ({ ...e, refs: { pod: 'web' } }));
    log.push(...replacement);
    expect([...rows.update(log, f)]).toEqual(log.flatMap((e, i) => (e.refs.pod === 'app' ? [i] : [])));
    log.length = 10;
    expect([...rows.update(log, f)]).toEqual([0, 3, 6, 9]);
  });

  it('recomputes when the filter changes', () => {
    const log = syntheticEvents(50);
    const rows = new FilteredEvents();
    expect(rows.update(log, filter({ flow: 'legacy' }))).toHaveLength(25);
    expect(rows.update(log, filter({ flow: ALL, kinds: new Set<EventKind>(['kubectl']) }))).toHaveLength(12);
  });

  it('keeps up with 100,000 events appended in batches, scanning each event once', () => {
    const log = syntheticEvents(100_000);
    const growing: SimEvent[] = [];
    const rows = new FilteredEvents();
    const f = filter({ flow: 'projected', pod: 'web' });
    const started = performance.now();
    for (let i = 0; i < log.length; i += 500) {
      growing.push(...log.slice(i, i + 500));
      rows.update(growing, f);
    }
    const elapsed = performance.now() - started;
    const expected = log.flatMap((e, i) => (matchesFilter(e, f) ? [i] : []));
    expect([...rows.update(growing, f)]).toEqual(expected);
    // 200 batches over 100,000 events: linear work, far below a frame per batch.
    expect(elapsed).toBeLessThan(2_000);
  });

  it('EventSelection selects one token’s events and restarts for another token', () => {
    const selection = new EventSelection();
    const token3 = selection.update(events, 3, (e) => e.refs.token === 3);
    expect(token3.length).toBeGreaterThan(0);
    expect(token3.every((i) => events[i]?.refs.token === 3)).toBe(true);
    const token0 = selection.update(events, 0, (e) => e.refs.token === 0);
    expect(token0.every((i) => events[i]?.refs.token === 0)).toBe(true);
  });

  it('PodNames lists the pods in the log, sorted', () => {
    expect(new PodNames().update(events)).toEqual(['app']);
    const pods = new PodNames();
    const log = syntheticEvents(10);
    expect(pods.update(log)).toEqual(['app', 'web']);
    log.push({ ...log[0]!, seq: 10, refs: { pod: 'db' } });
    expect(pods.update(log)).toEqual(['app', 'db', 'web']);
  });

  it('AppendOnlyCursor reports new positions, or a reset', () => {
    const cursor = new AppendOnlyCursor<object>();
    const a = {}, b = {}, c = {};
    const list = [a, b];
    expect(cursor.sync(list)).toEqual({ from: 0, reset: true });
    list.push(c);
    expect(cursor.sync(list)).toEqual({ from: 2, reset: false });
    list.length = 2;
    list.push({});
    expect(cursor.sync(list)).toEqual({ from: 0, reset: true });
    expect(cursor.sync([...list])).toEqual({ from: 0, reset: true });
  });

  it('rowIndexOfSeq finds a seq among filtered rows by binary search', () => {
    const rows = [2, 5, 9, 14, 20];
    expect(rowIndexOfSeq(rows, 2)).toBe(0);
    expect(rowIndexOfSeq(rows, 14)).toBe(3);
    expect(rowIndexOfSeq(rows, 20)).toBe(4);
    expect(rowIndexOfSeq(rows, 6)).toBe(-1);
    expect(rowIndexOfSeq(rows, undefined)).toBe(-1);
    expect(rowIndexOfSeq([], 1)).toBe(-1);
  });
});

describe('virtual window', () => {
  const base = { viewportHeight: 360, rowHeight: 36, rowCount: 100_000, overscan: 5 };

  it('renders only the rows in view plus overscan, wherever the scroll is', () => {
    expect(visibleWindow({ ...base, scrollTop: 0 })).toEqual({ start: 0, end: 15, totalHeight: 3_600_000 });
    expect(visibleWindow({ ...base, scrollTop: 36 * 50_000 })).toEqual({ start: 49_995, end: 50_015, totalHeight: 3_600_000 });
    // Half a row scrolled: both partial rows are in view.
    expect(visibleWindow({ ...base, scrollTop: 36 * 100 + 18 })).toEqual({ start: 95, end: 116, totalHeight: 3_600_000 });
    const bottom = visibleWindow({ ...base, scrollTop: 3_600_000 - 360 });
    expect(bottom).toEqual({ start: 99_985, end: 100_000, totalHeight: 3_600_000 });
    for (const scrollTop of [0, 1, 17, 35_999, 1_234_567, 3_599_640]) {
      const w = visibleWindow({ ...base, scrollTop });
      expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(360 / 36) + 1 + 2 * 5);
    }
  });

  it('clamps a scroll position past the end (the list shrank) and handles short or empty lists', () => {
    expect(visibleWindow({ ...base, rowCount: 20, scrollTop: 99_999 })).toEqual({ start: 5, end: 20, totalHeight: 720 });
    expect(visibleWindow({ ...base, rowCount: 3, scrollTop: 0 })).toEqual({ start: 0, end: 3, totalHeight: 108 });
    expect(visibleWindow({ ...base, rowCount: 0, scrollTop: 50 })).toEqual({ start: 0, end: 0, totalHeight: 0 });
    expect(visibleWindow({ ...base, scrollTop: -40 }).start).toBe(0);
  });

  it('scrollTopToReveal scrolls the least needed to show a row completely', () => {
    // Rows 10..19 visible at scrollTop 360.
    expect(scrollTopToReveal(12, 360, 360, 36)).toBe(360);
    expect(scrollTopToReveal(9, 360, 360, 36)).toBe(324);
    expect(scrollTopToReveal(20, 360, 360, 36)).toBe(396);
    expect(scrollTopToReveal(0, 360, 360, 36)).toBe(0);
    expect(scrollTopToReveal(99_999, 0, 360, 36)).toBe(3_600_000 - 360);
  });

  it('isAtBottom tells following from scrolled up', () => {
    const total = 36 * 1000;
    expect(isAtBottom(bottomScrollTop(360, total), 360, total)).toBe(true);
    expect(isAtBottom(total - 360 - 1, 360, total)).toBe(true);
    expect(isAtBottom(total - 360 - 36, 360, total)).toBe(false);
    expect(isAtBottom(0, 360, 100)).toBe(true);
    expect(bottomScrollTop(360, 100)).toBe(0);
  });
});

describe('keyboard movement', () => {
  it('moves with arrows, pages and Home/End, clamped to the rows', () => {
    expect(moveActive('ArrowDown', 4, 10, 5)).toBe(5);
    expect(moveActive('ArrowDown', 9, 10, 5)).toBe(9);
    expect(moveActive('ArrowUp', 4, 10, 5)).toBe(3);
    expect(moveActive('ArrowUp', 0, 10, 5)).toBe(0);
    expect(moveActive('PageDown', 4, 10, 5)).toBe(9);
    expect(moveActive('PageUp', 4, 10, 5)).toBe(0);
    expect(moveActive('Home', 7, 10, 5)).toBe(0);
    expect(moveActive('End', 2, 10, 5)).toBe(9);
  });

  it('starts from the first (or, going up, the last) row when none is active', () => {
    expect(moveActive('ArrowDown', -1, 10, 5)).toBe(0);
    expect(moveActive('ArrowUp', -1, 10, 5)).toBe(9);
  });

  it('ignores other keys and empty tables', () => {
    expect(moveActive('a', 3, 10, 5)).toBeUndefined();
    expect(moveActive('Enter', 3, 10, 5)).toBeUndefined();
    expect(moveActive('ArrowDown', -1, 0, 5)).toBeUndefined();
  });
});
