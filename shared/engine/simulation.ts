/**
 * The engine: a discrete-event simulation of every flow of a scenario on one simulated clock. It owns the agenda,
 * the state and the two append-only logs (tokens, events), runs forward to any instant, and seeks backward by
 * restoring the nearest snapshot and replaying, which gives the same log because every random draw comes from the
 * seeded PRNG in the state.
 */
import type { Scenario } from '../scenario/scenario-types.ts';
import type { SimEvent } from '../model/events.ts';
import { EventLog } from './event-log.ts';
import { TokenLog } from './token-log.ts';
import { markTold, wasTold } from './told-once.ts';
import { simulationKeys } from '../jwt/simulation-keys.ts';
import { createQueue, peekAction, popAction } from '../sim/event-queue.ts';
import { seedPrng } from '../sim/prng.ts';
import { copyState } from './copy-state.ts';
import { schedule, type EngineContext, type KeyPool } from './engine-context.ts';
import type { Action, ClusterState, EngineState, TokenRecord } from './engine-state.ts';
import { createCluster } from './cluster-setup.ts';
import { runStep, runUserStep, type UserStep, type UserStepResult } from './scenario-steps.ts';
import { syncPod } from './kubelet/pod-sync.ts';
import { endDeletionLeeway, removePod } from './api-server/pods.ts';
import { runActorCall } from './actors/actors.ts';
import { CLEANER_SYNC_INTERVAL_MS, runLegacyTokenCleaner } from './controllers/legacy-token-cleaner.ts';
import { CLOCK_SKEW_LEEWAY_MS } from './token-rules.ts';
import { WorkMeter } from './work-budget.ts';
import { fetchSignerKeys, scheduleSignerKeySync } from './api-server/external-signer.ts';

/**
 * By default a snapshot is taken once both this many agenda actions and 1/200 of the run have passed since the last:
 * a seek then replays a few tens of milliseconds of engine work at most, a quiet run replays from its start (which is
 * as quick), and a week of a thousand busy pods keeps about ninety snapshots (each copies the state's records).
 */
export const SNAPSHOT_EVERY_ACTIONS = 2_500;
/** Room the logs start with whatever the estimate (console commands and upgrades are not foreseen). */
const MIN_LOG_CAPACITY = 1024;

export interface SimulationOptions {
  keyPool?: KeyPool;
  /** Simulated time between snapshots; 0 turns snapshots off (benchmarks that never seek). */
  snapshotEveryMs?: number;
  /**
   * Agenda actions between snapshots, at least: a seek replays at most about this many from the snapshot it restores.
   * By default SNAPSHOT_EVERY_ACTIONS, or 0 (time alone) when `snapshotEveryMs` is given.
   */
  snapshotEveryActions?: number;
  /** Console lines and editor applies recorded in an earlier run, carried out again at their instants. */
  userSteps?: readonly UserStep[];
  /** Counts the logs against the engine's budgets; defaults to the standard budgets. */
  meter?: WorkMeter;
}

/** Where and why the simulation stopped before its end: it reached a work budget. */
export interface Halt {
  atMs: number;
  message: string;
}

interface Snapshot {
  state: EngineState;
  tokenCount: number;
  eventCount: number;
  /** How many recorded user steps had run. */
  userStepCount: number;
}

export class Simulation {
  readonly scenario: Scenario;
  /** The event log, as columns; `events` is the same log as objects. */
  readonly eventLog: EventLog;
  /** The token log, as columns; `tokens` is the same log as records. */
  readonly tokenLog: TokenLog;
  /** `events` and `tokens` as built so far: always a prefix of the logs (cut back when they are). */
  private readonly eventObjects: SimEvent[] = [];
  private readonly tokenRecords: TokenRecord[] = [];
  private readonly ctx: EngineContext;
  private readonly snapshots: Snapshot[] = [];
  private readonly snapshotEveryMs: number;
  private readonly snapshotEveryActions: number;
  /** Actions run since the snapshot the state was last taken in or restored from. */
  private actionsSinceSnapshot = 0;
  /** User steps in the order they run (by instant, then by when they were typed). */
  private readonly userSteps: UserStep[] = [];
  /** The first user step that has not run yet. */
  private nextUserStep = 0;
  /** Agenda actions dispatched so far (pod syncs, calls, steps…), for benchmarks. */
  actionsProcessed = 0;
  private readonly meter: WorkMeter;
  private haltedAt: Halt | undefined;

