/**
 * One engine behind one UI: loads scenarios, drives the simulated clock from the wall clock × speed, and sends what
 * happened in batches at most 20 times a second. Work per tick is sliced to a wall-time budget so the host (Electron's
 * main process, a Web Worker) never blocks for long; if the engine cannot keep up, the batch says by how much.
 * Wall time and timers are injected: this file runs unchanged in every host and in tests.
 */
import { Simulation } from '../engine/simulation.ts';
import type { TokenRecord } from '../engine/engine-state.ts';
import { verifyTokenNow } from '../engine/token-jwt.ts';
import { resolveTokenMarkers } from '../engine/token-markers.ts';
import { parseScenario } from '../scenario/parse-scenario.ts';
import { setFlowVersion } from '../scenario/scenario-flow-version.ts';
import type { UserStep } from '../engine/scenario-steps.ts';
import type { Scenario } from '../scenario/scenario-types.ts';
import type { EngineCommand, EngineMessage, ScenarioSummary, TokenSummary } from '../rpc/engine-protocol.ts';

export interface HostPorts {
  wallNowMs(): number;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
  send(message: EngineMessage): void;
}

export const TICK_MS = 50;
/** Wall time one tick may spend simulating before it yields to the host's event loop. */
export const TICK_BUDGET_MS = 12;
/**
 * A tick that ran out of budget leaves simulated time owed; the next ticks catch it up (each within its own budget),
 * so a moment of contention (a GC, a busy core) does not lose simulated time for good. At most this much wall time's
 * worth is owed: an engine too slow for the speed falls behind and says so (`lagMs`) rather than piling up debt.
 */
export const MAX_CATCH_UP_WALL_MS = 1000;

