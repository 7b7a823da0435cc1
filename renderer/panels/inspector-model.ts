/**
 * The token inspector's logic as pure functions: the heading ("Token #3 · projected · pod app"), the verification
 * line, and a throttle with an injected clock so "at most two inspect-token requests a second" is testable.
 */
import type { SimEvent } from '../../shared/model/events.ts';
import type { TokenSummary, TokenVerification } from '../../shared/rpc/engine-protocol.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import type { EngineClient } from '../bridge/engine-client.ts';
import { formatSinceStart } from '../../shared/explain/claim-explanations.ts';

/** At most two inspect-token requests per second. */
export const INSPECT_INTERVAL_MS = 500;

/** How the token came to be, in a word: "legacy", "projected" (the kubelet's pod token), or "bound" (any other TokenRequest). */
export function tokenKindWord(token: TokenSummary, issued: SimEvent | undefined): string {
  if (token.kind === 'legacy') return 'legacy';
  const requester = issued?.type === 'token.issued' ? issued.requester : undefined;
  if (token.boundObject?.kind === 'Pod' && requester !== 'kubectl' && requester !== 'client') return 'projected';
  return 'bound';
}

/** What the token is tied to: "pod app", "Secret plain", "node node-1", the legacy Secret, or "no object". */
export function tokenBindingWords(token: TokenSummary): string {
  const bound = token.boundObject;
  if (bound) return `${bound.kind === 'Pod' ? 'pod' : bound.kind === 'Node' ? 'node' : 'Secret'} ${bound.name}`;
  if (token.kind === 'legacy' && token.secretName) return `Secret ${token.secretName}`;
  return token.kind === 'legacy' ? 'Secret' : 'no bound object';
}

/** "Token #3 · projected · pod app". */
export function tokenHeading(token: TokenSummary, issued: SimEvent | undefined): string {
  return `Token #${token.number} · ${tokenKindWord(token, issued)} · ${tokenBindingWords(token)}`;
}

/** The token with this global index, whether or not the array is dense. */
export function findToken(tokens: readonly TokenSummary[], index: number | undefined): TokenSummary | undefined {
  if (index === undefined) return undefined;
  const direct = tokens[index];
  if (direct?.index === index) return direct;
  return tokens.find((t) => t.index === index);
}

export interface VerificationLine {
  ok: boolean;
  symbol: '✓' | '✗';
  /** "accepted by the API server at 2 h 13 m" / "rejected by the API server at 2 h 13 m". */
  text: string;
  /** The simulated time of the answer: "2 h 13 m". */
  at: string;
  /** The exact Kubernetes error text when rejected. */
  error?: string;
  username?: string;
  /** True when the answer is for an earlier simulated time than the clock shows now (a newer one is on its way). */
  stale: boolean;
}

export function verificationLine(verification: TokenVerification, nowMs: number): VerificationLine {
  const at = formatSinceStart(verification.atMs);
  const stale = verification.atMs !== nowMs;
  if (verification.ok) {
    return {
      ok: true,
      symbol: '✓',
      text: `accepted by the API server at ${at}`,
      at,
      ...(verification.username ? { username: verification.username } : {}),
      stale,
    };
  }
  return {
    ok: false,
    symbol: '✗',
    text: `rejected by the API server at ${at}`,
    at,
    error: verification.error ?? '',
    stale,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Throttle

export interface Clock {
  now(): number;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface Throttle {
  /** Runs `task` now if the interval has passed, else once when it has (the latest task wins). */
  call(task: () => void): void;
  cancel(): void;
}

/** Leading and trailing throttle: the first call runs at once, later ones collapse into one run per interval. */
export function createThrottle(intervalMs: number, clock: Clock): Throttle {
  let lastRun = -Infinity;
  let timer: unknown;
  let pending: (() => void) | undefined;
  const run = (task: () => void) => {
    lastRun = clock.now();
    task();
  };
  return {
    call(task) {
      const wait = lastRun + intervalMs - clock.now();
      if (wait <= 0 && timer === undefined) {
        run(task);
        return;
      }
      pending = task;
      if (timer === undefined) {
        timer = clock.setTimer(() => {
          timer = undefined;
          const next = pending;
          pending = undefined;
          if (next) run(next);
        }, Math.max(0, wait));
      }
    },
    cancel() {
      if (timer !== undefined) clock.clearTimer(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Props (declared here so tests and other modules can name them without importing the .tsx)

export interface TokenInspectorProps {
  snapshot: TimelineSnapshot;
  /** Global token index (TokenSummary.index), or undefined when nothing is selected. */
  tokenIndex: number | undefined;
  client: EngineClient;
}
