/**
 * The real EngineSession and the real TimelineStore for lesson tests, joined by fake host ports: the wall clock moves
 * only when a test calls `play(simMs)`, so the session's budgeted ticks run to their target at once and the lesson
 * sees exactly the batches a desktop or worker host would send.
 */
import { EngineSession, TICK_MS, type HostPorts } from '../../../../shared/host/engine-session.ts';
import type { EngineCommand, EngineMessage } from '../../../../shared/rpc/engine-protocol.ts';
import { withRequests, type EngineClient } from '../../../../renderer/bridge/engine-client.ts';
import { TimelineStore, type TimelineSnapshot } from '../../../../renderer/state/timeline-store.ts';

export class FakeEngine implements EngineClient {
  readonly store = new TimelineStore();
  readonly sent: EngineCommand[] = [];
  private wallMs = 0;
  private pendingTick: (() => void) | undefined;
  private readonly listeners = new Set<(message: EngineMessage) => void>();
  readonly request: EngineClient['request'] = withRequests({ send: (command) => this.send(command), onMessage: (listener) => this.onMessage(listener) }).request;
  private readonly session: EngineSession;
  private pending: Promise<void> = Promise.resolve();

  constructor() {
    const ports: HostPorts = {
      wallNowMs: () => this.wallMs,
      setTimer: (callback) => {
        this.pendingTick = callback;
        return callback;
      },
      clearTimer: (handle) => {
        if (this.pendingTick === handle) this.pendingTick = undefined;
      },
      send: (message) => this.emit(message),
    };
    this.session = new EngineSession(ports);
  }

  get playing(): boolean {
    return this.store.getSnapshot().playing;
  }

  send(command: EngineCommand): void {
    this.sent.push(command);
    const handled = this.session.handle(command);
    this.pending = this.pending.then(() => handled);
  }

  /** Resolves once every command sent so far has been handled (console lines resolve their JWTs asynchronously). */
  settled(): Promise<void> {
    return this.pending;
  }

  onMessage(listener: (message: EngineMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): TimelineSnapshot {
    return this.store.getSnapshot();
  }

  /** What the wall clock would do while playing: enough wall time passes for `simMs` at the current speed. */
  play(simMs: number): void {
    const tick = this.pendingTick;
    if (!tick) return;
    this.pendingTick = undefined;
    this.wallMs += Math.max(TICK_MS, simMs / this.store.getSnapshot().speed);
    tick();
  }

  commandsOf<T extends EngineCommand['type']>(type: T): Extract<EngineCommand, { type: T }>[] {
    return this.sent.filter((c): c is Extract<EngineCommand, { type: T }> => c.type === type);
  }

  private emit(message: EngineMessage): void {
    this.store.apply(message);
    for (const listener of this.listeners) listener(message);
  }
}
