/**
 * One engine behind one UI: loads scenarios, drives the simulated clock from the wall clock × speed, and sends what
 * happened in batches at most 20 times a second. All engine work (play, seek, load) is sliced to a wall-time budget
 * so the host (Electron's main process, a Web Worker) never blocks for long: a long seek yields between slices, says
 * how far it got, and can be cancelled; if playing cannot keep up, the batch says by how much. This is also the
 * engine's boundary: an exception from the engine is caught here, reported with the command that caused it, and the
 * session goes back to its last good state. Wall time and timers are injected: this file runs unchanged in every host
 * and in tests.
 */
import { Simulation } from '../engine/simulation.ts';
import type { TokenRecord } from '../engine/engine-state.ts';
import { verifyTokenNow } from '../engine/token-jwt.ts';
import { resolveTokenMarkers } from '../engine/token-markers.ts';
import { refreshWindowOpensMs } from '../engine/token-rules.ts';
import { parseScenario } from '../scenario/parse-scenario.ts';
import { setFlowVersion } from '../scenario/scenario-flow-version.ts';
import { setScenarioAnnotations } from '../scenario/scenario-annotations.ts';
import { setScenarioScenes } from '../scenario/scenario-scenes.ts';
import type { RewrittenScenario } from '../scenario/rewrite-scenario.ts';
import { sameRun } from '../scenario/same-run.ts';
import type { InputError, ParseResult, Scenario } from '../scenario/scenario-types.ts';
import { copyScene } from '../model/scene.ts';
import type { EngineCommand, EngineMessage, LoadedScenario, ScenarioEdit, ScenarioSummary, TokenSummary, WorkingCommand } from '../rpc/engine-protocol.ts';
import type { SimEvent } from '../model/events.ts';
import type { UserStep } from '../engine/scenario-steps.ts';
import { estimateWork, WorkMeter, workWarning } from '../engine/work-budget.ts';
import { DEFAULT_SCENARIO_BUDGETS, ENGINE_SLICE_BUDGET_MS, type ScenarioBudgets } from '../limits/input-budgets.ts';
import { formatDuration } from '../time/duration.ts';

export interface HostPorts {
  wallNowMs(): number;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
  send(message: EngineMessage): void;
}

export const TICK_MS = 50;
/** Wall time one tick (or one slice of a seek or load) may spend simulating before it yields to the host's event loop. */
export const TICK_BUDGET_MS = ENGINE_SLICE_BUDGET_MS;
/**
 * Agenda actions run between two looks at the wall clock: few enough that even when every one is the slowest kind (a
 * pod sync that issues a token and rewrites its file), they stay well inside the budget.
 */
export const ACTIONS_PER_CHECK = 32;
/** A long seek or load reports how far it got at most this often. */
export const WORKING_REPORT_MS = 100;
/**
 * A tick that ran out of budget leaves simulated time owed; the next ticks catch it up (each within its own budget),
 * so a moment of contention (a GC, a busy core) does not lose simulated time for good. At most this much wall time's
 * worth is owed: an engine too slow for the speed falls behind and says so (`lagMs`) rather than piling up debt.
 */
export const MAX_CATCH_UP_WALL_MS = 1000;
/** Events built for a batch between two looks at the wall clock (each takes a microsecond or two). */
const EVENTS_PER_CLOCK_CHECK = 512;

export function summarizeScenario(scenario: Scenario, sourceName: string, scenarioText: string, warning?: string): ScenarioSummary {
  return {
    ...(warning === undefined ? {} : { workWarning: warning }),
    name: scenario.name,
    title: scenario.title,
    description: scenario.description,
    takeaway: scenario.takeaway,
    sourceName,
    scenarioText,
    annotations: scenario.annotations.map((a) => ({ ...a })),
    scenes: scenario.scenes.map(copyScene),
    durationMs: scenario.durationMs,
    startEpochMs: scenario.startEpochMs,
    flows: scenario.flows.map((f) => ({
      id: f.id,
      label: f.label,
      kubernetesVersion: f.kubernetesVersion,
      issuer: f.apiServer.issuers[0] ?? '',
      apiAudiences: f.apiServer.apiAudiences.length > 0 ? f.apiServer.apiAudiences : f.apiServer.issuers,
      extendTokenExpiration: f.apiServer.extendTokenExpiration,
      maxTokenExpirationSec: f.apiServer.maxTokenExpirationSec,
      externalSigner: f.apiServer.externalSigner !== undefined,
    })),
  };
}

