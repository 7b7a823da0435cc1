/**
 * The legacy tokens controller (`pkg/controller/serviceaccount/tokens_controller.go`): before 1.24 it gives every
 * ServiceAccount an auto-generated `<sa>-token-xxxxx` Secret and lists it in `.secrets`; in every version it fills
 * manually created `kubernetes.io/service-account-token` Secrets, and deletes a ServiceAccount's token Secrets
 * when the ServiceAccount goes.
 */
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { LegacyClaims } from '../../jwt/jwt-types.ts';
import { versionBehaviour } from '../../model/versions.ts';
import { emit, type EngineContext } from '../engine-context.ts';
import { objectKey, type ClusterState, type SecretState } from '../engine-state.ts';
import { generateName, nextResourceVersion, stampNewObject } from '../object-meta.ts';
import { recordLegacyToken } from '../token-log.ts';
import { legacyTokenSigningKey } from '../signing-keys.ts';
import { encodeBase64 } from '../../text/base64.ts';
import { sharedHeader } from '../api-server/token-request.ts';
import { jwtBase64Marker } from '../jwt-markers.ts';

export const SERVICE_ACCOUNT_TOKEN_TYPE = 'kubernetes.io/service-account-token';
export const SA_NAME_ANNOTATION = 'kubernetes.io/service-account.name';
export const SA_UID_ANNOTATION = 'kubernetes.io/service-account.uid';
export const LEGACY_ISSUER = 'kubernetes/serviceaccount';

/** The cluster CA every token Secret and projected volume carries (`ca.crt`). */
export const CLUSTER_CA_PEM = '-----BEGIN CERTIFICATE-----\n(simulated cluster CA)\n-----END CERTIFICATE-----\n';

/** Mints the never-expiring legacy token for a token Secret (`LegacyClaims` in pkg/serviceaccount/legacy.go). */
function mintLegacyToken(ctx: EngineContext, cluster: ClusterState, sa: ServiceAccount, secretName: string): number {
  const namespace = sa.metadata?.namespace ?? 'default';
  const name = sa.metadata?.name ?? '';
  const uid = sa.metadata?.uid ?? '';
  const claims: LegacyClaims = {
    iss: LEGACY_ISSUER,
    'kubernetes.io/serviceaccount/namespace': namespace,
    'kubernetes.io/serviceaccount/secret.name': secretName,
    'kubernetes.io/serviceaccount/service-account.name': name,
    'kubernetes.io/serviceaccount/service-account.uid': uid,
    sub: `system:serviceaccount:${namespace}:${name}`,
  };
  const key = legacyTokenSigningKey(cluster);
  const token = recordLegacyToken(ctx, cluster, {
    flow: cluster.id,
    kind: 'legacy',
    header: sharedHeader(cluster.algorithm, key.kid),
    legacyClaims: claims,
    namespace,
    serviceAccount: name,
    serviceAccountUid: uid,
    audiences: [],
    secretName,
    iss: claims.iss,
    sub: claims.sub,
    serviceAccountRef: { name, uid },
    jti: false,
  }, key.poolIndex);
  emit(ctx, cluster.id, {
    type: 'token.issued',
    token,
    kind: 'legacy',
    requester: 'tokens-controller',
    extended: false,
    message: `tokens controller put never-expiring token #${ctx.tokenLog.tokenNumber(token)} into Secret ${namespace}/${secretName}`,
    cause: 'a kubernetes.io/service-account-token Secret needs a token; legacy tokens have no exp claim, so they never expire',
    refs: { namespace, serviceAccount: name, secret: secretName, token },
  });
  return token;
}

/** Fills a token Secret's data and annotations, as the controller's `generateTokenIfNeeded` does. */
export function populateTokenSecret(ctx: EngineContext, cluster: ClusterState, secret: SecretState): void {
  const meta = secret.object.metadata ?? {};
  const namespace = meta.namespace ?? 'default';
  const saName = meta.annotations?.[SA_NAME_ANNOTATION];
  const sa = saName ? cluster.serviceAccounts[objectKey(namespace, saName)] : undefined;
  if (!sa || secret.tokenIndex !== undefined) return;
  secret.tokenIndex = mintLegacyToken(ctx, cluster, sa, meta.name ?? '');
  secret.object = {
    ...secret.object,
    metadata: {
      ...meta,
      annotations: { ...meta.annotations, [SA_UID_ANNOTATION]: sa.metadata?.uid ?? '' },
      resourceVersion: nextResourceVersion(cluster),
    },
    data: { ...secret.object.data, 'ca.crt': encodeBase64(CLUSTER_CA_PEM), namespace: encodeBase64(namespace), token: jwtBase64Marker(secret.tokenIndex) },
  };
}

/** Before 1.24: a new ServiceAccount gets `<sa>-token-xxxxx`, referenced from its `.secrets`. */
export function autoGenerateTokenSecret(ctx: EngineContext, cluster: ClusterState, sa: ServiceAccount): void {
  if (!versionBehaviour(cluster.version).autoGenerateLegacySecrets) return;
  const namespace = sa.metadata?.namespace ?? 'default';
  const saName = sa.metadata?.name ?? '';
  const secretName = generateName(ctx, `${saName}-token-`);
  const secret: SecretState = {
    object: {
      apiVersion: 'v1',
      kind: 'Secret',
      type: SERVICE_ACCOUNT_TOKEN_TYPE,
      metadata: stampNewObject(ctx, cluster, {
        name: secretName,
        namespace,
        annotations: { [SA_NAME_ANNOTATION]: saName },
      }),
    },
  };
  cluster.secrets[objectKey(namespace, secretName)] = secret;
  emit(ctx, cluster.id, {
    type: 'secret.created',
    secretType: SERVICE_ACCOUNT_TOKEN_TYPE,
    message: `tokens controller created Secret ${namespace}/${secretName} for ServiceAccount ${saName}`,
    cause: `Kubernetes ${cluster.version} still auto-generates a token Secret for every ServiceAccount (stopped in 1.24)`,
    refs: { namespace, serviceAccount: saName, secret: secretName },
  });
  populateTokenSecret(ctx, cluster, secret);
  sa.secrets = [...(sa.secrets ?? []), { name: secretName }];
  sa.metadata = { ...sa.metadata, resourceVersion: nextResourceVersion(cluster) };
}
