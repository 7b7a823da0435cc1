/**
 * Every warning a pasted token can raise, each shown on the smallest token that triggers it, and none raised on the
 * real tokens the engine mints (beyond the ones they deserve: no exp on legacy, the year on extended pod tokens).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzePastedToken } from '../../../../renderer/panels/paste-token/paste-token-model.ts';
import { allPasteWarnings, issuerShape, looksLikeApiAudience, type PasteWarning } from '../../../../renderer/panels/paste-token/paste-warnings.ts';
import { loadRealTokens, makeJwt, podClaims, type RealTokens } from './paste-fixtures.ts';

const IAT = 1_736_154_001;
const HEADER = { alg: 'RS256', kid: 'k' };

let real: RealTokens;

beforeAll(() => {
  real = loadRealTokens();
}, 60_000);

function warningsOf(claims: Record<string, unknown>, header: object = HEADER, signature = 'c2ln'): PasteWarning[] {
  return allPasteWarnings(header, claims, signature);
}

function codes(claims: Record<string, unknown>, header: object = HEADER, signature = 'c2ln'): string[] {
  return warningsOf(claims, header, signature).map((w) => w.code);
}

describe('the warnings real tokens raise', () => {
  it('a 1.30 projected token without the extension: none', () => {
    expect(allPasteWarnings(real.projected130.header, real.projected130.claims, 'c2ln')).toEqual([]);
  });

  it('a 1.20 legacy token: only that it never expires, in the legacy wording', () => {
    const warnings = allPasteWarnings(real.legacy120.header, real.legacy120.claims, 'c2ln');
    expect(warnings.map((w) => w.code)).toEqual(['no-expiry']);
    expect(warnings[0]!.text).toMatch(/legacy Secret-based token never expires/);
  });

  it('a 1.30 pod token with default flags: the one-year exp with warnafter, naming the 3607 s', () => {
    const warnings = allPasteWarnings(real.extended130.header, real.extended130.claims, 'c2ln');
    expect(warnings.map((w) => w.code)).toEqual(['extended-expiry']);
    expect(warnings[0]).toMatchObject({ claim: 'exp' });
    expect(warnings[0]!.text).toContain('3607 s');
  });
});

describe('each odd value raises its warning', () => {
  it('exp in milliseconds (13 digits)', () => {
    const warnings = warningsOf(podClaims(IAT, 0, { exp: (IAT + 3607) * 1000 }));
    expect(warnings.map((w) => w.code)).toEqual(['milliseconds']);
    expect(warnings[0]!.text).toMatch(/^exp has 13 digits: that looks like milliseconds/);
  });

  it('no exp on a bound token', () => {
    const claims = podClaims(IAT, 0);
    delete claims.exp;
    expect(codes(claims)).toEqual(['no-expiry']);
  });

  it('exp before iat', () => {
    expect(codes(podClaims(IAT, -60))).toEqual(['exp-before-iat']);
  });

  it('an exp more than a day after iat without warnafter', () => {
    expect(codes(podClaims(IAT, 2 * 86_400))).toEqual(['long-lived']);
  });

  it('nbf in the future relative to iat, but not nbf equal to iat', () => {
    const warnings = warningsOf(podClaims(IAT, 3607, { nbf: IAT + 90 }));
    expect(warnings).toEqual([expect.objectContaining({ code: 'nbf-after-iat', claim: 'nbf' })]);
    expect(warnings[0]!.text).toMatch(/^nbf is 1 m 30 s after iat/);
    expect(warnings[0]!.text).toContain('service account token is not valid yet');
    expect(codes(podClaims(IAT, 3607, { nbf: IAT }))).toEqual([]);
  });

  it('an issuer that is neither the legacy string nor an https URL', () => {
    for (const iss of ['my-cluster', 'http://kubernetes.default.svc', 'kubernetes.default.svc', 42]) {
      const warnings = warningsOf(podClaims(IAT, 3607, { iss, aud: ['my-cluster'] }));
      expect(warnings.map((w) => w.code), String(iss)).toEqual(iss === 'my-cluster' ? ['unknown-issuer'] : ['unknown-issuer', 'foreign-audience']);
    }
    expect(warningsOf(podClaims(IAT, 3607, { iss: 'my-cluster', aud: ['my-cluster'] }))[0]!.text).toContain('“my-cluster” is neither');
  });

  it('no issuer at all', () => {
    const claims = podClaims(IAT, 3607);
    delete claims.iss;
    expect(warningsOf(claims)).toEqual([expect.objectContaining({ code: 'no-issuer', claim: 'iss' })]);
  });

  it('an audience that is not a Kubernetes API server, with the error an API server with default flags gives', () => {
    const warnings = warningsOf(podClaims(IAT, 3607, { aud: ['vault', 'sts.amazonaws.com'] }));
    expect(warnings.map((w) => w.code)).toEqual(['foreign-audience']);
    expect(warnings[0]!.text).toContain(
      'token audiences ["vault" "sts.amazonaws.com"] is invalid for the target audiences ["https://kubernetes.default.svc"]',
    );
    // A single string audience, as newer go-jose writes one-element lists, is read the same way.
    expect(codes(podClaims(IAT, 3607, { aud: 'vault' }))).toEqual(['foreign-audience']);
  });

  it('audiences an API server accepts by default are not flagged: its issuer, or the in-cluster Service names', () => {
    const eks = 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF';
    expect(codes(podClaims(IAT, 3607, { iss: eks, aud: [eks] }))).toEqual([]);
    expect(codes(podClaims(IAT, 3607, { iss: eks, aud: ['https://kubernetes.default.svc.cluster.local'] }))).toEqual([]);
    expect(codes(podClaims(IAT, 3607, { aud: ['vault', 'https://kubernetes.default.svc'] }))).toEqual([]);
  });

  it('a token with nothing of Kubernetes in it', () => {
    const claims = { iss: 'https://accounts.example.com', sub: '1234567890', aud: 'https://accounts.example.com', iat: IAT, exp: IAT + 3600 };
    expect(codes(claims)).toEqual(['not-kubernetes']);
  });

  it('an empty signature, or alg "none"', () => {
    expect(warningsOf(podClaims(IAT, 3607), HEADER, '')).toEqual([expect.objectContaining({ code: 'unsigned', claim: '' })]);
    expect(warningsOf(podClaims(IAT, 3607), { alg: 'none' }, 'c2ln')[0]!.text).toMatch(/alg “none”/);
  });

  it('several at once, each once', () => {
    const claims = { iss: 'cluster', aud: ['vault'], iat: IAT, nbf: IAT + 60, exp: IAT - 1 };
    expect(codes(claims, { alg: 'none' }, '')).toEqual(['exp-before-iat', 'not-kubernetes', 'unknown-issuer', 'foreign-audience', 'nbf-after-iat', 'unsigned']);
  });
});

describe('the shape checks behind the warnings', () => {
  it('issuer shapes', () => {
    expect(issuerShape('kubernetes/serviceaccount')).toBe('legacy');
    expect(issuerShape('https://kubernetes.default.svc.cluster.local')).toBe('https-url');
    expect(issuerShape('https://container.googleapis.com/v1/projects/p/locations/l/clusters/c')).toBe('https-url');
    expect(issuerShape(undefined)).toBe('missing');
    expect(issuerShape('https://')).toBe('other');
    expect(issuerShape('https://host/path?query')).toBe('other');
  });

  it('API audiences', () => {
    expect(looksLikeApiAudience('https://kubernetes.default.svc', 'https://issuer')).toBe(true);
    expect(looksLikeApiAudience('https://kubernetes.default.svc.cluster.local', undefined)).toBe(true);
    expect(looksLikeApiAudience('https://issuer', 'https://issuer')).toBe(true);
    expect(looksLikeApiAudience('https://kubernetes.default.svc.evil.example/x', undefined)).toBe(false);
    expect(looksLikeApiAudience('vault', 'https://issuer')).toBe(false);
  });

  it('the panel shows the same warnings it computes, for a pasted token', () => {
    const analysis = analyzePastedToken(makeJwt(podClaims(IAT, 3607, { aud: ['vault'] })), IAT * 1000);
    expect(analysis.state === 'decoded' && analysis.token.warnings.map((w) => w.code)).toEqual(['foreign-audience']);
  });
});
