/** Test helpers: build and run scenarios from YAML, and pick events out of the log. */
import { parseScenario } from '../../shared/scenario/parse-scenario.ts';
import { Simulation } from '../../shared/engine/simulation.ts';
import type { SimEvent, SimEventType } from '../../shared/model/events.ts';

export function loadScenario(yaml: string) {
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error(`scenario does not parse:\n${parsed.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n')}`);
  return parsed.value;
}

/** Parses and runs a scenario to `untilMs` (default: its whole duration). */
export function runYaml(yaml: string, untilMs?: number): Simulation {
  const scenario = loadScenario(yaml);
  const sim = new Simulation(scenario);
  sim.runUntil(untilMs ?? scenario.durationMs);
  return sim;
}

export function eventsOf<T extends SimEventType>(sim: Simulation, type: T, flow?: string): Extract<SimEvent, { type: T }>[] {
  return sim.events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type && (flow === undefined || e.flow === flow));
}

/**
 * A one-flow scenario with a ServiceAccount `my-app` and, unless `pod: false`, a default pod `app` at 0 s; extra
 * steps (YAML list items, indented by two spaces) follow.
 */
export function singleFlow(options: { version: string; duration?: string; apiServer?: string; steps?: string; pod?: boolean; seed?: number }): string {
  const pod = options.pod === false ? '' : `  - at: 0s
    apply: |
      apiVersion: v1
      kind: Pod
      metadata:
        name: app
      spec:
        serviceAccountName: my-app
        containers:
          - name: app
            image: nginx:stable
`;
  return `name: test
seed: ${options.seed ?? 1}
duration: ${options.duration ?? '6h'}
flows:
  - id: f
    kubernetesVersion: "${options.version}"
${options.apiServer ? `    apiServer:\n${options.apiServer.replace(/^/gm, '      ')}\n` : ''}steps:
  - at: 0s
    kubectl: create serviceaccount my-app
${pod}${options.steps ?? ''}`;
}
