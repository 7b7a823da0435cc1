/**
 * A default pod on 1.30 (docs/kubernetes-facts.md §2.5 and the Appendix): the kubelet requests a 3607 s token at mount,
 * re-runs SetUp on every pod sync (60–90 s apart), refreshes once the status age passes 2886 − jitter s, and the
 * AtomicWriter swaps the file only when the token changed. So the file is rewritten at an age in (2877 s, 2976 s).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eventsOf, runYaml, singleFlow } from '../../../support/run-scenario.ts';
import type { Simulation } from '../../../../shared/engine/simulation.ts';
import type { BoundClaims } from '../../../../shared/jwt/jwt-types.ts';

const SIX_HOURS_MS = 6 * 3_600_000;

/** Status age (ms) of the token being replaced at each rewrite of the pod's token file. */
function agesAtRewrite(sim: Simulation): number[] {
  const writes = eventsOf(sim, 'token.file-written', 'f');
  return writes.slice(1).map((w, i) => {
    const old = sim.tokens[writes[i]!.token]!;
    const statusIatMs = old.statusExpirationMs! - old.expirationSec! * 1000;
    return w.atMs - statusIatMs;
  });
}

describe('default pod on 1.30: rotation timing', () => {
  const sim = runYaml(singleFlow({ version: '1.30', duration: '6h' }));

  it('mounts the first token at the first sync and writes it once', () => {
    const writes = eventsOf(sim, 'token.file-written', 'f');
    const issued = eventsOf(sim, 'token.issued', 'f');
    expect(issued[0]).toMatchObject({ atMs: 1000, requester: 'kubelet', kind: 'bound', expirationSec: 3607 });
    expect(writes[0]).toMatchObject({ atMs: 1000, token: issued[0]!.token, path: '/var/run/secrets/kubernetes.io/serviceaccount/token' });
  });

  it('issues exactly 8 tokens in 6 h (7 rewrites, each 2877–2976 s after the previous)', () => {
    expect(eventsOf(sim, 'token.issued', 'f')).toHaveLength(8);
  });

  it('rewrites the file at a status age in (2877 s, 2976 s) every time', () => {
    const ages = agesAtRewrite(sim);
    expect(ages).toHaveLength(7);
    for (const age of ages) {
      expect(age).toBeGreaterThan(2_877_000);
      expect(age).toBeLessThan(2_976_000);
    }
  });

  it('each refresh-due event names its integer jitter 0–9, the threshold 2886 − jitter, and an age past it', () => {
    const due = eventsOf(sim, 'token.refresh-due', 'f');
    expect(due).toHaveLength(7);
    for (const e of due) {
      expect(Number.isInteger(e.jitterSec)).toBe(true);
      expect(e.jitterSec).toBeGreaterThanOrEqual(0);
      expect(e.jitterSec).toBeLessThanOrEqual(9);
      expect(e.rule).toBe('ttl-80-percent');
      expect(e.thresholdSec).toBe(2886 - e.jitterSec);
      expect(e.ageSec).toBeGreaterThanOrEqual(e.thresholdSec);
    }
  });

  it('refresh, new token and file write happen at the same instant, in that order', () => {
    const due = eventsOf(sim, 'token.refresh-due', 'f');
    const issued = eventsOf(sim, 'token.issued', 'f').slice(1);
    const writes = eventsOf(sim, 'token.file-written', 'f').slice(1);
    due.forEach((d, i) => {
      expect(issued[i]!.atMs).toBe(d.atMs);
      expect(writes[i]!.atMs).toBe(d.atMs);
      expect(writes[i]!.token).toBe(issued[i]!.token);
      expect(d.seq).toBeLessThan(issued[i]!.seq);
      expect(issued[i]!.seq).toBeLessThan(writes[i]!.seq);
    });
  });

  it('the AtomicWriter writes only when the token changes: file writes == tokens issued for the pod, each a new ..data dir', () => {
    const writes = eventsOf(sim, 'token.file-written', 'f');
    const issued = eventsOf(sim, 'token.issued', 'f').filter((e) => e.refs.pod === 'app');
    expect(writes.map((w) => w.token)).toEqual(issued.map((e) => e.token));
    expect(new Set(writes.map((w) => w.dataDir)).size).toBe(writes.length);
    for (const w of writes) expect(w.dataDir).toMatch(/^\.\.\d{4}_\d{2}_\d{2}_\d{2}_\d{2}_\d{2}\.\d+$/);
  });

  it('the ..data dir is named after the UTC time of the write', () => {
    const first = eventsOf(sim, 'token.file-written', 'f')[0]!;
    // start 2025-01-06T09:00:00Z, write at 1 s
    expect(first.dataDir.startsWith('..2025_01_06_09_00_01.')).toBe(true);
  });

  it('with the extension on, the JWT exp is one year, status expiration 3607 s, warnafter iat + 3607', () => {
    for (const token of sim.tokens.filter((t) => t.flow === 'f' && t.kind === 'bound')) {
      const claims = token.claims as BoundClaims;
      expect(claims.exp - claims.iat).toBe(31_536_000);
      expect(claims['kubernetes.io'].warnafter).toBe(claims.iat + 3607);
      expect(token.expirationSec).toBe(3607);
      expect(token.statusExpirationMs! - (claims.iat * 1000 - sim.scenario.startEpochMs)).toBe(3_607_000);
    }
  });

  it('every token.issued event reports expirationSec 3607 and a JWT lifetime (exp − iat) of exactly 31536000 s', () => {
    for (const e of eventsOf(sim, 'token.issued', 'f')) expect(e).toMatchObject({ expirationSec: 3607, jwtLifetimeSec: 31_536_000, extended: true });
  });
});

