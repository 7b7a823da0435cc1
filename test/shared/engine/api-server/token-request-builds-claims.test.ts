/**
 * Bound-token claims (docs/kubernetes-facts.md §4, pkg/serviceaccount/claims.go): sub, iss (first issuer), aud (array),
 * iat = nbf = now, exp, jti iff ServiceAccountTokenJTI (beta 1.30), and the private "kubernetes.io" block with
 * namespace, serviceaccount{name,uid}, one bound object, and node{name,uid} on pod-bound tokens from 1.30
 * (ServiceAccountTokenPodNodeInfo). The binding rows are upstream TestClaims (claims_test.go) cases.
 */
import { describe, expect, it } from 'vitest';
import type { TokenRequestSpec } from '../../../../shared/engine/api-server/token-request.ts';
import { apply, bound, flow, issue, ISSUER, podUid, saUid, secretUid, simAt, START_SEC } from './token-test-helpers.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function nodeUid(sim: ReturnType<typeof simAt>): string {
  return flow(sim).nodes['node-1']?.metadata?.uid ?? '';
}

describe('bound token claims on 1.30', () => {
  it('a pod-bound token has exactly the fact-sheet shape', () => {
    const sim = simAt({ version: '1.30' }, 42);
    const token = issue(sim, { expirationSeconds: 600, boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'app' } });
    const iat = START_SEC + 42;
    expect(token.claims).toEqual({
      aud: [ISSUER],
      exp: iat + 600,
      iat,
      iss: ISSUER,
      jti: expect.stringMatching(UUID),
      'kubernetes.io': {
        namespace: 'default',
        node: { name: 'node-1', uid: nodeUid(sim) },
        pod: { name: 'app', uid: podUid(sim) },
        serviceaccount: { name: 'my-app', uid: saUid(sim) },
      },
      nbf: iat,
      sub: 'system:serviceaccount:default:my-app',
    });
    expect(token.header).toEqual({ alg: 'RS256', kid: flow(sim).signingKey.kid });
  });

  it('every token gets a fresh jti', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    const jtis = [issue(sim, {}), issue(sim, {}), issue(sim, {})].map((t) => bound(t).jti);
    expect(new Set(jtis).size).toBe(3);
  });

  // Upstream TestClaims rows (pod; secret with aud ["1"]; no binding with aud ["1","2"]), exp 100 → 600 here (the minimum).
  const rows: Array<{ name: string; spec: TokenRequestSpec; aud: string[]; ref: 'pod' | 'secret' | 'none' }> = [
    { name: 'pod, empty audience', spec: { audiences: [], boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'app' } }, aud: [ISSUER], ref: 'pod' },
    { name: 'secret, single member audience', spec: { audiences: ['1'], boundObjectRef: { kind: 'Secret', apiVersion: 'v1', name: 'mysecret' } }, aud: ['1'], ref: 'secret' },
    { name: 'no obj binding, multimember audience', spec: { audiences: ['1', '2'] }, aud: ['1', '2'], ref: 'none' },
  ];

  it.each(rows)('TestClaims: $name', ({ spec, aud, ref }) => {
    const sim = simAt({ version: '1.30' }, 3);
    apply(sim, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: mysecret\ntype: Opaque\n');
    const claims = bound(issue(sim, { ...spec, expirationSeconds: 600 }));
    const iat = START_SEC + 3;
    expect({ sub: claims.sub, aud: claims.aud, iat: claims.iat, nbf: claims.nbf, exp: claims.exp }).toEqual({
      sub: 'system:serviceaccount:default:my-app',
      aud,
      iat,
      nbf: iat,
      exp: iat + 600,
    });
    const priv = claims['kubernetes.io'];
    expect(priv.namespace).toBe('default');
    expect(priv.serviceaccount).toEqual({ name: 'my-app', uid: saUid(sim) });
    expect(priv.pod).toEqual(ref === 'pod' ? { name: 'app', uid: podUid(sim) } : undefined);
    expect(priv.secret).toEqual(ref === 'secret' ? { name: 'mysecret', uid: secretUid(sim, 'mysecret') } : undefined);
    // Only pod-bound tokens carry the node of the pod.
    expect(priv.node).toEqual(ref === 'pod' ? { name: 'node-1', uid: nodeUid(sim) } : undefined);
    expect(priv.warnafter).toBeUndefined();
  });

  it('embeds only the node name when the pod’s Node object does not exist', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    apply(sim, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: elsewhere\nspec:\n  serviceAccountName: my-app\n  nodeName: node-gone\n  containers:\n    - name: c\n      image: nginx\n');
    const claims = bound(issue(sim, { boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'elsewhere' } }));
    expect(claims['kubernetes.io'].node).toEqual({ name: 'node-gone' });
  });
});

describe('version-dependent claims', () => {
  const table = [
    { version: '1.21', jti: false, nodeInfo: false },
    { version: '1.24', jti: false, nodeInfo: false },
    { version: '1.29', jti: false, nodeInfo: false },
    { version: '1.30', jti: true, nodeInfo: true },
    { version: '1.31', jti: true, nodeInfo: true },
    { version: '1.33', jti: true, nodeInfo: true },
  ];

  it.each(table)('$version: jti $jti, pod node info $nodeInfo', ({ version, jti, nodeInfo }) => {
    const sim = simAt({ version }, 2);
    const claims = bound(issue(sim, { boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'app' } }));
    expect('jti' in claims).toBe(jti);
    if (jti) expect(claims.jti).toMatch(UUID);
    expect(claims['kubernetes.io'].node).toEqual(nodeInfo ? { name: 'node-1', uid: nodeUid(sim) } : undefined);
    expect(Object.keys(claims).sort()).toEqual(
      jti ? ['aud', 'exp', 'iat', 'iss', 'jti', 'kubernetes.io', 'nbf', 'sub'] : ['aud', 'exp', 'iat', 'iss', 'kubernetes.io', 'nbf', 'sub'],
    );
  });

  it('1.29 kubelet tokens carry no jti; 1.30 kubelet tokens do', () => {
    for (const [version, hasJti] of [['1.29', false], ['1.30', true]] as const) {
      const sim = simAt({ version, duration: '1h' }, 30);
      const kubeletToken = sim.tokens.find((t) => t.kind === 'bound');
      expect(kubeletToken && 'jti' in kubeletToken.claims).toBe(hasJti);
    }
  });
});
