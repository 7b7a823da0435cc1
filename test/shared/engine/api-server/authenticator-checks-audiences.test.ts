/**
 * Audience and issuer checks of AuthenticateToken (docs/kubernetes-facts.md §5 steps 1 and 4): an issuer the flow does not
 * accept ⇒ abstain; requested audiences = TokenReview spec.audiences else the API audiences; empty intersection ⇒
 * `token audiences %q is invalid for the target audiences %q` (Go %q of a []string: ["a" "b"]); legacy tokens use the
 * implicit API audiences; the response audiences are the intersection.
 */
import { describe, expect, it } from 'vitest';
import { authenticateToken } from '../../../../shared/engine/api-server/authenticator.ts';
import { authenticate, authError, bound, flow, issue, ISSUER, listedSecrets, presented, secretToken, simAt } from './token-test-helpers.ts';

describe('audience checks', () => {
  const table: Array<{ name: string; apiServer?: string; tokenAud?: string[]; review?: string[]; error?: string; audiences?: string[] }> = [
    { name: 'API token against the API', audiences: [ISSUER] },
    {
      name: 'API token sent to vault',
      review: ['vault'],
      error: 'token audiences ["https://kubernetes.default.svc"] is invalid for the target audiences ["vault"]',
    },
    {
      name: 'vault token against the API',
      tokenAud: ['vault', 'vault-2'],
      error: 'token audiences ["vault" "vault-2"] is invalid for the target audiences ["https://kubernetes.default.svc"]',
    },
    { name: 'vault token sent to vault', tokenAud: ['vault'], review: ['vault'], audiences: ['vault'] },
    { name: 'partial overlap keeps only the intersection', tokenAud: ['a', 'b'], review: ['b', 'c'], audiences: ['b'] },
    {
      name: '--api-audiences with two values, token for x',
      apiServer: 'apiAudiences:\n  - api-1\n  - api-2',
      tokenAud: ['x'],
      error: 'token audiences ["x"] is invalid for the target audiences ["api-1" "api-2"]',
    },
    { name: '--api-audiences, default token', apiServer: 'apiAudiences:\n  - api-1\n  - api-2', audiences: ['api-1', 'api-2'] },
  ];

  it.each(table)('$name', ({ apiServer, tokenAud, review, error, audiences }) => {
    const sim = simAt({ version: '1.30', pod: false, ...(apiServer ? { apiServer } : {}) }, 1);
    const token = issue(sim, tokenAud ? { audiences: tokenAud } : {});
    const result = authenticate(sim, token, review);
    if (error) expect(authError(result)).toBe(error);
    else expect(result.ok && result.user.audiences).toEqual(audiences);
  });

  it('uses the old issuer’s audiences after an issuer change too (both issuers are API audiences)', () => {
    const sim = simAt({ version: '1.30', pod: false, apiServer: 'issuer:\n  - https://new.example\n  - https://old.example' }, 1);
    const token = issue(sim, { audiences: ['https://old.example'] });
    expect(bound(token).iss).toBe('https://new.example');
    expect(authenticate(sim, token)).toMatchObject({ ok: true, user: { audiences: ['https://old.example'] } });
  });

  it('abstains (no error) on a token from an issuer the flow does not accept', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    const token = issue(sim, {});
    const result = authenticateToken(sim.context, flow(sim), presented(token, { claims: { ...bound(token), iss: 'https://elsewhere.example' } }));
    expect(result).toEqual({ ok: false, error: '', abstained: true });
  });

  it('legacy tokens have no aud: they pass for the API and fail for vault with the API audiences in the message', () => {
    const sim = simAt({ version: '1.20', pod: false }, 1);
    const token = secretToken(sim, listedSecrets(sim)[0]!);
    expect(authenticate(sim, token)).toMatchObject({ ok: true, user: { audiences: [ISSUER] } });
    expect(authError(authenticate(sim, token, ['vault']))).toBe(
      'token audiences ["https://kubernetes.default.svc"] is invalid for the target audiences ["vault"]',
    );
  });
});
