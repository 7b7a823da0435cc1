/**
 * Claim explanations cover every claim the engine actually emits (taken from real tokens in the CLI's JSON for 1.20
 * legacy, 1.30 projected/extended/Secret-bound and 1.33 Node-bound tokens), time claims read in three forms, and odd
 * values raise the warnings learners need.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  claimWarnings,
  EXPLAINED_CLAIMS,
  explainClaim,
  explainHeader,
  flattenClaims,
  formatNumericDate,
  formatRelative,
  formatSimInstant,
  formatSinceStart,
  formatUtc,
  rawClaimValue,
  type ClaimExplanation,
} from '../../../shared/explain/claim-explanations.ts';
import { CLAIMS_SCENARIO, decodeHeader, decodePayload, runCli, runCliText, type CliRun, type CliToken } from '../../renderer/panels/cli-tokens.ts';

/** Every claim the brief lists; each must be seen in a real token below, and explained. */
const EXPECTED_CLAIMS = [
  'iss', 'sub', 'aud', 'exp', 'iat', 'nbf', 'jti',
  'kubernetes.io.namespace', 'kubernetes.io.serviceaccount.name', 'kubernetes.io.serviceaccount.uid',
  'kubernetes.io.pod.name', 'kubernetes.io.pod.uid', 'kubernetes.io.secret.name', 'kubernetes.io.secret.uid',
  'kubernetes.io.node.name', 'kubernetes.io.node.uid', 'kubernetes.io.warnafter',
  'kubernetes.io/serviceaccount/namespace', 'kubernetes.io/serviceaccount/secret.name',
  'kubernetes.io/serviceaccount/service-account.name', 'kubernetes.io/serviceaccount/service-account.uid',
];

const LEGACY_CLAIMS = [
  'iss', 'sub',
  'kubernetes.io/serviceaccount/namespace', 'kubernetes.io/serviceaccount/secret.name',
  'kubernetes.io/serviceaccount/service-account.name', 'kubernetes.io/serviceaccount/service-account.uid',
];

const PROJECTED_130_CLAIMS = [
  'iss', 'sub', 'aud', 'iat', 'nbf', 'exp', 'jti',
  'kubernetes.io.namespace', 'kubernetes.io.serviceaccount.name', 'kubernetes.io.serviceaccount.uid',
  'kubernetes.io.pod.name', 'kubernetes.io.pod.uid', 'kubernetes.io.node.name', 'kubernetes.io.node.uid',
];

let sideBySide: CliRun;
let claimsRun: CliRun;
let allTokens: Array<CliToken & { flow: string; version: string }>;

beforeAll(() => {
  sideBySide = runCli('assets/scenarios/side-by-side.yaml');
  claimsRun = runCliText(CLAIMS_SCENARIO);
  allTokens = [sideBySide, claimsRun].flatMap((run) =>
    Object.entries(run.flows).flatMap(([flow, f]) => f.tokens.map((t) => ({ ...t, flow, version: f.kubernetesVersion }))),
  );
}, 60_000);

function expectComplete(explanation: ClaimExplanation | undefined, what: string) {
  expect(explanation, what).toBeDefined();
  for (const field of ['short', 'what', 'safety', 'since'] as const) {
    expect(explanation?.[field].trim().length, `${what}.${field}`).toBeGreaterThan(3);
  }
}

function tokensOf(run: CliRun, flow: string) {
  const f = run.flows[flow];
  if (!f) throw new Error(`no flow ${flow}`);
  return f.tokens;
}

