/**
 * An external JWT signer (`--service-account-signing-endpoint`; docs/kubernetes-facts.md §8.3.2, §8.4, §8.5, §8.10):
 * the max expiration defaults to the signer's maximum, the 3607 s extension is capped by it, the header carries
 * `typ: JWT` and the signer's kid, and kube-apiserver's key cache follows the signer on its refresh hint or at once
 * for an unknown kid, with /openid/v1/jwks after it.
 */
import { describe, expect, it } from 'vitest';
import { authenticate, authError, bound, eventsOfType, flow, issue, kubectl, podUid, requestToken, simAt, START_SEC } from './token-test-helpers.ts';
import { compactJwt, flowDiscovery, flowJwks, verifyTokenNow } from '../../../../shared/engine/token-jwt.ts';
import { injectFault } from '../../../../shared/engine/faults.ts';
import type { Simulation } from '../../../../shared/engine/simulation.ts';

const signer = (max: string, extra = '') => `externalSigner:\n  maxTokenExpiration: ${max}${extra}`;
const podRef = (sim: Simulation) => ({ kind: 'Pod', apiVersion: 'v1', name: 'app', uid: podUid(sim) });
const DEFAULT_POD_REQUEST = (sim: Simulation) => ({ expirationSeconds: 3607, boundObjectRef: podRef(sim) });

describe('expiry with a signer maximum (§8.3.2 derived examples)', () => {
  it.each<[string, number, number, number | undefined, string[]]>([
    // signer max, JWT exp − iat, status expirationSeconds, warnafter − iat, clamp warnings
    ['2h', 7200, 3607, 3607, []],
    ['8760h', 31_536_000, 3607, 3607, []],
    ['17520h', 31_536_000, 3607, 3607, []],
    ['50m', 3000, 3000, undefined, ['requested expiration of 3607 seconds shortened to 3000 seconds']],
  ])('signer max %s: the default pod token lives %i s as a JWT, %i s for the kubelet', (max, jwtSec, statusSec, warnAfterSec, warnings) => {
    const sim = simAt({ version: '1.35', apiServer: signer(max) }, 5);
    const response = requestToken(sim, DEFAULT_POD_REQUEST(sim));
    if (!response.ok) throw new Error(response.error.message);
    const claims = bound(response.value.token);
    expect(claims.exp - claims.iat).toBe(jwtSec);
    expect(response.value.expirationSec).toBe(statusSec);
    expect(claims['kubernetes.io'].warnafter === undefined ? undefined : claims['kubernetes.io'].warnafter - claims.iat).toBe(warnAfterSec);
    expect(response.warnings).toEqual(warnings);
  });

  it('every request above the signer maximum is shortened, with the usual warning', () => {
    const sim = simAt({ version: '1.34', pod: false, apiServer: signer('2h') }, 1);
    const out = kubectl(sim, 'create token my-app --duration 24h');
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe('Warning: requested expiration of 86400 seconds shortened to 7200 seconds\n');
    expect(kubectl(sim, 'create token my-app').stderr).toBe('');
  });

  it('the kubelet refreshes a clamped 3000 s token at 80 % of 3000 s', () => {
    const sim = simAt({ version: '1.35', apiServer: signer('50m') }, 3000);
    const issued = eventsOfType(sim, 'token.issued').filter((e) => e.requester === 'kubelet');
    expect(issued.length).toBe(2);
    const ageSec = (issued[1]!.atMs - issued[0]!.atMs) / 1000;
    expect(ageSec).toBeGreaterThan(3000 - 600 - 9);
    expect(ageSec).toBeLessThanOrEqual(3000 - 600 + 90);
  });

  it('logs the start-up warnings of external mode', () => {
    const sim = simAt({ version: '1.35', pod: false, apiServer: signer('50m') }, 0);
    expect(eventsOfType(sim, 'warning').map((e) => [e.code, e.atMs, e.text])).toEqual([
      ['apiserver-flags', 0, 'service-account-extend-token-expiration is true, in order to correctly trigger safe transition logic, token lifetime supported by external-jwt-signer must be longer than 3607 seconds (currently 50m0s)'],
      ['apiserver-flags', 0, 'service-account-extend-token-expiration is true, tokens validity will be caped at the smaller of 31536000 seconds and maximum token lifetime supported by external-jwt-signer (50m0s)'],
    ]);
  });

  it('logs nothing at start when the maximum is at least a year, or the extension is off', () => {
    expect(eventsOfType(simAt({ version: '1.35', pod: false, apiServer: signer('8760h') }, 0), 'warning')).toEqual([]);
    expect(eventsOfType(simAt({ version: '1.35', pod: false, apiServer: `extendTokenExpiration: false\n${signer('2h')}` }, 0), 'warning')).toEqual([]);
  });
});

describe('the key-file start-up warnings (§3 step 9)', () => {
  it.each<[string, string[]]>([
    ['1h', [
      'service-account-extend-token-expiration is true, in order to correctly trigger safe transition logic, service-account-max-token-expiration must be set longer than 3607 seconds (currently 1h0m0s)',
      'service-account-extend-token-expiration is true, enabling tokens valid up to 31536000 seconds, which is longer than service-account-max-token-expiration set to 1h0m0s seconds',
    ]],
    ['2h', ['service-account-extend-token-expiration is true, enabling tokens valid up to 31536000 seconds, which is longer than service-account-max-token-expiration set to 2h0m0s seconds']],
    ['8760h', []],
    ['0s', []],
  ])('max %s', (max, texts) => {
    const sim = simAt({ version: '1.30', pod: false, apiServer: `maxTokenExpiration: ${max}` }, 0);
    expect(eventsOfType(sim, 'warning').map((e) => e.text)).toEqual(texts);
  });
});

