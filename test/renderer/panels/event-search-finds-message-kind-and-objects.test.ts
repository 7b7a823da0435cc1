/**
 * The event search matches each word of the query, in any case, against an event's message, its kind (type and
 * words) and the objects it concerns; and it keeps up with a growing log without rescanning it, answering the same
 * result while nothing changed, and starting over after a seek cuts the log back.
 */
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../shared/model/events.ts';
import { eventMatches, queryWords } from '../../../renderer/panels/event-table-model.ts';
import { EventSearchMatches } from '../../../renderer/panels/event-search.ts';

function event(seq: number, fields: Partial<SimEvent> & Pick<SimEvent, 'type'>): SimEvent {
  return { seq, atMs: seq * 1000, flow: 'projected', message: '', cause: 'the reason is not searched', refs: {}, ...fields } as SimEvent;
}

const LOG: SimEvent[] = [
  event(0, { type: 'pod.created', message: 'pod app created', refs: { namespace: 'demo', pod: 'app', serviceAccount: 'builder' }, serviceAccount: 'builder' }),
  event(1, { type: 'token.issued', message: 'token #1 issued to the kubelet', refs: { pod: 'app', token: 0 } }),
  event(2, { type: 'token.expired', message: 'token #1 passed its exp', refs: { pod: 'app', token: 0 }, flow: 'legacy' }),
  event(3, { type: 'request.denied', message: 'API server refused the call', refs: { actor: 'mallory', secret: 'old-secret' } }),
];

const found = (query: string) => LOG.filter((e) => eventMatches(e, queryWords(query))).map((e) => e.seq);

describe('what a search matches', () => {
  it('the message, in any case', () => {
    expect(found('REFUSED')).toEqual([3]);
    expect(found('token #1')).toEqual([1, 2]);
  });

  it('the kind, by its type or its words', () => {
    expect(found('token.expired')).toEqual([2]);
    expect(found('request denied')).toEqual([3]);
  });

  it('the objects: flow, pod, ServiceAccount, Secret, actor', () => {
    expect(found('legacy')).toEqual([2]);
    expect(found('builder')).toEqual([0]);
    expect(found('old-secret')).toEqual([3]);
    expect(found('mallory')).toEqual([3]);
    expect(found('app')).toEqual([0, 1, 2]);
  });

  it('every word, and nothing for a blank query or the cause', () => {
    expect(found('app expired')).toEqual([2]);
    expect(found('app nothing-like-this')).toEqual([]);
    expect(found('   ')).toEqual([]);
    expect(found('reason')).toEqual([]);
  });
});

describe('the matches of a growing log', () => {
  it('grows with the log, answers the same result while nothing changed, and starts over on a new query or a cut', () => {
    const search = new EventSearchMatches();
    const log = LOG.slice(0, 2);
    const first = search.update(log, 'token');
    expect(first.seqs).toEqual([1]);
    expect(search.update(log, 'token')).toBe(first);
    log.push(LOG[2]!, LOG[3]!);
    const grown = search.update(log, 'token');
    expect(grown).not.toBe(first);
    expect(grown.seqs).toEqual([1, 2]);
    expect(search.update(log, 'mallory').seqs).toEqual([3]);
    log.length = 1;
    expect(search.update(log, 'mallory').seqs).toEqual([]);
    expect(search.update(log, '').words).toEqual([]);
  });
});