describe('default pod on 1.30 with --service-account-extend-token-expiration=false', () => {
  const sim = runYaml(singleFlow({ version: '1.30', duration: '6h', apiServer: 'extendTokenExpiration: false' }));

  it('the JWT exp is 3607 s after iat and there is no warnafter', () => {
    const bound = sim.tokens.filter((t) => t.flow === 'f' && t.kind === 'bound');
    expect(bound).toHaveLength(8);
    for (const token of bound) {
      const claims = token.claims as BoundClaims;
      expect(claims.exp - claims.iat).toBe(3607);
      expect(claims['kubernetes.io'].warnafter).toBeUndefined();
    }
  });

  it('every token.issued event reports a JWT lifetime (exp − iat) of exactly 3607 s, not extended', () => {
    for (const e of eventsOf(sim, 'token.issued', 'f')) expect(e).toMatchObject({ expirationSec: 3607, jwtLifetimeSec: 3607, extended: false });
  });

  it('rotates on the same schedule (the status says 3607 s either way)', () => {
    for (const age of agesAtRewrite(sim)) {
      expect(age).toBeGreaterThan(2_877_000);
      expect(age).toBeLessThan(2_976_000);
    }
  });

  it('every token is replaced in the file before it expires', () => {
    const writes = eventsOf(sim, 'token.file-written', 'f');
    writes.slice(1).forEach((w, i) => {
      expect(w.atMs).toBeLessThan(sim.tokens[writes[i]!.token]!.jwtExpiresAtMs!);
    });
  });
});

