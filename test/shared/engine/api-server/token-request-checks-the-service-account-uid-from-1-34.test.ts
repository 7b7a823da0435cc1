/**
 * 1.34's TokenRequest `metadata.uid` check (gate TokenRequestServiceAccountUIDValidation, beta on; docs/kubernetes-facts.md
 * §8.3.1): a UID that is not the ServiceAccount's gets 409 before defaulting and validation, and the response
 * echoes the ServiceAccount's name, namespace and UID. Before 1.34 the UID never reached token.go.
 */
import { describe, expect, it } from 'vitest';
import { createTokenRequest } from '../../../../shared/engine/api-server/token-request.ts';
import { getServiceAccountToken, tokenCacheKey } from '../../../../shared/engine/kubelet/token-manager.ts';
import { errorOf, flow, kubectl, saUid, simAt } from './token-test-helpers.ts';
import { tokenManagerFixture } from '../kubelet/token-manager-fixture.ts';
import type { Simulation } from '../../../../shared/engine/simulation.ts';

const request = (sim: Simulation, uid: string | undefined, expirationSeconds?: number) =>
  createTokenRequest(sim.context, flow(sim), {
    namespace: 'default',
    serviceAccount: 'my-app',
    ...(uid === undefined ? {} : { uid }),
    spec: expirationSeconds === undefined ? {} : { expirationSeconds },
  });

describe('a stale metadata.uid', () => {
  it.each(['1.34', '1.35', '1.36', '1.37'])('%s: 409 with upstream\'s message', (version) => {
    const sim = simAt({ version, pod: false }, 1);
    expect(errorOf(request(sim, 'wrong-sa-uid-456'))).toEqual({
      status: 409,
      reason: 'Conflict',
      message: `Operation cannot be fulfilled on TokenRequest.authentication.k8s.io "my-app": the UID in the token request (wrong-sa-uid-456) does not match the UID of the service account (${saUid(sim)})`,
    });
  });

  it('1.34: the check comes before validation, so a stale UID with a 300 s request is still a 409', () => {
    const sim = simAt({ version: '1.34', pod: false }, 1);
    expect(errorOf(request(sim, 'wrong', 300)).status).toBe(409);
  });

  it.each(['1.30', '1.33'])('%s: the UID is wiped before token.go, so the request succeeds for the current ServiceAccount', (version) => {
    const sim = simAt({ version, pod: false }, 1);
    const response = request(sim, 'wrong-sa-uid-456');
    expect(response.ok).toBe(true);
    expect(response.ok && response.value.token.serviceAccountUid).toBe(saUid(sim));
  });

  it('1.34: the ServiceAccount\'s own UID is accepted', () => {
    const sim = simAt({ version: '1.34', pod: false }, 1);
    expect(request(sim, saUid(sim)).ok).toBe(true);
  });
});

describe('the response metadata', () => {
  it.each<[string, boolean]>([['1.33', false], ['1.34', true], ['1.37', true]])('%s echoes the ServiceAccount UID: %s', (version, echoes) => {
    const sim = simAt({ version, pod: false }, 7);
    const response = request(sim, undefined);
    if (!response.ok) throw new Error(response.error.message);
    expect(response.value.metadata).toEqual({ name: 'my-app', namespace: 'default', ...(echoes ? { uid: saUid(sim) } : {}), creationTimestampMs: 7000 });
  });
});

describe('the kubelet token cache key from 1.34', () => {
  it('ends with the request\'s ServiceAccount UID, empty for a projected volume, as "expired and refresh failed" prints it', () => {
    const f = tokenManagerFixture('1.34');
    f.setNow(1000);
    const volumeRequest = f.request(3600);
    const got = getServiceAccountToken(f.ctx, f.cluster, volumeRequest);
    expect(got.ok).toBe(true);
    f.cluster.apiServerUp = false;
    f.setNow(3_601_001);
    const failed = getServiceAccountToken(f.ctx, f.cluster, volumeRequest);
    expect(failed.ok ? '' : failed.error).toBe(
      `token ${tokenCacheKey(volumeRequest)}/"" expired and refresh failed: Post "https://10.96.0.1:443/api/v1/namespaces/default/serviceaccounts/my-app/token": dial tcp 10.96.0.1:443: connect: connection refused`,
    );
  });

  it('kubectl create token never sends a UID, so it works across a delete and recreate', () => {
    const sim = simAt({ version: '1.35', pod: false }, 1);
    kubectl(sim, 'delete sa my-app');
    kubectl(sim, 'create sa my-app');
    expect(kubectl(sim, 'create token my-app').exitCode).toBe(0);
  });
});
