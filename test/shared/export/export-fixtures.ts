/**
 * Sources for export tests: the small hand-written lanes (no engine: stable goldens), and a built-in scenario run
 * headless to a moment (the real pipeline the CLI and the app share).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { smallLanes, M } from '../../support/small-lanes.ts';
import type { ExportSource } from '../../../shared/export/export-source.ts';
import { headlessExportSource } from '../../../electron/cli/headless-moment.ts';
import { loadScenario } from '../../support/run-scenario.ts';
import { DEFAULT_EXPORT_SETTINGS, type ExportMoment, type ExportSettings } from '../../../shared/export/export-types.ts';

export { M };

export const SMALL_MOMENT: ExportMoment = {
  version: 1,
  scenarioText: 'name: small\nseed: 1\nduration: 2h\n',
  sourceName: 'small.yaml',
  playheadMs: 70 * M,
  view: { startMs: 0, endMs: 120 * M },
};

/** The small two-flow figure at 70 m, with one annotation. */
export function smallSource(): ExportSource {
  return {
    lanes: smallLanes(70 * M),
    tokens: [],
    events: [],
    annotations: [{ atMs: 48 * M, text: 'here the kubelet refreshes' }],
    moment: SMALL_MOMENT,
    startEpochMs: Date.UTC(2025, 0, 6, 9),
    claimsOf: () => undefined,
    sceneCount: 0,
  };
}

export const scenarioPath = (name: string) => fileURLToPath(new URL(`../../../assets/scenarios/${name}.yaml`, import.meta.url));

/** A built-in scenario run headless to `atMs`, as `tokenscope export` does. */
export function scenarioSource(name: string, atMs: number): ExportSource {
  const text = readFileSync(scenarioPath(name), 'utf8');
  const scenario = loadScenario(text);
  return headlessExportSource({ scenario, scenarioText: text, sourceName: `${name}.yaml`, atMs, view: { startMs: 0, endMs: scenario.durationMs } });
}

export function settings(overrides: Partial<ExportSettings> = {}): ExportSettings {
  return { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [], ...overrides };
}
