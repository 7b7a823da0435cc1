/**
 * The inspector's pure parts: the heading for real tokens of every kind, the verification line (✓ with the time, ✗
 * with Kubernetes' exact error), and the throttle that keeps inspect-token requests at two a second or fewer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Simulation } from '../../../shared/engine/simulation.ts';
import { summarizeToken } from '../../../shared/host/engine-session.ts';
import type { SimEvent } from '../../../shared/model/events.ts';
import type { TokenSummary } from '../../../shared/rpc/engine-protocol.ts';
import { parseScenario } from '../../../shared/scenario/parse-scenario.ts';
import {
  createThrottle,
  findToken,
  INSPECT_INTERVAL_MS,
  tokenHeading,
  verificationLine,
  type Clock,
} from '../../../renderer/panels/inspector-model.ts';
import { CLAIMS_SCENARIO, REPO_ROOT } from './cli-tokens.ts';

function run(yaml: string): { tokens: TokenSummary[]; events: SimEvent[] } {
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  const sim = new Simulation(parsed.value);
  sim.runUntil(parsed.value.durationMs);
  return { tokens: sim.tokens.map(summarizeToken), events: [...sim.events] };
}

let sideBySide: ReturnType<typeof run>;
let claims: ReturnType<typeof run>;

beforeAll(() => {
  sideBySide = run(readFileSync(join(REPO_ROOT, 'assets/scenarios/side-by-side.yaml'), 'utf8'));
  claims = run(CLAIMS_SCENARIO);
});

function issuedEvent(events: SimEvent[], index: number) {
  return events.find((e) => e.type === 'token.issued' && e.token === index);
}

function headingOf(data: ReturnType<typeof run>, pick: (t: TokenSummary) => boolean): string {
  const token = data.tokens.find(pick);
  if (!token) throw new Error('no such token');
  return tokenHeading(token, issuedEvent(data.events, token.index));
}

describe('tokenHeading', () => {
  it('names the kubelet’s pod token "projected", as in the sketch', () => {
    expect(headingOf(sideBySide, (t) => t.flow === 'projected' && t.number === 3)).toBe('Token #3 · projected · pod app');
  });

  it('names a legacy token by its Secret', () => {
    expect(headingOf(sideBySide, (t) => t.flow === 'legacy' && t.number === 1)).toMatch(/^Token #1 · legacy · Secret default-token-[a-z0-9]{5}$/);
  });

  it('names kubectl tokens "bound", with the object they are bound to', () => {
    expect(headingOf(claims, (t) => t.boundObject?.kind === 'Secret')).toMatch(/^Token #\d+ · bound · Secret plain$/);
    expect(headingOf(claims, (t) => t.boundObject?.kind === 'Node')).toMatch(/^Token #\d+ · bound · node node-1$/);
  });
});

describe('findToken', () => {
  it('finds by global index, in dense and sparse arrays', () => {
    expect(findToken(sideBySide.tokens, 4)?.index).toBe(4);
    expect(findToken(sideBySide.tokens.slice(2), 4)?.index).toBe(4);
    expect(findToken(sideBySide.tokens, 9999)).toBeUndefined();
    expect(findToken(sideBySide.tokens, undefined)).toBeUndefined();
  });
});

describe('verificationLine', () => {
  it('✓ accepted, with the simulated time of the answer', () => {
    const line = verificationLine({ ok: true, username: 'system:serviceaccount:default:my-app', atMs: (2 * 3600 + 13 * 60 + 40) * 1000 }, 8020_000);
    expect(line).toEqual({
      ok: true,
      symbol: '✓',
      text: 'accepted by the API server at 2 h 13 m',
      at: '2 h 13 m',
      username: 'system:serviceaccount:default:my-app',
      stale: false,
    });
  });

  it('✗ rejected, with the exact Kubernetes error text, and stale while a newer answer is due', () => {
    const line = verificationLine({ ok: false, error: 'service account token has expired', atMs: 3_600_000 }, 3_700_000);
    expect(line).toMatchObject({ ok: false, symbol: '✗', text: 'rejected by the API server at 1 h', error: 'service account token has expired', stale: true });
  });
});

describe('createThrottle', () => {
  function fakeClock() {
    let now = 0;
    let timers: Array<{ at: number; callback: () => void; id: number }> = [];
    let nextId = 1;
    const clock: Clock = {
      now: () => now,
      setTimer: (callback, delayMs) => {
        const id = nextId++;
        timers.push({ at: now + delayMs, callback, id });
        return id;
      },
      clearTimer: (handle) => {
        timers = timers.filter((t) => t.id !== handle);
      },
    };
    const advance = (ms: number) => {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.callback();
      }
      now = end;
    };
    return { clock, advance, pending: () => timers.length };
  }

  it('runs the first call at once and at most one per interval after that, the latest winning', () => {
    const { clock, advance } = fakeClock();
    const throttle = createThrottle(INSPECT_INTERVAL_MS, clock);
    const sent: Array<{ at: number; value: number }> = [];
    // 20 clock batches a second for 3 s, as the engine sends progress while playing.
    for (let i = 0; i < 60; i++) {
      throttle.call(() => sent.push({ at: clock.now(), value: i }));
      advance(50);
    }
    advance(1000);
    expect(sent[0]).toEqual({ at: 0, value: 0 });
    for (let i = 1; i < sent.length; i++) expect((sent[i]?.at ?? 0) - (sent[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(INSPECT_INTERVAL_MS);
    // At most 2 per second: 3 s of calls (plus the trailing one) is 7 runs or fewer.
    expect(sent.length).toBeLessThanOrEqual(7);
    expect(sent.at(-1)?.value).toBe(59);
  });

  it('runs at once again after a quiet interval', () => {
    const { clock, advance } = fakeClock();
    const throttle = createThrottle(500, clock);
    const sent: number[] = [];
    throttle.call(() => sent.push(clock.now()));
    advance(800);
    throttle.call(() => sent.push(clock.now()));
    expect(sent).toEqual([0, 800]);
  });

  it('cancel drops a pending call', () => {
    const { clock, advance, pending } = fakeClock();
    const throttle = createThrottle(500, clock);
    const sent: string[] = [];
    throttle.call(() => sent.push('a'));
    throttle.call(() => sent.push('b'));
    expect(pending()).toBe(1);
    throttle.cancel();
    advance(2000);
    expect(sent).toEqual(['a']);
  });
});