describe('claim explanations cover the engine’s real tokens', () => {
  it('the CLI produced legacy 1.20 and bound 1.36 tokens to check', () => {
    expect(sideBySide.flows.legacy?.kubernetesVersion).toBe('1.20');
    expect(sideBySide.flows.projected?.kubernetesVersion).toBe('1.36');
    expect(tokensOf(sideBySide, 'legacy').every((t) => t.kind === 'legacy')).toBe(true);
    expect(tokensOf(sideBySide, 'projected').every((t) => t.kind === 'bound')).toBe(true);
  });

  it('1.20 legacy tokens carry exactly the legacy claims, each explained', () => {
    for (const token of tokensOf(sideBySide, 'legacy')) {
      const paths = flattenClaims(decodePayload(token.jwt)).map((c) => c.path);
      expect(paths.sort()).toEqual([...LEGACY_CLAIMS].sort());
      for (const path of paths) expectComplete(explainClaim(path, { legacy: true }), `legacy ${path}`);
    }
  });

  it('1.30 projected tokens carry jti and node info, each explained', () => {
    for (const token of tokensOf(sideBySide, 'projected')) {
      const paths = flattenClaims(decodePayload(token.jwt)).map((c) => c.path);
      expect(paths.sort()).toEqual([...PROJECTED_130_CLAIMS].sort());
      for (const path of paths) expectComplete(explainClaim(path, { boundTo: 'Pod' }), `1.30 ${path}`);
    }
  });

  it('every claim of every token (decoded from the compact JWT) and every header field has an explanation', () => {
    const seen = new Set<string>();
    for (const token of allTokens) {
      const payload = decodePayload(token.jwt);
      expect(payload).toEqual(token.claims);
      for (const { path } of flattenClaims(payload)) {
        seen.add(path);
        expectComplete(explainClaim(path, { legacy: token.kind === 'legacy' }), `${token.flow} #${token.number} ${path}`);
      }
      for (const field of Object.keys(decodeHeader(token.jwt))) expectComplete(explainHeader(field), `header ${field}`);
    }
    expect([...seen].sort()).toEqual([...EXPECTED_CLAIMS].sort());
  });

  it('explains every claim the brief lists, and nothing it cannot', () => {
    expect([...EXPLAINED_CLAIMS].sort()).toEqual([...EXPECTED_CLAIMS].sort());
    for (const path of EXPECTED_CLAIMS) expectComplete(explainClaim(path), path);
    expect(explainClaim('kubernetes.io.pod')).toBeUndefined();
    expect(explainClaim('email')).toBeUndefined();
  });

  it('names the Kubernetes version that adds the newer claims', () => {
    expect(explainClaim('jti')?.since).toMatch(/1\.30/);
    expect(explainClaim('kubernetes.io.node.name')?.since).toMatch(/1\.30/);
    expect(explainClaim('kubernetes.io.node.name', { boundTo: 'Node' })?.since).toMatch(/1\.31/);
    expect(explainClaim('exp')?.since).toMatch(/1\.20/);
    expect(explainClaim('kubernetes.io/serviceaccount/secret.name')?.since).toMatch(/1\.24/);
  });

  it('reads iss differently on a legacy token, and node claims differently on a node-bound token', () => {
    expect(explainClaim('iss', { legacy: true })?.what).toContain('kubernetes/serviceaccount');
    expect(explainClaim('iss')?.what).toContain('--service-account-issuer');
    expect(explainClaim('kubernetes.io.node.name', { boundTo: 'Node' })?.short).toBe('dies with this node');
    expect(explainClaim('kubernetes.io.node.name', { boundTo: 'Pod' })?.short).toBe('the node');
  });
});

describe('flattenClaims and rawClaimValue', () => {
  it('puts identity first, then times, then the private claims', () => {
    const token = tokensOf(sideBySide, 'projected')[0];
    expect(flattenClaims(token?.claims ?? {}).map((c) => c.path)).toEqual(PROJECTED_130_CLAIMS);
  });

  it('keeps arrays as leaves and shows raw values as they are in the JWT', () => {
    const flat = flattenClaims({ aud: ['a', 'b'], 'kubernetes.io': { pod: { name: 'app' } }, custom: 1 });
    expect(flat).toEqual([
      { path: 'aud', value: ['a', 'b'] },
      { path: 'kubernetes.io.pod.name', value: 'app' },
      { path: 'custom', value: 1 },
    ]);
    expect(rawClaimValue(['https://kubernetes.default.svc'])).toBe('["https://kubernetes.default.svc"]');
    expect(rawClaimValue('system:serviceaccount:default:my-app')).toBe('system:serviceaccount:default:my-app');
    expect(rawClaimValue(1736157608)).toBe('1736157608');
  });
});

describe('time claims in three forms', () => {
  // The sketch: scenario starts 2025-01-06 09:00:00 UTC, clock at 2 h 13 m, token issued at 1 h 36 m, exp at 2 h 36 m.
  const start = Date.UTC(2025, 0, 6, 9, 0, 0);
  const context = { startEpochMs: start, nowMs: (2 * 3600 + 13 * 60) * 1000 };
  const iat = start / 1000 + 96 * 60;
  const exp = iat + 3600;

  it('formats iat as simulated time since start, relative to the clock, and absolute UTC', () => {
    expect(formatNumericDate(iat, context)).toEqual({
      absolute: '2025-01-06 10:36:00 UTC',
      relative: '37 m ago',
      sinceStart: '1 h 36 m',
      simMs: 96 * 60 * 1000,
    });
    expect(formatNumericDate(exp, context)).toMatchObject({ absolute: '2025-01-06 11:36:00 UTC', relative: 'in 23 m', sinceStart: '2 h 36 m' });
  });

  it('formats a simulated instant the same way as the NumericDate it stands for', () => {
    expect(formatSimInstant(96 * 60 * 1000, context)).toEqual(formatNumericDate(iat, context));
  });

  it('uses the real scenario start from the CLI for a real token', () => {
    const token = tokensOf(sideBySide, 'projected')[0];
    const claims = token?.claims as { iat: number; exp: number };
    const view = formatNumericDate(claims.iat, { startEpochMs: sideBySide.scenario.startEpochMs, nowMs: 0 });
    expect(view.simMs).toBe(token?.issuedAtMs);
    expect(view.sinceStart).toBe('1 s');
    expect(view.relative).toBe('in 1 s');
    expect(view.absolute).toBe(formatUtc(claims.iat * 1000));
    expect(formatNumericDate(claims.exp, { startEpochMs: sideBySide.scenario.startEpochMs, nowMs: 0 }).relative).toBe('in 1 h');
  });

  it('says "now" within a second, and counts years for the extended exp', () => {
    expect(formatRelative(0)).toBe('now');
    expect(formatRelative(-999)).toBe('now');
    expect(formatRelative(1000)).toBe('in 1 s');
    expect(formatRelative(-90 * 60_000)).toBe('1 h 30 m ago');
    expect(formatRelative(365 * 86_400_000)).toBe('in 1 y');
  });

  it('handles times before the start and dates beyond the calendar', () => {
    expect(formatSinceStart(-5 * 60_000)).toBe('5 m before the start');
    expect(formatSinceStart(0)).toBe('0 s');
    expect(formatUtc(1736157608123)).toBe('2025-01-06 10:00:08.123 UTC');
    expect(formatUtc(1736157608123 * 1000)).toBe('+056986-08-23 18:15:23 UTC');
    expect(formatUtc(1e16)).toMatch(/^beyond the calendar \(about the year 318,\d{3}\)$/);
  });
});

