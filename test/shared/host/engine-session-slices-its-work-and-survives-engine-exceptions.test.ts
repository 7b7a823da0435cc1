/**
 * The session never blocks its host for long and never lets an engine exception escape: a seek to the end of a long
 * scenario is done in slices (with progress, and a cancel), commands that arrive meanwhile wait their turn, a run that
 * reaches a work budget stops there and says why, and when the engine throws the session reports the command and
 * goes back to its last good state. The wall-time bounds are generous: a one-year seek once blocked for 58 s.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineSession, type HostPorts } from '../../../shared/host/engine-session.ts';
import { Simulation } from '../../../shared/engine/simulation.ts';
import type { EngineCommand, EngineMessage } from '../../../shared/rpc/engine-protocol.ts';
import { singleFlow } from '../../support/run-scenario.ts';
import { TimelineStore } from '../../../renderer/state/timeline-store.ts';

/**
 * Far above one slice's 12 ms budget (a garbage collection on a busy machine can take a good part of it), far below a
 * freeze.
 */
const LONGEST_SLICE_MS = 1_000;
const DAY_MS = 86_400_000;

/** A host on the real wall clock whose timers run when `drain` says, each callback's own duration recorded. */
function timedHost() {
  const sent: EngineMessage[] = [];
  const timers: Array<{ id: number; run: () => void }> = [];
  let nextId = 1;
  const slices: number[] = [];
  const ports: HostPorts = {
    wallNowMs: () => performance.now(),
    setTimer: (run) => {
      const id = nextId++;
      timers.push({ id, run });
      return id;
    },
    clearTimer: (id) => {
      const at = timers.findIndex((t) => t.id === id);
      if (at >= 0) timers.splice(at, 1);
    },
    send: (message) => sent.push(message),
  };
  const timed = async (run: () => unknown) => {
    const start = performance.now();
    await run();
    slices.push(performance.now() - start);
  };
  return {
    ports,
    sent,
    slices,
    timed,
    /** Runs due timers (one at a time, in order) until none is left or `until` holds; the play timer is left alone. */
    async drain(until: () => boolean = () => false, maxRuns = 100_000) {
      for (let runs = 0; runs < maxRuns && timers.length > 0 && !until(); runs++) await timed(timers.shift()!.run);
    },
  };
}

function ofType<T extends EngineMessage['type']>(sent: EngineMessage[], type: T): Extract<EngineMessage, { type: T }>[] {
  return sent.filter((m): m is Extract<EngineMessage, { type: T }> => m.type === type);
}

const lastNow = (sent: EngineMessage[]) => ofType(sent, 'progress').at(-1)?.nowMs;

afterEach(() => vi.restoreAllMocks());

