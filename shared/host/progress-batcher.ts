/**
 * How a host hands the session's messages to its UI, the same on the desktop (main process → renderer over IPC) and
 * in the browser (Web Worker → page). The session batches per tick (20 a second while playing), but every command
 * also flushes a batch, so a UI that scrubs a seek slider could otherwise get hundreds of batches a second, each
 * possibly re-sending the whole event log after a backward seek. Progress batches are therefore merged and pushed at
 * most once per MIN_PUSH_INTERVAL_MS (give or take PUSH_SLACK_MS); any other message first releases the pending
 * batch, so the order the UI sees is unchanged.
 */
import type { EngineMessage } from '../rpc/engine-protocol.ts';
import type { HostPorts } from './engine-session.ts';

export const MIN_PUSH_INTERVAL_MS = 50;
/**
 * Ticks and timers drift by a few ms. A batch arriving this close to the interval goes out at once, and a held batch
 * waits this much longer, so a tick due at the same moment joins it instead of being held back a whole interval
 * (which, with ticks also 50 ms apart, would otherwise repeat for every tick).
 */
export const PUSH_SLACK_MS = 5;

export type ProgressMessage = Extract<EngineMessage, { type: 'progress' }>;

export type Clock = Pick<HostPorts, 'wallNowMs' | 'setTimer' | 'clearTimer'>;

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

export class ProgressBatcher {
  private pending: ProgressMessage | undefined;
  private lastPushMs = Number.NEGATIVE_INFINITY;
  private pushTimer: unknown;

  constructor(
    private readonly clock: Clock,
    private readonly push: (message: EngineMessage) => void,
  ) {}

  deliver(message: EngineMessage): void {
    if (message.type === 'progress') {
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

  /** Forgets the batch that is waiting (the session it came from was replaced or stopped). */
  drop(): void {
    this.pending = undefined;
    this.cancelPushTimer();
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
}
