/**
 * TokenRequest audiences (docs/kubernetes-facts.md §3 step 5): empty spec.audiences ⇒ `--api-audiences`; when that flag is
 * unset and `--service-account-issuer` is set ⇒ every issuer value. The first issuer signs (`iss`, docs/kubernetes-facts.md §4).
 */
import { describe, expect, it } from 'vitest';
import { bound, issue, ISSUER, simAt } from './token-test-helpers.ts';

describe('TokenRequest audiences', () => {
  const table: Array<{ name: string; apiServer?: string; requested?: string[]; aud: string[]; iss: string }> = [
    { name: 'default flags: the one default issuer', aud: [ISSUER], iss: ISSUER },
    {
      name: 'no --api-audiences, two issuers: both issuers, the first signs',
      apiServer: 'issuer:\n  - https://new.example\n  - https://old.example',
      aud: ['https://new.example', 'https://old.example'],
      iss: 'https://new.example',
    },
    {
      name: '--api-audiences set: exactly those, not the issuer',
      apiServer: 'apiAudiences:\n  - api\n  - https://kubernetes.default.svc.cluster.local',
      aud: ['api', 'https://kubernetes.default.svc.cluster.local'],
      iss: ISSUER,
    },
    { name: 'requested audiences are kept as asked', requested: ['vault', 'vault-2'], aud: ['vault', 'vault-2'], iss: ISSUER },
    {
      name: 'requested audiences win over --api-audiences',
      apiServer: 'apiAudiences: api',
      requested: ['vault'],
      aud: ['vault'],
      iss: ISSUER,
    },
    { name: 'an empty requested list counts as unset', requested: [], aud: [ISSUER], iss: ISSUER },
  ];

  it.each(table)('$name', ({ apiServer, requested, aud, iss }) => {
    const sim = simAt({ version: '1.30', pod: false, ...(apiServer ? { apiServer } : {}) }, 1);
    const token = issue(sim, requested ? { audiences: requested } : {});
    expect(bound(token).aud).toEqual(aud);
    expect(bound(token).iss).toBe(iss);
    expect(token.audiences).toEqual(aud);
  });

  it('serialises aud as a JSON array even with one member (website example)', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    const claims = bound(issue(sim, {}));
    expect(Array.isArray(claims.aud)).toBe(true);
    expect(JSON.parse(JSON.stringify(claims)).aud).toEqual(['https://kubernetes.default.svc']);
  });
});
