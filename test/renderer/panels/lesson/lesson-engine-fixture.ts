/**
 * A small, synchronous engine host for lesson tests: the real Simulation and the real TimelineStore, joined by the
 * same messages the engine session sends, with the wall clock replaced by `play(simMs)`. It also runs console
 * kubectl lines on the simulation's context, as the desktop and worker hosts do, and answers with kubectl-result.
 */
import { Simulation } from '../../../../shared/engine/simulation.ts';
import { runKubectlLine } from '../../../../shared/engine/scenario-steps.ts';
import { summarizeScenario, summarizeToken } from '../../../../shared/host/engine-session.ts';
import type { EngineCommand, EngineMessage } from '../../../../shared/rpc/engine-protocol.ts';
import { parseScenario } from '../../../../shared/scenario/parse-scenario.ts';
import type { EngineClient } from '../../../../renderer/bridge/engine-client.ts';
import { TimelineStore, type TimelineSnapshot } from '../../../../renderer/state/timeline-store.ts';
import type { ProgressStore } from '../../../../renderer/panels/lesson/progress-store.ts';
import type { LessonProgress } from '../../../../renderer/panels/lesson/lesson-model.ts';

export class FakeEngine implements EngineClient {
  readonly store = new TimelineStore();
  readonly sent: EngineCommand[] = [];
  sim: Simulation | undefined;
  playing = false;
  speed = 3600;
  private sentEvents = 0;
  private sentTokens = 0;
  private readonly listeners = new Set<(message: EngineMessage) => void>();

  send(command: EngineCommand): void {
    this.sent.push(command);
    this.handle(command);
  }

  onMessage(listener: (message: EngineMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): TimelineSnapshot {
    return this.store.getSnapshot();
  }

  /** What the wall clock would do while playing: run the simulation forward by `simMs`, then report. */
  play(simMs: number): void {
    if (!this.sim || !this.playing) return;
    this.sim.runUntil(this.sim.nowMs + simMs);
    if (this.sim.nowMs >= this.sim.durationMs) this.playing = false;
    this.flush();
  }

  commandsOf<T extends EngineCommand['type']>(type: T): Extract<EngineCommand, { type: T }>[] {
    return this.sent.filter((c): c is Extract<EngineCommand, { type: T }> => c.type === type);
  }

  private emit(message: EngineMessage): void {
    this.store.apply(message);
    for (const listener of this.listeners) listener(message);
  }

  private handle(command: EngineCommand): void {
    switch (command.type) {
      case 'load': {
        const parsed = parseScenario(command.scenarioText);
        if (!parsed.ok) {
          this.emit({ type: 'load-failed', sourceName: command.sourceName, errors: parsed.errors });
          return;
        }
        this.sim = new Simulation(parsed.value);
        this.playing = false;
        this.sentEvents = 0;
        this.sentTokens = 0;
        this.emit({ type: 'loaded', scenario: summarizeScenario(parsed.value, command.sourceName) });
        this.flush();
        return;
      }
      case 'play':
        this.playing = this.sim !== undefined;
        this.flush();
        return;
      case 'pause':
        this.playing = false;
        this.flush();
        return;
      case 'set-speed':
        this.speed = command.speed;
        this.flush();
        return;
      case 'seek':
        this.sim?.seek(command.simMs);
        this.flush();
        return;
      case 'kubectl': {
        const sim = this.sim;
        const cluster = sim?.cluster(command.flow);
        if (!sim || !cluster) return;
        const before = sim.events.length;
        runKubectlLine(sim.context, cluster, command.line);
        const ran = sim.events.slice(before).find((e) => e.type === 'kubectl.ran');
        this.flush();
        if (ran?.type === 'kubectl.ran') {
          this.emit({ type: 'kubectl-result', requestId: command.requestId, flow: command.flow, line: command.line, stdout: ran.stdout, stderr: ran.stderr, exitCode: ran.exitCode });
        }
        return;
      }
      default:
        return;
    }
  }

  private flush(): void {
    const sim = this.sim;
    if (!sim) return;
    const fromEvent = Math.min(this.sentEvents, sim.events.length);
    const fromToken = Math.min(this.sentTokens, sim.tokens.length);
    this.emit({
      type: 'progress',
      fromEvent,
      events: sim.events.slice(fromEvent),
      fromToken,
      tokens: sim.tokens.slice(fromToken).map(summarizeToken),
      nowMs: sim.nowMs,
      playing: this.playing,
      speed: this.speed,
      lagMs: 0,
    });
    this.sentEvents = sim.events.length;
    this.sentTokens = sim.tokens.length;
  }
}

/** A ProgressStore that keeps copies in memory and counts saves, as a fake for the panel's tests. */
export class FakeProgressStore implements ProgressStore {
  readonly saved = new Map<string, LessonProgress>();
  saves = 0;

  constructor(initial?: { lessonId: string; progress: LessonProgress }) {
    if (initial) this.saved.set(initial.lessonId, structuredClone(initial.progress));
  }

  load(lessonId: string): LessonProgress | undefined {
    const progress = this.saved.get(lessonId);
    return progress && structuredClone(progress);
  }

  save(lessonId: string, progress: LessonProgress): void {
    this.saves += 1;
    this.saved.set(lessonId, structuredClone(progress));
  }
}
