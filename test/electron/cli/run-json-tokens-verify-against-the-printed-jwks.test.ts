/**
 * The `--json` report lets anyone check the tokens: every JWT verifies against the printed JWKS with an independent
 * verifier (node:crypto, not jose or the project's own code), its kid is base64url(SHA-256(SPKI DER)) of the key
 * (docs/kubernetes-facts.md §4), and its claims are what that flow's Kubernetes version would mint.
 */
import { createHash, createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { removeScenarioFiles, runCli, scenarioFile, SIDE_BY_SIDE, type RunReport } from './cli-harness.ts';

afterAll(removeScenarioFiles);

type Report = RunReport;

async function report(path: string): Promise<Report> {
  const { code, stdout, stderr } = await runCli(['run', path, '--json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as Report;
}

const b64 = (part: string) => Buffer.from(part, 'base64url');
const decodeJson = (part: string): Record<string, unknown> => JSON.parse(b64(part).toString('utf8')) as Record<string, unknown>;

/** Verifies a compact JWS with node:crypto against the JWKS; returns the decoded header and claims. */
function verifyIndependently(jwt: string, jwks: Report['flows'][string]['jwks']): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [h, p, s] = jwt.split('.') as [string, string, string];
  const header = decodeJson(h);
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk) throw new Error(`no JWKS key for kid ${String(header.kid)}`);
  const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
  const ok = checkSignature(`${h}.${p}`, s, header.alg as string, key);
  if (!ok) throw new Error(`signature of ${jwt.slice(0, 40)}… does not verify`);
  return { header, claims: decodeJson(p) };
}

function checkSignature(signingInput: string, signature: string, alg: string, key: KeyObject): boolean {
  if (alg === 'RS256') return verify('sha256', Buffer.from(signingInput), key, b64(signature));
  if (alg === 'ES256') return verify('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' }, b64(signature));
  throw new Error(`unexpected alg ${alg}`);
}

