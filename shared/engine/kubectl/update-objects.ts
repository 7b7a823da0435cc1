/**
 * The API server's side of `kubectl apply` to an existing object: the patched object is validated as an update and
 * stored with a new resourceVersion. A Pod's spec is immutable but for a few fields (ValidatePodUpdate in
 * pkg/apis/core/validation/validation.go); a Secret's `type` is immutable (ValidateSecretUpdate).
 */
import type { Pod, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import type { KubernetesVersion } from '../../model/versions.ts';
import type { ApiError, ApiResult } from '../api-server/api-error.ts';
import { objectKey, type ClusterState } from '../engine-state.ts';
import { nextResourceVersion } from '../object-meta.ts';
import { plainJson, sameJson } from './apply-patch.ts';

export type ManifestKind = 'Pod' | 'ServiceAccount' | 'Secret';
export type ManifestObject = Pod | ServiceAccount | Secret;

export function liveObject(cluster: ClusterState, kind: ManifestKind, namespace: string, name: string): ManifestObject | undefined {
  const key = objectKey(namespace, name);
  if (kind === 'Pod') return cluster.pods[key]?.object;
  if (kind === 'Secret') return cluster.secrets[key]?.object;
  return cluster.serviceAccounts[key];
}

/**
 * The fields a pod update may change, as the Forbidden error lists them. The list grew `terminationGracePeriodSeconds`
 * in 1.21 and was joined with bare commas from 1.27, when in-place resize reworked the check.
 */
export function podUpdatableFields(version: KubernetesVersion): string {
  const minor = Number(version.split('.')[1]);
  const image = '`spec.containers[*].image`';
  const initImage = '`spec.initContainers[*].image`';
  const deadline = '`spec.activeDeadlineSeconds`';
  const tolerations = '`spec.tolerations` (only additions to existing tolerations)';
  const grace = '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';
  if (minor <= 20) return `${image}, ${initImage}, ${deadline} or ${tolerations}`;
  if (minor <= 26) return `${image}, ${initImage}, ${deadline}, ${tolerations} or ${grace}`;
  return [image, initImage, deadline, tolerations, grace].join(',');
}

type Spec = Record<string, unknown> & { containers?: Record<string, unknown>[]; initContainers?: Record<string, unknown>[]; tolerations?: unknown[] };

/** The new spec with every change the update rules allow undone: what is left must equal the old spec. */
function withAllowedChangesUndone(next: Spec, old: Spec, minor: number): Spec {
  const munged: Spec = { ...next };
  for (const list of ['containers', 'initContainers'] as const) {
    const nextList = next[list];
    const oldList = old[list];
    if (nextList && oldList && nextList.length === oldList.length) {
      munged[list] = nextList.map((container, i) => ({ ...container, image: oldList[i]?.image }));
    }
  }
  if ('activeDeadlineSeconds' in old) munged.activeDeadlineSeconds = old.activeDeadlineSeconds;
  else delete munged.activeDeadlineSeconds;
  const oldTolerations = old.tolerations ?? [];
  if (oldTolerations.every((toleration) => (next.tolerations ?? []).some((candidate) => sameJson(candidate, toleration)))) {
    if (old.tolerations === undefined) delete munged.tolerations;
    else munged.tolerations = old.tolerations;
  }
  const oldGrace = old.terminationGracePeriodSeconds;
  if (minor >= 21 && typeof oldGrace === 'number' && oldGrace < 0 && next.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldGrace;
  return munged;
}

function invalid(kind: ManifestKind, name: string, field: string, detail: string): ApiError {
  return { status: 422, reason: 'Invalid', field, message: `${kind} "${name}" is invalid: ${field}: ${detail}` };
}

/** Stores `next` in place of the live object, or says why the API server refuses the update. */
export function updateObject(cluster: ClusterState, kind: ManifestKind, namespace: string, name: string, next: ManifestObject): ApiResult<ManifestObject> {
  const key = objectKey(namespace, name);
  const stamp = <T extends ManifestObject>(object: T): T => ({ ...object, metadata: { ...object.metadata, resourceVersion: nextResourceVersion(cluster) } });
  if (kind === 'Pod') {
    const state = cluster.pods[key];
    if (!state) return { ok: false, error: { status: 404, reason: 'NotFound', message: `pods "${name}" not found` } };
    const pod = next as Pod;
    const oldSpec = plainJson(state.object.spec ?? {}) as Spec;
    const newSpec = plainJson(pod.spec ?? {}) as Spec;
    const minor = Number(cluster.version.split('.')[1]);
    if (!sameJson(withAllowedChangesUndone(newSpec, oldSpec, minor), oldSpec)) {
      // The real message goes on with a go-cmp diff of the two specs, which is not reproduced here.
      return { ok: false, error: invalid('Pod', name, 'spec', `Forbidden: pod updates may not change fields other than ${podUpdatableFields(cluster.version)}`) };
    }
    // Status belongs to the status subresource: an update of the pod itself never changes it.
    state.object = stamp({ ...pod, ...(state.object.status === undefined ? {} : { status: state.object.status }) });
    return { ok: true, value: state.object, warnings: [] };
  }
  if (kind === 'Secret') {
    const state = cluster.secrets[key];
    if (!state) return { ok: false, error: { status: 404, reason: 'NotFound', message: `secrets "${name}" not found` } };
    const secret = next as Secret;
    const oldType = state.object.type ?? 'Opaque';
    if ((secret.type ?? 'Opaque') !== oldType) {
      return { ok: false, error: invalid('Secret', name, 'type', `Invalid value: ${JSON.stringify(secret.type ?? 'Opaque')}: field is immutable`) };
    }
    state.object = stamp(secret);
    return { ok: true, value: state.object, warnings: [] };
  }
  if (!cluster.serviceAccounts[key]) return { ok: false, error: { status: 404, reason: 'NotFound', message: `serviceaccounts "${name}" not found` } };
  cluster.serviceAccounts[key] = stamp(next as ServiceAccount);
  return { ok: true, value: cluster.serviceAccounts[key], warnings: [] };
}
