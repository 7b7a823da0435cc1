/**
 * The `--json` report: per flow, its events, every token as a compact JWT with header and claims, the JWKS and the
 * discovery document, so any JWT verifier can check the tokens independently.
 */
import type { SimEvent } from '../../shared/model/events.ts';
import type { Simulation } from '../../shared/engine/simulation.ts';
import { compactJwt, flowDiscovery, flowJwks } from '../../shared/engine/token-jwt.ts';
import { resolveTokenMarkers } from '../../shared/engine/token-markers.ts';

async function flowReport(sim: Simulation, flowId: string, jwts: string[]) {
  const withJwts = async (event: SimEvent): Promise<SimEvent> =>
    event.type === 'kubectl.ran' ? { ...event, stdout: await resolveTokenMarkers(sim, event.stdout) } : event;
  return {
    kubernetesVersion: sim.cluster(flowId)?.version,
    events: await Promise.all(sim.events.filter((e) => e.flow === flowId).map(withJwts)),
    tokens: sim.tokens
      .filter((t) => t.flow === flowId)
      .map((t) => ({ index: t.index, number: t.number, kind: t.kind, issuedAtMs: t.issuedAtMs, jwt: jwts[t.index], header: t.header, claims: t.claims })),
    jwks: flowJwks(sim, flowId),
    openidConfiguration: flowDiscovery(sim, flowId),
  };
}

export async function buildRunReport(sim: Simulation) {
  const jwts = await Promise.all(sim.tokens.map((t) => compactJwt(sim, t)));
  const flows: Record<string, Awaited<ReturnType<typeof flowReport>>> = {};
  for (const flow of sim.scenario.flows) flows[flow.id] = await flowReport(sim, flow.id, jwts);
  return {
    scenario: { name: sim.scenario.name, seed: sim.scenario.seed, durationMs: sim.scenario.durationMs, ranUntilMs: sim.nowMs, startEpochMs: sim.scenario.startEpochMs },
    flows,
  };
}
