/**
 * TokenRequest defaulting and validation of spec.expirationSeconds (docs/kubernetes-facts.md §3: SetDefaultsTokenRequestSpec,
 * ValidateTokenRequest, errors.NewInvalid(gvk.GroupKind(), "", errs) ⇒ 422).
 */
import { describe, expect, it } from 'vitest';
import { errorOf, issue, requestToken, simAt, START_SEC, kubectl } from './token-test-helpers.ts';

const LESS = 'may not specify a duration less than 10 minutes';
const LARGER = 'may not specify a duration larger than 2^32 seconds';
const invalid = (value: number, detail: string) => ({
  status: 422,
  reason: 'Invalid',
  message: `TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: ${value}: ${detail}`,
});

describe('TokenRequest spec.expirationSeconds', () => {
  it('defaults an unset expirationSeconds to 3600 (status expiration = now + 3600 s)', () => {
    const sim = simAt({ version: '1.30', pod: false }, 10);
    const response = requestToken(sim, {});
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    expect(response.value.expirationSec).toBe(3600);
    expect(response.value.statusExpirationMs).toBe(10_000 + 3_600_000);
    expect(response.value.extended).toBe(false);
    expect(response.value.token.claims).toMatchObject({ iat: START_SEC + 10, exp: START_SEC + 10 + 3600 });
  });

  const table: Array<{ seconds: number; error?: ReturnType<typeof invalid> }> = [
    { seconds: 0, error: invalid(0, LESS) },
    { seconds: 300, error: invalid(300, LESS) },
    { seconds: 599, error: invalid(599, LESS) },
    { seconds: 600 },
    { seconds: 3600 },
    { seconds: 86_400 },
    { seconds: 4_294_967_296 },
    { seconds: 4_294_967_297, error: invalid(4_294_967_297, LARGER) },
    { seconds: 10_000_000_000, error: invalid(10_000_000_000, LARGER) },
  ];

  it.each(table)('expirationSeconds $seconds → $error.message', ({ seconds, error }) => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    const response = requestToken(sim, { expirationSeconds: seconds });
    if (error) {
      expect(errorOf(response)).toEqual(error);
    } else {
      expect(response.ok).toBe(true);
      if (response.ok) {
        expect(response.value.expirationSec).toBe(seconds);
        expect(response.value.token.claims).toMatchObject({ exp: START_SEC + 1 + seconds });
      }
    }
  });

  it('looks the ServiceAccount up before validating: a missing one is a 404 even with a 300 s request', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    expect(errorOf(requestToken(sim, { expirationSeconds: 300 }, 'nope'))).toEqual({
      status: 404,
      reason: 'NotFound',
      message: 'serviceaccounts "nope" not found',
    });
  });

  it('returns 404 serviceaccounts "<name>" not found for a missing ServiceAccount', () => {
    const sim = simAt({ version: '1.24', pod: false }, 1);
    expect(errorOf(requestToken(sim, {}, 'ghost'))).toEqual({ status: 404, reason: 'NotFound', message: 'serviceaccounts "ghost" not found' });
  });

  it('accepts exactly 600 s (the minimum) and rejects 599 s in every simulated version', () => {
    for (const version of ['1.20', '1.24', '1.29', '1.33']) {
      const sim = simAt({ version, pod: false }, 1);
      expect(issue(sim, { expirationSeconds: 600 }).expirationSec).toBe(600);
      expect(errorOf(requestToken(sim, { expirationSeconds: 599 }))).toEqual(invalid(599, LESS));
    }
  });
});

describe('kubectl create token --duration reaches the same validation', () => {
  it.each([
    { duration: '5m', stderr: `error: failed to create token: ${invalid(300, LESS).message}\n`, exitCode: 1 },
    { duration: '9m59s', stderr: `error: failed to create token: ${invalid(599, LESS).message}\n`, exitCode: 1 },
    { duration: '10m', stderr: '', exitCode: 0 },
  ])('--duration $duration → exit $exitCode', ({ duration, stderr, exitCode }) => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    const out = kubectl(sim, `create token my-app --duration ${duration}`);
    expect(out.stderr).toBe(stderr);
    expect(out.exitCode).toBe(exitCode);
  });

  it('omits the field without --duration, so the server default of 3600 s applies', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    kubectl(sim, 'create token my-app');
    const issued = sim.events.filter((e) => e.type === 'token.issued' && e.requester === 'kubectl');
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ expirationSec: 3600, jwtLifetimeSec: 3600, extended: false });
  });
});
