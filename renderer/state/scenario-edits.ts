/**
 * The user's edits to the loaded scenario (its notes and its scenes), with undo and redo, and whether they are saved. Every
 * edit goes through `change`, which writes it to the store; anything else that changes the store's scenario is a
 * load (a built-in, a file, a reopened moment, a lesson step), which starts a new history with nothing unsaved. The
 * text as loaded, or as last saved, is the baseline: the scenario is "dirty" while its text differs from it.
 */
import type { ScenarioAnnotation, ScenarioScene } from '../../shared/scenario/scenario-types.ts';
import type { ScenarioSummary } from '../../shared/rpc/engine-protocol.ts';
import type { TimelineStore } from './timeline-store.ts';

/** Far more steps back than a lesson or a class needs; each holds one copy of the scenario text. */
export const MAX_UNDO_STEPS = 100;

interface Revision {
  annotations: readonly ScenarioAnnotation[];
  scenes: readonly ScenarioScene[];
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

export class ScenarioEdits {
  private past: Revision[] = [];
  private future: Revision[] = [];
  private baseline: string | undefined;
  /** The scenario object our last edit put in the store; any other object there came from a load. */
  private ours: ScenarioSummary | undefined;
  private expected: ExpectedLoad | undefined;
  /** Set while our own edit is being written to the store, whose listeners (we are one) run at once. */
  private applying = false;
  private state: EditState = { undoLabel: undefined, redoLabel: undefined, dirty: false, baselineText: undefined, scenario: undefined };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly store: TimelineStore) {
    store.subscribe(() => this.observe());
    this.observe();
  }

  getState = (): EditState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Applies an edit of the notes to the loaded scenario, remembering how to take it back. */
  change(annotations: readonly ScenarioAnnotation[], scenarioText: string, label: string): void {
    this.record((scenario) => ({ annotations, scenes: scenario.scenes, scenarioText }), label);
  }

  /** Applies an edit of the run-sheet, undone and redone in the same history as the notes. */
  changeScenes(scenes: readonly ScenarioScene[], scenarioText: string, label: string): void {
    this.record((scenario) => ({ annotations: scenario.annotations, scenes, scenarioText }), label);
  }

  private record(next: (scenario: ScenarioSummary) => Omit<Revision, 'label'>, label: string): void {
    const scenario = this.store.getSnapshot().scenario;
    if (!scenario) return;
    this.past.push({ ...revisionOf(scenario), label });
    if (this.past.length > MAX_UNDO_STEPS) this.past.shift();
    this.future = [];
    this.apply(next(scenario));
  }

  /** Takes back the last edit; answers what it took back, or undefined when there was nothing. */
  undo(): string | undefined {
    return this.step(this.past, this.future);
  }

  redo(): string | undefined {
    return this.step(this.future, this.past);
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

  private step(from: Revision[], to: Revision[]): string | undefined {
    const scenario = this.store.getSnapshot().scenario;
    const revision = from.pop();
    if (!scenario || !revision) return undefined;
    to.push({ ...revisionOf(scenario), label: revision.label });
    this.apply(revision);
    return revision.label;
  }

  private apply(revision: Omit<Revision, 'label'>): void {
    this.applying = true;
    try {
      this.store.setEdited({ annotations: revision.annotations, scenes: revision.scenes }, revision.scenarioText);
    } finally {
      this.applying = false;
    }
    this.ours = this.store.getSnapshot().scenario;
    this.publish();
  }

  private observe(): void {
    if (this.applying) return;
    const scenario = this.store.getSnapshot().scenario;
    if (scenario === this.state.scenario) return;
    if (scenario !== this.ours) {
      const expected = this.expected;
      const restored = expected !== undefined && scenario !== undefined && scenario.sourceName === expected.sourceName && scenario.scenarioText === expected.scenarioText;
      this.baseline = restored ? expected.baselineText : scenario?.scenarioText;
      if (restored) this.expected = undefined;
      this.past = [];
      this.future = [];
      this.ours = undefined;
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

function revisionOf(scenario: ScenarioSummary): Omit<Revision, 'label'> {
  return { annotations: scenario.annotations, scenes: scenario.scenes, scenarioText: scenario.scenarioText };
}