  constructor(scenario: Scenario, options: SimulationOptions = {}) {
    this.scenario = scenario;
    this.meter = options.meter ?? new WorkMeter(scenario);
    this.snapshotEveryMs = options.snapshotEveryMs ?? Math.max(60_000, Math.floor(scenario.durationMs / 200));
    this.snapshotEveryActions = options.snapshotEveryActions ?? (options.snapshotEveryMs === undefined ? SNAPSHOT_EVERY_ACTIONS : 0);
    const state: EngineState = {
      nowMs: 0,
      prng: seedPrng(scenario.seed),
      queue: createQueue<Action>(),
      flows: {},
      actors: {},
      nextKeySlot: 0,
    };
    const expected = this.meter.expected();
    this.tokenLog = new TokenLog(Math.max(MIN_LOG_CAPACITY, expected.tokens));
    this.eventLog = new EventLog(this.tokenLog, scenario.startEpochMs, Math.max(MIN_LOG_CAPACITY, expected.events));
    const views = { tokens: () => this.tokens, events: () => this.events };
    this.ctx = {
      state,
      scenario,
      tokenLog: this.tokenLog,
      eventLog: this.eventLog,
      keyPool: options.keyPool ?? simulationKeys,
      get tokens() {
        return views.tokens();
      },
      get events() {
        return views.events();
      },
    };
    for (const flow of scenario.flows) createCluster(this.ctx, flow);
    scenario.steps.forEach((step, index) => schedule(this.ctx, step.atMs, { kind: 'step', index }));
    for (const step of options.userSteps ?? []) {
      if (!scenario.flows.some((flow) => flow.id === step.flow)) throw new Error(`recorded step at ${step.atMs} ms names flow "${step.flow}", which the scenario does not have`);
      if (!(step.atMs >= 0 && step.atMs <= scenario.durationMs)) throw new Error(`recorded step at ${step.atMs} ms lies outside the scenario's 0…${scenario.durationMs} ms`);
    }
    // A stable sort keeps the order steps recorded at the same instant were typed in.
    this.userSteps.push(...[...(options.userSteps ?? [])].sort((a, b) => a.atMs - b.atMs));
    this.takeSnapshot();
  }

  /**
   * Every event logged so far, as objects, built on first read and kept for the next (tests and the CLI read the
   * whole log this way; the session reads slices of `eventLog` instead, so nothing is kept twice).
   */
  get events(): SimEvent[] {
    const objects = this.eventObjects;
    const log = this.eventLog;
    for (let i = objects.length; i < log.length; i++) objects.push(log.get(i));
    return objects;
  }

  /** Every token issued so far, as records (built on first read, like `events`). */
  get tokens(): TokenRecord[] {
    const records = this.tokenRecords;
    const log = this.tokenLog;
    for (let i = records.length; i < log.length; i++) records.push(log.get(i));
    return records;
  }

  /** One token as a record, built now; undefined past the end of the log. */
  token(index: number): TokenRecord | undefined {
    return Number.isInteger(index) && index >= 0 && index < this.tokenLog.length ? this.tokenLog.get(index) : undefined;
  }

  get nowMs(): number {
    return this.ctx.state.nowMs;
  }

  get durationMs(): number {
    return this.scenario.durationMs;
  }

  /** Set once the run reached a work budget: the clock goes no further than `atMs` (until a seek back). */
  get halt(): Halt | undefined {
    return this.haltedAt;
  }

  /** Where the run ends: the scenario's duration, or where it stopped at a budget. */
  get endMs(): number {
    return this.haltedAt?.atMs ?? this.scenario.durationMs;
  }

  /** Read-only view of a flow's cluster, for hosts that show objects (kubectl get, the inspector). */
  cluster(flowId: string): ClusterState | undefined {
    return this.ctx.state.flows[flowId];
  }

  /** The engine context, for hosts that run commands against a flow between steps (the console). */
  get context(): EngineContext {
    return this.ctx;
  }

  /** The console lines and editor applies recorded so far, in the order they run. */
  get recordedSteps(): readonly UserStep[] {
    return this.userSteps;
  }

  nextActionAtMs(): number | undefined {
    const action = peekAction(this.ctx.state.queue)?.atMs;
    const user = this.userSteps[this.nextUserStep]?.atMs;
    return action === undefined ? user : user === undefined ? action : Math.min(action, user);
  }

  /**
   * Runs a console line or an editor apply against one flow now, after everything else due at this instant, and
   * records it: the future it changes replaces the one computed before, and a later seek back replays it here.
   */
  runUserCommand<K extends UserStep['kind']>(input: Omit<UserStep, 'atMs'> & { kind: K }): Extract<UserStepResult, { kind: K }> {
    const cluster = this.ctx.state.flows[input.flow];
    if (!cluster) throw new Error(`unknown flow ${input.flow}`);
    const atMs = this.ctx.state.nowMs;
    this.runUntil(atMs);
    // Snapshots and logs from after this instant describe a future without the new step.
    const keep = this.snapshots.filter((snapshot, index) => index === 0 || snapshot.state.nowMs < atMs);
    this.snapshots.length = 0;
    this.snapshots.push(...keep);
    this.eventLog.discardFuture();
    this.tokenLog.discardFuture();
    const step = { atMs, ...input };
    this.userSteps.splice(this.nextUserStep, 0, step);
    this.nextUserStep += 1;
    return runUserStep(this.ctx, cluster, step);
  }

