/**
 * The ServiceAccount admission plugin (`plugin/pkg/admission/serviceaccount/admission.go`), Pod CREATE only: default
 * the ServiceAccount name, insist it exists, and mount its credential — the `kube-api-access-xxxxx` projected volume
 * from 1.21 (BoundServiceAccountTokenVolume), the `<sa>-token-xxxxx` Secret volume before.
 */
import type { Pod, ServiceAccount, Volume } from 'kubernetes-types/core/v1';
import { versionBehaviour } from '../../model/versions.ts';
import { objectKey, type ClusterState } from '../engine-state.ts';
import { generateName } from '../object-meta.ts';
import type { EngineContext } from '../engine-context.ts';
import { SERVICE_ACCOUNT_TOKEN_TYPE } from '../controllers/tokens-controller.ts';
import type { ApiError } from '../api-server/api-error.ts';
import { WARN_ONLY_BOUND_TOKEN_EXPIRATION_SEC } from '../api-server/token-request.ts';

export const DEFAULT_SERVICE_ACCOUNT = 'default';
export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const API_ACCESS_PREFIX = 'kube-api-access-';

/** `TokenVolumeSource()`: token (3607 s), the cluster CA and the namespace, mode 0644. */
export function apiAccessVolume(name: string): Volume {
  return {
    name,
    projected: {
      defaultMode: 0o644,
      sources: [
        { serviceAccountToken: { path: 'token', expirationSeconds: WARN_ONLY_BOUND_TOKEN_EXPIRATION_SEC } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
}

function shouldAutomount(pod: Pod, sa: ServiceAccount): boolean {
  return pod.spec?.automountServiceAccountToken ?? sa.automountServiceAccountToken ?? true;
}

function forbidden(pod: Pod, detail: string): ApiError {
  return { status: 403, reason: 'Forbidden', message: `pods "${pod.metadata?.name}" is forbidden: ${detail}` };
}

export function admitPod(ctx: EngineContext, cluster: ClusterState, input: Pod): { ok: true; pod: Pod } | { ok: false; error: ApiError } {
  const namespace = input.metadata?.namespace ?? 'default';
  const saName = input.spec?.serviceAccountName || input.spec?.serviceAccount || DEFAULT_SERVICE_ACCOUNT;
  const sa = cluster.serviceAccounts[objectKey(namespace, saName)];
  if (!sa) {
    return { ok: false, error: forbidden(input, `error looking up service account ${namespace}/${saName}: serviceaccount "${saName}" not found`) };
  }
  const spec = { ...input.spec, containers: input.spec?.containers ?? [], serviceAccountName: saName, serviceAccount: saName };
  const pod: Pod = { ...input, spec };
  if (!spec.imagePullSecrets && sa.imagePullSecrets) spec.imagePullSecrets = sa.imagePullSecrets;
  if (!shouldAutomount(pod, sa)) return { ok: true, pod };

  const volumes = [...(spec.volumes ?? [])];
  let volumeName: string;
  if (versionBehaviour(cluster.version).boundTokenVolume) {
    volumeName = volumes.find((v) => v.name.startsWith(API_ACCESS_PREFIX))?.name ?? generateName(ctx, API_ACCESS_PREFIX);
    if (!volumes.some((v) => v.name === volumeName)) volumes.push(apiAccessVolume(volumeName));
  } else {
    const secretName = (sa.secrets ?? [])
      .map((ref) => ref.name ?? '')
      .find((name) => cluster.secrets[objectKey(namespace, name)]?.object.type === SERVICE_ACCOUNT_TOKEN_TYPE);
    if (!secretName) {
      return {
        ok: false,
        error: {
          status: 500,
          reason: 'ServerTimeout',
          message: `No API token found for service account "${saName}", retry after the token is automatically created and added to the service account`,
        },
      };
    }
    volumeName = secretName;
    if (!volumes.some((v) => v.name === volumeName)) volumes.push({ name: volumeName, secret: { secretName, defaultMode: 0o644 } });
  }
  let needed = false;
  const withMount = <C extends { volumeMounts?: { mountPath: string; name: string; readOnly?: boolean }[] }>(c: C): C => {
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === TOKEN_MOUNT_PATH)) return c;
    needed = true;
    return { ...c, volumeMounts: [...(c.volumeMounts ?? []), { name: volumeName, readOnly: true, mountPath: TOKEN_MOUNT_PATH }] };
  };
  spec.initContainers = spec.initContainers?.map(withMount);
  if (!spec.initContainers) delete spec.initContainers;
  spec.containers = spec.containers.map(withMount);
  if (needed || (spec.volumes ?? []).some((v) => v.name === volumeName)) spec.volumes = volumes;
  return { ok: true, pod };
}
