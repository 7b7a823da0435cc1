/**
 * The renderer's copy of what the engine reported: the scenario, the event and token logs (with what a seek back
 * cut kept for a seek forward over the same future), the clock.
 * Engine batches are applied here and nowhere else; React reads it through `useTimelineStore`, and the canvas loop
 * reads it directly each frame. `version` changes whenever anything does, so derived data can be memoised on it.
 */
import type { SimEvent } from '../../shared/model/events.ts';
import type { EngineMessage, LoadedScenario, TokenSummary, TokenVerification, WorkingCommand } from '../../shared/rpc/engine-protocol.ts';
import type { InputError } from '../../shared/scenario/scenario-types.ts';

export interface TokenDetails {
  jwt: string;
  verification: TokenVerification;
}

export interface TimelineSnapshot {
  version: number;
  scenario: LoadedScenario | undefined;
  /** How many scenarios have been loaded: an edit of the notes or scenes replaces `scenario` but is not a load. */
  loads: number;
  loadErrors: { sourceName: string; errors: InputError[] } | undefined;
  events: readonly SimEvent[];
  tokens: readonly TokenSummary[];
  nowMs: number;
  playing: boolean;
  speed: number;
  lagMs: number;
  /** The banner: the last failure, or a heads-up about the loaded scenario (where it will stop, say). */
  lastError: string | undefined;
  /** The last failure the engine reported, with the command it names (a new object each time). */
  lastFailure: { message: string; command?: string; requestId?: number } | undefined;
  /** A seek, load or recovery that is taking a while: how far it got. */
  working: { command: WorkingCommand; fraction: number } | undefined;
  /** Where the run stopped at a work budget, and why. */
  halt: { atMs: number; message: string } | undefined;
  tokenDetails: ReadonlyMap<number, TokenDetails>;
}

export class TimelineStore {
  private snapshot: TimelineSnapshot = {
    version: 0,
    scenario: undefined,
    loads: 0,
    loadErrors: undefined,
    events: [],
    tokens: [],
    nowMs: 0,
    playing: false,
    speed: 3600,
    lagMs: 0,
    lastError: undefined,
    lastFailure: undefined,
    working: undefined,
    halt: undefined,
    tokenDetails: new Map(),
  };
  private readonly events: SimEvent[] = [];
  private readonly tokens: TokenSummary[] = [];
  /** What the engine sent, including what a seek back cut from the shown log: `events` is always a prefix of it. */
  private readonly keptEvents: SimEvent[] = [];
  private readonly keptTokens: TokenSummary[] = [];
  private readonly listeners = new Set<() => void>();

  getSnapshot = (): TimelineSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  apply(message: EngineMessage): void {
    const s = this.snapshot;
    switch (message.type) {
      case 'loaded':
        this.events.length = 0;
        this.tokens.length = 0;
        this.keptEvents.length = 0;
        this.keptTokens.length = 0;
        this.publish({ ...s, scenario: message.scenario, loads: s.loads + 1, loadErrors: undefined, lastError: message.scenario.workWarning, halt: undefined, nowMs: 0, playing: false, tokenDetails: new Map() });
        return;
      case 'load-failed':
        this.publish({ ...s, loadErrors: { sourceName: message.sourceName, errors: message.errors } });
        return;
      case 'progress': {
        const rewound = message.fromEvent < this.events.length || message.fromToken < this.tokens.length;
        applyBatch(this.events, this.keptEvents, message.fromEvent, message.keptEvents, message.events);
        applyBatch(this.tokens, this.keptTokens, message.fromToken, message.keptTokens, message.tokens);
        this.publish({
          ...s,
          events: this.events,
          tokens: this.tokens,
          nowMs: message.nowMs,
          playing: message.playing,
          speed: message.speed,
          lagMs: message.lagMs,
          tokenDetails: rewound ? new Map() : s.tokenDetails,
        });
        return;
      }
      case 'token-details': {
        const details = new Map(s.tokenDetails);
        details.set(message.token, { jwt: message.jwt, verification: message.verification });
        this.publish({ ...s, tokenDetails: details });
        return;
      }
      case 'error':
        this.publish({ ...s, lastError: message.message, lastFailure: { message: message.message, ...(message.command !== undefined ? { command: message.command } : {}), ...(message.requestId !== undefined ? { requestId: message.requestId } : {}) } });
        return;
      case 'working':
        this.publish({ ...s, working: message.done ? undefined : { command: message.command, fraction: message.fraction } });
        return;
      case 'halted':
        this.publish({ ...s, halt: { atMs: message.atMs, message: message.message }, lastError: message.message });
        return;
      case 'edit-result':
        // Notes or scenes edited: the scenario's text and its lists change; the run, the logs and the clock do not.
        // Only the scenario the edit was made on takes it, never one a later load put in its place.
        if (message.ok && s.scenario?.load === message.scenario.load) this.publish({ ...s, scenario: message.scenario });
        return;
      case 'apply-result':
      case 'kubectl-result':
        // The answer to one panel's request: that panel reads it from the client; the store has nothing to keep.
        return;
    }
  }

  private publish(next: TimelineSnapshot): void {
    this.snapshot = { ...next, version: this.snapshot.version + 1 };
    for (const listener of this.listeners) listener();
  }
}

/**
 * Cuts `shown` to `from`, shows the next `kept` entries of `sent` again, then appends `added`, which replace whatever
 * `sent` held after the kept ones (a future the engine no longer has).
 */
function applyBatch<T>(shown: T[], sent: T[], from: number, kept: number, added: readonly T[]): void {
  const keptTo = from + kept;
  if (from > shown.length || keptTo > sent.length) throw new Error(`internal: a batch from ${from} keeping ${kept} does not fit a log of ${shown.length} shown and ${sent.length} kept`);
  shown.length = from;
  // In place: views that follow the log read only what was appended to the same array (AppendOnlyCursor).
  for (let i = from; i < keptTo; i++) shown.push(sent[i]!);
  if (added.length === 0) return;
  sent.length = keptTo;
  for (const entry of added) {
    shown.push(entry);
    sent.push(entry);
  }
}
