/**
 * One EngineSession per window, in the main process, pushing its messages to that window's renderer through the
 * progress batcher both hosts share (shared/host/progress-batcher.ts).
 */
import type { EngineCommand, EngineMessage } from '../../shared/rpc/engine-protocol.ts';
import { EngineSession } from '../../shared/host/engine-session.ts';
import { ProgressBatcher, type Clock } from '../../shared/host/progress-batcher.ts';
import { IpcChannel } from '../../shared/ipc/ipc-contract.ts';

export type { Clock } from '../../shared/host/progress-batcher.ts';

/** The window side of the host: Electron's webContents, or a fake in tests. */
export interface MessageTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export const systemClock: Clock = {
  wallNowMs: () => performance.now(),
  setTimer: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class EngineHost {
  private session: EngineSession | undefined;
  private playing = false;
  private disposed = false;
  private readonly batcher: ProgressBatcher;

  constructor(
    private readonly target: MessageTarget,
    private readonly clock: Clock = systemClock,
  ) {
    this.batcher = new ProgressBatcher(clock, (message) => this.push(message));
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
    this.batcher.drop();
    this.playing = false;
    this.session = this.createSession();
  }

  dispose(): void {
    if (this.disposed) return;
    this.stopSession();
    this.disposed = true;
    this.batcher.drop();
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
    if (message.type === 'progress') this.playing = message.playing;
    this.batcher.deliver(message);
  }

  private push(message: EngineMessage): void {
    if (this.target.isDestroyed()) return;
    this.target.send(IpcChannel.EngineMessage, message);
  }
}
