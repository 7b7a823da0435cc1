/**
 * Secret create and delete. Deleting a token Secret revokes its legacy token at once (no leeway), and before 1.24
 * the tokens controller then generates a replacement for the ServiceAccount.
 */
import type { Secret } from 'kubernetes-types/core/v1';
import { versionBehaviour } from '../../model/versions.ts';
import { emit, type EngineContext } from '../engine-context.ts';
import { objectKey, type ClusterState, type SecretState } from '../engine-state.ts';
import { nextResourceVersion, stampNewObject } from '../object-meta.ts';
import {
  autoGenerateTokenSecret,
  populateTokenSecret,
  SA_NAME_ANNOTATION,
  SERVICE_ACCOUNT_TOKEN_TYPE,
} from '../controllers/tokens-controller.ts';
import { tellInvalidated, tokensBoundTo } from '../invalidation.ts';
import { alreadyExists, notFound, type ApiResult } from './api-error.ts';

export function createSecret(ctx: EngineContext, cluster: ClusterState, manifest: Secret): ApiResult<Secret> {
  const namespace = manifest.metadata?.namespace ?? 'default';
  const name = manifest.metadata?.name ?? '';
  if (!cluster.namespaces[namespace]) return { ok: false, error: notFound('namespaces', namespace) };
  const key = objectKey(namespace, name);
  if (cluster.secrets[key]) return { ok: false, error: alreadyExists('secrets', name) };
  if (manifest.type === SERVICE_ACCOUNT_TOKEN_TYPE && !manifest.metadata?.annotations?.[SA_NAME_ANNOTATION]) {
    return {
      ok: false,
      error: {
        status: 422,
        reason: 'Invalid',
        field: `metadata.annotations[${SA_NAME_ANNOTATION}]`,
        message: `Secret "${name}" is invalid: metadata.annotations[${SA_NAME_ANNOTATION}]: Required value`,
      },
    };
  }
  const secret: SecretState = {
    object: { ...manifest, apiVersion: 'v1', kind: 'Secret', type: manifest.type ?? 'Opaque', metadata: stampNewObject(ctx, cluster, { ...manifest.metadata, name, namespace }) },
  };
  cluster.secrets[key] = secret;
  emit(ctx, cluster.id, {
    type: 'secret.created',
    secretType: secret.object.type ?? 'Opaque',
    message: `Secret ${namespace}/${name} created (${secret.object.type})`,
    cause: secret.object.type === SERVICE_ACCOUNT_TOKEN_TYPE ? 'a manually requested long-lived token Secret; the tokens controller fills it' : 'applied',
    refs: { namespace, secret: name },
  });
  if (secret.object.type === SERVICE_ACCOUNT_TOKEN_TYPE) populateTokenSecret(ctx, cluster, secret);
  return { ok: true, value: secret.object, warnings: [] };
}

export function deleteSecret(ctx: EngineContext, cluster: ClusterState, namespace: string, name: string): ApiResult<Secret> {
  const key = objectKey(namespace, name);
  const secret = cluster.secrets[key];
  if (!secret) return { ok: false, error: notFound('secrets', name) };
  removeSecret(ctx, cluster, key, 'deleted');
  return { ok: true, value: secret.object, warnings: [] };
}

/** Removes a Secret and tells what that revokes; shared by kubectl delete, the ServiceAccount cascade and the cleaner. */
export function removeSecret(ctx: EngineContext, cluster: ClusterState, key: string, cause: string): void {
  const secret = cluster.secrets[key];
  if (!secret) return;
  delete cluster.secrets[key];
  const meta = secret.object.metadata ?? {};
  const namespace = meta.namespace ?? 'default';
  const name = meta.name ?? '';
  emit(ctx, cluster.id, {
    type: 'secret.deleted',
    message: `Secret ${namespace}/${name} deleted`,
    cause,
    refs: { namespace, secret: name },
  });
  const revoked = [...(secret.tokenIndex !== undefined ? [secret.tokenIndex] : []), ...tokensBoundTo(ctx, cluster, meta.uid)];
  if (cluster.flags.serviceAccountLookup || secret.tokenIndex === undefined) {
    tellInvalidated(ctx, cluster, revoked, `its Secret ${namespace}/${name} was deleted ("Token has been invalidated")`);
  } else {
    tellInvalidated(ctx, cluster, tokensBoundTo(ctx, cluster, meta.uid), `its Secret ${namespace}/${name} was deleted`);
  }

  const saName = meta.annotations?.[SA_NAME_ANNOTATION];
  const sa = saName ? cluster.serviceAccounts[`${namespace}/${saName}`] : undefined;
  if (!sa || !(sa.secrets ?? []).some((ref) => ref.name === name)) return;
  sa.secrets = (sa.secrets ?? []).filter((ref) => ref.name !== name);
  if (sa.secrets.length === 0) delete sa.secrets;
  sa.metadata = { ...sa.metadata, resourceVersion: nextResourceVersion(cluster) };
  if (versionBehaviour(cluster.version).autoGenerateLegacySecrets) autoGenerateTokenSecret(ctx, cluster, sa);
}