describe('property: for any seed, a 6 h default-pod run rewrites the file only at ages in (2877 s, 2976 s)', () => {
  it('holds for every seed tried', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const sim = runYaml(singleFlow({ version: '1.30', duration: '6h', seed }));
        const ages = agesAtRewrite(sim);
        expect(ages).toHaveLength(7);
        for (const age of ages) {
          expect(age).toBeGreaterThan(2_877_000);
          expect(age).toBeLessThan(2_976_000);
        }
        for (const e of eventsOf(sim, 'token.refresh-due', 'f')) {
          expect(e.jitterSec).toBeGreaterThanOrEqual(0);
          expect(e.jitterSec).toBeLessThanOrEqual(9);
          expect(Number.isInteger(e.jitterSec)).toBe(true);
        }
        expect(eventsOf(sim, 'token.file-written', 'f')).toHaveLength(eventsOf(sim, 'token.issued', 'f').length);
        expect(sim.nowMs).toBe(SIX_HOURS_MS);
      }),
      { numRuns: 25 },
    );
  });

  it('over a long run every jitter value 0–9 is drawn', () => {
    const sim = runYaml(singleFlow({ version: '1.30', duration: '4d', seed: 11 }));
    const jitters = new Set(eventsOf(sim, 'token.refresh-due', 'f').map((e) => e.jitterSec));
    expect([...jitters].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('the 24 h rule in a running pod', () => {
  const manifest = `  - at: 0s
    apply: |
      apiVersion: v1
      kind: Pod
      metadata:
        name: long
      spec:
        serviceAccountName: my-app
        automountServiceAccountToken: false
        containers:
          - name: app
            image: nginx:stable
            volumeMounts:
              - name: tok
                mountPath: /var/run/secrets/tokens
        volumes:
          - name: tok
            projected:
              sources:
                - serviceAccountToken:
                    path: token
                    expirationSeconds: 172800
`;
  const sim = runYaml(singleFlow({ version: '1.30', duration: '4d', pod: false, steps: manifest }));

  it('a 48 h token is rewritten daily, at an age in (86391 s, 86490 s), by the max-24h rule', () => {
    const writes = eventsOf(sim, 'token.file-written', 'f');
    expect(writes).toHaveLength(4);
    expect(writes[0]!.path).toBe('/var/run/secrets/tokens/token');
    writes.slice(1).forEach((w, i) => {
      const old = sim.tokens[writes[i]!.token]!;
      const age = w.atMs - (old.statusExpirationMs! - 172_800_000);
      expect(age).toBeGreaterThan(86_391_000);
      expect(age).toBeLessThan(86_490_000);
    });
    for (const e of eventsOf(sim, 'token.refresh-due', 'f')) expect(e).toMatchObject({ rule: 'max-24h', thresholdSec: 86_400 - e.jitterSec });
  });

  it('a non-3607 token is not extended: JWT exp = iat + 172800', () => {
    for (const t of sim.tokens.filter((x) => x.kind === 'bound')) {
      const claims = t.claims as BoundClaims;
      expect(claims.exp - claims.iat).toBe(172_800);
    }
  });
});

describe('a volume with two token sources (API audience 3607 s and vault 600 s)', () => {
  const manifest = `  - at: 0s
    apply: |
      apiVersion: v1
      kind: Pod
      metadata:
        name: two
      spec:
        serviceAccountName: my-app
        automountServiceAccountToken: false
        containers:
          - name: app
            image: nginx:stable
            volumeMounts:
              - name: tok
                mountPath: /var/run/secrets/tokens
        volumes:
          - name: tok
            projected:
              sources:
                - serviceAccountToken:
                    path: token
                    expirationSeconds: 3607
                - serviceAccountToken:
                    path: vault-token
                    audience: vault
                    expirationSeconds: 600
`;
  const sim = runYaml(singleFlow({ version: '1.30', duration: '3h', pod: false, steps: manifest }));
  const writesTo = (path: string) => eventsOf(sim, 'token.file-written', 'f').filter((w) => w.path === `/var/run/secrets/tokens/${path}`);

  function ages(path: string, ttlMs: number): number[] {
    const writes = writesTo(path);
    return writes.slice(1).map((w, i) => w.atMs - (sim.tokens[writes[i]!.token]!.statusExpirationMs! - ttlMs));
  }

  it('each token rotates on its own schedule: vault at an age in (471 s, 570 s), the API token in (2877 s, 2976 s)', () => {
    const vault = ages('vault-token', 600_000);
    const api = ages('token', 3_607_000);
    expect(vault.length).toBeGreaterThanOrEqual(Math.floor(10_799 / 571));
    expect(api).toHaveLength(3);
    for (const age of vault) {
      expect(age).toBeGreaterThan(471_000);
      expect(age).toBeLessThan(570_000);
    }
    for (const age of api) {
      expect(age).toBeGreaterThan(2_877_000);
      expect(age).toBeLessThan(2_976_000);
    }
  });

  it('a write reports only the path whose token changed, and each path always holds a token of its own audience', () => {
    const issued = eventsOf(sim, 'token.issued', 'f');
    expect(eventsOf(sim, 'token.file-written', 'f')).toHaveLength(issued.length);
    for (const w of writesTo('vault-token')) expect(sim.tokens[w.token]!.audiences).toEqual(['vault']);
    for (const w of writesTo('token')) expect(sim.tokens[w.token]!.audiences).toEqual(['https://kubernetes.default.svc']);
  });

  it('the vault token is not extended (only 3607 s tokens for API audiences are)', () => {
    for (const w of writesTo('vault-token')) {
      const t = sim.tokens[w.token]!;
      expect(t.jwtExpiresAtMs! - t.statusExpirationMs!).toBe(0);
    }
    for (const w of writesTo('token')) {
      const c = sim.tokens[w.token]!.claims as BoundClaims;
      expect(c.exp - c.iat).toBe(31_536_000);
    }
  });
});
