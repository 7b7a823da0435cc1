/**
 * Runs a scenario headless to a moment and describes that moment as an ExportSource, exactly as the app would from
 * its store after playing to the same instant: the same summaries, the same lanes, the same file.
 */
import { Simulation } from '../../shared/engine/simulation.ts';
import { summarizeScenario, summarizeToken } from '../../shared/host/engine-session.ts';
import type { Scenario } from '../../shared/scenario/scenario-types.ts';
import { formatDuration } from '../../shared/time/duration.ts';
import { buildExportSource, type ExportSource } from '../../shared/export/export-source.ts';

export interface HeadlessMoment {
  scenario: Scenario;
  scenarioText: string;
  /** The file name the moment records (no directory: the same file exported from anywhere gives the same bytes). */
  sourceName: string;
  atMs: number;
  /** The time window the export shows, recorded as the view to reopen. */
  view: { startMs: number; endMs: number };
}

export function headlessExportSource(input: HeadlessMoment): ExportSource {
  const sim = new Simulation(input.scenario, { snapshotEveryMs: 0 });
  try {
    sim.runUntil(input.atMs);
  } catch (error) {
    throw new Error(`the simulation failed at ${formatDuration(sim.nowMs)}: ${(error as Error).message}`);
  }
  if (sim.halt && sim.halt.atMs < input.atMs) throw new Error(`cannot export at ${formatDuration(input.atMs)}: ${sim.halt.message}`);
  return buildExportSource({
    scenario: summarizeScenario(input.scenario, input.sourceName, input.scenarioText),
    events: sim.events,
    tokens: sim.tokens.map(summarizeToken),
    nowMs: sim.nowMs,
    annotations: input.scenario.annotations ?? [],
    moment: { version: 1, scenarioText: input.scenarioText, sourceName: input.sourceName, playheadMs: sim.nowMs, view: input.view },
  });
}
