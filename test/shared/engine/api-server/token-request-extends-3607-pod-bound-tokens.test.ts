/**
 * The "warn-after" extension (docs/kubernetes-facts.md §3 step 9): extendExpiration && pod != nil && expirationSeconds == 3607
 * (after clamping) && every audience ∈ API audiences ⇒ warnafter = iat + 3607, JWT exp = iat + 31536000, while
 * status.expirationTimestamp stays iat + 3607 (step 10).
 */
import { describe, expect, it } from 'vitest';
import type { TokenRequestSpec } from '../../../../shared/engine/api-server/token-request.ts';
import { apply, bound, eventsOfType, ISSUER, kubectl, ONE_YEAR_SEC, requestToken, simAt, START_SEC } from './token-test-helpers.ts';

const POD = { kind: 'Pod', apiVersion: 'v1', name: 'app' };
const SECRET = { kind: 'Secret', apiVersion: 'v1', name: 'plain' };

function withSecret(sim: ReturnType<typeof simAt>) {
  apply(sim, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: plain\ntype: Opaque\n');
  return sim;
}

describe('the 3607 s extension', () => {
  const table: Array<{ name: string; spec: TokenRequestSpec; apiServer?: string; extended: boolean }> = [
    { name: 'Pod-bound, 3607 s, default audiences, flag on', spec: { expirationSeconds: 3607, boundObjectRef: POD }, extended: true },
    { name: 'Pod-bound, 3607 s, the API audience named explicitly', spec: { expirationSeconds: 3607, boundObjectRef: POD, audiences: [ISSUER] }, extended: true },
    { name: 'Pod-bound, 3607 s, boundObjectRef without apiVersion', spec: { expirationSeconds: 3607, boundObjectRef: { kind: 'Pod', name: 'app' } }, extended: true },
    { name: 'Pod-bound, 3607 s, a non-API audience', spec: { expirationSeconds: 3607, boundObjectRef: POD, audiences: ['vault'] }, extended: false },
    { name: 'Pod-bound, 3607 s, API audience plus another', spec: { expirationSeconds: 3607, boundObjectRef: POD, audiences: [ISSUER, 'vault'] }, extended: false },
    { name: 'Secret-bound, 3607 s', spec: { expirationSeconds: 3607, boundObjectRef: SECRET }, extended: false },
    { name: 'unbound, 3607 s', spec: { expirationSeconds: 3607 }, extended: false },
    { name: 'Pod-bound, 3606 s', spec: { expirationSeconds: 3606, boundObjectRef: POD }, extended: false },
    { name: 'Pod-bound, 3608 s', spec: { expirationSeconds: 3608, boundObjectRef: POD }, extended: false },
    { name: 'Pod-bound, 3600 s', spec: { expirationSeconds: 3600, boundObjectRef: POD }, extended: false },
    { name: 'Pod-bound, unset (defaults to 3600 s)', spec: { boundObjectRef: POD }, extended: false },
    { name: 'Pod-bound, 3607 s, flag off', spec: { expirationSeconds: 3607, boundObjectRef: POD }, apiServer: 'extendTokenExpiration: false', extended: false },
    {
      name: 'Pod-bound, 3607 s, --api-audiences api and the request names api',
      spec: { expirationSeconds: 3607, boundObjectRef: POD, audiences: ['api'] },
      apiServer: 'apiAudiences: api',
      extended: true,
    },
    {
      name: 'Pod-bound, 3607 s, --api-audiences api and the request names the issuer',
      spec: { expirationSeconds: 3607, boundObjectRef: POD, audiences: [ISSUER] },
      apiServer: 'apiAudiences: api',
      extended: false,
    },
  ];

  it.each(table)('$name → extended: $extended', ({ spec, apiServer, extended }) => {
    const sim = withSecret(simAt({ version: '1.30', ...(apiServer ? { apiServer } : {}) }, 20));
    const response = requestToken(sim, spec);
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    const { token, expirationSec, statusExpirationMs } = response.value;
    const claims = bound(token);
    const requested = spec.expirationSeconds ?? 3600;
    expect(response.value.extended).toBe(extended);
    expect(expirationSec).toBe(requested);
    expect(claims.iat).toBe(START_SEC + 20);
    expect(statusExpirationMs).toBe(20_000 + requested * 1000);
    if (extended) {
      expect(claims.exp).toBe(claims.iat + ONE_YEAR_SEC);
      expect(claims['kubernetes.io'].warnafter).toBe(claims.iat + 3607);
      expect(token.warnAfterMs).toBe(20_000 + 3_607_000);
      expect(token.jwtExpiresAtMs).toBe(20_000 + ONE_YEAR_SEC * 1000);
    } else {
      expect(claims.exp).toBe(claims.iat + requested);
      expect(claims['kubernetes.io'].warnafter).toBeUndefined();
      expect(token.warnAfterMs).toBeUndefined();
    }
  });

  it('with a 1 h max, 3607 s is clamped to 3600 s first and is no longer extended', () => {
    const sim = simAt({ version: '1.30', apiServer: 'maxTokenExpiration: 1h' }, 20);
    const response = requestToken(sim, { expirationSeconds: 3607, boundObjectRef: POD });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    expect(response.warnings).toEqual(['requested expiration of 3607 seconds shortened to 3600 seconds']);
    expect(response.value.extended).toBe(false);
    expect(response.value.expirationSec).toBe(3600);
    const claims = bound(response.value.token);
    expect(claims.exp - claims.iat).toBe(3600);
    expect(claims['kubernetes.io'].warnafter).toBeUndefined();
    expect(response.value.statusExpirationMs).toBe(20_000 + 3_600_000);
  });

  it('with a 2 h max, 3607 s is not clamped and is extended to one year past the max', () => {
    const sim = simAt({ version: '1.30', apiServer: 'maxTokenExpiration: 2h' }, 20);
    const response = requestToken(sim, { expirationSeconds: 3607, boundObjectRef: POD });
    expect(response.ok && response.warnings).toEqual([]);
    expect(response.ok && bound(response.value.token).exp - bound(response.value.token).iat).toBe(ONE_YEAR_SEC);
  });

  it('extends the kubelet’s first token for the admission-injected volume: warnafter = iat + 3607, exp = iat + 1 y', () => {
    const sim = simAt({ version: '1.30', duration: '1h' }, 60);
    const issued = eventsOfType(sim, 'token.issued').filter((e) => e.requester === 'kubelet');
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ kind: 'bound', expirationSec: 3607, jwtLifetimeSec: ONE_YEAR_SEC, extended: true });
    const token = sim.tokens[issued[0]!.token]!;
    const claims = bound(token);
    expect(claims.exp - claims.iat).toBe(ONE_YEAR_SEC);
    expect(claims['kubernetes.io'].warnafter).toBe(claims.iat + 3607);
    expect(token.statusExpirationMs).toBe((claims.iat - START_SEC) * 1000 + 3_607_000);
  });

  it('reports whole seconds when issued mid-second: status expiration = ⌊now⌋ + 3607 s, JWT lifetime exactly one year', () => {
    const sim = simAt({ version: '1.30' }, 20);
    sim.runUntil(20_400);
    const response = requestToken(sim, { expirationSeconds: 3607, boundObjectRef: POD });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    expect(response.value.statusExpirationMs).toBe(20_000 + 3_607_000);
    expect(response.value.jwtLifetimeSec).toBe(ONE_YEAR_SEC);
    expect(bound(response.value.token).iat).toBe(START_SEC + 20);
  });

  it('extends any client’s request, not only the kubelet’s: kubectl create token --duration 3607s bound to the pod', () => {
    const sim = simAt({ version: '1.30' }, 20);
    sim.runUntil(20_250);
    const line = 'create token my-app --duration 3607s --bound-object-kind Pod --bound-object-name app';
    const ran = kubectl(sim, line);
    expect(ran.exitCode).toBe(0);
    const issued = eventsOfType(sim, 'token.issued').filter((e) => e.requester === 'kubectl');
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ expirationSec: 3607, jwtLifetimeSec: ONE_YEAR_SEC, extended: true });
    const other = kubectl(sim, 'create token my-app --duration 3607s');
    expect(other.exitCode).toBe(0);
    expect(eventsOfType(sim, 'token.issued').filter((e) => e.requester === 'kubectl')[1]).toMatchObject({ jwtLifetimeSec: 3607, extended: false });
  });

  it('gives the kubelet a plain 3607 s JWT when --service-account-extend-token-expiration=false', () => {
    const sim = simAt({ version: '1.30', duration: '1h', apiServer: 'extendTokenExpiration: false' }, 60);
    const issued = eventsOfType(sim, 'token.issued').filter((e) => e.requester === 'kubelet');
    expect(issued[0]).toMatchObject({ expirationSec: 3607, jwtLifetimeSec: 3607, extended: false });
  });
});
