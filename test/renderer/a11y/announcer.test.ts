/**
 * The live region's pacing and choice of words: milestones are the lesson's turning points only, every-event says
 * everything, nothing is said more often than once per interval, and what was held back is summed up.
 */
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../shared/model/events.ts';
import { Announcer } from '../../../renderer/a11y/announcer.ts';

let seq = 0;
const base = (type: string, atMs: number, message: string, extra: object = {}) =>
  ({ type, seq: seq++, atMs, flow: 'projected', message, cause: '', refs: { namespace: 'default', pod: 'app' }, ...extra }) as unknown as SimEvent;

const issued = (atMs: number, n: number) => base('token.issued', atMs, `kubelet got token #${n} for pod app`, { token: n, kind: 'bound', requester: 'kubelet', extended: false });
const call = (atMs: number, actor: string, ok: boolean) => base(ok ? 'request.allowed' : 'request.denied', atMs, `${actor} → the API server: ${ok ? '200 OK' : '401 Unauthorized'}`, { actor, target: 'api' });

describe('milestones', () => {
  it('names rotations, expiries, leaks, the stolen copy changing fate and faults, and nothing else', () => {
    const a = new Announcer(0);
    a.observe(
      [
        issued(1000, 1),
        call(60_000, 'app-client', true),
        base('token.leaked', 1_800_000, 'attacker copied token #1', { token: 1, actor: 'attacker' }),
        call(1_800_000, 'attacker', true),
        call(2_400_000, 'attacker', true),
        issued(2_887_000, 2),
        base('token.expired', 3_608_000, 'token #1 reached its exp', { token: 1 }),
        call(4_200_000, 'attacker', false),
        call(4_800_000, 'attacker', false),
        base('kubelet.stopped', 7_200_000, 'kubelet on node-1 stopped'),
      ],
      'milestones',
    );
    const said: string[] = [];
    for (let t = 0; ; t++) {
      const text = a.take(t);
      if (text === undefined) break;
      said.push(text);
      a.observe([], 'milestones');
    }
    // With no interval, each take says the latest and sums up the rest.
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^projected, at 2 h 0 m 0 s: kubelet on node-1 stopped \(and 5 more events\)$/);
  });

  it('one at a time, they read as sentences with their flow and time', () => {
    const a = new Announcer(0);
    const said = (events: SimEvent[]) => {
      a.observe(events, 'milestones');
      return a.take(0);
    };
    expect(said([issued(1000, 1)])).toBeUndefined();
    expect(said([base('token.leaked', 1_800_000, 'attacker copied token #1', { token: 1, actor: 'attacker' })])).toBe('projected, at 30 m 0 s: attacker copied token #1');
    expect(said([call(1_800_000, 'attacker', true)])).toBe('projected, at 30 m 0 s: stolen token accepted: attacker → the API server: 200 OK');
    expect(said([call(2_400_000, 'attacker', true)])).toBeUndefined();
    expect(said([issued(2_887_000, 2)])).toBe('projected, at 48 m 7 s: token rotated: kubelet got token #2 for pod app');
    expect(said([call(4_200_000, 'attacker', false)])).toBe('projected, at 1 h 10 m 0 s: stolen token refused: attacker → the API server: 401 Unauthorized');
    expect(said([call(60_000, 'app-client', false)])).toBeUndefined();
  });
});

describe('pacing', () => {
  it('says at most one thing per interval and sums up what waited', () => {
    const a = new Announcer(2000);
    a.observe([call(0, 'app-client', true)], 'every-event');
    expect(a.take(10_000)).toBe('projected, at 0 s: app-client → the API server: 200 OK');
    a.observe([call(60_000, 'app-client', true), call(120_000, 'app-client', true), issued(180_000, 1), call(240_000, 'app-client', true)], 'every-event');
    expect(a.dueInMs(10_500)).toBe(1500);
    expect(a.take(11_000)).toBeUndefined();
    expect(a.take(12_000)).toBe('projected, at 4 m 0 s: app-client → the API server: 200 OK (and 3 more events)');
    expect(a.take(20_000)).toBeUndefined();
    expect(a.dueInMs(20_000)).toBeUndefined();
  });

  it('says nothing when off, yet still recognises the next rotation once turned on', () => {
    const a = new Announcer(0);
    a.observe([issued(1000, 1), base('token.expired', 3_608_000, 'token #1 reached its exp', { token: 1 })], 'off');
    expect(a.take(0)).toBeUndefined();
    a.observe([issued(2_887_000, 2)], 'milestones');
    expect(a.take(0)).toMatch(/token rotated/);
  });

  it('forgets what it held and what it knew on reset', () => {
    const a = new Announcer(0);
    a.observe([issued(1000, 1)], 'milestones');
    a.reset();
    a.observe([issued(2_887_000, 2)], 'milestones');
    expect(a.take(0)).toBeUndefined();
  });
});
