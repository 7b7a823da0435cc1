/**
 * The ServiceAccount admission plugin's credential volume (docs/kubernetes-facts.md §2.1): from 1.21
 * (BoundServiceAccountTokenVolume) the projected `kube-api-access-xxxxx` volume exactly as TokenVolumeSource();
 * before 1.21 a Secret volume of the ServiceAccount's `<sa>-token-xxxxx` Secret. The mount is read-only at
 * /var/run/secrets/kubernetes.io/serviceaccount.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { admitPod } from '../../../../shared/engine/admission/service-account-admission.ts';
import { flow, listedSecrets, NAME_SUFFIX, simAt, startSim } from '../api-server/token-test-helpers.ts';

const MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

function tokenVolumeSource() {
  return {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { path: 'token', expirationSeconds: 3607 } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ],
  };
}

function appPod(sim: ReturnType<typeof simAt>): Pod {
  const pod = flow(sim).pods['default/app']?.object;
  if (!pod) throw new Error('pod app was not created');
  return pod;
}

describe('the kube-api-access projected volume (1.21+)', () => {
  const versions = ['1.21', '1.22', '1.23', '1.24', '1.27', '1.29', '1.30', '1.31', '1.32', '1.33'];

  it.each(versions)('%s: one projected volume exactly as TokenVolumeSource(), mounted read-only', (version) => {
    const sim = simAt({ version }, 1);
    const spec = appPod(sim).spec!;
    expect(spec.volumes).toHaveLength(1);
    const volume = spec.volumes![0]!;
    expect(volume.name).toMatch(new RegExp(`^kube-api-access-${NAME_SUFFIX}$`));
    expect(volume).toEqual({ name: volume.name, projected: tokenVolumeSource() });
    expect(spec.containers[0]!.volumeMounts).toEqual([{ name: volume.name, readOnly: true, mountPath: MOUNT_PATH }]);
    expect(spec.serviceAccountName).toBe('my-app');
  });

  it('the projected token source has no audience, so the kubelet asks for the API audiences', () => {
    const sim = simAt({ version: '1.30' }, 5);
    const source = appPod(sim).spec!.volumes![0]!.projected!.sources![0]!.serviceAccountToken!;
    expect('audience' in source).toBe(false);
    expect(sim.tokens.find((t) => t.kind === 'bound')?.audiences).toEqual(['https://kubernetes.default.svc']);
  });

  it('defaults an empty serviceAccountName to "default"', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    const admitted = admitPod(sim.context, flow(sim), { metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(admitted.ok).toBe(true);
    if (admitted.ok) expect(admitted.pod.spec?.serviceAccountName).toBe('default');
  });

  it('reuses an existing kube-api-access-* volume instead of adding a second one', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    const admitted = admitPod(sim.context, flow(sim), {
      metadata: { name: 'p', namespace: 'default' },
      spec: {
        serviceAccountName: 'my-app',
        containers: [{ name: 'c', image: 'nginx' }],
        volumes: [{ name: 'kube-api-access-abcde', emptyDir: {} }],
      },
    });
    expect(admitted.ok).toBe(true);
    if (!admitted.ok) return;
    expect(admitted.pod.spec?.volumes?.map((v) => v.name)).toEqual(['kube-api-access-abcde']);
    expect(admitted.pod.spec?.containers[0]?.volumeMounts).toEqual([{ name: 'kube-api-access-abcde', readOnly: true, mountPath: MOUNT_PATH }]);
  });

  it('gives each pod its own generated volume name', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    const names = ['a', 'b', 'c'].map((name) => {
      const admitted = admitPod(sim.context, flow(sim), { metadata: { name, namespace: 'default' }, spec: { serviceAccountName: 'my-app', containers: [{ name: 'c', image: 'nginx' }] } });
      return admitted.ok ? admitted.pod.spec?.volumes?.[0]?.name : undefined;
    });
    expect(new Set(names).size).toBe(3);
  });
});

describe('the Secret volume before 1.21', () => {
  it('1.20: a Secret volume named after the ServiceAccount’s token Secret, defaultMode 420, mounted read-only', () => {
    const sim = simAt({ version: '1.20' }, 1);
    const secretName = listedSecrets(sim)[0]!;
    expect(secretName).toMatch(new RegExp(`^my-app-token-${NAME_SUFFIX}$`));
    const spec = appPod(sim).spec!;
    expect(spec.volumes).toEqual([{ name: secretName, secret: { secretName, defaultMode: 420 } }]);
    expect(spec.containers[0]!.volumeMounts).toEqual([{ name: secretName, readOnly: true, mountPath: MOUNT_PATH }]);
  });

  it('1.20: the kubelet mounts the never-expiring Secret token, not a TokenRequest token', () => {
    const sim = startSim({ version: '1.20', duration: '1h' });
    sim.runUntil(3_600_000);
    expect(sim.tokens.filter((t) => t.kind === 'bound')).toHaveLength(0);
    const written = sim.events.filter((e) => e.type === 'token.file-written');
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ path: `${MOUNT_PATH}/token` });
  });

  it('1.20: no token Secret yet → ServerTimeout "No API token found for service account …"', () => {
    const sim = simAt({ version: '1.20', pod: false }, 1);
    const sa = flow(sim).serviceAccounts['default/my-app']!;
    delete sa.secrets;
    const admitted = admitPod(sim.context, flow(sim), { metadata: { name: 'p', namespace: 'default' }, spec: { serviceAccountName: 'my-app', containers: [{ name: 'c', image: 'nginx' }] } });
    expect(admitted.ok).toBe(false);
    if (admitted.ok) return;
    expect(admitted.error).toMatchObject({
      reason: 'ServerTimeout',
      message: 'No API token found for service account "my-app", retry after the token is automatically created and added to the service account',
    });
  });
});
