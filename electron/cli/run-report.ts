/**
 * The `--json` report: per flow, its events, every token as a compact JWT with header and claims, the JWKS and the
 * discovery document, so any JWT verifier can check the tokens independently.
 */
import type { SimEvent } from '../../shared/model/events.ts';
import type { Simulation } from '../../shared/engine/simulation.ts';
import { compactJwt, flowDiscovery, flowJwks } from '../../shared/engine/token-jwt.ts';

export async function buildRunReport(sim: Simulation) {
  const jwts = await Promise.all(sim.tokens.map((t) => compactJwt(sim, t)));
  const withJwt = (event: SimEvent): SimEvent =>
    event.type === 'kubectl.ran' && event.token !== undefined ? { ...event, stdout: `${jwts[event.token]}\n` } : event;
  return {
    scenario: { name: sim.scenario.name, seed: sim.scenario.seed, durationMs: sim.scenario.durationMs, ranUntilMs: sim.nowMs, startEpochMs: sim.scenario.startEpochMs },
    flows: Object.fromEntries(
      sim.scenario.flows.map((flow) => [
        flow.id,
        {
          kubernetesVersion: sim.cluster(flow.id)?.version ?? flow.kubernetesVersion,
          events: sim.events.filter((e) => e.flow === flow.id).map(withJwt),
          tokens: sim.tokens
            .filter((t) => t.flow === flow.id)
            .map((t) => ({ index: t.index, number: t.number, kind: t.kind, issuedAtMs: t.issuedAtMs, jwt: jwts[t.index], header: t.header, claims: t.claims })),
          jwks: flowJwks(sim, flow.id),
          openidConfiguration: flowDiscovery(sim, flow.id),
        },
      ]),
    ),
  };
}
