/**
 * The paste-token model on real tokens from the CLI (1.30 projected, 1.20 legacy, 1.30 extended with default flags,
 * Secret- and Node-bound) and on malformed text: kind, verdict by the machine's clock, claim rows with explanations
 * and three time forms, the timeline's marks, and errors that say what is wrong and at which column.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzePastedToken, classifyToken, errorExcerpt, tokenStatus, type PastedToken } from '../../../../renderer/panels/paste-token/paste-token-model.ts';
import { base64Url, loadRealTokens, makeJwt, podClaims, type RealTokens } from './paste-fixtures.ts';

let real: RealTokens;

beforeAll(() => {
  real = loadRealTokens();
}, 60_000);

function decoded(text: string, nowEpochMs: number): PastedToken {
  const analysis = analyzePastedToken(text, nowEpochMs);
  if (analysis.state !== 'decoded') throw new Error(`expected a decoded token, got ${JSON.stringify(analysis)}`);
  return analysis.token;
}

function row(token: PastedToken, path: string) {
  const found = token.claims.find((c) => c.path === path);
  if (!found) throw new Error(`no row for ${path}`);
  return found;
}

function iatOf(token: { claims: Record<string, unknown> }): number {
  return token.claims.iat as number;
}

describe('a real 1.30 projected token (extension off, from side-by-side.yaml)', () => {
  it('is a pod-bound token whose every claim is explained, in reading order, with its raw value', () => {
    const token = decoded(real.projected130.jwt, real.startEpochMs);
    expect(token.kind).toBe('pod');
    expect(token.kindTitle).toBe('Pod-bound token');
    expect(token.claims.map((c) => c.path)).toEqual([
      'iss', 'sub', 'aud', 'iat', 'nbf', 'exp', 'jti',
      'kubernetes.io.namespace', 'kubernetes.io.serviceaccount.name', 'kubernetes.io.serviceaccount.uid',
      'kubernetes.io.pod.name', 'kubernetes.io.pod.uid', 'kubernetes.io.node.name', 'kubernetes.io.node.uid',
    ]);
    for (const claim of token.claims) expect(claim.explanation, claim.path).toBeDefined();
    expect(row(token, 'aud').raw).toBe('["https://kubernetes.default.svc"]');
    expect(row(token, 'kubernetes.io.pod.name').raw).toBe('app');
    expect(row(token, 'kubernetes.io.pod.name').explanation?.short).toBe('dies with this pod');
    expect(token.header.map((h) => h.name)).toEqual(['alg', 'kid']);
    expect(token.header[0]).toMatchObject({ raw: 'RS256', explanation: { short: 'signature algorithm' } });
    expect(token.warnings).toEqual([]);
  });

  it('reads its times against the machine clock: absolute, relative, and as an offset from iat', () => {
    const iat = iatOf(real.projected130);
    const token = decoded(real.projected130.jwt, (iat + 600) * 1000);
    expect(row(token, 'iat').times).toEqual({ absolute: '2025-01-06 09:00:01 UTC', relative: '10 m ago' });
    expect(row(token, 'exp').times).toEqual({
      absolute: '2025-01-06 10:00:08 UTC',
      relative: 'in 50 m 7 s',
      afterIat: '1 h 0 m 7 s, 3,607 s after iat',
    });
    expect(row(token, 'nbf').times?.afterIat).toBe('the same second as iat');
  });

  it('is valid by its times an hour into its life, expired after exp + 60 s, and says what the API server would answer', () => {
    const iat = iatOf(real.projected130);
    const fresh = decoded(real.projected130.jwt, (iat + 600) * 1000).status;
    expect(fresh).toMatchObject({ verdict: 'valid', symbol: '✓', title: 'Valid by its times: expires in 50 m 7 s' });

    const inLeeway = decoded(real.projected130.jwt, (iat + 3607 + 30) * 1000).status;
    expect(inLeeway).toMatchObject({ verdict: 'leeway', symbol: '!' });
    expect(inLeeway.detail).toContain('for 30 s more');

    const expired = decoded(real.projected130.jwt, (iat + 3607 + 61) * 1000).status;
    expect(expired).toMatchObject({ verdict: 'expired', symbol: '✗', title: 'Expired 1 m 1 s ago' });
    expect(expired.detail).toContain('service account token has expired');
  });

  it('sits on its own timeline: iat = nbf, the kubelet’s refresh due at 80 % of 3607 s, exp, and now', () => {
    const iat = iatOf(real.projected130);
    const { timeline } = decoded(real.projected130.jwt, (iat + 7200) * 1000);
    expect(timeline.marks.map((m) => [m.name, m.detail])).toEqual([
      ['iat = nbf', 'issued'],
      ['refresh due', '+47 m 57 s'],
      ['exp', '+1 h 0 m 7 s'],
    ]);
    expect(timeline.refresh).toEqual({ lifetimeSec: 3607, dueAgeSec: 2886, earliestDueAgeSec: 2877, fromSec: iat + 2877, untilSec: iat + 3607 });
    expect(timeline.spans.map((s) => s.kind)).toEqual(['valid', 'refresh']);
    expect(timeline.breaks).toEqual([]);
    expect(timeline.now.detail).toBe('2 h after iat');
    const [first, refresh, exp] = timeline.marks.map((m) => m.x);
    expect(first!).toBeLessThan(refresh!);
    expect(refresh!).toBeLessThan(exp!);
    expect(exp!).toBeLessThan(timeline.now.x);
    expect(timeline.kubeletNote).toContain('older than 2,877–2,886 s (80 % of 3,607 s, less 0–9 s of jitter)');
  });

  it('accepts the token as an Authorization header value', () => {
    expect(decoded(`  Bearer ${real.projected130.jwt}\n`, real.startEpochMs).compact).toBe(real.projected130.jwt);
    expect(analyzePastedToken(`  Bearer ${real.projected130.jwt}\n`, real.startEpochMs)).not.toHaveProperty('unwrapped');
  });

  it('reads a token as a terminal wraps it (line breaks, indentation, CRLF), and says what it took out', () => {
    const jwt = real.projected130.jwt;
    const wrapped = `Bearer ${jwt.slice(0, 80)}\n${jwt.slice(80, 160)}\r\n    ${jwt.slice(160, 300)} ${jwt.slice(300)}\n`;
    const analysis = analyzePastedToken(wrapped, real.startEpochMs);
    if (analysis.state !== 'decoded') throw new Error(`expected a decoded token, got ${analysis.state}`);
    expect(analysis.token.compact).toBe(jwt);
    expect(analysis.unwrapped).toBe(
      'Removed 2 line breaks and 5 spaces from inside the token: a terminal wraps a long token over several lines, and a JWT has no whitespace in it. It is read without them.',
    );
  });
});

describe('a real 1.20 legacy token', () => {
  it('is a legacy token that never expires, with legacy explanations and no times', () => {
    const token = decoded(real.legacy120.jwt, real.startEpochMs + 3_600_000);
    expect(token.kind).toBe('legacy');
    expect(token.kindTitle).toBe('Legacy Secret-based token');
    expect(token.status).toMatchObject({ verdict: 'never-expires', symbol: '!', title: 'Never expires' });
    expect(token.warnings.map((w) => w.code)).toEqual(['no-expiry']);
    expect(row(token, 'iss').explanation?.short).toBe('marks a legacy token');
    expect(row(token, 'kubernetes.io/serviceaccount/secret.name').raw).toMatch(/^default-token-[a-z0-9]{5}$/);
    expect(token.claims.some((c) => c.times)).toBe(false);
  });

  it('draws one bar with no start and no end, now in the middle, and nothing refreshes it', () => {
    const { timeline } = decoded(real.legacy120.jwt, real.startEpochMs);
    expect(timeline.marks).toEqual([]);
    expect(timeline.spans).toEqual([expect.objectContaining({ kind: 'valid', fromX: 0, toX: 1, openStart: true, openEnd: true })]);
    expect(timeline.now.x).toBe(0.5);
    expect(timeline.refresh).toBeUndefined();
    expect(timeline.kubeletNote).toMatch(/^Nothing refreshes a legacy token/);
  });
});

describe('a real 1.30 pod token from a flow with default flags (the 3607 s extension)', () => {
  it('is recognised as stretched to a year, warned about, and planned from warnafter by the kubelet', () => {
    const iat = iatOf(real.extended130);
    expect((real.extended130.claims.exp as number) - iat).toBe(31_536_000);
    const token = decoded(real.extended130.jwt, (iat + 1800) * 1000);
    expect(token.kind).toBe('pod');
    expect(token.kindTitle).toBe('Projected pod token, stretched to a year');
    expect(token.warnings.map((w) => w.code)).toEqual(['extended-expiry']);
    expect(row(token, 'exp').warnings).toEqual(['extended-expiry']);
    expect(row(token, 'kubernetes.io.warnafter').times?.afterIat).toBe('1 h 0 m 7 s, 3,607 s after iat');
    expect(token.status).toMatchObject({ verdict: 'valid', title: 'Valid by its times: expires in 364 d 23 h' });
    expect(token.status.detail).toContain('warnafter, in 30 m 7 s');
    expect(token.timeline.refresh).toMatchObject({ lifetimeSec: 3607, earliestDueAgeSec: 2877, dueAgeSec: 2886 });
    expect(token.timeline.kubeletNote).toContain('not from the year in exp');
  });

  it('puts the year after warnafter behind an axis break, so the hour stays readable', () => {
    const iat = iatOf(real.extended130);
    const { timeline } = decoded(real.extended130.jwt, (iat + 1800) * 1000);
    expect(timeline.marks.map((m) => m.name)).toEqual(['iat = nbf', 'refresh due', 'warnafter', 'exp']);
    expect(timeline.breaks.map((b) => b.label)).toEqual(['≈ 1 y']);
    expect(timeline.spans.map((s) => s.kind)).toEqual(['valid', 'refresh', 'stale']);
    const warnAfterX = timeline.marks[2]!.x;
    expect(warnAfterX - timeline.marks[0]!.x).toBeGreaterThan(0.5);
  });

  it('is stale but accepted once warnafter has passed, and days later its hour is still drawn whole', () => {
    const iat = iatOf(real.extended130);
    const token = decoded(real.extended130.jwt, (iat + 3 * 86_400) * 1000);
    expect(token.timeline.breaks.map((b) => b.label)).toEqual(['≈ 3 d', '≈ 362 d']);
    const [first, refresh, warnAfter] = token.timeline.marks.map((m) => m.x) as [number, number, number];
    expect((refresh - first) / (warnAfter - first)).toBeCloseTo(2877 / 3607);
    const status = token.status;
    expect(status).toMatchObject({ verdict: 'stale', symbol: '!', title: 'Works, but stale: warnafter passed 2 d 22 h ago' });
    expect(status.detail).toContain('audit log as a stale token');
  });
});

describe('tokens bound to other objects', () => {
  it('classifies Secret- and Node-bound tokens and explains node claims as the binding', () => {
    const secret = decoded(real.secretBound.jwt, real.extendedStartEpochMs);
    expect(secret.kind).toBe('secret');
    expect(secret.timeline.refresh).toBeUndefined();
    expect(secret.timeline.kubeletNote).toMatch(/^No kubelet refreshes this token/);
    const node = decoded(real.nodeBound.jwt, real.extendedStartEpochMs);
    expect(node.kind).toBe('node');
    expect(row(node, 'kubernetes.io.node.name').explanation?.short).toBe('dies with this node');
    expect(node.warnings.map((w) => w.code)).toEqual(['long-lived']);
  });

  it('classifies by claims alone', () => {
    expect(classifyToken({ iss: 'kubernetes/serviceaccount' })).toBe('legacy');
    expect(classifyToken({ 'kubernetes.io': { namespace: 'x', serviceaccount: { name: 'a' } } })).toBe('unbound');
    expect(classifyToken({ sub: 'system:serviceaccount:ns:a' })).toBe('unbound');
    expect(classifyToken({ iss: 'https://accounts.example.com', sub: '12345' })).toBe('other');
  });
});

describe('verdicts follow the API server’s order: nbf, then exp, then iat, each with 60 s of leeway', () => {
  const base = { iat: 1_000_000, nbf: 1_000_000, exp: 1_003_607, warnAfter: undefined, legacy: false, expPresent: true };

  it('not valid yet, issued in the future, and the messages Kubernetes uses', () => {
    expect(tokenStatus(base, 1_000_000 - 61)).toMatchObject({ verdict: 'not-yet-valid', title: 'Not valid yet: nbf is 1 m 1 s from now' });
    expect(tokenStatus(base, 1_000_000 - 60)).toMatchObject({ verdict: 'valid' });
    const future = tokenStatus({ ...base, nbf: undefined }, 1_000_000 - 120);
    expect(future).toMatchObject({ verdict: 'issued-in-future', symbol: '✗', title: 'Issued 2 m in the future' });
    expect(future.detail).toContain('service account token is issued in the future');
  });

  it('an exp that is not a number cannot be judged', () => {
    expect(tokenStatus({ ...base, exp: undefined }, 1_000_000)).toMatchObject({ verdict: 'unreadable', symbol: '!' });
  });

  it('no exp on a token that is not legacy: no expiry', () => {
    expect(tokenStatus({ ...base, exp: undefined, expPresent: false }, 1_000_000)).toMatchObject({ verdict: 'never-expires', title: 'No expiry' });
  });
});

describe('odd values on their own timeline', () => {
  it('an exp in milliseconds is read as seconds (as verifiers do) and put far away, behind a break', () => {
    const iat = 1_736_154_001;
    const token = decoded(makeJwt(podClaims(iat, 0, { exp: (iat + 3607) * 1000 })), (iat + 60) * 1000);
    expect(token.warnings.map((w) => w.code)).toEqual(['milliseconds']);
    // Flagged, never "✓ valid … expires in 55,000 y".
    expect(token.status).toMatchObject({ verdict: 'suspicious', symbol: '!', title: 'Suspicious: its exp looks like milliseconds' });
    expect(token.status.detail).toMatch(/^exp has 13 digits\. .* Read as milliseconds it would expire in 59 m 7 s\. /);
    // now is a minute after iat; the kubelet's 24 h rule and the exp some 55,000 years on are each behind a break.
    expect(token.timeline.breaks.map((b) => b.label)).toEqual(['≈ 1 d', expect.stringMatching(/^≈ 5\d,\d{3} y$/)]);
    expect(token.timeline.marks.map((m) => m.name)).toEqual(['iat = nbf', 'refresh due', 'exp']);
  });

  it('exp before iat: no valid bar, and the warning says it was never valid', () => {
    const iat = 1_736_154_001;
    const token = decoded(makeJwt(podClaims(iat, -600)), iat * 1000);
    expect(token.warnings.map((w) => w.code)).toEqual(['exp-before-iat']);
    expect(token.timeline.spans.filter((s) => s.kind === 'valid')).toEqual([]);
    expect(token.status.verdict).toBe('expired');
  });

  it('nbf after iat: a not-yet-valid stretch before the valid bar', () => {
    const iat = 1_736_154_001;
    const token = decoded(makeJwt(podClaims(iat, 3607, { nbf: iat + 600 })), (iat + 60) * 1000);
    expect(token.warnings.map((w) => w.code)).toEqual(['nbf-after-iat']);
    expect(token.timeline.spans.map((s) => s.kind)).toEqual(['not-yet-valid', 'valid', 'refresh']);
    expect(token.status.verdict).toBe('not-yet-valid');
  });

  it('no exp on a bound token: the bar runs off the right edge', () => {
    const iat = 1_736_154_001;
    const claims = podClaims(iat, 0);
    delete claims.exp;
    const token = decoded(makeJwt(claims), (iat + 60) * 1000);
    expect(token.warnings.map((w) => w.code)).toEqual(['no-expiry']);
    expect(token.timeline.spans).toEqual([expect.objectContaining({ kind: 'valid', openEnd: true, toX: 1 })]);
  });
});

describe('malformed text: what is wrong, in which part, at which column', () => {
  function error(text: string) {
    const analysis = analyzePastedToken(text, 0);
    if (analysis.state !== 'error') throw new Error(`expected an error, got ${analysis.state}`);
    return analysis.error;
  }

  it('empty or blank text is not an error, just nothing yet', () => {
    expect(analyzePastedToken('', 0)).toEqual({ state: 'empty' });
    expect(analyzePastedToken(' \n\t ', 0)).toEqual({ state: 'empty' });
  });

  it('a standard-base64 "+" in the payload, counted from the start of the pasted text ("Bearer " included)', () => {
    const [h, p, s] = real.projected130.jwt.split('.') as [string, string, string];
    const text = `Bearer ${h}.${p.slice(0, 20)}+${p.slice(21)}.${s}`;
    const e = error(text);
    expect(e).toMatchObject({
      message: "part 2 (payload) is not valid base64url at column 119: '+' belongs to standard base64; base64url uses '-'",
      column: 119,
      part: 'payload',
    });
    expect(text[e.column - 1]).toBe('+');
    expect(e.excerpt).toEqual({ before: 'ifQ.eyJhdWQiOlsiaHR0cHM6', at: '+', after: 'y9rdWJlcm5ldGVzLmRlZmF1b', clippedStart: true, clippedEnd: true });
  });

  it('a bad character in the signature', () => {
    const [h, p, s] = real.projected130.jwt.split('.') as [string, string, string];
    expect(error(`${h}.${p}.${s.slice(0, 10)}*${s.slice(11)}`)).toMatchObject({
      message: "part 3 (signature) is not valid base64url at column 741: '*' is not a base64url character",
      column: 741,
      part: 'signature',
    });
  });

  it('a payload that is not JSON names the part and points at the bad byte', () => {
    const [h, , s] = real.projected130.jwt.split('.') as [string, string, string];
    expect(error(`${h}.${base64Url('{"iss": kubernetes}')}.${s}`)).toMatchObject({
      message: "part 2 (payload) is not valid JSON at column 102: unexpected 'k', a value was expected",
      column: 102,
      part: 'payload',
    });
  });

  it('a header that is JSON but not an object', () => {
    const [, p, s] = real.projected130.jwt.split('.') as [string, string, string];
    expect(error(`${base64Url('[1]')}.${p}.${s}`)).toMatchObject({ message: 'part 1 (header) is not a JSON object (it is an array)', column: 1, part: 'header' });
  });

  it('a missing part points just past the end, with nothing under the caret', () => {
    const [h, p] = real.projected130.jwt.split('.') as [string, string, string];
    const e = error(`${h}.${p}`);
    expect(e).toMatchObject({ message: 'expected 3 dot-separated parts, found 2', column: 730 });
    expect(e.part).toBeUndefined();
    expect(e.excerpt).toMatchObject({ at: '', after: '', clippedEnd: false });
  });

  it('quotes copied with the token', () => {
    expect(error(`"${real.projected130.jwt}"`)).toMatchObject({ column: 1, message: expect.stringContaining('paste the token without quotes') });
  });

  it('points at a bad character of a wrapped token by its column in the text as pasted', () => {
    const [h, p, s] = real.projected130.jwt.split('.') as [string, string, string];
    const text = `${h}.${p.slice(0, 40)}\n  ${p.slice(40, 60)}*${p.slice(61)}.${s}`;
    const analysis = analyzePastedToken(text, 0);
    if (analysis.state !== 'error') throw new Error(`expected an error, got ${analysis.state}`);
    expect(text[analysis.error.column - 1]).toBe('*');
    expect(analysis.error.message).toBe(`part 2 (payload) is not valid base64url at column ${analysis.error.column}: '*' is not a base64url character`);
    expect(analysis.unwrapped).toMatch(/^Removed 1 line break and 2 spaces from inside the token/);
  });

  it('the excerpt keeps one visible character per character of text, so the caret lines up', () => {
    expect(errorExcerpt('ab\tc\r\nd', 4)).toEqual({ before: 'ab⇥', at: 'c', after: '↵↵d', clippedStart: false, clippedEnd: false });
    const long = 'x'.repeat(100);
    expect(errorExcerpt(long, 50)).toMatchObject({ before: 'x'.repeat(24), at: 'x', after: 'x'.repeat(24), clippedStart: true, clippedEnd: true });
  });
});
