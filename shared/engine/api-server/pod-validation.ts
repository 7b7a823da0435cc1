/**
 * The parts of Pod defaulting and validation that concern tokens (`SetDefaults_ServiceAccountTokenProjection`,
 * `pkg/apis/core/validation/validation.go` volumes, see volume-validation.ts). Errors carry the field path so an
 * editor can point at the line.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiError } from './api-error.ts';
import { DEFAULT_TOKEN_REQUEST_EXPIRATION_SEC } from './token-request.ts';
import { invalidObject, required, type FieldError } from './field-errors.ts';
import { validateVolumeSource } from './volume-validation.ts';
import { versionBehaviour, type KubernetesVersion } from '../../model/versions.ts';

export function defaultPod(pod: Pod): Pod {
  const volumes = pod.spec?.volumes?.map((volume) => {
    if (!volume.projected) return volume;
    return {
      ...volume,
      projected: {
        ...volume.projected,
        defaultMode: volume.projected.defaultMode ?? 0o644,
        sources: (volume.projected.sources ?? []).map((source) =>
          source.serviceAccountToken
            ? { ...source, serviceAccountToken: { ...source.serviceAccountToken, expirationSeconds: source.serviceAccountToken.expirationSeconds ?? DEFAULT_TOKEN_REQUEST_EXPIRATION_SEC } }
            : source,
        ),
      },
    };
  });
  return volumes ? { ...pod, spec: { ...pod.spec!, volumes } } : pod;
}

/**
 * `ValidatePodCreate` for what the simulator models: volumes first (`validateVolumes`, in `spec.volumes` order), then
 * containers, aggregated as `errors.NewInvalid` prints them.
 */
export function validatePod(pod: Pod, version: KubernetesVersion): ApiError | undefined {
  const behaviour = versionBehaviour(version);
  const problems: FieldError[] = [];
  (pod.spec?.volumes ?? []).forEach((volume, v) => problems.push(...validateVolumeSource(volume, `spec.volumes[${v}]`, behaviour)));
  if ((pod.spec?.containers ?? []).length === 0) problems.push(required('spec.containers'));
  return invalidObject('Pod', pod.metadata?.name ?? '', problems);
}
