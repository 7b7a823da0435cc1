/**
 * What every engine module works through: the state, the append-only logs, the scenario, and the two ways to change
 * the future (emit an event, schedule an action). Keeping this one small interface is what lets each Kubernetes
 * component live in its own file.
 */
import type { NewEvent, SimEvent } from '../model/events.ts';
import type { EventLog } from './event-log.ts';
import type { TokenLog } from './token-log.ts';
import type { Scenario, SigningAlgorithm } from '../scenario/scenario-types.ts';
import type { SigningKey } from '../jwt/jwt-types.ts';
import type { Action, EngineState, TokenRecord } from './engine-state.ts';
import { pushAction } from '../sim/event-queue.ts';

export type KeyPool = Record<SigningAlgorithm, readonly SigningKey[]>;

export interface EngineContext {
  state: EngineState;
  readonly scenario: Scenario;
  /** The logs the engine appends to and reads, as columns. */
  readonly tokenLog: TokenLog;
  readonly eventLog: EventLog;
  /** The same logs as records and event objects, built when read (for tests and tools, never the engine itself). */
  readonly tokens: readonly TokenRecord[];
  readonly events: readonly SimEvent[];
  readonly keyPool: KeyPool;
}

/**
 * Logs a rare event whole (the events logged by the thousand have their own compact forms in EventLog). The caller's
 * literal becomes the logged event.
 */
export function emit(ctx: EngineContext, flow: string, event: NewEvent): SimEvent {
  return ctx.eventLog.append(flow, ctx.state.nowMs, event);
}

export function schedule(ctx: EngineContext, atMs: number, action: Action): void {
  pushAction(ctx.state.queue, atMs, action);
}

/** Simulated ms → absolute epoch ms, the clock the cluster's objects and JWTs read. */
export function epochMs(ctx: EngineContext, simMs: number): number {
  return ctx.scenario.startEpochMs + simMs;
}

/** JWT NumericDate for a simulated instant: whole seconds, truncated like Go's `time.Unix()`. */
export function numericDate(ctx: EngineContext, simMs: number): number {
  return Math.floor(epochMs(ctx, simMs) / 1000);
}

/**
 * Go's `time.Duration(seconds) * time.Second` in ms: int64 nanoseconds, wrapping on overflow as Go's arithmetic does,
 * so `--grace-period 9223372036854775807` lands where kube-apiserver puts it (at now, give or take the second a double
 * cannot hold) instead of past the end of time.
 */
export function goSecondsToMs(seconds: number): number {
  const ns = BigInt.asIntN(64, BigInt(Math.trunc(seconds)) * 1_000_000_000n);
  return Number(ns / 1_000_000n);
}

const DAY_MS = 86_400_000;
const two = (n: number) => String(n).padStart(2, '0');

/**
 * Year, month and day of a day count since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
 * civil_from_days): arithmetic only, so any finite instant has a date, where Date gives up past ±275,760 years.
 */
function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - Math.floor((153 * mp + 2) / 5) + 1];
}

/** `2006-01-02` for an epoch instant, with Go's year format (at least four digits, a sign when negative). */
function isoDate(epochMilliseconds: number): string {
  const [year, month, day] = civilFromDays(Math.floor(epochMilliseconds / DAY_MS));
  const yearText = `${year < 0 ? '-' : ''}${String(Math.abs(year)).padStart(4, '0')}`;
  return `${yearText}-${two(month)}-${two(day)}`;
}

/** RFC 3339 with whole seconds, as metav1.Time serialises; total for every finite instant, however far out. */
export function rfc3339(ctx: EngineContext, simMs: number): string {
  const epochSeconds = numericDate(ctx, simMs);
  if (!Number.isFinite(epochSeconds)) throw new Error(`internal: instant ${simMs} ms is not a time`);
  const secondOfDay = ((epochSeconds % 86_400) + 86_400) % 86_400;
  return `${isoDate(epochSeconds * 1000)}T${two(Math.floor(secondOfDay / 3600))}:${two(Math.floor(secondOfDay / 60) % 60)}:${two(secondOfDay % 60)}Z`;
}

/** `2006-01-02` in UTC, the format of the legacy-token tracking labels. */
export function utcDate(ctx: EngineContext, simMs: number): string {
  return isoDate(epochMs(ctx, simMs));
}

/** Simulated ms of the start (00:00 UTC) of the day containing `simMs`. */
export function simMsOfDate(ctx: EngineContext, date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - ctx.scenario.startEpochMs;
}
