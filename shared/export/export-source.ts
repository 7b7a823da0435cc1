/**
 * Everything an export reads about the simulated moment, in one plain object the app builds from its store and the
 * CLI builds from a headless Simulation: the same object gives the same file in both.
 */
import { deriveLanes } from '../lanes/derive-lanes.ts';
import type { TimelineLanes } from '../lanes/lane-types.ts';
import type { SimEvent } from '../model/events.ts';
import type { SceneSpotlight } from '../model/scene.ts';
import type { ScenarioSummary, TokenSummary } from '../rpc/engine-protocol.ts';
import type { ScenarioAnnotation } from '../scenario/scenario-types.ts';
import type { ExportMoment } from './export-types.ts';
import type { TimeView } from '../figure/time-view.ts';

export interface ExportSource {
  /** The lanes at the playhead (`lanes.nowMs` is the moment exported). */
  lanes: TimelineLanes;
  tokens: readonly TokenSummary[];
  /** The event log up to the playhead. */
  events: readonly SimEvent[];
  annotations: readonly ScenarioAnnotation[];
  /** What the exported file embeds so that dropping it back reopens this moment. */
  moment: ExportMoment;
  /** ScenarioSummary.startEpochMs: the wall-clock instant simulated 0 stands for (PDF dates, claim times). */
  startEpochMs: number;
  /** The decoded JWT claims of a token, for the PDF handout. */
  claimsOf(tokenIndex: number): Record<string, unknown> | undefined;
  /** The lane a scene's slide puts in the spotlight (a deck page shows it as presentation mode does); absent elsewhere. */
  spotlight?: SceneSpotlight;
  /** Scenes on the scenario's run-sheet: with any, the dialog offers them all at once as a deck. */
  sceneCount: number;
  /**
   * The scenario the logs come from: an animation derives the lanes again at each frame's instant from it and from the
   * logs cut there. Absent for lanes made by hand (tests), which can be drawn but not animated.
   */
  scenario?: ScenarioSummary;
}

export interface ExportSourceInput {
  scenario: ScenarioSummary;
  events: readonly SimEvent[];
  tokens: readonly TokenSummary[];
  nowMs: number;
  annotations: readonly ScenarioAnnotation[];
  moment: ExportMoment;
}

/** The export source for a snapshot of the engine's logs (the app's store, or a headless Simulation in the CLI). */
export function buildExportSource(input: ExportSourceInput): ExportSource {
  const lanes = deriveLanes({ version: 1, scenario: input.scenario, events: input.events, tokens: input.tokens, nowMs: input.nowMs });
  const byIndex = new Map(input.tokens.map((t) => [t.index, t]));
  return {
    lanes,
    tokens: input.tokens,
    events: input.events,
    annotations: input.annotations,
    moment: input.moment,
    startEpochMs: input.scenario.startEpochMs,
    sceneCount: input.scenario.scenes.length,
    scenario: input.scenario,
    claimsOf: (tokenIndex) => {
      const claims = byIndex.get(tokenIndex)?.claims;
      return claims ? { ...claims } : undefined;
    },
  };
}

/** The moment an export (or a link) records: the scenario's text, where it came from, the playhead and the window. */
export function exportMomentOf(scenario: ScenarioSummary, nowMs: number, view: TimeView): ExportMoment {
  return { version: 1, scenarioText: scenario.scenarioText, sourceName: scenario.sourceName, playheadMs: nowMs, view: { startMs: view.startMs, endMs: view.endMs } };
}
