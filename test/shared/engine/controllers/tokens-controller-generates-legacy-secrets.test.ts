/**
 * The legacy tokens controller (docs/kubernetes-facts.md §4 "Legacy Secret tokens", §6): before 1.24 every ServiceAccount
 * gets an auto-generated `<sa>-token-xxxxx` Secret (type kubernetes.io/service-account-token, annotations
 * service-account.name/uid, data token, ca.crt, namespace) listed in `.secrets`; from 1.24 nothing is generated and
 * `.secrets` stays empty; manually created token Secrets are filled in every version and never listed; deleting the
 * auto-generated Secret before 1.24 makes the controller generate a replacement.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  apply,
  authenticate,
  flow,
  kubectl,
  listedSecrets,
  NAME_SUFFIX,
  saUid,
  secretToken,
  simAt,
} from '../api-server/token-test-helpers.ts';

const MANUAL_SECRET = `apiVersion: v1
kind: Secret
metadata:
  name: build-robot-secret
  annotations:
    kubernetes.io/service-account.name: my-app
type: kubernetes.io/service-account-token
`;

function tokenSecrets(sim: ReturnType<typeof simAt>, namespace = 'default') {
  return Object.values(flow(sim).secrets)
    .map((s) => s.object)
    .filter((s) => s.type === 'kubernetes.io/service-account-token' && s.metadata?.namespace === namespace);
}

describe('auto-generated token Secrets by version', () => {
  const table = [
    { version: '1.20', generated: true },
    { version: '1.21', generated: true },
    { version: '1.23', generated: true },
    { version: '1.24', generated: false },
    { version: '1.27', generated: false },
    { version: '1.30', generated: false },
    { version: '1.33', generated: false },
  ];

  it.each(table)('$version: kubectl create serviceaccount my-app → auto-generated Secret: $generated', ({ version, generated }) => {
    const sim = simAt({ version, pod: false }, 1);
    const listed = listedSecrets(sim);
    const mine = tokenSecrets(sim).filter((s) => s.metadata?.annotations?.['kubernetes.io/service-account.name'] === 'my-app');
    if (!generated) {
      expect(listed).toEqual([]);
      expect(mine).toEqual([]);
      return;
    }
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatch(new RegExp(`^my-app-token-${NAME_SUFFIX}$`));
    expect(mine.map((s) => s.metadata?.name)).toEqual(listed);
    expect(mine[0]!.metadata?.annotations).toEqual({
      'kubernetes.io/service-account.name': 'my-app',
      'kubernetes.io/service-account.uid': saUid(sim),
    });
  });

  it('1.20: the default ServiceAccounts of default and kube-system get one too', () => {
    const sim = simAt({ version: '1.20', pod: false }, 1);
    expect(listedSecrets(sim, 'default', 'default')).toHaveLength(1);
    expect(listedSecrets(sim, 'default', 'kube-system')).toHaveLength(1);
    expect(listedSecrets(sim, 'default', 'default')[0]).toMatch(new RegExp(`^default-token-${NAME_SUFFIX}$`));
  });

  it('1.20: the Secret’s data has token, ca.crt and namespace', () => {
    const sim = simAt({ version: '1.20', pod: false }, 1);
    const secret = flow(sim).secrets[`default/${listedSecrets(sim)[0]}`]!.object;
    expect(Object.keys(secret.data ?? {}).sort()).toEqual(['ca.crt', 'namespace', 'token']);
    expect(Buffer.from(secret.data!['namespace']!, 'base64').toString()).toBe('default');
  });
});

describe('kubectl get sa my-app -o yaml', () => {
  it('1.20: the parsed object lists the auto-generated Secret under secrets', () => {
    const sim = simAt({ version: '1.20', pod: false }, 1);
    const out = kubectl(sim, 'get sa my-app -o yaml');
    expect(out.exitCode).toBe(0);
    expect(parse(out.stdout).secrets).toEqual([{ name: listedSecrets(sim)[0] }]);
  });

  it('1.20: prints kubectl’s layout, "secrets:" then "- name: my-app-token-xxxxx"', () => {
    const sim = simAt({ version: '1.20', pod: false }, 1);
    const out = kubectl(sim, 'get sa my-app -o yaml');
    expect(out.stdout).toContain(`\nsecrets:\n- name: ${listedSecrets(sim)[0]}\n`);
  });

  it.each(['1.24', '1.27', '1.30', '1.33'])('%s: no secrets field', (version) => {
    const sim = simAt({ version, pod: false }, 1);
    const out = kubectl(sim, 'get sa my-app -o yaml');
    expect(out.exitCode).toBe(0);
    expect(out.stdout).not.toMatch(/^secrets:/m);
    expect(parse(out.stdout)).toMatchObject({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'my-app', namespace: 'default' } });
    expect('secrets' in parse(out.stdout)).toBe(false);
  });
});

describe('manually created token Secrets', () => {
  it.each(['1.20', '1.23', '1.24', '1.27', '1.30', '1.33'])('%s: filled with a working legacy token, annotated with the SA UID, and not listed in .secrets', (version) => {
    const sim = simAt({ version, pod: false }, 1);
    const before = listedSecrets(sim);
    expect(apply(sim, MANUAL_SECRET).ok).toBe(true);
    const secret = flow(sim).secrets['default/build-robot-secret']!;
    expect(secret.object.metadata?.annotations).toEqual({
      'kubernetes.io/service-account.name': 'my-app',
      'kubernetes.io/service-account.uid': saUid(sim),
    });
    const token = secretToken(sim, 'build-robot-secret');
    expect(token.kind).toBe('legacy');
    expect(token.claims).toMatchObject({ iss: 'kubernetes/serviceaccount', 'kubernetes.io/serviceaccount/secret.name': 'build-robot-secret' });
    expect(authenticate(sim, token).ok).toBe(true);
    expect(listedSecrets(sim)).toEqual(before);
  });

  it('the Secret’s data has token, ca.crt and namespace', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    apply(sim, MANUAL_SECRET);
    const data = flow(sim).secrets['default/build-robot-secret']!.object.data ?? {};
    expect(Object.keys(data).sort()).toEqual(['ca.crt', 'namespace', 'token']);
  });

  it('a token Secret without the service-account.name annotation is rejected', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    const outcome = apply(sim, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: orphan\ntype: kubernetes.io/service-account-token\n');
    expect(outcome).toEqual({
      ok: false,
      output: 'Error from server (Invalid): error when creating: Secret "orphan" is invalid: metadata.annotations[kubernetes.io/service-account.name]: Required value',
    });
  });
});

describe('replacing a deleted auto-generated Secret', () => {
  it.each(['1.20', '1.23'])('%s: deleting my-app-token-xxxxx yields a new one, listed instead of the old', (version) => {
    const sim = simAt({ version, pod: false }, 1);
    const [old] = listedSecrets(sim);
    const oldToken = secretToken(sim, old!);
    expect(kubectl(sim, `delete secret ${old}`).stdout).toBe(`secret "${old}" deleted\n`);
    const now = listedSecrets(sim);
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(old);
    expect(now[0]).toMatch(new RegExp(`^my-app-token-${NAME_SUFFIX}$`));
    expect(flow(sim).secrets[`default/${old}`]).toBeUndefined();
    const newToken = secretToken(sim, now[0]!);
    expect(newToken.index).not.toBe(oldToken.index);
    expect(authenticate(sim, newToken).ok).toBe(true);
  });

  it('1.23 → 1.24 upgrade: the surviving auto-generated Secret, once deleted, is not replaced', () => {
    const sim = simAt({ version: '1.23', pod: false, steps: '  - at: 1m\n    upgrade: "1.24"\n' }, 120);
    const [old] = listedSecrets(sim);
    expect(old).toMatch(new RegExp(`^my-app-token-${NAME_SUFFIX}$`));
    kubectl(sim, `delete secret ${old}`);
    expect(listedSecrets(sim)).toEqual([]);
    expect(tokenSecrets(sim).filter((s) => s.metadata?.annotations?.['kubernetes.io/service-account.name'] === 'my-app')).toEqual([]);
  });

  it('deleting the ServiceAccount deletes its token Secrets (auto-generated and manual)', () => {
    const sim = simAt({ version: '1.20', pod: false }, 1);
    apply(sim, MANUAL_SECRET);
    kubectl(sim, 'delete sa my-app');
    expect(tokenSecrets(sim).filter((s) => s.metadata?.annotations?.['kubernetes.io/service-account.name'] === 'my-app')).toEqual([]);
  });
});
