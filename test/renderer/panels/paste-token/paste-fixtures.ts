/**
 * Tokens for the paste-token tests: real ones from the CLI (`tokenscope run … --json`) and hand-made ones for the odd
 * cases no API server produces. The hand-made ones are unsigned placeholders: the panel never verifies signatures.
 */
import { CLAIMS_SCENARIO, runCli, runCliText, type CliToken } from '../cli-tokens.ts';

export interface RealTokens {
  /** The side-by-side scenario's start: simulated 0 as a wall-clock date. */
  startEpochMs: number;
  /** 1.30, --service-account-extend-token-expiration=false: a plain 3607 s pod token. */
  projected130: CliToken;
  /** 1.20: a legacy Secret-based token. */
  legacy120: CliToken;
  /** 1.30 with default flags: the kubelet's pod token stretched to a year, with warnafter. */
  extended130: CliToken;
  extendedStartEpochMs: number;
  /** kubectl create token --bound-object-kind Secret on 1.30. */
  secretBound: CliToken;
  /** kubectl create token --bound-object-kind Node on 1.33. */
  nodeBound: CliToken;
}

function podClaim(token: CliToken, key: 'pod' | 'secret' | 'node'): unknown {
  const k8s = token.claims['kubernetes.io'] as Record<string, unknown> | undefined;
  return k8s?.[key];
}

export function loadRealTokens(): RealTokens {
  const sideBySide = runCli('assets/scenarios/side-by-side.yaml');
  const claims = runCliText(CLAIMS_SCENARIO);
  const first = (tokens: CliToken[] | undefined, what: string, pick: (t: CliToken) => boolean = () => true): CliToken => {
    const token = tokens?.find(pick);
    if (!token) throw new Error(`the CLI printed no ${what}`);
    return token;
  };
  return {
    startEpochMs: sideBySide.scenario.startEpochMs,
    projected130: first(sideBySide.flows.projected?.tokens, '1.30 projected token'),
    legacy120: first(sideBySide.flows.legacy?.tokens, '1.20 legacy token'),
    extended130: first(claims.flows.extended?.tokens, 'extended pod token', (t) => podClaim(t, 'pod') !== undefined),
    extendedStartEpochMs: claims.scenario.startEpochMs,
    secretBound: first(claims.flows.extended?.tokens, 'Secret-bound token', (t) => podClaim(t, 'secret') !== undefined),
    nodeBound: first(claims.flows.nodebound?.tokens, 'Node-bound token', (t) => podClaim(t, 'node') !== undefined && podClaim(t, 'pod') === undefined),
  };
}

export function base64Url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** A compact JWT with these parts; the signature is a placeholder unless given. */
export function makeJwt(claims: object, header: object = { alg: 'RS256', kid: 'test-key' }, signature = 'c2lnbmF0dXJl'): string {
  return `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(claims))}.${signature}`;
}

/** Claims shaped like a 1.30 pod token issued at `iat` (seconds), with the given lifetime and extras. */
export function podClaims(iat: number, lifetimeSec: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    aud: ['https://kubernetes.default.svc'],
    exp: iat + lifetimeSec,
    iat,
    iss: 'https://kubernetes.default.svc',
    'kubernetes.io': {
      namespace: 'default',
      pod: { name: 'app', uid: '11111111-2222-3333-4444-555555555555' },
      serviceaccount: { name: 'my-app', uid: '66666666-7777-8888-9999-000000000000' },
    },
    nbf: iat,
    sub: 'system:serviceaccount:default:my-app',
    ...extra,
  };
}