describe('a long seek', () => {
  const YEAR = singleFlow({ version: '1.30', duration: '365d' });

  it('is done in slices, each well under a freeze, reporting how far it got', async () => {
    const host = timedHost();
    const session = new EngineSession(host.ports);
    await host.timed(() => session.handle({ type: 'load', scenarioText: YEAR, sourceName: 'year.yaml' }));
    await host.drain();
    await host.timed(() => session.handle({ type: 'seek', simMs: 365 * DAY_MS }));
    expect(lastNow(host.sent)).toBeLessThan(365 * DAY_MS);
    await host.drain();
    expect(lastNow(host.sent)).toBe(365 * DAY_MS);
    const working = ofType(host.sent, 'working').filter((w) => w.command === 'seek');
    expect(working.length).toBeGreaterThan(1);
    expect(working.map((w) => w.fraction)).toEqual([...working.map((w) => w.fraction)].sort((a, b) => a - b));
    expect(working.at(-1)).toEqual({ type: 'working', command: 'seek', fraction: 1, done: true });
    expect(Math.max(...host.slices)).toBeLessThan(LONGEST_SLICE_MS);
  });

  it('can be cancelled: the clock stays where the seek got to, and the next command runs at once', async () => {
    const host = timedHost();
    const session = new EngineSession(host.ports);
    // Ten years: a year now replays in about a tenth of a second, too soon to be sure of catching it under way.
    await session.handle({ type: 'load', scenarioText: singleFlow({ version: '1.30', duration: '3650d' }), sourceName: 'decade.yaml' });
    await session.handle({ type: 'seek', simMs: 3650 * DAY_MS });
    await host.drain(() => ofType(host.sent, 'working').length >= 2);
    await session.handle({ type: 'cancel' });
    const stoppedAt = lastNow(host.sent)!;
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(3650 * DAY_MS);
    expect(ofType(host.sent, 'working').at(-1)).toMatchObject({ done: true });
    await session.handle({ type: 'kubectl', flow: 'f', line: 'get pods -o name', requestId: 1 });
    expect(ofType(host.sent, 'kubectl-result')[0]).toMatchObject({ stdout: 'pod/app\n', exitCode: 0 });
  });

  it('queues the commands that arrive meanwhile and answers them, in order, once it is done', async () => {
    const host = timedHost();
    const session = new EngineSession(host.ports);
    await session.handle({ type: 'load', scenarioText: YEAR, sourceName: 'year.yaml' });
    await session.handle({ type: 'seek', simMs: 200 * DAY_MS });
    await session.handle({ type: 'kubectl', flow: 'f', line: 'get pods -o name', requestId: 2 });
    expect(ofType(host.sent, 'kubectl-result')).toEqual([]);
    await host.drain(() => ofType(host.sent, 'kubectl-result').length > 0);
    expect(ofType(host.sent, 'kubectl-result')[0]).toMatchObject({ requestId: 2, stdout: 'pod/app\n' });
    expect(lastNow(host.sent)).toBe(200 * DAY_MS);
  });
});

describe('a seek forward over a future computed before', () => {
  const pods = Array.from({ length: 99 }, (_, i) => `      ---\n      {apiVersion: v1, kind: Pod, metadata: {name: p${i}}, spec: {serviceAccountName: my-app, containers: [{name: c, image: i}]}}\n`).join('');
  const BUSY = singleFlow({ version: '1.30', duration: '3d', steps: `  - at: 1s\n    apply: |\n${pods}` });

  /** The event and token log the UI shows after these batches, applied by the renderer's store. */
  function uiLog(sent: EngineMessage[]) {
    const store = new TimelineStore();
    for (const message of ofType(sent, 'progress')) {
      store.apply(message);
      const { events, tokens } = store.getSnapshot();
      for (let i = message.fromEvent; i < events.length; i++) {
        const event = events[i]!;
        const token = 'token' in event ? event.token : undefined;
        if (token !== undefined) expect(token, 'an event names a token the UI does not have yet').toBeLessThan(tokens.length);
      }
    }
    const { events, tokens } = store.getSnapshot();
    return { events: [...events], tokens: [...tokens] };
  }

  it('restores a later snapshot and shows again what the UI kept, sending no event twice', async () => {
    const host = timedHost();
    const session = new EngineSession(host.ports);
    await session.handle({ type: 'load', scenarioText: BUSY, sourceName: 'busy.yaml' });
    await session.handle({ type: 'seek', simMs: 3 * DAY_MS });
    await host.drain();
    const computed = uiLog(host.sent);
    await session.handle({ type: 'seek', simMs: 0 });
    await host.drain();
    const before = ofType(host.sent, 'progress').length;
    await session.handle({ type: 'seek', simMs: 3 * DAY_MS });
    await host.drain();
    const forward = ofType(host.sent, 'progress').slice(before);
    expect(forward.flatMap((m) => m.events)).toEqual([]);
    expect(forward.flatMap((m) => m.tokens)).toEqual([]);
    expect(JSON.stringify(uiLog(host.sent))).toBe(JSON.stringify(computed));
    expect(lastNow(host.sent)).toBe(3 * DAY_MS);
  });

  it('after a console line changed that future, sends what the UI lacks a slice at a time, each token before the events that name it', async () => {
    const host = timedHost();
    // A clock that moves a millisecond each time it is read: a slice's 12 ms budget then allows the same number of
    // looks at it on any machine, so how the batches are cut does not depend on the machine's speed.
    let clockMs = 0;
    const session = new EngineSession({ ...host.ports, wallNowMs: () => (clockMs += 1) });
    await session.handle({ type: 'load', scenarioText: BUSY, sourceName: 'busy.yaml' });
    await session.handle({ type: 'seek', simMs: 3 * DAY_MS });
    await host.drain();
    await session.handle({ type: 'seek', simMs: DAY_MS });
    await host.drain();
    await session.handle({ type: 'kubectl', flow: 'f', line: 'delete pod p0', requestId: 1 });
    await host.drain();
    expect(ofType(host.sent, 'kubectl-result')[0]).toMatchObject({ exitCode: 0 });
    const before = ofType(host.sent, 'progress').length;
    const shown = uiLog(host.sent).events.length;
    host.slices.length = 0;
    await host.timed(() => session.handle({ type: 'seek', simMs: 3 * DAY_MS }));
    await host.drain();

    // The same run from scratch, with the console line at the same instant: what the UI must show in the end.
    const reference = timedHost();
    const fresh = new EngineSession(reference.ports);
    await fresh.handle({ type: 'load', scenarioText: BUSY, sourceName: 'busy.yaml' });
    await fresh.handle({ type: 'seek', simMs: DAY_MS });
    await reference.drain();
    await fresh.handle({ type: 'kubectl', flow: 'f', line: 'delete pod p0', requestId: 1 });
    await fresh.handle({ type: 'seek', simMs: 3 * DAY_MS });
    await reference.drain();
    const expected = uiLog(reference.sent);

    const batches = ofType(host.sent, 'progress').slice(before).map((m) => m.events.length);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(expected.events.length - shown);
    expect(Math.max(...batches), `batches of ${batches.join(', ')} events`).toBeLessThan(expected.events.length / 3);
    expect(JSON.stringify(uiLog(host.sent))).toBe(JSON.stringify(expected));
    expect(lastNow(host.sent)).toBe(3 * DAY_MS);
    expect(Math.max(...host.slices)).toBeLessThan(LONGEST_SLICE_MS);
  });
});

