/**
 * Small helpers for the engine tests under api-server/, admission/ and controllers/: build a one-flow simulation,
 * run engine functions against its cluster between `runUntil` calls, and read what came back.
 */
import { Simulation } from '../../../../shared/engine/simulation.ts';
import { loadScenario, singleFlow } from '../../../support/run-scenario.ts';
import { createTokenRequest, type TokenRequestResponse, type TokenRequestSpec } from '../../../../shared/engine/api-server/token-request.ts';
import { authenticateToken, type AuthResult, type PresentedToken } from '../../../../shared/engine/api-server/authenticator.ts';
import { runKubectlLine } from '../../../../shared/engine/scenario-steps.ts';
import { applyManifest, type ApplyOutcome } from '../../../../shared/engine/apply-manifest.ts';
import type { ApiResult } from '../../../../shared/engine/api-server/api-error.ts';
import type { ClusterState, TokenRecord } from '../../../../shared/engine/engine-state.ts';
import type { BoundClaims, LegacyClaims } from '../../../../shared/jwt/jwt-types.ts';
import type { SimEvent } from '../../../../shared/model/events.ts';

/** The default scenario start, 2025-01-06T09:00:00Z, in epoch seconds (JWT NumericDate of simulated time 0). */
export const START_SEC = Date.UTC(2025, 0, 6, 9, 0, 0) / 1000;
/** `--service-account-issuer` when a scenario names none. */
export const ISSUER = 'https://kubernetes.default.svc';
export const ONE_YEAR_SEC = 31_536_000;

export type FlowOptions = Parameters<typeof singleFlow>[0];

/** A one-flow simulation (ServiceAccount `my-app`, pod `app` unless `pod: false`), not yet run. */
export function startSim(options: FlowOptions): Simulation {
  return new Simulation(loadScenario(singleFlow(options)));
}

/** Builds and runs to `atSec` (simulated seconds). */
export function simAt(options: FlowOptions, atSec: number): Simulation {
  const sim = startSim(options);
  sim.runUntil(atSec * 1000);
  return sim;
}

export function flow(sim: Simulation, id = 'f'): ClusterState {
  const cluster = sim.cluster(id);
  if (!cluster) throw new Error(`no flow ${id}`);
  return cluster;
}

export function requestToken(sim: Simulation, spec: TokenRequestSpec, serviceAccount = 'my-app', namespace = 'default'): ApiResult<TokenRequestResponse> {
  return createTokenRequest(sim.context, flow(sim), { namespace, serviceAccount, spec });
}

/** A TokenRequest that must succeed; returns the issued token record. */
export function issue(sim: Simulation, spec: TokenRequestSpec, serviceAccount = 'my-app'): TokenRecord {
  const response = requestToken(sim, spec, serviceAccount);
  if (!response.ok) throw new Error(`TokenRequest failed: ${response.error.message}`);
  return response.value.token;
}

export function errorOf<T>(result: ApiResult<T>): { status: number; reason: string; message: string } {
  if (result.ok) throw new Error('expected an API error, got success');
  return { status: result.error.status, reason: result.error.reason, message: result.error.message };
}

export function presented(token: TokenRecord, overrides: Partial<PresentedToken> = {}): PresentedToken {
  return { header: token.header, claims: token.claims, identity: { token: token.index }, ...overrides };
}

/** The flow's authenticator on a token the engine minted (TokenReview audiences when given). */
export function authenticate(sim: Simulation, token: TokenRecord, audiences?: string[]): AuthResult {
  return authenticateToken(sim.context, flow(sim), presented(token), audiences);
}

export function authError(result: AuthResult): string {
  if (result.ok) throw new Error(`expected authentication to fail, it succeeded as ${result.user.username}`);
  return result.error;
}

/** Runs one kubectl line against the flow and returns what the terminal showed. */
export function kubectl(sim: Simulation, line: string): { stdout: string; stderr: string; exitCode: number } {
  runKubectlLine(sim.context, flow(sim), line);
  const last = sim.events[sim.events.length - 1];
  if (!last || last.type !== 'kubectl.ran') throw new Error('kubectl did not log a kubectl.ran event');
  return { stdout: last.stdout, stderr: last.stderr, exitCode: last.exitCode };
}

export function apply(sim: Simulation, manifest: string): ApplyOutcome {
  return applyManifest(sim.context, flow(sim), manifest);
}

export function bound(token: TokenRecord): BoundClaims {
  return token.claims as BoundClaims;
}

export function legacy(token: TokenRecord): LegacyClaims {
  return token.claims as LegacyClaims;
}

export function podUid(sim: Simulation, name = 'app', namespace = 'default'): string {
  const uid = flow(sim).pods[`${namespace}/${name}`]?.object.metadata?.uid;
  if (!uid) throw new Error(`no pod ${namespace}/${name}`);
  return uid;
}

export function saUid(sim: Simulation, name = 'my-app', namespace = 'default'): string {
  const uid = flow(sim).serviceAccounts[`${namespace}/${name}`]?.metadata?.uid;
  if (!uid) throw new Error(`no ServiceAccount ${namespace}/${name}`);
  return uid;
}

export function secretUid(sim: Simulation, name: string, namespace = 'default'): string {
  const uid = flow(sim).secrets[`${namespace}/${name}`]?.object.metadata?.uid;
  if (!uid) throw new Error(`no Secret ${namespace}/${name}`);
  return uid;
}

/** The token record a token Secret holds (legacy tokens). */
export function secretToken(sim: Simulation, name: string, namespace = 'default'): TokenRecord {
  const index = flow(sim).secrets[`${namespace}/${name}`]?.tokenIndex;
  if (index === undefined) throw new Error(`Secret ${namespace}/${name} holds no token`);
  const token = sim.tokens[index];
  if (!token) throw new Error(`no token ${index}`);
  return token;
}

/** The auto-generated `<sa>-token-xxxxx` Secret names listed in a ServiceAccount's `.secrets`. */
export function listedSecrets(sim: Simulation, serviceAccount = 'my-app', namespace = 'default'): string[] {
  return (flow(sim).serviceAccounts[`${namespace}/${serviceAccount}`]?.secrets ?? []).map((ref) => ref.name ?? '');
}

/** Simulated ms → RFC 3339 (whole seconds), as metav1.Time serialises. */
export function rfc3339AtSec(epochSec: number): string {
  return new Date(epochSec * 1000).toISOString().replace('.000Z', 'Z');
}

export function eventsOfType<T extends SimEvent['type']>(sim: Simulation, type: T): Extract<SimEvent, { type: T }>[] {
  return sim.events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);
}

/** A `generateName` suffix: 5 characters of apimachinery's `rand` alphabet. */
export const NAME_SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]{5}';
