/**
 * The user's edits to the loaded scenario (its notes and its scenes), with undo and redo, and whether they are saved.
 * Every edit is an engine command (`edit-scenario`): the engine rewrites the scenario's text and answers with the new
 * scenario, which the store takes from that message like any other change. Undo and redo ask the engine to restore an
 * earlier text, which it takes only if it runs the same. Anything else that changes the store's scenario is a load (a
 * built-in, a file, a reopened moment, a lesson step), which starts a new history with nothing unsaved. The text as
 * loaded, or as last saved, is the baseline: the scenario is "dirty" while its text differs from it.
 *
 * Edits, undos and redos run one after another, each once the engine has answered the one before, so a quick
 * Ctrl/⌘ + Z, Ctrl/⌘ + Z takes back two edits in order. Each names the load of the scenario it was made on, and the
 * engine refuses it once another load has replaced that scenario: a note typed for one scenario never lands in the
 * next (the form that made it keeps it, with the engine's reason).
 */
import type { EngineClient } from '../bridge/engine-client.ts';
import type { LoadedScenario, ScenarioEdit, ScenarioSummary } from '../../shared/rpc/engine-protocol.ts';
import type { TimelineStore } from './timeline-store.ts';

/** Far more steps back than a lesson or a class needs; each holds one copy of the scenario text. */
export const MAX_UNDO_STEPS = 100;

interface Revision {
  scenarioText: string;
  /** What the edit that led away from this revision did, in words ("deleting the note at 48 m"). */
  label: string;
}

export interface EditState {
  /** What Undo would take back, or undefined when there is nothing to undo. */
  undoLabel: string | undefined;
  redoLabel: string | undefined;
  /** The scenario's text differs from the text as loaded or last saved. */
  dirty: boolean;
  /** The text as loaded or last saved. */
  baselineText: string | undefined;
  /** The scenario the state describes, as the store holds it. */
  scenario: ScenarioSummary | undefined;
}

/** A load about to happen whose baseline is not its own text: a restored draft is still unsaved. */
interface ExpectedLoad {
  sourceName: string;
  scenarioText: string;
  baselineText: string;
}

/** Undo or Redo: what it took back or brought again, or undefined when there was nothing to do. */
export type StepOutcome = { label: string } | { label: string; refused: string } | undefined;

export class ScenarioEdits {
  private past: Revision[] = [];
  private future: Revision[] = [];
  private baseline: string | undefined;
  /** The store's count of loads when the history began: a load since means a new history. */
  private loads: number | undefined;
  private expected: ExpectedLoad | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private state: EditState = { undoLabel: undefined, redoLabel: undefined, dirty: false, baselineText: undefined, scenario: undefined };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: TimelineStore,
    private readonly engine: Pick<EngineClient, 'request'>,
  ) {
    store.subscribe(() => this.observe());
    this.observe();
  }

  getState = (): EditState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Asks the engine to apply an edit of the notes or the scenes made on `against` (the scenario the edit was worked
   * out from), remembering how to take it back. Resolves once the store holds the result: undefined, or why the engine
   * refused it (the scenario format, or a load that replaced `against` meanwhile), and nothing changed.
   */
  change(against: LoadedScenario, edit: Exclude<ScenarioEdit, { kind: 'restore' }>, label: string): Promise<string | undefined> {
    return this.inTurn(async () => {
      const before = this.store.getSnapshot();
      if (!before.scenario) return 'no scenario is loaded';
      const refused = await this.send(edit, against.load);
      if (refused !== undefined || this.store.getSnapshot().loads !== before.loads) return refused;
      this.past.push({ scenarioText: before.scenario.scenarioText, label });
      if (this.past.length > MAX_UNDO_STEPS) this.past.shift();
      this.future = [];
      this.publish();
      return undefined;
    });
  }

  /** Takes back the last edit. */
  undo(): Promise<StepOutcome> {
    return this.inTurn(() => this.step(this.past, this.future));
  }

  redo(): Promise<StepOutcome> {
    return this.inTurn(() => this.step(this.future, this.past));
  }

  /** The scenario was saved with this text: that is now the baseline. */
  markSaved(scenarioText: string): void {
    this.baseline = scenarioText;
    this.publish();
  }

  /** The next load of this text counts its changes against `baselineText` (a draft restored after a crash). */
  expectLoad(load: ExpectedLoad): void {
    this.expected = load;
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(work);
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async step(from: Revision[], to: Revision[]): Promise<StepOutcome> {
    const before = this.store.getSnapshot();
    const revision = from[from.length - 1];
    if (!before.scenario || !revision) return undefined;
    const refused = await this.send({ kind: 'restore', scenarioText: revision.scenarioText }, before.scenario.load);
    if (refused !== undefined) return { label: revision.label, refused };
    if (this.store.getSnapshot().loads !== before.loads) return undefined;
    from.pop();
    to.push({ scenarioText: before.scenario.scenarioText, label: revision.label });
    this.publish();
    return { label: revision.label };
  }

  /** Undefined once the engine applied the edit (and the store holds it); otherwise why not. */
  private async send(edit: ScenarioEdit, load: number): Promise<string | undefined> {
    try {
      const reply = await this.engine.request({ type: 'edit-scenario', edit, load });
      return reply.ok ? undefined : reply.errors.map((e) => e.message).join('; ');
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  private observe(): void {
    const { scenario, loads } = this.store.getSnapshot();
    if (scenario === this.state.scenario && loads === this.loads) return;
    if (loads !== this.loads) {
      this.loads = loads;
      const expected = this.expected;
      const restored = expected !== undefined && scenario !== undefined && scenario.sourceName === expected.sourceName && scenario.scenarioText === expected.scenarioText;
      this.baseline = restored ? expected.baselineText : scenario?.scenarioText;
      if (restored) this.expected = undefined;
      this.past = [];
      this.future = [];
    }
    this.publish();
  }

  private publish(): void {
    const scenario = this.store.getSnapshot().scenario;
    this.state = {
      undoLabel: this.past[this.past.length - 1]?.label,
      redoLabel: this.future[this.future.length - 1]?.label,
      dirty: scenario !== undefined && scenario.scenarioText !== this.baseline,
      baselineText: this.baseline,
      scenario,
    };
    for (const listener of this.listeners) listener();
  }
}
