/** The agenda: a min-heap ordered by (atMs, seq), seq being the order of scheduling. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createQueue, peekAction, popAction, pushAction, type EventQueue } from '../../../shared/sim/event-queue.ts';
import { deepClone } from '../../../shared/sim/deep-clone.ts';

function drain<A>(queue: EventQueue<A>): Array<{ atMs: number; seq: number; action: A }> {
  const out = [];
  for (let item = popAction(queue); item !== undefined; item = popAction(queue)) out.push(item);
  return out;
}

describe('event queue', () => {
  it('an empty queue peeks and pops undefined', () => {
    const q = createQueue<string>();
    expect(peekAction(q)).toBeUndefined();
    expect(popAction(q)).toBeUndefined();
  });

  it('pops by time, and actions at the same time in the order they were pushed', () => {
    const q = createQueue<string>();
    pushAction(q, 30, 'c');
    pushAction(q, 10, 'a1');
    pushAction(q, 20, 'b');
    pushAction(q, 10, 'a2');
    pushAction(q, 10, 'a3');
    pushAction(q, 0, 'z');
    expect(drain(q).map((i) => i.action)).toEqual(['z', 'a1', 'a2', 'a3', 'b', 'c']);
  });

  it('peek shows what pop returns next, without removing it', () => {
    const q = createQueue<string>();
    pushAction(q, 5, 'x');
    pushAction(q, 1, 'y');
    expect(peekAction(q)).toEqual({ atMs: 1, seq: 1, action: 'y' });
    expect(popAction(q)).toEqual({ atMs: 1, seq: 1, action: 'y' });
    expect(peekAction(q)).toEqual({ atMs: 5, seq: 0, action: 'x' });
  });

  it('seq keeps counting after pops, so a later push at an equal time goes after earlier ones', () => {
    const q = createQueue<string>();
    pushAction(q, 10, 'first');
    popAction(q);
    pushAction(q, 10, 'second');
    pushAction(q, 10, 'third');
    expect(drain(q).map((i) => [i.action, i.seq])).toEqual([['second', 1], ['third', 2]]);
  });

  it('a deep copy of the queue (a snapshot) pops the same sequence as the original', () => {
    const q = createQueue<number>();
    [5, 3, 5, 1, 3].forEach((t, i) => pushAction(q, t, i));
    const copy = deepClone(q);
    expect(drain(copy)).toEqual(drain(q));
  });
});

describe('properties', () => {
  const times = fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 });

  it('random pushes pop in (atMs, seq) order, equal to a stable sort of the pushes by time', () => {
    fc.assert(
      fc.property(times, (ts) => {
        const q = createQueue<number>();
        ts.forEach((t, i) => pushAction(q, t, i));
        const popped = drain(q);
        const reference = ts.map((t, i) => ({ atMs: t, seq: i, action: i })).sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
        expect(popped).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it('interleaved pushes and pops match a sorted-array model', () => {
    const op = fc.oneof(fc.record({ push: fc.integer({ min: 0, max: 15 }) }), fc.constant({ pop: true as const }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const q = createQueue<number>();
        let model: Array<{ atMs: number; seq: number; action: number }> = [];
        let seq = 0;
        for (const o of ops) {
          if ('push' in o) {
            pushAction(q, o.push, seq);
            model.push({ atMs: o.push, seq, action: seq });
            seq += 1;
            model = model.sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
          } else {
            expect(popAction(q)).toEqual(model.shift());
          }
          expect(peekAction(q)).toEqual(model[0]);
          expect(q.heap).toHaveLength(model.length);
        }
        expect(drain(q)).toEqual(model);
      }),
      { numRuns: 300 },
    );
  });
});
