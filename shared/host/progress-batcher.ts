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
 * One batch with the effect of applying `a` then `b`. The UI truncates its log to `fromEvent` and appends, so `b`
 * keeps whatever of `a` lies before its own cut; if `b` cuts at or before `a`'s start, `a` is moot.
 */
export function mergeProgress(a: ProgressMessage, b: ProgressMessage): ProgressMessage {
  const events = b.fromEvent <= a.fromEvent ? b.events : [...a.events.slice(0, b.fromEvent - a.fromEvent), ...b.events];
  const tokens = b.fromToken <= a.fromToken ? b.tokens : [...a.tokens.slice(0, b.fromToken - a.fromToken), ...b.tokens];
  return {
    ...b,
    fromEvent: Math.min(a.fromEvent, b.fromEvent),
    events,
    fromToken: Math.min(a.fromToken, b.fromToken),
    tokens,
    lagMs: Math.max(a.lagMs, b.lagMs),
  };
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
      this.pending = this.pending ? mergeProgress(this.pending, message) : message;
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
