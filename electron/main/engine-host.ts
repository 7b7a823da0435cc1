/**
 * One EngineSession per window, in the main process, pushing its messages to that window's renderer.
 *
 * The session batches per tick (20 a second while playing), but every command also flushes a batch, so a renderer
 * that scrubs a seek slider could otherwise ask for hundreds of batches a second, each possibly re-sending the whole
 * event log after a backward seek. Progress batches are therefore merged and pushed at most once per
 * MIN_PUSH_INTERVAL_MS (give or take PUSH_SLACK_MS); any other message first releases the pending batch so the order the renderer sees is
 * unchanged.
 */
import type { EngineCommand, EngineMessage } from '../../shared/rpc/engine-protocol.ts';
import { EngineSession, type HostPorts } from '../../shared/host/engine-session.ts';
import { IpcChannel } from '../../shared/ipc/ipc-contract.ts';

export const MIN_PUSH_INTERVAL_MS = 50;
/**
 * Ticks and timers drift by a few ms. A batch arriving this close to the interval goes out at once, and a held batch
 * waits this much longer, so a tick due at the same moment joins it instead of being held back a whole interval
 * (which, with ticks also 50 ms apart, would otherwise repeat for every tick).
 */
export const PUSH_SLACK_MS = 5;

type ProgressMessage = Extract<EngineMessage, { type: 'progress' }>;

/** The window side of the host: Electron's webContents, or a fake in tests. */
export interface MessageTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export type Clock = Pick<HostPorts, 'wallNowMs' | 'setTimer' | 'clearTimer'>;

export const systemClock: Clock = {
  wallNowMs: () => performance.now(),
  setTimer: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * One batch with the effect of applying `a` then `b`, or undefined when there is none. The renderer cuts its log to
 * `fromEvent`, shows the next `keptEvents` it kept again, and appends `events`, which replace what it kept after them
 * (tokens alike). When `a` brings new entries and `b` cuts back into them without bringing its own, the renderer must
 * keep `a`'s entries past its shown log, which one batch cannot say: the two go separately.
 */
export function mergeProgress(a: ProgressMessage, b: ProgressMessage): ProgressMessage | undefined {
  const events = mergeLog(a.fromEvent, a.keptEvents, a.events, b.fromEvent, b.keptEvents, b.events);
  const tokens = mergeLog(a.fromToken, a.keptTokens, a.tokens, b.fromToken, b.keptTokens, b.tokens);
  if (!events || !tokens) return undefined;
  return {
    ...b,
    fromEvent: events.from,
    keptEvents: events.kept,
    events: events.added,
    fromToken: tokens.from,
    keptTokens: tokens.kept,
    tokens: tokens.added,
    lagMs: Math.max(a.lagMs, b.lagMs),
  };
}

function mergeLog<T>(aFrom: number, aKept: number, aAdded: T[], bFrom: number, bKept: number, bAdded: T[]): { from: number; kept: number; added: T[] } | undefined {
  const from = Math.min(aFrom, bFrom);
  const aKeptTo = aFrom + aKept;
  const bKeptTo = bFrom + bKept;
  // Without new entries in `a`, the renderer's kept log is the same before and after it.
  if (aAdded.length === 0) return { from, kept: bKeptTo - from, added: bAdded };
  if (bKeptTo <= aKeptTo) return bAdded.length > 0 ? { from, kept: bKeptTo - from, added: bAdded } : undefined;
  const aUsed = bKeptTo - aKeptTo;
  if (bAdded.length === 0 && aUsed < aAdded.length) return undefined;
  return { from, kept: aKeptTo - from, added: [...aAdded.slice(0, aUsed), ...bAdded] };
}

export class EngineHost {
  private session: EngineSession | undefined;
  private playing = false;
  private pending: ProgressMessage | undefined;
  private lastPushMs = Number.NEGATIVE_INFINITY;
  private pushTimer: unknown;
  private disposed = false;

  constructor(
    private readonly target: MessageTarget,
    private readonly clock: Clock = systemClock,
  ) {
    this.session = this.createSession();
  }

  /** Whether the engine last reported itself playing: what the menu's Play/Pause toggles. */
  get isPlaying(): boolean {
    return this.playing;
  }

  async handle(command: EngineCommand): Promise<void> {
    const session = this.session;
    if (this.disposed || !session) return;
    try {
      await session.handle(command);
    } catch (error) {
      // An engine bug must reach the user as a message, not take the main process down with it.
      this.deliver({ type: 'error', message: `${command.type} failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  togglePlay(): Promise<void> {
    return this.handle({ type: this.playing ? 'pause' : 'play' });
  }

  /** Pushes a message that did not come from the engine (a failed file open, say) in order with the engine's. */
  notify(message: EngineMessage): void {
    if (!this.disposed) this.deliver(message);
  }

  /** A reloaded renderer has an empty store; give it a fresh engine rather than deltas against a log it lost. */
  reset(): void {
    if (this.disposed) return;
    this.stopSession();
    this.pending = undefined;
    this.cancelPushTimer();
    this.playing = false;
    this.session = this.createSession();
  }

  dispose(): void {
    if (this.disposed) return;
    this.stopSession();
    this.disposed = true;
    this.pending = undefined;
    this.cancelPushTimer();
  }

  private createSession(): EngineSession {
    const session: EngineSession = new EngineSession({
      ...this.clock,
      // A session that has been replaced (reset) or stopped may still flush once; its messages are dropped.
      send: (message) => {
        if (session === this.session && !this.disposed) this.deliver(message);
      },
    });
    return session;
  }

  private stopSession(): void {
    const old = this.session;
    // Pause stops the session's timer; the batch it flushes is dropped because `old` is no longer current.
    this.session = undefined;
    void old?.handle({ type: 'pause' });
  }

  private deliver(message: EngineMessage): void {
    if (message.type === 'progress') {
      this.playing = message.playing;
      const merged = this.pending && mergeProgress(this.pending, message);
      if (this.pending && !merged) this.releasePending();
      this.pending = merged ?? message;
      const sinceLastMs = this.clock.wallNowMs() - this.lastPushMs;
      if (sinceLastMs >= MIN_PUSH_INTERVAL_MS - PUSH_SLACK_MS) this.releasePending();
      else if (this.pushTimer === undefined) {
        this.pushTimer = this.clock.setTimer(() => this.releasePending(), MIN_PUSH_INTERVAL_MS + PUSH_SLACK_MS - sinceLastMs);
      }
      return;
    }
    this.releasePending();
    this.push(message);
  }

  private releasePending(): void {
    this.cancelPushTimer();
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    this.lastPushMs = this.clock.wallNowMs();
    this.push(pending);
  }

  private cancelPushTimer(): void {
    if (this.pushTimer !== undefined) this.clock.clearTimer(this.pushTimer);
    this.pushTimer = undefined;
  }

  private push(message: EngineMessage): void {
    if (this.target.isDestroyed()) return;
    this.target.send(IpcChannel.EngineMessage, message);
  }
}