describe('a run that reaches the work budget', () => {
  it('loads a thirty-year, one-pod scenario with a warning, stops cleanly at the budget, and says which step logged most', async () => {
    const host = timedHost();
    const session = new EngineSession(host.ports);
    await session.handle({ type: 'load', scenarioText: singleFlow({ version: '1.30', duration: '10950d' }), sourceName: 'thirty-years.yaml' });
    await host.drain();
    expect(ofType(host.sent, 'loaded')[0]!.scenario.workWarning).toMatch(/^This scenario implies about [\d,]+ events; TokenScope keeps at most 500,000 per run, so it will stop at about 11 y \d+ d of 30 y\./);
    await session.handle({ type: 'seek', simMs: 10950 * DAY_MS });
    await host.drain();
    const [halted] = ofType(host.sent, 'halted');
    expect(halted!.message).toMatch(/^The simulation stopped at 11 y \d+ d: it reached TokenScope's limit of 500,000 events per run\. Most came from pod app, made by the step at line \d+ \(the kubelet refreshing pod app's token every 48 m/);
    expect(lastNow(host.sent)).toBe(halted!.atMs);
    expect(Math.max(...host.slices)).toBeLessThan(LONGEST_SLICE_MS);
    // Playing from there ends at once instead of spinning; the console says why it cannot run there.
    await session.handle({ type: 'kubectl', flow: 'f', line: 'get pods', requestId: 3 });
    expect(ofType(host.sent, 'kubectl-result')[0]!.stderr).toMatch(/^error: The simulation stopped at 11 y/);
  });
});