export function summarizeToken(t: TokenRecord): TokenSummary {
  // Built field by field rather than with spreads: a forward seek sends a hundred thousand of these at once.
  const summary: TokenSummary = {
    index: t.index,
    flow: t.flow,
    number: t.number,
    kind: t.kind,
    issuedAtMs: t.issuedAtMs,
    namespace: t.namespace,
    serviceAccount: t.serviceAccount,
    audiences: t.audiences,
  } as TokenSummary;
  if (t.jwtExpiresAtMs !== undefined) summary.jwtExpiresAtMs = t.jwtExpiresAtMs;
  if (t.statusExpirationMs !== undefined) summary.statusExpirationMs = t.statusExpirationMs;
  if (t.warnAfterMs !== undefined) summary.warnAfterMs = t.warnAfterMs;
  if (t.expirationSec !== undefined) summary.expirationSec = t.expirationSec;
  if (t.statusExpirationMs !== undefined && t.expirationSec !== undefined) summary.refreshOpensAtMs = refreshWindowOpensMs(t.statusExpirationMs, t.expirationSec);
  if (t.boundObject) summary.boundObject = t.boundObject;
  if (t.secretName) summary.secretName = t.secretName;
  summary.header = t.header;
  summary.claims = t.claims;
  return summary;
}

/** A piece of work done in slices: `step` runs one slice and says whether the work is finished. */
interface Job {
  command: WorkingCommand;
  step(): boolean;
  /** How far it got, from 0 to 1. */
  fraction(): number;
  /** Whether the UI needs a progress batch when it is done (a refused load changed nothing). */
  changed(): boolean;
}

/** What was being done when the engine threw: a command, or the session's own play ticks and seek or load slices. */
type FailedWork = EngineCommand | { type: 'play' | 'seek' | 'recover' };

/** What the session can go back to when the engine throws: an instant, and the console lines recorded up to it. */
interface Checkpoint {
  atMs: number;
  steps: readonly UserStep[];
}

/** Commands that change nothing in the simulation: they run at once, even while a seek or load is under way. */
const IMMEDIATE: ReadonlySet<EngineCommand['type']> = new Set(['pause', 'set-speed', 'cancel', 'inspect-token', 'edit-scenario']);

export class EngineSession {
  private sim: Simulation | undefined;
  /** The scenario as the UI was last told it: notes and scenes edits rewrite its text. */
  private summary: LoadedScenario | undefined;
  /** How many scenarios this session has installed: each gets the next number as its `load`. */
  private loads = 0;
  private playing = false;
  /** Where the current play stops by itself (a scene playing on to the next one); undefined: the end of the run. */
  private playUntilMs: number | undefined;
  private speed = 3600;
  private sentEvents = 0;
  private sentTokens = 0;
  /**
   * How much of the engine's logs the UI holds, shown or kept past a seek back: the same entries as the engine's up
   * to here, so a seek forward over the same future sends a count rather than the entries again.
   */
  private uiKeptEvents = 0;
  private uiKeptTokens = 0;
  private lastWallMs = 0;
  private timer: unknown;
  private lagMs = 0;
  private job: Job | undefined;
  private jobTimer: unknown;
  private jobReportedMs: number | undefined;
  /** Commands that arrived during a seek or load, run in order once it is done. */
  private queued: EngineCommand[] = [];
  /** The instant at which the engine threw while replaying: the clock stays before it until another load. */
  private faultAtMs: number | undefined;
  private haltReported = false;
  /** When the slice of sliced work under way must yield (a seek's batches stop building there). */
  private sliceDeadlineMs = Number.POSITIVE_INFINITY;

