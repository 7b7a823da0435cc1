/**
 * The bridge between the engine's token records and real JWTs: signs a record only when someone looks at it (the
 * same bytes as if it had been signed at issue, since the key and claims are fixed), publishes each flow's JWKS and
 * discovery document, and checks an engine token as the flow's API server would (its signature for real).
 */
import { signJwt } from '../jwt/sign-jwt.ts';
import { buildJwks, oidcDiscoveryDocument, type Jwks, type OidcDiscoveryDocument } from '../jwt/jwks.ts';
import { verifyJwtSignature } from '../jwt/verify-jwt.ts';
import { versionBehaviour } from '../model/versions.ts';
import type { Simulation } from './simulation.ts';
import type { EngineContext } from './engine-context.ts';
import type { TokenRecord } from './engine-state.ts';
import { keyAt, verifyingKeysOf } from './signing-keys.ts';
import { authenticateToken } from './api-server/authenticator.ts';
import { hasVerifyingKey } from './api-server/external-signer.ts';
import { deepClone } from '../sim/deep-clone.ts';
import { EventLog } from './event-log.ts';

const signed = new WeakMap<TokenRecord, Promise<string>>();

export function compactJwt(sim: Simulation, token: TokenRecord): Promise<string> {
  let jwt = signed.get(token);
  if (!jwt) {
    const cluster = sim.cluster(token.flow);
    if (!cluster) throw new Error(`internal: token ${token.index} names unknown flow ${token.flow}`);
    jwt = signJwt(token.header, token.claims, keyAt(sim.context, cluster.algorithm, token.keyIndex));
    signed.set(token, jwt);
  }
  return jwt;
}

export function flowJwks(sim: Simulation, flowId: string): Jwks {
  const cluster = sim.cluster(flowId);
  if (!cluster) throw new Error(`unknown flow ${flowId}`);
  return buildJwks(verifyingKeysOf(sim.context, cluster));
}

export function flowDiscovery(sim: Simulation, flowId: string): OidcDiscoveryDocument {
  const cluster = sim.cluster(flowId);
  if (!cluster) throw new Error(`unknown flow ${flowId}`);
  return oidcDiscoveryDocument(cluster.flags.issuers[0] ?? '', verifyingKeysOf(sim.context, cluster));
}

/**
 * What the flow's API server would say about one of the engine's tokens right now, without changing the simulation:
 * the signature is verified for real against the flow's JWKS, then the authenticator runs on a throwaway copy of the
 * state (authentication writes caches and labels, which must not leak into the run).
 */
export async function verifyTokenNow(sim: Simulation, tokenIndex: number): Promise<{ jwt: string; ok: boolean; error?: string; username?: string }> {
  const token = sim.token(tokenIndex);
  if (!token) return { jwt: '', ok: false, error: `no token #${tokenIndex}` };
  const jwt = await compactJwt(sim, token);
  const cluster = sim.cluster(token.flow);
  if (!cluster) return { jwt, ok: false, error: `unknown flow ${token.flow}` };
  const modernJose = versionBehaviour(cluster.version).modernValidatorMessages;
  const context = sim.context;
  const scratchEvents = new EventLog(context.tokenLog, context.scenario.startEpochMs);
  const scratch: EngineContext = {
    state: deepClone(context.state),
    scenario: context.scenario,
    keyPool: context.keyPool,
    tokenLog: context.tokenLog,
    eventLog: scratchEvents,
    tokens: [],
    events: [],
  };
  const scratchCluster = scratch.state.flows[token.flow]!;
  hasVerifyingKey(scratch, scratchCluster, token.header.kid);
  const verified = await verifyJwtSignature(jwt, buildJwks(verifyingKeysOf(scratch, scratchCluster)), { goJoseErrorPrefix: modernJose ? 'go-jose/go-jose' : 'square/go-jose' });
  const result = authenticateToken(scratch, scratchCluster, {
    header: token.header,
    claims: token.claims,
    identity: { token: token.index },
    ...(verified.ok ? {} : { signatureError: verified.error }),
  });
  if (result.ok) return { jwt, ok: true, username: result.user.username };
  return { jwt, ok: false, error: result.abstained ? 'no authenticator recognised the token issuer' : result.error };
}