  /**
   * Runs every action up to and including `targetMs` (clamped to the scenario's duration); returns new events. With
   * `maxActions`, stops after that many agenda actions (so a host can slice the work); the clock then stays at the
   * last action run and the rest of `targetMs` is left for the next call. Stops for good at a work budget (`halt`).
   */
  runUntil(targetMs: number, maxActions = Number.POSITIVE_INFINITY): SimEvent[] {
    const first = this.eventLog.length;
    this.advance(targetMs, maxActions);
    return this.eventLog.slice(first);
  }

  /** `runUntil` without building the new events (hosts read them from `eventLog` when they send them). */
  advance(targetMs: number, maxActions = Number.POSITIVE_INFINITY): void {
    const endMs = Math.min(targetMs, this.endMs);
    const queue = this.ctx.state.queue;
    let actions = 0;
    for (;;) {
      if (this.haltedAt) return;
      if (actions >= maxActions) return;
      const next = peekAction(queue);
      const user = this.userSteps[this.nextUserStep];
      // A user step ran once everything due at its instant had run, so it replays after those actions.
      if (user && user.atMs <= endMs && (!next || next.atMs > user.atMs)) {
        this.maybeSnapshotBefore(user.atMs);
        this.ctx.state.nowMs = user.atMs;
        this.nextUserStep += 1;
        runUserStep(this.ctx, this.ctx.state.flows[user.flow]!, user);
        actions += 1;
        this.actionsSinceSnapshot += 1;
        this.checkBudget();
        continue;
      }
      if (!next || next.atMs > endMs) break;
      this.maybeSnapshotBefore(next.atMs);
      popAction(queue);
      this.actionsProcessed += 1;
      this.actionsSinceSnapshot += 1;
      actions += 1;
      this.ctx.state.nowMs = next.atMs;
      this.dispatch(next.action);
      this.checkBudget();
    }
    if (endMs > this.ctx.state.nowMs) {
      this.maybeSnapshotBefore(endMs);
      this.ctx.state.nowMs = endMs;
    }
  }

  /** True once everything up to `targetMs` (or the end, or the halt) has run. */
  reached(targetMs: number): boolean {
    const endMs = Math.min(targetMs, this.endMs);
    if (this.haltedAt) return true;
    const next = this.nextActionAtMs();
    return this.ctx.state.nowMs >= endMs && (next === undefined || next > endMs);
  }

  private checkBudget(): void {
    if (!this.meter.exceeded(this.eventLog.length, this.tokenLog.length)) return;
    this.haltedAt = { atMs: this.ctx.state.nowMs, message: this.meter.stopMessage(this.ctx.state.nowMs, podsAndActorsOf(this.eventLog), this.tokenLog.length) };
  }

  /** Runs to the next instant at which something is logged (or to the end); returns the events logged then. */
  stepToNextEvent(): SimEvent[] {
    const first = this.eventLog.length;
    while (this.eventLog.length === first && !this.haltedAt) {
      const next = this.nextActionAtMs();
      if (next === undefined || next > this.scenario.durationMs) {
        this.advance(this.scenario.durationMs);
        break;
      }
      this.advance(next);
    }
    return this.eventLog.slice(first);
  }

  /** Moves the clock to `targetMs` by restoring the latest snapshot at or before it (if that saves work) and replaying. */
  seek(targetMs: number): void {
    this.advance(this.rewindFor(targetMs));
  }

  /**
   * The first half of a seek: restores the latest snapshot at or before `targetMs` when the target lies behind the
   * clock, or ahead of it past a snapshot of the same future taken before a seek back (the replay to `targetMs` is
   * left to `advance`, which a host may slice). Returns the clamped target.
   */
  rewindFor(targetMs: number): number {
    const target = Math.max(0, Math.min(targetMs, this.scenario.durationMs));
    const nowMs = this.ctx.state.nowMs;
    let snapshot = this.snapshots[0]!;
    for (const s of this.snapshots) if (s.state.nowMs <= target) snapshot = s;
    if (target < nowMs) this.restore(snapshot, 'back');
    else if (snapshot.state.nowMs > nowMs) this.restore(snapshot, 'forward');
    return target;
  }

