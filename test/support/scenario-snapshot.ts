/** Test helper: run a scenario headlessly and hand back what the renderer's store would hold at that moment. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../../shared/scenario/parse-scenario.ts';
import { Simulation } from '../../shared/engine/simulation.ts';
import { summarizeScenario, summarizeToken } from '../../shared/host/engine-session.ts';
import type { TimelineSnapshot } from '../../renderer/state/timeline-store.ts';

export function builtinScenario(name: string): string {
  return readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/scenarios', `${name}.yaml`), 'utf8');
}

/**
 * The side-by-side scenario with the projected kubelet stopped at 2 h, as it shipped before the default story was kept
 * free of failures (the kubelet-outage scenario tells that one): lanes with an outage still open at the end.
 */
export function sideBySideWithKubeletStop(): string {
  const text = builtinScenario('side-by-side');
  // The step goes at the end of `steps:`, before the run-sheet (and its comment) that follows it.
  const scenes = text.search(/^(#.*\n)?scenes:/m);
  const [before, after] = scenes < 0 ? [text, ''] : [text.slice(0, scenes), text.slice(scenes)];
  return `${before.trimEnd()}\n  - at: 2h\n    fault: kubelet-stop\n    flows: [projected]\n${after}`;
}

/** Parses and runs `yaml` to `untilMs` (default: the whole duration) and returns the store's view of it. */
export function snapshotOf(yaml: string, untilMs?: number, version = 1): TimelineSnapshot {
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n'));
  const sim = new Simulation(parsed.value);
  sim.runUntil(untilMs ?? parsed.value.durationMs);
  return {
    version,
    scenario: { ...summarizeScenario(parsed.value, 'test', yaml), load: 1 },
    loads: 1,
    loadErrors: undefined,
    events: [...sim.events],
    tokens: sim.tokens.map(summarizeToken),
    nowMs: sim.nowMs,
    playing: false,
    speed: 3600,
    lagMs: 0,
    lastError: undefined,
    lastFailure: undefined,
    working: undefined,
    halt: undefined,
    tokenDetails: new Map(),
  };
}