  /** `budgets`: how many pods a scenario may have and how much its run may log; only benchmarks pass other than the defaults. */
  constructor(
    private readonly ports: HostPorts,
    private readonly budgets: Readonly<ScenarioBudgets> = DEFAULT_SCENARIO_BUDGETS,
  ) {}

  /** Never rejects: whatever the engine throws is reported as a message naming this command. */
  async handle(command: EngineCommand): Promise<void> {
    // A new load replaces any work under way, and a new seek replaces a seek; anything else waits for it to finish.
    const replaces = command.type === 'load' || (command.type === 'seek' && this.job?.command === 'seek');
    if (this.job && !IMMEDIATE.has(command.type) && !replaces) {
      this.queued.push(command);
      return;
    }
    // A pause runs ahead of what waits behind a seek, so it must also stop a play that was asked for before it.
    if (command.type === 'pause') this.queued = this.queued.filter((waiting) => waiting.type !== 'play');
    const checkpoint = this.checkpoint();
    try {
      await this.run(command);
    } catch (error) {
      this.fail(command, error, checkpoint);
    }
  }

  private async run(command: EngineCommand): Promise<void> {
    switch (command.type) {
      case 'load':
        this.cancelJob();
        this.queued = [];
        return this.startJob(this.loadJob(command.scenarioText, command.sourceName));
      case 'play': {
        const sim = this.sim;
        if (!sim) return;
        if (sim.nowMs >= this.endMs(sim)) sim.seek(0);
        this.playUntilMs = command.untilMs !== undefined && command.untilMs > sim.nowMs ? command.untilMs : undefined;
        this.playing = true;
        this.lastWallMs = this.ports.wallNowMs();
        this.lagMs = 0;
        this.flush();
        this.schedule();
        return;
      }
      case 'pause':
        this.playing = false;
        this.playUntilMs = undefined;
        this.stopTimer();
        this.flush();
        return;
      case 'set-speed':
        this.speed = command.speed;
        this.flush();
        return;
      case 'cancel':
        this.cancelJob();
        this.flush();
        return;
      case 'seek': {
        const sim = this.sim;
        if (!sim) return;
        this.cancelJob();
        this.playUntilMs = undefined;
        return this.startJob(this.seekJob(sim, command.simMs, 'seek'));
      }
      case 'step': {
        const sim = this.sim;
        if (!sim) return;
        this.playing = false;
        this.stopTimer();
        if (sim.nowMs < this.endMs(sim)) sim.stepToNextEvent();
        this.lagMs = 0;
        this.flush();
        return;
      }
      case 'kubectl':
        return this.runConsoleLine(command);
      case 'apply':
        return this.runEditorApply(command);
      case 'set-flow-version':
        return this.rerunWithFlowVersion(command);
      case 'edit-scenario':
        return this.editScenario(command);
      case 'inspect-token': {
        const sim = this.sim;
        if (!sim) return;
        if (command.token >= sim.tokenLog.length) throw new Error(`there is no token #${command.token + 1} at ${formatDuration(sim.nowMs)}`);
        const result = await verifyTokenNow(sim, command.token);
        this.ports.send({
          type: 'token-details',
          requestId: command.requestId,
          token: command.token,
          jwt: result.jwt,
          verification: { ok: result.ok, ...(result.error !== undefined ? { error: result.error } : {}), ...(result.username ? { username: result.username } : {}), atMs: sim.nowMs },
        });
        return;
      }
    }
  }

  /** The console waits for its own answer, so a failing line gets one at once, as does the editor. */
  private answerFailedRequest(command: FailedWork, reason: string): void {
    if (command.type === 'kubectl') {
      const { requestId, flow, line } = command;
      this.ports.send({ type: 'kubectl-result', requestId, flow, line, stdout: '', stderr: `error: the simulator failed on this command: ${reason}\n`, exitCode: 1 });
    } else if (command.type === 'apply') {
      const { requestId, flow } = command;
      this.ports.send({ type: 'apply-result', requestId, flow, ok: false, output: `error: the simulator failed on this apply: ${reason}`, errors: [{ message: `the simulator failed on this apply: ${reason}` }] });
    }
  }