  private restore(snapshot: Snapshot, way: 'back' | 'forward'): void {
    this.ctx.state = copyState(snapshot.state);
    if (way === 'back') {
      this.tokenLog.rewindTo(snapshot.tokenCount);
      this.eventLog.rewindTo(snapshot.eventCount);
    } else {
      this.tokenLog.restoreTo(snapshot.tokenCount);
      this.eventLog.restoreTo(snapshot.eventCount);
    }
    if (this.tokenRecords.length > snapshot.tokenCount) this.tokenRecords.length = snapshot.tokenCount;
    if (this.eventObjects.length > snapshot.eventCount) this.eventObjects.length = snapshot.eventCount;
    this.nextUserStep = snapshot.userStepCount;
    this.actionsSinceSnapshot = 0;
    // Replaying is deterministic: if the run stops at a budget again, it stops at the same place.
    this.haltedAt = undefined;
  }

  private takeSnapshot(): void {
    this.actionsSinceSnapshot = 0;
    this.snapshots.push({ state: copyState(this.ctx.state), tokenCount: this.tokenLog.length, eventCount: this.eventLog.length, userStepCount: this.nextUserStep });
  }

  private maybeSnapshotBefore(atMs: number): void {
    if (this.snapshotEveryMs <= 0) return;
    const last = this.snapshots[this.snapshots.length - 1]!;
    if (last.state.nowMs >= this.ctx.state.nowMs) return;
    if (atMs - last.state.nowMs < this.snapshotEveryMs) return;
    if (this.actionsSinceSnapshot < this.snapshotEveryActions) return;
    // Snapshots are taken between actions, so replaying from one never repeats or skips an action.
    this.takeSnapshot();
  }

  private dispatch(action: Action): void {
    const ctx = this.ctx;
    switch (action.kind) {
      case 'step': {
        const step = this.scenario.steps[action.index]!;
        for (const flow of this.scenario.flows) {
          if (step.flows && !step.flows.includes(flow.id)) continue;
          runStep(ctx, ctx.state.flows[flow.id]!, step);
        }
        return;
      }
      case 'pod-sync': {
        const cluster = ctx.state.flows[action.flow]!;
        if (!cluster.kubelet.up || cluster.kubelet.generation !== action.generation) return;
        const pod = podByUid(cluster, action.podUid);
        if (!pod || pod.object.metadata?.deletionTimestamp) return;
        syncPod(ctx, cluster, pod);
        return;
      }
      case 'pod-terminated': {
        const cluster = ctx.state.flows[action.flow]!;
        const pod = podByUid(cluster, action.podUid);
        if (!pod || !cluster.kubelet.up) return;
        removePod(ctx, cluster, pod, 'the kubelet stopped its containers at the end of the grace period and the API server removed the object');
        return;
      }
      case 'pod-leeway-end': {
        const cluster = ctx.state.flows[action.flow]!;
        const pod = podByUid(cluster, action.podUid);
        if (pod) endDeletionLeeway(ctx, cluster, pod);
        return;
      }
      case 'token-expiry': {
        const token = action.token;
        if (wasTold(ctx, 'expired', token) || wasTold(ctx, 'invalidated', token)) return;
        const nowMs = ctx.state.nowMs;
        markTold(ctx, 'expired', token, ctx.eventLog.expired(ctx.tokenLog.profileOf(token).flow, nowMs, token, nowMs + CLOCK_SKEW_LEEWAY_MS));
        return;
      }
      case 'actor-call':
        return runActorCall(ctx, action.actor);
      case 'signer-key-sync': {
        const cluster = ctx.state.flows[action.flow]!;
        fetchSignerKeys(ctx, cluster, 'refresh-hint');
        scheduleSignerKeySync(ctx, cluster);
        return;
      }
      case 'legacy-cleaner': {
        const cluster = ctx.state.flows[action.flow]!;
        runLegacyTokenCleaner(ctx, cluster);
        if (ctx.state.nowMs + CLEANER_SYNC_INTERVAL_MS <= this.scenario.durationMs) {
          schedule(ctx, ctx.state.nowMs + CLEANER_SYNC_INTERVAL_MS, { kind: 'legacy-cleaner', flow: cluster.id });
        }
        return;
      }
    }
  }
}

function podByUid(cluster: ClusterState, uid: string) {
  const key = cluster.podKeysByUid[uid];
  return key ? cluster.pods[key] : undefined;
}

/** The pod and actor of every logged event, one at a time. */
function* podsAndActorsOf(log: EventLog): Iterable<Pick<SimEvent['refs'], 'pod' | 'actor'>> {
  for (let i = 0; i < log.length; i++) yield log.podAndActorAt(i);
}
