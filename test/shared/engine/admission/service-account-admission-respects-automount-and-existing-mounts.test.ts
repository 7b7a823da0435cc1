/**
 * shouldAutomount and the per-container mount rule of the ServiceAccount admission plugin (docs/kubernetes-facts.md §2.1):
 * pod.spec.automountServiceAccountToken if set, else the ServiceAccount's, else true; the mount is appended to every
 * initContainer and container without a mount at the token path, and the volume is added only if one needed it
 * (upstream TestRespectsExistingMount). A missing ServiceAccount is Forbidden.
 */
import { describe, expect, it } from 'vitest';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { admitPod } from '../../../../shared/engine/admission/service-account-admission.ts';
import { apply, eventsOfType, flow, NAME_SUFFIX, simAt } from '../api-server/token-test-helpers.ts';

const MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

function admit(sim: ReturnType<typeof simAt>, spec: Pod['spec']) {
  const admitted = admitPod(sim.context, flow(sim), { metadata: { name: 'p', namespace: 'default' }, spec: { containers: [], ...spec } });
  if (!admitted.ok) throw new Error(admitted.error.message);
  return admitted.pod.spec!;
}

describe('automountServiceAccountToken', () => {
  const table: Array<{ pod?: boolean; sa?: boolean; mounted: boolean }> = [
    { mounted: true },
    { pod: true, mounted: true },
    { pod: false, mounted: false },
    { sa: false, mounted: false },
    { sa: true, mounted: true },
    { pod: true, sa: false, mounted: true },
    { pod: false, sa: true, mounted: false },
  ];

  it.each(table)('pod $pod, ServiceAccount $sa → mounted $mounted', ({ pod, sa, mounted }) => {
    for (const version of ['1.20', '1.30']) {
      const sim = simAt({ version, pod: false }, 1);
      apply(sim, `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: robot\n${sa === undefined ? '' : `automountServiceAccountToken: ${sa}\n`}`);
      const spec = admit(sim, {
        serviceAccountName: 'robot',
        ...(pod === undefined ? {} : { automountServiceAccountToken: pod }),
        containers: [{ name: 'c', image: 'nginx' }],
      });
      expect(spec.volumes?.length ?? 0).toBe(mounted ? 1 : 0);
      expect(spec.containers[0]!.volumeMounts?.length ?? 0).toBe(mounted ? 1 : 0);
    }
  });
});

describe('volume mounts only where the token path is free', () => {
  const own = { name: 'my-custom-mount', mountPath: MOUNT_PATH };
  const c = (name: string, mounts: Container['volumeMounts'] = undefined): Container => ({ name, image: 'nginx', ...(mounts ? { volumeMounts: mounts } : {}) });

  it('TestRespectsExistingMount: the only container already mounts the path → no mount added and no volume created', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    const spec = admit(sim, { serviceAccountName: 'my-app', containers: [c('a', [own])] });
    expect(spec.containers[0]!.volumeMounts).toEqual([own]);
    expect(spec.volumes).toBeUndefined();
  });

  it('adds the mount to the containers and initContainers that lack it, leaves the one that has it alone', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    const data = { name: 'data', mountPath: '/data' };
    const spec = admit(sim, {
      serviceAccountName: 'my-app',
      initContainers: [c('init')],
      containers: [c('has-own', [own]), c('plain'), c('other-mount', [data])],
      volumes: [{ name: 'data', emptyDir: {} }],
    });
    const volumeName = spec.volumes?.find((v) => v.name.startsWith('kube-api-access-'))?.name ?? '';
    expect(volumeName).toMatch(new RegExp(`^kube-api-access-${NAME_SUFFIX}$`));
    const injected = { name: volumeName, readOnly: true, mountPath: MOUNT_PATH };
    expect(spec.initContainers?.[0]?.volumeMounts).toEqual([injected]);
    expect(spec.containers.map((x) => x.volumeMounts)).toEqual([[own], [injected], [data, injected]]);
    expect(spec.volumes?.map((v) => v.name)).toEqual(['data', volumeName]);
  });
});

describe('a missing ServiceAccount', () => {
  it.each([
    { version: '1.20', name: 'ghost' },
    { version: '1.30', name: 'ghost' },
    { version: '1.33', name: 'builder' },
  ])('$version: pod naming "$name" → 403 Forbidden with the lookup error', ({ version, name }) => {
    const sim = simAt({ version, pod: false }, 1);
    const admitted = admitPod(sim.context, flow(sim), {
      metadata: { name: 'app', namespace: 'default' },
      spec: { serviceAccountName: name, containers: [{ name: 'c', image: 'nginx' }] },
    });
    expect(admitted.ok).toBe(false);
    if (admitted.ok) return;
    expect(admitted.error).toMatchObject({
      status: 403,
      reason: 'Forbidden',
      message: `pods "app" is forbidden: error looking up service account default/${name}: serviceaccount "${name}" not found`,
    });
  });

  it('kubectl apply reports it and creates no pod', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    const outcome = apply(sim, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  serviceAccountName: ghost\n  containers:\n    - name: c\n      image: nginx\n');
    expect(outcome.ok).toBe(false);
    expect(eventsOfType(sim, 'manifest.rejected').map((e) => e.error)).toEqual([
      'pods "app" is forbidden: error looking up service account default/ghost: serviceaccount "ghost" not found',
    ]);
    expect(flow(sim).pods['default/app']).toBeUndefined();
  });
});

describe('imagePullSecrets', () => {
  it('copies the ServiceAccount’s imagePullSecrets when the pod has none, and keeps the pod’s own otherwise', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    apply(sim, 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: puller\nimagePullSecrets:\n  - name: regcred\n');
    expect(admit(sim, { serviceAccountName: 'puller', containers: [{ name: 'c', image: 'nginx' }] }).imagePullSecrets).toEqual([{ name: 'regcred' }]);
    expect(
      admit(sim, { serviceAccountName: 'puller', imagePullSecrets: [{ name: 'mine' }], containers: [{ name: 'c', image: 'nginx' }] }).imagePullSecrets,
    ).toEqual([{ name: 'mine' }]);
  });
});
