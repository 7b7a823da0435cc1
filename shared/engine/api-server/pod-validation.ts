/**
 * The parts of Pod defaulting and validation that concern tokens (`SetDefaults_ServiceAccountTokenProjection`,
 * `pkg/apis/core/validation/validation.go` projection sources). Errors carry the field path so an editor can point
 * at the line.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiError } from './api-error.ts';
import { MAX_TOKEN_EXPIRATION_SEC, MIN_TOKEN_EXPIRATION_SEC, DEFAULT_TOKEN_REQUEST_EXPIRATION_SEC } from './token-request.ts';

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

export function validatePod(pod: Pod): ApiError | undefined {
  const problems: { field: string; text: string }[] = [];
  (pod.spec?.volumes ?? []).forEach((volume, v) => {
    (volume.projected?.sources ?? []).forEach((source, s) => {
      const token = source.serviceAccountToken;
      if (!token) return;
      const base = `spec.volumes[${v}].projected.sources[${s}].serviceAccountToken`;
      const exp = token.expirationSeconds ?? DEFAULT_TOKEN_REQUEST_EXPIRATION_SEC;
      if (exp < MIN_TOKEN_EXPIRATION_SEC) problems.push({ field: `${base}.expirationSeconds`, text: `Invalid value: ${exp}: may not specify a duration less than 10 minutes` });
      if (exp > MAX_TOKEN_EXPIRATION_SEC) problems.push({ field: `${base}.expirationSeconds`, text: `Invalid value: ${exp}: may not specify a duration larger than 2^32 seconds` });
      if (!token.path) problems.push({ field: `${base}.path`, text: 'Required value' });
    });
  });
  if ((pod.spec?.containers ?? []).length === 0) problems.push({ field: 'spec.containers', text: 'Required value' });
  if (problems.length === 0) return undefined;
  const detail = problems.map((p) => `${p.field}: ${p.text}`);
  return {
    status: 422,
    reason: 'Invalid',
    field: problems[0]!.field,
    message: `Pod "${pod.metadata?.name}" is invalid: ${detail.length === 1 ? detail[0] : `[${detail.join(', ')}]`}`,
  };
}
