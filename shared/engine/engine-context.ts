/**
 * What every engine module works through: the state, the append-only logs, the scenario, and the two ways to change
 * the future (emit an event, schedule an action). Keeping this one small interface is what lets each Kubernetes
 * component live in its own file.
 */
import type { NewEvent, SimEvent } from '../model/events.ts';
import type { Scenario, SigningAlgorithm } from '../scenario/scenario-types.ts';
import type { SigningKey } from '../jwt/jwt-types.ts';
import type { Action, ClusterState, EngineState, TokenRecord } from './engine-state.ts';
import { pushAction } from '../sim/event-queue.ts';

export type KeyPool = Record<SigningAlgorithm, readonly SigningKey[]>;

export interface EngineContext {
  state: EngineState;
  readonly scenario: Scenario;
  readonly tokens: TokenRecord[];
  readonly events: SimEvent[];
  readonly keyPool: KeyPool;
}

export function emit(ctx: EngineContext, flow: string, event: NewEvent): SimEvent {
  // Completed in place: the caller's literal becomes the logged event, which halves allocation on the hot path.
  const full = event as SimEvent;
  full.seq = ctx.events.length;
  full.atMs = ctx.state.nowMs;
  full.flow = flow;
  ctx.events.push(full);
  return full;
}

export function schedule(ctx: EngineContext, atMs: number, action: Action): void {
  pushAction(ctx.state.queue, atMs, action);
}

export function flowOf(ctx: EngineContext, id: string): ClusterState {
  const flow = ctx.state.flows[id];
  if (!flow) throw new Error(`internal: unknown flow ${id}`);
  return flow;
}

/** Simulated ms → absolute epoch ms, the clock the cluster's objects and JWTs read. */
export function epochMs(ctx: EngineContext, simMs: number): number {
  return ctx.scenario.startEpochMs + simMs;
}

/** JWT NumericDate for a simulated instant: whole seconds, truncated like Go's `time.Unix()`. */
export function numericDate(ctx: EngineContext, simMs: number): number {
  return Math.floor(epochMs(ctx, simMs) / 1000);
}

/** RFC 3339 with whole seconds, as metav1.Time serialises. */
export function rfc3339(ctx: EngineContext, simMs: number): string {
  return new Date(numericDate(ctx, simMs) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `2006-01-02` in UTC, the format of the legacy-token tracking labels. */
export function utcDate(ctx: EngineContext, simMs: number): string {
  return new Date(epochMs(ctx, simMs)).toISOString().slice(0, 10);
}

/** Simulated ms of the start (00:00 UTC) of the day containing `simMs`. */
export function simMsOfDate(ctx: EngineContext, date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - ctx.scenario.startEpochMs;
}