  /**
   * The engine threw during `command`. Its state may be half-changed, so the session rebuilds the simulation from the
   * scenario and the console lines recorded before the command, and replays it (sliced) to the last good instant; an
   * instant the replay cannot pass is fenced off. The UI is told what failed and where the clock now stands.
   */
  private fail(command: FailedWork, error: unknown, checkpoint: Checkpoint | undefined): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.cancelJob();
    this.stopTimer();
    this.playing = false;
    this.answerFailedRequest(command, reason);
    const sim = this.sim;
    const requestId = 'requestId' in command ? { requestId: command.requestId } : {};
    if (!sim || !checkpoint || command.type === 'recover') {
      // Nothing to go back to, or going back failed too: the session starts over empty rather than loop.
      this.sim = undefined;
      this.ports.send({ type: 'error', command: command.type, ...requestId, message: `${command.type} failed: ${reason}. Load the scenario again.` });
      return;
    }
    // A console line or editor apply is dropped; anything else failed replaying what was already there.
    const userCommand = command.type === 'kubectl' || command.type === 'apply';
    if (!userCommand) this.faultAtMs = Math.min(this.faultAtMs ?? Number.POSITIVE_INFINITY, sim.nowMs);
    const backToMs = Math.max(0, Math.min(checkpoint.atMs, (this.faultAtMs ?? Number.POSITIVE_INFINITY) - 1));
    const fenced = this.faultAtMs === undefined ? '' : ` It cannot run past ${formatDuration(this.faultAtMs)} until the scenario is loaded again.`;
    this.ports.send({
      type: 'error',
      command: command.type,
      ...requestId,
      message: `${command.type} failed at ${formatDuration(sim.nowMs)}: ${reason}. The simulation goes back to ${formatDuration(backToMs)}${userCommand ? ', without that command' : ''}.${fenced}`,
    });
    try {
      const rebuilt = this.simulate(sim.scenario, checkpoint.steps);
      this.sim = rebuilt;
      // The UI's log is cut back to what the rebuilt run will send again.
      this.forgetSent();
      this.startJob(this.seekJob(rebuilt, backToMs, 'recover'));
    } catch (rebuildError) {
      this.sim = undefined;
      this.ports.send({ type: 'error', command: command.type, message: `the simulation could not be restored (${String(rebuildError)}); load the scenario again` });
    }
  }

  /** The UI's log is cut back to nothing: what the engine sends next it sends in full. */
  private forgetSent(): void {
    this.sentEvents = 0;
    this.sentTokens = 0;
    this.uiKeptEvents = 0;
    this.uiKeptTokens = 0;
  }

  /** A user command changes the future after the logs' current ends: what the UI kept past them no longer holds. */
  private forgetKeptFuture(sim: Simulation): void {
    this.uiKeptEvents = Math.min(this.uiKeptEvents, sim.eventLog.length);
    this.uiKeptTokens = Math.min(this.uiKeptTokens, sim.tokenLog.length);
  }

  private checkpoint(): Checkpoint | undefined {
    const sim = this.sim;
    return sim ? { atMs: sim.nowMs, steps: [...sim.recordedSteps] } : undefined;
  }

  /** Where play and seeks stop: the end, a budget the run reached, or just before an instant the engine failed at. */
  private endMs(sim: Simulation): number {
    return Math.min(sim.endMs, this.faultAtMs === undefined ? Number.POSITIVE_INFINITY : this.faultAtMs - 1);
  }

  /** A console line runs now against one flow and is recorded; JWTs in its output are resolved before it is sent. */
  private async runConsoleLine(command: Extract<EngineCommand, { type: 'kubectl' }>): Promise<void> {
    const { requestId, flow, line, stdin } = command;
    const target = this.target(flow);
    if (!target.ok) {
      this.ports.send({ type: 'kubectl-result', requestId, flow, line, stdout: '', stderr: `error: ${target.refusal}\n`, exitCode: 1 });
      return;
    }
    const { sim } = target;
    this.forgetKeptFuture(sim);
    // The here-document's body travels as the step's file text, which `-f -` reads, so seeking replays it too.
    const { stdout, stderr, exitCode } = sim.runUserCommand({ flow, kind: 'kubectl', text: line, ...(stdin === undefined ? {} : { manifest: stdin }) });
    this.ports.send({ type: 'kubectl-result', requestId, flow, line, stdout: await resolveTokenMarkers(sim, stdout), stderr: await resolveTokenMarkers(sim, stderr), exitCode });
    this.flush();
  }

  /** An editor apply runs now against one flow and is recorded; errors come back with their place in the manifest. */
  private runEditorApply(command: Extract<EngineCommand, { type: 'apply' }>): void {
    const { requestId, flow, manifest } = command;
    const target = this.target(flow);
    if (!target.ok) {
      this.ports.send({ type: 'apply-result', requestId, flow, ok: false, output: `error: ${target.refusal}`, errors: [{ message: target.refusal }] });
      return;
    }
    this.forgetKeptFuture(target.sim);
    const result = target.sim.runUserCommand({ flow, kind: 'apply', text: manifest });
    this.ports.send({ type: 'apply-result', requestId, flow, ok: result.ok, output: result.output, errors: result.errors });
    this.flush();
  }

  /**
   * The notes or scenes rewritten into the scenario's text (comments and the rest kept as written) and parsed again;
   * the simulation is untouched, since neither changes what runs. A rewrite the format refuses changes nothing.
   */
  private editScenario(command: Extract<EngineCommand, { type: 'edit-scenario' }>): void {
    const { requestId } = command;
    const summary = this.summary;
    const sim = this.sim;
    if (!summary || !sim) {
      this.ports.send({ type: 'edit-result', requestId, ok: false, errors: [{ message: 'no scenario is loaded' }] });
      return;
    }
    if (command.load !== summary.load) {
      // Made on a scenario that a load replaced while the edit was on its way: it belongs to that one, not this one.
      const message = `the scenario this edit was made on has since been replaced by “${summary.title || summary.name}”, so the edit was not applied`;
      this.ports.send({ type: 'edit-result', requestId, ok: false, errors: [{ message }] });
      return;
    }
    let edited: ParseResult<RewrittenScenario>;
    try {
      edited = this.rewrite(summary.scenarioText, command.edit, sim.scenario);
    } catch (error) {
      // The simulation was not touched, so there is nothing to go back to: the edit alone is refused.
      edited = { ok: false, errors: [{ message: `the scenario could not be rewritten: ${error instanceof Error ? error.message : String(error)}` }] };
    }
    if (!edited.ok) {
      this.ports.send({ type: 'edit-result', requestId, ok: false, errors: edited.errors });
      return;
    }
    const { scenario, text } = edited.value;
    this.summary = { ...summary, scenarioText: text, annotations: scenario.annotations.map((a) => ({ ...a })), scenes: scenario.scenes.map(copyScene) };
    this.ports.send({ type: 'edit-result', requestId, ok: true, scenario: this.summary });
  }

  private rewrite(text: string, edit: ScenarioEdit, running: Scenario): ParseResult<RewrittenScenario> {
    switch (edit.kind) {
      case 'annotations':
        return setScenarioAnnotations(text, edit.annotations);
      case 'scenes':
        return setScenarioScenes(text, edit.scenes);
      case 'restore': {
        const parsed = parseScenario(edit.scenarioText, this.budgets);
        if (!parsed.ok) return parsed;
        if (!sameRun(parsed.value, running)) {
          return { ok: false, errors: [{ message: 'this text runs differently from the loaded scenario; only its notes and scenes can be restored without loading it' }] };
        }
        return { ok: true, value: { text: edit.scenarioText, scenario: parsed.value } };
      }
    }
  }

  /** The simulation a command for `flow` runs in, or why it cannot run. */
  private target(flow: string): { ok: true; sim: Simulation } | { ok: false; refusal: string } {
    const sim = this.sim;
    if (!sim) return { ok: false, refusal: 'no scenario is loaded' };
    if (!sim.cluster(flow)) return { ok: false, refusal: `this scenario has no flow ${JSON.stringify(flow)}; it has ${sim.scenario.flows.map((f) => JSON.stringify(f.id)).join(', ')}` };
    if (sim.halt) return { ok: false, refusal: sim.halt.message };
    return { ok: true, sim };
  }

  // ---- sliced work ----------------------------------------------------------------------------------------------

  /** Parse, then build: the new scenario replaces the current one only once it is ready, so a cancel keeps the old. */
  private loadJob(text: string, sourceName: string): Job {
    let parsed: ReturnType<typeof parseScenario> | undefined;
    let replaced = false;
    const refuse = (errors: InputError[]) => {
      this.ports.send({ type: 'load-failed', sourceName, errors });
      return true;
    };
    return {
      command: 'load',
      fraction: () => (parsed === undefined ? 0 : 0.5),
      changed: () => replaced,
      step: () => {
        if (parsed === undefined) {
          parsed = parseScenario(text, this.budgets);
          return parsed.ok ? false : refuse(parsed.errors);
        }
        if (!parsed.ok) return true;
        try {
          this.install(parsed.value, sourceName, text);
        } catch (error) {
          // The current scenario stays: a load that cannot start changes nothing.
          return refuse([{ message: `the scenario could not be started: ${error instanceof Error ? error.message : String(error)}` }]);
        }
        replaced = true;
        return true;
      },
    };
  }

  /** A new simulation in place of the current one (built first, so a scenario that cannot start changes nothing). */
  private install(scenario: Scenario, sourceName: string, text: string, userSteps: readonly UserStep[] = []): Simulation {
    const sim = this.simulate(scenario, userSteps);
    this.stopTimer();
    this.playing = false;
    this.sim = sim;
    this.faultAtMs = undefined;
    this.haltReported = false;
    this.forgetSent();
    this.lagMs = 0;
    this.loads += 1;
    this.summary = { ...summarizeScenario(scenario, sourceName, text, workWarning(scenario, estimateWork(scenario, this.budgets), this.budgets)), load: this.loads };
    this.ports.send({ type: 'loaded', scenario: this.summary });
    return sim;
  }

  private simulate(scenario: Scenario, userSteps: readonly UserStep[]): Simulation {
    return new Simulation(scenario, { userSteps, meter: new WorkMeter(scenario, this.budgets) });
  }

  /**
   * The same scenario with one flow on another release, from the start: the console lines and editor applies run
   * again at their instants, and the playhead comes back to where it was (a seek, sliced like any other). A version
   * the flow cannot run on is refused with the scenario's own error, and the current run goes on.
   */
  private rerunWithFlowVersion(command: Extract<EngineCommand, { type: 'set-flow-version' }>): void {
    const rewritten = setFlowVersion(command.scenarioText, command.flow, command.kubernetesVersion);
    if (!rewritten.ok) {
      this.ports.send({ type: 'error', command: command.type, message: `flow ${command.flow} cannot run on Kubernetes ${command.kubernetesVersion}: ${rewritten.errors.map((e) => e.message).join('; ')}` });
      return;
    }
    const atMs = this.sim?.nowMs ?? 0;
    const userSteps = this.sim ? [...this.sim.recordedSteps] : [];
    const sim = this.install(rewritten.value.scenario, command.sourceName, rewritten.value.text, userSteps);
    this.startJob(this.seekJob(sim, atMs, 'seek'));
  }

  /**
   * Restores the nearest snapshot at or before the target (back, or forward over a future computed before), replays to
   * the target a slice at a time, then sends the UI what it lacks, a slice at a time too.
   */
  private seekJob(sim: Simulation, simMs: number, command: 'seek' | 'recover'): Job {
    const target = Math.min(sim.rewindFor(simMs), this.endMs(sim));
    const fromMs = sim.nowMs;
    this.lastWallMs = this.ports.wallNowMs();
    this.lagMs = 0;
    // Progress: the first half is replaying to the target, the second sending what the UI lacks once there.
    const replayed = () => (target <= fromMs ? 1 : Math.min(1, (sim.nowMs - fromMs) / (target - fromMs)));
    let sending: { from: number; to: number } | undefined;
    let sentAll = false;
    return {
      command,
      changed: () => !sentAll,
      fraction: () => (sending ? 0.5 + (0.5 * (this.sentEvents - sending.from)) / Math.max(1, sending.to - sending.from) : 0.5 * replayed()),
      step: () => {
        if (sim !== this.sim) return true;
        if (!sim.reached(target)) sim.advance(target, ACTIONS_PER_CHECK);
        if (!sim.reached(target)) return false;
        // A batch that builds in a moment goes when the job finishes, as one message.
        if (sim.eventLog.length - this.sentEvents <= EVENTS_PER_CLOCK_CHECK) return true;
        sending ??= { from: Math.min(this.sentEvents, sim.eventLog.length), to: sim.eventLog.length };
        sentAll = this.flush(this.sliceDeadlineMs);
        return sentAll;
      },
    };
  }

  /** Runs a job's slices until its wall-time budget is spent, then yields to the host and carries on after. */
  private startJob(job: Job): void {
    this.job = job;
    this.jobReportedMs = undefined;
    this.runJob();
  }

  private runJob(): void {
    const job = this.job;
    if (!job) return;
    this.jobTimer = undefined;
    const startMs = this.ports.wallNowMs();
    this.sliceDeadlineMs = startMs + TICK_BUDGET_MS;
    let done = false;
    const checkpoint = this.checkpoint();
    try {
      do done = job.step();
      while (!done && this.ports.wallNowMs() - startMs < TICK_BUDGET_MS);
    } catch (error) {
      this.job = undefined;
      if (job.command === 'load') {
        // A load replaces the simulation only as its last act, so the current one is untouched.
        this.ports.send({ type: 'error', command: 'load', message: `load failed: ${error instanceof Error ? error.message : String(error)}` });
        return;
      }
      this.fail({ type: job.command }, error, checkpoint);
      return;
    }
    if (!done) {
      const nowMs = this.ports.wallNowMs();
      if (this.jobReportedMs === undefined || nowMs - this.jobReportedMs >= WORKING_REPORT_MS) {
        this.jobReportedMs = nowMs;
        this.ports.send({ type: 'working', command: job.command, fraction: job.fraction(), done: false });
        // What a long seek has replayed so far goes out as it comes, not as one huge batch at the end.
        if (job.command !== 'load') this.flush(this.ports.wallNowMs() + TICK_BUDGET_MS);
      }
      this.jobTimer = this.ports.setTimer(() => this.runJob(), 0);
      return;
    }
    this.finishJob(job);
  }

  private finishJob(job: Job): void {
    this.job = undefined;
    if (this.jobReportedMs !== undefined) this.ports.send({ type: 'working', command: job.command, fraction: 1, done: true });
    this.jobReportedMs = undefined;
    this.lastWallMs = this.ports.wallNowMs();
    if (job.changed()) this.flush();
    if (this.playing) this.schedule();
    const queued = this.queued;
    this.queued = [];
    for (const command of queued) void this.handle(command);
  }

  /** Stops a seek where it got to, or a load before it replaced anything. */
  private cancelJob(): void {
    const job = this.job;
    if (!job) return;
    if (this.jobTimer !== undefined) this.ports.clearTimer(this.jobTimer);
    this.jobTimer = undefined;
    this.job = undefined;
    if (this.jobReportedMs !== undefined) this.ports.send({ type: 'working', command: job.command, fraction: job.fraction(), done: true });
    this.jobReportedMs = undefined;
  }

  // ---- playing --------------------------------------------------------------------------------------------------

  private schedule(): void {
    this.stopTimer();
    this.timer = this.ports.setTimer(() => this.tick(), TICK_MS);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) this.ports.clearTimer(this.timer);
    this.timer = undefined;
  }

  /** Advances simulated time by the wall time since the last tick × speed, within the tick's budget. */
  private tick(): void {
    this.timer = undefined;
    const sim = this.sim;
    if (!sim || !this.playing || this.job) return;
    const checkpoint = this.checkpoint();
    try {
      const wallNow = this.ports.wallNowMs();
      const endMs = Math.min(this.endMs(sim), this.playUntilMs ?? Number.POSITIVE_INFINITY);
      const owedMs = Math.min(this.lagMs, MAX_CATCH_UP_WALL_MS * this.speed);
      const targetMs = Math.min(endMs, sim.nowMs + owedMs + (wallNow - this.lastWallMs) * this.speed);
      this.lastWallMs = wallNow;
      while (!sim.reached(targetMs) && this.ports.wallNowMs() - wallNow < TICK_BUDGET_MS) sim.advance(targetMs, ACTIONS_PER_CHECK);
      this.lagMs = Math.max(0, targetMs - sim.nowMs);
      if (sim.nowMs >= endMs) {
        this.playing = false;
        this.playUntilMs = undefined;
      }
      this.flush();
      if (this.playing) this.schedule();
    } catch (error) {
      this.fail({ type: 'play' }, error, checkpoint);
    }
  }

  /**
   * Sends everything new since the last batch; after a backward seek, `fromEvent` tells the UI where to cut. With a
   * deadline, sends what it can build by then (events in order, with the tokens issued up to the last of them, and
   * the clock at that event) and says whether it sent everything: a seek forward that restored a later snapshot has
   * days of events to send, and builds them a slice at a time instead of blocking the host for seconds.
   */
  private flush(untilWallMs = Number.POSITIVE_INFINITY): boolean {
    const sim = this.sim;
    if (!sim) return true;
    const log = sim.eventLog;
    const tokens = sim.tokenLog;
    const fromEvent = Math.min(this.sentEvents, log.length);
    const fromToken = Math.min(this.sentTokens, tokens.length);
    // What the UI kept of this stretch is shown again rather than sent again.
    const keptToEvent = Math.max(fromEvent, Math.min(this.uiKeptEvents, log.length));
    // Built here, at the boundary: the engine keeps its logs as columns.
    const events: SimEvent[] = [];
    let toEvent = keptToEvent;
    while (toEvent < log.length) {
      events.push(log.get(toEvent++));
      if ((toEvent - keptToEvent) % EVENTS_PER_CLOCK_CHECK === 0 && this.ports.wallNowMs() >= untilWallMs) break;
    }
    const complete = toEvent === log.length;
    const nowMs = complete ? sim.nowMs : log.atMsAt(toEvent - 1);
    let toToken = fromToken;
    if (complete) toToken = tokens.length;
    else while (toToken < tokens.length && tokens.issuedAt(toToken) <= nowMs) toToken++;
    const keptToToken = Math.max(fromToken, Math.min(this.uiKeptTokens, toToken));
    this.ports.send({
      type: 'progress',
      fromEvent,
      keptEvents: keptToEvent - fromEvent,
      events,
      fromToken,
      keptTokens: keptToToken - fromToken,
      tokens: tokens.slice(keptToToken, toToken).map(summarizeToken),
      nowMs,
      playing: this.playing,
      speed: this.speed,
      lagMs: this.lagMs,
    });
    this.sentEvents = toEvent;
    this.sentTokens = toToken;
    // New entries replace whatever the UI kept after them.
    if (toEvent > keptToEvent) this.uiKeptEvents = toEvent;
    if (toToken > keptToToken) this.uiKeptTokens = toToken;
    if (!complete) return false;
    const halt = sim.halt;
    if (halt && !this.haltReported) {
      this.haltReported = true;
      this.ports.send({ type: 'halted', atMs: halt.atMs, message: halt.message });
    }
    if (!halt) this.haltReported = false;
    return true;
  }
}