describe('the signer chooses the header', () => {
  it('typ JWT and the signer kid; the JWT verifies against the published JWKS', async () => {
    const sim = simAt({ version: '1.36', pod: false, apiServer: signer('2h') }, 1);
    const token = issue(sim, {});
    expect(token.header).toEqual({ alg: 'RS256', kid: 'external-signer-key-1', typ: 'JWT' });
    const jwt = await compactJwt(sim, token);
    expect(JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString())).toEqual({ alg: 'RS256', kid: 'external-signer-key-1', typ: 'JWT' });
    expect(flowJwks(sim, 'f').keys.map((k) => k.kid)).toContain('external-signer-key-1');
    expect((await verifyTokenNow(sim, token.index)).ok).toBe(true);
  });

  it('a cluster with a key file keeps its header without typ', () => {
    const sim = simAt({ version: '1.36', pod: false }, 1);
    expect(Object.keys(issue(sim, {}).header)).toEqual(['alg', 'kid']);
  });

  it('legacy Secret tokens are signed with kube-controller-manager\'s own key, which the signer stitches into its key set', () => {
    const sim = simAt({ version: '1.35', pod: false, apiServer: signer('2h') }, 1);
    const legacyKid = flow(sim).externalSigner!.legacyKey.kid;
    expect(legacyKid).not.toMatch(/^external-signer/);
    expect(flow(sim).verifyingKeys.map((k) => k.kid)).toEqual([legacyKid, 'external-signer-key-1']);
  });
});

describe('key rotation follows the signer', () => {
  const rotated = (refreshHint: string, rotateAt: string) =>
    simAt({ version: '1.35', pod: false, duration: '6h', apiServer: signer('2h', `\n  refreshHint: ${refreshHint}`), steps: `  - at: ${rotateAt}\n    fault: rotate-signing-key\n` }, 0);

  it('a new signer key reaches the API server\'s cache (and the JWKS) at the next refresh hint', () => {
    const sim = rotated('1h', '10m');
    sim.runUntil(11 * 60_000);
    expect(flow(sim).signingKey.kid).toBe('external-signer-key-2');
    expect(flowJwks(sim, 'f').keys.map((k) => k.kid)).not.toContain('external-signer-key-2');
    sim.runUntil(60 * 60_000);
    expect(flowJwks(sim, 'f').keys.map((k) => k.kid)).toContain('external-signer-key-2');
    const fetched = eventsOfType(sim, 'signing-key.fetched');
    expect(fetched.map((e) => [e.atMs, e.reason])).toEqual([[60 * 60_000, 'refresh-hint']]);
  });

  it('a token with a kid the cache does not know makes the API server fetch at once, and it is accepted', () => {
    const sim = rotated('1h', '10m');
    sim.runUntil(11 * 60_000);
    const token = issue(sim, {});
    expect(token.header.kid).toBe('external-signer-key-2');
    const result = authenticate(sim, token);
    expect(result.ok).toBe(true);
    expect(eventsOfType(sim, 'signing-key.fetched').map((e) => [e.atMs, e.reason])).toEqual([[11 * 60_000, 'unknown-kid']]);
    expect(flowDiscovery(sim, 'f').id_token_signing_alg_values_supported).toEqual(['RS256']);
    expect(flowJwks(sim, 'f').keys.map((k) => k.kid)).toContain('external-signer-key-2');
  });

  it('retired signer keys keep verifying until the next fetch, then fail with "invalid signature, no keys found"', () => {
    const sim = simAt(
      { version: '1.35', pod: false, duration: '6h', apiServer: signer('2h', '\n  refreshHint: 30m'), steps: '  - at: 5m\n    fault: rotate-signing-key\n  - at: 40m\n    fault: retire-old-signing-keys\n' },
      2 * 60_000 / 1000,
    );
    const old = issue(sim, { expirationSeconds: 7200 });
    expect(old.header.kid).toBe('external-signer-key-1');
    sim.runUntil(45 * 60_000);
    expect(authenticate(sim, old).ok).toBe(true);
    sim.runUntil(60 * 60_000);
    expect(authError(authenticate(sim, old))).toBe('invalid signature, no keys found');
    expect(eventsOfType(sim, 'token.invalidated').map((e) => [e.token, e.atMs])).toEqual([[old.index, 60 * 60_000]]);
  });

  it('iat and exp stay whole seconds from the scenario start', () => {
    const sim = simAt({ version: '1.35', pod: false, apiServer: signer('2h') }, 9);
    expect(bound(issue(sim, {})).iat).toBe(START_SEC + 9);
  });

  it('a cluster without a signer rotates as before: the new key verifies at once', () => {
    const sim = simAt({ version: '1.35', pod: false }, 1);
    injectFault(sim.context, flow(sim), 'rotate-signing-key');
    expect(authenticate(sim, issue(sim, {})).ok).toBe(true);
    expect(eventsOfType(sim, 'signing-key.fetched')).toEqual([]);
  });
});