describe('odd-value warnings', () => {
  it('a legacy token: no exp, never expires', () => {
    const token = tokensOf(sideBySide, 'legacy')[0];
    const warnings = claimWarnings(token?.claims ?? {});
    expect(warnings.map((w) => w.code)).toEqual(['no-expiry']);
    expect(warnings[0]?.claim).toBe('exp');
    expect(warnings[0]?.text).toMatch(/never expires/);
  });

  it('a 1.30 pod token with the 3607 s extension: exp a year after iat, the kubelet still rotates hourly', () => {
    const token = tokensOf(claimsRun, 'extended').find((t) => 'warnafter' in ((t.claims['kubernetes.io'] as object) ?? {}));
    const claims = token?.claims as { exp: number; iat: number; 'kubernetes.io': { warnafter: number } };
    expect(claims.exp - claims.iat).toBe(31_536_000);
    expect(claims['kubernetes.io'].warnafter - claims.iat).toBe(3607);
    const warnings = claimWarnings(claims);
    expect(warnings.map((w) => w.code)).toEqual(['extended-expiry']);
    expect(warnings[0]?.text).toContain('the kubelet still rotates it hourly');
    expect(warnings[0]?.text).toContain('1 y after iat');
    expect(warnings[0]?.text).toContain('3607 s');
  });

  it('no warnings for an ordinary one-hour projected or Secret-bound token', () => {
    for (const token of tokensOf(sideBySide, 'projected')) expect(claimWarnings(token.claims)).toEqual([]);
    const secretBound = tokensOf(claimsRun, 'extended').find((t) => 'secret' in (t.claims['kubernetes.io'] as object));
    expect(secretBound).toBeDefined();
    expect(claimWarnings(secretBound?.claims ?? {})).toEqual([]);
  });

  it('a long-lived token without warnafter (kubectl create token --duration 48h)', () => {
    const nodeBound = tokensOf(claimsRun, 'nodebound').find((t) => {
      const priv = t.claims['kubernetes.io'] as { node?: unknown; pod?: unknown };
      return priv.node !== undefined && priv.pod === undefined;
    });
    expect(nodeBound).toBeDefined();
    const warnings = claimWarnings(nodeBound?.claims ?? {});
    expect(warnings.map((w) => w.code)).toEqual(['long-lived']);
    expect(warnings[0]?.text).toContain('2 d after iat');
  });

  it('an exp in milliseconds (13 digits)', () => {
    const token = tokensOf(sideBySide, 'projected')[0];
    const claims = { ...(token?.claims as { exp: number }), exp: (token?.claims as { exp: number }).exp * 1000 };
    const warnings = claimWarnings(claims);
    expect(warnings.map((w) => [w.code, w.claim])).toEqual([['milliseconds', 'exp']]);
    expect(warnings[0]?.text).toContain('13 digits');
    expect(warnings[0]?.text).toContain('milliseconds');
    expect(warnings[0]?.text).toContain('2025-01-06 10:00:08 UTC');
  });

  it('times that are not numbers, and an exp before iat', () => {
    expect(claimWarnings({ iss: 'x', exp: '1736157608', iat: 1 }).map((w) => w.code)).toEqual(['not-a-number']);
    expect(claimWarnings({ iss: 'x', exp: 100, iat: 200 }).map((w) => w.code)).toEqual(['exp-before-iat']);
    expect(claimWarnings({ iss: 'https://issuer' })[0]?.text).toBe('No exp claim: nothing limits how long this token works.');
  });
});