export function summarizeScenario(scenario: Scenario, sourceName: string, scenarioText: string): ScenarioSummary {
  return {
    name: scenario.name,
    title: scenario.title,
    description: scenario.description,
    takeaway: scenario.takeaway,
    sourceName,
    scenarioText,
    annotations: scenario.annotations.map((a) => ({ ...a })),
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
  return {
    index: t.index,
    flow: t.flow,
    number: t.number,
    kind: t.kind,
    issuedAtMs: t.issuedAtMs,
    namespace: t.namespace,
    serviceAccount: t.serviceAccount,
    audiences: t.audiences,
    ...(t.jwtExpiresAtMs !== undefined ? { jwtExpiresAtMs: t.jwtExpiresAtMs } : {}),
    ...(t.statusExpirationMs !== undefined ? { statusExpirationMs: t.statusExpirationMs } : {}),
    ...(t.warnAfterMs !== undefined ? { warnAfterMs: t.warnAfterMs } : {}),
    ...(t.expirationSec !== undefined ? { expirationSec: t.expirationSec } : {}),
    ...(t.boundObject ? { boundObject: t.boundObject } : {}),
    ...(t.secretName ? { secretName: t.secretName } : {}),
    header: t.header,
    claims: t.claims,
  };
}

export class EngineSession {
  private sim: Simulation | undefined;
  private playing = false;
  private speed = 3600;
  private sentEvents = 0;
  private sentTokens = 0;
  private lastWallMs = 0;
  private timer: unknown;
  private lagMs = 0;

  constructor(private readonly ports: HostPorts) {}

  async handle(command: EngineCommand): Promise<void> {
    switch (command.type) {
      case 'load':
        return this.load(command.scenarioText, command.sourceName);
      case 'play':
        if (!this.sim) return;
        if (this.sim.nowMs >= this.sim.durationMs) this.sim.seek(0);
        this.playing = true;
        this.lastWallMs = this.ports.wallNowMs();
        this.lagMs = 0;
        this.flush();
        this.schedule();
        return;
      case 'pause':
        this.playing = false;
        this.stopTimer();
        this.flush();
        return;
      case 'set-speed':
        this.speed = command.speed;
        this.flush();
        return;
      case 'seek':
        if (!this.sim) return;
        this.sim.seek(command.simMs);
        this.lastWallMs = this.ports.wallNowMs();
        this.lagMs = 0;
        this.flush();
        return;
      case 'step':
        if (!this.sim) return;
        this.playing = false;
        this.stopTimer();
        this.sim.stepToNextEvent();
        this.lagMs = 0;
        this.flush();
        return;
      case 'kubectl':
        return this.runConsoleLine(command);
      case 'apply':
        return this.runEditorApply(command);
      case 'set-flow-version':
        return this.rerunWithFlowVersion(command);
      case 'inspect-token': {
        if (!this.sim) return;
        const result = await verifyTokenNow(this.sim, command.token);
        this.ports.send({
          type: 'token-details',
          requestId: command.requestId,
          token: command.token,
          jwt: result.jwt,
          verification: { ok: result.ok, ...(result.error !== undefined ? { error: result.error } : {}), ...(result.username ? { username: result.username } : {}), atMs: this.sim.nowMs },
        });
        return;
      }
    }
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
    const result = target.sim.runUserCommand({ flow, kind: 'apply', text: manifest });
    this.ports.send({ type: 'apply-result', requestId, flow, ok: result.ok, output: result.output, errors: result.errors });
    this.flush();
  }

  /** The simulation a command for `flow` runs in, or why it cannot run. */
  private target(flow: string): { ok: true; sim: Simulation } | { ok: false; refusal: string } {
    const sim = this.sim;
    if (!sim) return { ok: false, refusal: 'no scenario is loaded' };
    if (!sim.cluster(flow)) return { ok: false, refusal: `this scenario has no flow ${JSON.stringify(flow)}; it has ${sim.scenario.flows.map((f) => JSON.stringify(f.id)).join(', ')}` };
    return { ok: true, sim };
  }

  private load(text: string, sourceName: string): void {
    const parsed = parseScenario(text);
    if (!parsed.ok) {
      this.ports.send({ type: 'load-failed', sourceName, errors: parsed.errors });
      return;
    }
    this.start(parsed.value, sourceName, text);
  }

  /**
   * The same scenario with one flow on another release, from the start: the console lines and editor applies run
   * again at their instants, and the playhead comes back to where it was. A version the flow cannot run on is
   * refused with the scenario's own error, and the current run goes on.
   */
  private rerunWithFlowVersion(command: Extract<EngineCommand, { type: 'set-flow-version' }>): void {
    const rewritten = setFlowVersion(command.scenarioText, command.flow, command.kubernetesVersion);
    if (!rewritten.ok) {
      this.ports.send({ type: 'error', message: `flow ${command.flow} cannot run on Kubernetes ${command.kubernetesVersion}: ${rewritten.errors.map((e) => e.message).join('; ')}` });
      return;
    }
    const atMs = this.sim?.nowMs ?? 0;
    const userSteps = this.sim ? [...this.sim.recordedSteps] : [];
    this.start(rewritten.value.scenario, command.sourceName, rewritten.value.text, userSteps);
    this.sim?.seek(atMs);
    this.flush();
  }

  private start(scenario: Scenario, sourceName: string, text: string, userSteps: readonly UserStep[] = []): void {
    this.stopTimer();
    this.playing = false;
    this.sim = new Simulation(scenario, { userSteps });
    this.sentEvents = 0;
    this.sentTokens = 0;
    this.lagMs = 0;
    this.ports.send({ type: 'loaded', scenario: summarizeScenario(scenario, sourceName, text) });
    this.flush();
  }

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
    if (!sim || !this.playing) return;
    const wallNow = this.ports.wallNowMs();
    const owedMs = Math.min(this.lagMs, MAX_CATCH_UP_WALL_MS * this.speed);
    const targetMs = Math.min(sim.durationMs, sim.nowMs + owedMs + (wallNow - this.lastWallMs) * this.speed);
    this.lastWallMs = wallNow;
    const sliceMs = Math.max(1000, (targetMs - sim.nowMs) / 8);
    while (sim.nowMs < targetMs && this.ports.wallNowMs() - wallNow < TICK_BUDGET_MS) {
      sim.runUntil(Math.min(targetMs, sim.nowMs + sliceMs));
    }
    this.lagMs = targetMs - sim.nowMs;
    if (sim.nowMs >= sim.durationMs) this.playing = false;
    this.flush();
    if (this.playing) this.schedule();
  }

  /** Sends everything new since the last batch; after a backward seek, `fromEvent` tells the UI where to cut. */
  private flush(): void {
    const sim = this.sim;
    if (!sim) return;
    const fromEvent = Math.min(this.sentEvents, sim.events.length);
    const fromToken = Math.min(this.sentTokens, sim.tokens.length);
    this.ports.send({
      type: 'progress',
      fromEvent,
      events: sim.events.slice(fromEvent),
      fromToken,
      tokens: sim.tokens.slice(fromToken).map(summarizeToken),
      nowMs: sim.nowMs,
      playing: this.playing,
      speed: this.speed,
      lagMs: this.lagMs,
    });
    this.sentEvents = sim.events.length;
    this.sentTokens = sim.tokens.length;
  }
}