describe('an exception from the engine', () => {
  const DAY = singleFlow({ version: '1.30', duration: '24h' });

  /** Makes the engine throw on the first action it dispatches at or after `fromMs`. */
  function breakEngineAt(fromMs: number) {
    const dispatch = (Simulation.prototype as unknown as { dispatch(action: unknown): void }).dispatch;
    return vi.spyOn(Simulation.prototype as unknown as { dispatch(action: unknown): void }, 'dispatch').mockImplementation(function (this: Simulation, action: unknown) {
      if (this.nowMs >= fromMs) throw new Error('invariant broken');
      dispatch.call(this, action);
    });
  }

  it('while playing: reported with the command, the clock goes back to the last good instant, and it stays fenced off', async () => {
    const host = timedHost();
    let wall = 0;
    const ports = { ...host.ports, wallNowMs: () => wall };
    const session = new EngineSession(ports);
    await session.handle({ type: 'load', scenarioText: DAY, sourceName: 'day.yaml' });
    await session.handle({ type: 'seek', simMs: 3 * 3_600_000 });
    breakEngineAt(4 * 3_600_000);
    await session.handle({ type: 'set-speed', speed: 3600 });
    await session.handle({ type: 'play' });
    wall += 2 * 3600;
    await host.drain(() => ofType(host.sent, 'error').length > 0 && ofType(host.sent, 'working').some((w) => w.done));
    await host.drain();
    const [error] = ofType(host.sent, 'error');
    expect(error).toMatchObject({ command: 'play' });
    expect(error!.message).toMatch(/^play failed at 4 h( \d+ m)?: invariant broken\. The simulation goes back to 3 h( \d+ m)?\. It cannot run past 4 h/);
    const progress = ofType(host.sent, 'progress').at(-1)!;
    expect(progress.playing).toBe(false);
    expect(progress.nowMs).toBe(3 * 3_600_000);
    // A seek past the fault stops just before it instead of throwing again, and so does play.
    await session.handle({ type: 'seek', simMs: 20 * 3_600_000 });
    await host.drain();
    const fencedAt = lastNow(host.sent)!;
    expect(fencedAt).toBeGreaterThanOrEqual(4 * 3_600_000 - 1);
    expect(fencedAt).toBeLessThan(5 * 3_600_000);
    await session.handle({ type: 'play' });
    expect(ofType(host.sent, 'error')).toHaveLength(1);
  });

  it('in a console line: the console gets its answer at once, the line is dropped, and the session carries on', async () => {
    const host = timedHost();
    const session = new EngineSession(host.ports);
    await session.handle({ type: 'load', scenarioText: DAY, sourceName: 'day.yaml' });
    await session.handle({ type: 'seek', simMs: 3_600_000 });
    await host.drain();
    const run = vi.spyOn(Simulation.prototype, 'runUserCommand').mockImplementationOnce(() => {
      throw new Error('invariant broken');
    });
    const line: EngineCommand = { type: 'kubectl', flow: 'f', line: 'create token my-app', requestId: 4 };
    await expect(session.handle(line)).resolves.toBeUndefined();
    expect(ofType(host.sent, 'kubectl-result')[0]).toMatchObject({ requestId: 4, exitCode: 1, stderr: 'error: the simulator failed on this command: invariant broken\n' });
    expect(ofType(host.sent, 'error')[0]).toMatchObject({ command: 'kubectl', requestId: 4, message: expect.stringContaining('without that command') });
    run.mockRestore();
    await host.drain();
    expect(lastNow(host.sent)).toBe(3_600_000);
    await session.handle({ type: 'kubectl', flow: 'f', line: 'get pods -o name', requestId: 5 });
    expect(ofType(host.sent, 'kubectl-result')[1]).toMatchObject({ requestId: 5, stdout: 'pod/app\n' });
  });

  it('asking for a token that does not exist is an error message, not an exception', async () => {
    const host = timedHost();
    const session = new EngineSession(host.ports);
    await session.handle({ type: 'load', scenarioText: DAY, sourceName: 'day.yaml' });
    await host.drain();
    await session.handle({ type: 'inspect-token', token: 99, requestId: 6 });
    expect(ofType(host.sent, 'error')[0]).toMatchObject({ command: 'inspect-token', requestId: 6, message: expect.stringContaining('there is no token #100') });
  });
});
