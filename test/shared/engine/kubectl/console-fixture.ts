/**
 * Runs console lines the way the app does (recorded user steps at the current simulated time) and shows what the
 * terminal would print, JWT markers resolved into the signed tokens.
 */
import { Simulation } from '../../../../shared/engine/simulation.ts';
import { resolveTokenMarkers } from '../../../../shared/engine/token-markers.ts';
import { loadScenario, singleFlow } from '../../../support/run-scenario.ts';

export type FlowOptions = Parameters<typeof singleFlow>[0];

export interface Terminal {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A one-flow simulation (`my-app`, pod `app` unless `pod: false`) run to `atMs`. */
export function consoleAt(options: FlowOptions, atMs: number): Simulation {
  const sim = new Simulation(loadScenario(singleFlow(options)));
  sim.seek(atMs);
  return sim;
}

/** What the engine returned, markers still in place. */
export function run(sim: Simulation, line: string, manifest?: string): Terminal {
  const { stdout, stderr, exitCode } = sim.runUserCommand({ flow: 'f', kind: 'kubectl', text: line, ...(manifest === undefined ? {} : { manifest }) });
  return { stdout, stderr, exitCode };
}

/** What the terminal shows: markers resolved into the JWTs a real cluster would print. */
export async function show(sim: Simulation, line: string, manifest?: string): Promise<Terminal> {
  const out = run(sim, line, manifest);
  return { stdout: await resolveTokenMarkers(sim, out.stdout), stderr: await resolveTokenMarkers(sim, out.stderr), exitCode: out.exitCode };
}