function kidOf(jwk: Record<string, string>): string {
  const der = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('side-by-side --json: every JWT verifies with node:crypto against the printed JWKS', async () => {
  const r = await report(SIDE_BY_SIDE);

  it('every token of every flow verifies, and its header and claims are the ones printed beside it', () => {
    let count = 0;
    for (const flow of Object.values(r.flows)) {
      for (const token of flow.tokens) {
        const { header, claims } = verifyIndependently(token.jwt, flow.jwks);
        expect(header).toEqual(token.header);
        expect(claims).toEqual(token.claims);
        count += 1;
      }
    }
    // Three legacy Secret tokens; the projected pod's first token and its seven rotations.
    expect(count).toBe(11);
  });

  it('the verifier can fail: a flipped signature byte or an edited payload does not verify', () => {
    const flow = r.flows.projected!;
    const [h, p, s] = flow.tokens[0]!.jwt.split('.') as [string, string, string];
    const sig = b64(s);
    sig[0] = sig[0]! ^ 1;
    expect(() => verifyIndependently(`${h}.${p}.${sig.toString('base64url')}`, flow.jwks)).toThrow(/does not verify/);
    const edited = Buffer.from(JSON.stringify({ ...decodeJson(p), sub: 'system:serviceaccount:kube-system:admin' })).toString('base64url');
    expect(() => verifyIndependently(`${h}.${edited}.${s}`, flow.jwks)).toThrow(/does not verify/);
  });

  it('a token does not verify against the other flow\'s key', () => {
    const legacyJwt = r.flows.legacy!.tokens[0]!.jwt;
    const otherKeys = { keys: r.flows.projected!.jwks.keys.map((k) => ({ ...k, kid: r.flows.legacy!.jwks.keys[0]!.kid! })) };
    expect(() => verifyIndependently(legacyJwt, otherKeys)).toThrow(/does not verify/);
  });

  it('header is {alg: RS256, kid} and kid = base64url(SHA-256(SPKI DER)) of the JWKS key', () => {
    for (const flow of Object.values(r.flows)) {
      for (const jwk of flow.jwks.keys) {
        expect(jwk.kid).toBe(kidOf(jwk));
        expect(jwk).toMatchObject({ use: 'sig', kty: 'RSA', alg: 'RS256' });
        expect(jwk.d).toBeUndefined();
      }
      for (const token of flow.tokens) {
        expect(Object.keys(token.header).sort()).toEqual(['alg', 'kid']);
        expect(token.header.alg).toBe('RS256');
        expect(flow.jwks.keys.map((k) => k.kid)).toContain(token.header.kid);
      }
    }
    expect(r.flows.legacy!.jwks.keys[0]!.kid).not.toBe(r.flows.projected!.jwks.keys[0]!.kid);
  });

  it('1.20 (legacy): Secret-based claims only — iss kubernetes/serviceaccount, sub and the four kubernetes.io/serviceaccount/* claims, no exp/iat/nbf/aud/jti', () => {
    const flow = r.flows.legacy!;
    const secrets = new Set(flow.events.filter((e) => e.type === 'secret.created').map((e) => e.refs.secret));
    for (const token of flow.tokens) {
      const c = token.claims;
      expect(Object.keys(c).sort()).toEqual([
        'iss',
        'kubernetes.io/serviceaccount/namespace',
        'kubernetes.io/serviceaccount/secret.name',
        'kubernetes.io/serviceaccount/service-account.name',
        'kubernetes.io/serviceaccount/service-account.uid',
        'sub',
      ]);
      expect(c.iss).toBe('kubernetes/serviceaccount');
      expect(c.sub).toBe(`system:serviceaccount:${String(c['kubernetes.io/serviceaccount/namespace'])}:${String(c['kubernetes.io/serviceaccount/service-account.name'])}`);
      expect(c['kubernetes.io/serviceaccount/service-account.uid']).toMatch(UUID);
      expect(secrets.has(c['kubernetes.io/serviceaccount/secret.name'])).toBe(true);
      expect(String(c['kubernetes.io/serviceaccount/secret.name'])).toMatch(new RegExp(`^${String(c['kubernetes.io/serviceaccount/service-account.name'])}-token-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    }
    const mine = flow.tokens.find((t) => t.claims['kubernetes.io/serviceaccount/service-account.name'] === 'my-app');
    expect(mine?.claims.sub).toBe('system:serviceaccount:default:my-app');
  });

  it('1.36 (projected, extension off): bound claims with jti, pod and node, exp = iat + 3607, nbf = iat, no warnafter', () => {
    const flow = r.flows.projected!;
    const pod = flow.events.find((e) => e.type === 'pod.created' && e.refs.pod === 'app')!;
    const jtis = new Set<unknown>();
    for (const token of flow.tokens) {
      const c = token.claims as Record<string, unknown> & { 'kubernetes.io': Record<string, unknown> };
      expect(Object.keys(c).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'kubernetes.io', 'nbf', 'sub']);
      expect(c.iss).toBe('https://kubernetes.default.svc');
      expect(c.aud).toEqual(['https://kubernetes.default.svc']);
      expect(c.sub).toBe('system:serviceaccount:default:my-app');
      expect(c.jti).toMatch(UUID);
      jtis.add(c.jti);
      expect(c.nbf).toBe(c.iat);
      expect((c.exp as number) - (c.iat as number)).toBe(3607);
      expect(c.iat).toBe(Math.floor((r.scenario.startEpochMs + token.issuedAtMs) / 1000));
      const k8s = c['kubernetes.io'];
      expect(Object.keys(k8s).sort()).toEqual(['namespace', 'node', 'pod', 'serviceaccount']);
      expect(k8s.namespace).toBe('default');
      expect(k8s.pod).toEqual({ name: 'app', uid: pod.refs.podUid });
      expect(k8s.node).toEqual({ name: 'node-1', uid: expect.stringMatching(UUID) });
      expect(k8s.serviceaccount).toEqual({ name: 'my-app', uid: expect.stringMatching(UUID) });
    }
    expect(jtis.size).toBe(flow.tokens.length);
  });
});

describe('other shapes of --json output', async () => {
  const yaml = `name: shapes
seed: 5
duration: 2h
flows:
  - id: extended
    kubernetesVersion: "1.30"
  - id: es
    kubernetesVersion: "1.33"
    apiServer:
      signingAlgorithm: ES256
  - id: old-bound
    kubernetesVersion: "1.29"
steps:
  - at: 0s
    kubectl: create serviceaccount my-app
  - at: 0s
    apply: |
      apiVersion: v1
      kind: Pod
      metadata:
        name: app
      spec:
        serviceAccountName: my-app
        containers:
          - name: app
            image: nginx:stable
  - at: 10m
    kubectl: create token my-app --duration 20m
  - at: 30m
    fault: rotate-signing-key
`;
  const r = await report(scenarioFile('shapes.yaml', yaml));

  it('every JWT of every flow verifies (RS256 and ES256), including after a key rotation', () => {
    for (const flow of Object.values(r.flows)) {
      for (const token of flow.tokens) expect(verifyIndependently(token.jwt, flow.jwks).claims).toEqual(token.claims);
      for (const jwk of flow.jwks.keys) expect(jwk.kid).toBe(kidOf(jwk));
      // the old key still verifies, the new one signs
      expect(flow.jwks.keys).toHaveLength(2);
      expect(new Set(flow.tokens.map((t) => t.header.kid)).size).toBe(2);
    }
    expect(r.flows.es!.tokens.every((t) => t.header.alg === 'ES256')).toBe(true);
  });

  it('1.30 with the extension on: kubelet tokens have exp = iat + 1 year and warnafter = iat + 3607', () => {
    const kubelet = r.flows.extended!.tokens.filter((t) => (t.claims['kubernetes.io'] as Record<string, unknown>).pod !== undefined);
    expect(kubelet.length).toBeGreaterThan(0);
    for (const t of kubelet) {
      const c = t.claims as { exp: number; iat: number; 'kubernetes.io': { warnafter?: number } };
      expect(c.exp - c.iat).toBe(31_536_000);
      expect(c['kubernetes.io'].warnafter).toBe(c.iat + 3607);
    }
  });

  it('kubectl create token: the kubectl.ran stdout is the JWT, which verifies; unbound, exp = iat + 1200, no warnafter', () => {
    const flow = r.flows.extended!;
    const ran = flow.events.find((e) => e.type === 'kubectl.ran' && String(e.command).startsWith('create token'))!;
    expect(ran.exitCode).toBe(0);
    const jwt = String(ran.stdout).trimEnd();
    expect(String(ran.stdout)).toBe(`${jwt}\n`);
    const { claims } = verifyIndependently(jwt, flow.jwks);
    expect(claims.exp as number).toBe((claims.iat as number) + 1200);
    const k8s = claims['kubernetes.io'] as Record<string, unknown>;
    expect(Object.keys(k8s).sort()).toEqual(['namespace', 'serviceaccount']);
    expect(flow.tokens.find((t) => t.jwt === jwt)).toBeDefined();
  });

  it('1.29: bound claims without jti and without the node claim (both beta from 1.30)', () => {
    const flow = r.flows['old-bound']!;
    expect(flow.tokens.length).toBeGreaterThan(0);
    for (const t of flow.tokens) {
      expect(t.claims.jti).toBeUndefined();
      expect((t.claims['kubernetes.io'] as Record<string, unknown>).node).toBeUndefined();
    }
  });

  it('1.33: bound claims with jti and node on pod-bound tokens', () => {
    const pod = r.flows.es!.tokens.filter((t) => (t.claims['kubernetes.io'] as Record<string, unknown>).pod !== undefined);
    expect(pod.length).toBeGreaterThan(0);
    for (const t of pod) {
      expect(t.claims.jti).toMatch(UUID);
      expect((t.claims['kubernetes.io'] as Record<string, unknown>).node).toMatchObject({ name: 'node-1' });
    }
  });
});
