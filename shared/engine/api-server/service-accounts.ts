/**
 * ServiceAccount create and delete, with the tokens controller's reactions (auto-generated token Secrets before
 * 1.24; token Secrets deleted with their ServiceAccount).
 */
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import { emit, type EngineContext } from '../engine-context.ts';
import { objectKey, type ClusterState } from '../engine-state.ts';
import { stampNewObject } from '../object-meta.ts';
import { autoGenerateTokenSecret, SA_NAME_ANNOTATION, SERVICE_ACCOUNT_TOKEN_TYPE } from '../controllers/tokens-controller.ts';
import { tellInvalidated } from '../invalidation.ts';
import { alreadyExists, notFound, type ApiResult } from './api-error.ts';
import { removeSecret } from './secrets.ts';

export function createServiceAccount(ctx: EngineContext, cluster: ClusterState, manifest: ServiceAccount): ApiResult<ServiceAccount> {
  const namespace = manifest.metadata?.namespace ?? 'default';
  const name = manifest.metadata?.name ?? '';
  if (!cluster.namespaces[namespace]) return { ok: false, error: notFound('namespaces', namespace) };
  const key = objectKey(namespace, name);
  if (cluster.serviceAccounts[key]) return { ok: false, error: alreadyExists('serviceaccounts', name) };
  const sa: ServiceAccount = {
    ...manifest,
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: stampNewObject(ctx, cluster, { ...manifest.metadata, name, namespace }),
  };
  cluster.serviceAccounts[key] = sa;
  emit(ctx, cluster.id, {
    type: 'serviceaccount.created',
    message: `ServiceAccount ${namespace}/${name} created`,
    cause: 'a workload identity was created; it holds no credential by itself',
    refs: { namespace, serviceAccount: name },
  });
  autoGenerateTokenSecret(ctx, cluster, sa);
  return { ok: true, value: sa, warnings: [] };
}

export function deleteServiceAccount(ctx: EngineContext, cluster: ClusterState, namespace: string, name: string): ApiResult<ServiceAccount> {
  const key = objectKey(namespace, name);
  const sa = cluster.serviceAccounts[key];
  if (!sa) return { ok: false, error: notFound('serviceaccounts', name) };
  delete cluster.serviceAccounts[key];
  emit(ctx, cluster.id, {
    type: 'serviceaccount.deleted',
    message: `ServiceAccount ${namespace}/${name} deleted`,
    cause: 'every token of this identity now fails the ServiceAccount lookup',
    refs: { namespace, serviceAccount: name },
  });
  const uid = sa.metadata?.uid ?? '';
  for (const [secretKey, secret] of Object.entries(cluster.secrets)) {
    const meta = secret.object.metadata;
    if (secret.object.type === SERVICE_ACCOUNT_TOKEN_TYPE && meta?.namespace === namespace && meta.annotations?.[SA_NAME_ANNOTATION] === name) {
      removeSecret(ctx, cluster, secretKey, `tokens controller deleted it because ServiceAccount ${namespace}/${name} was deleted`);
    }
  }
  tellInvalidated(ctx, cluster, ctx.tokenLog.indexesWhere(cluster.id, (profile) => profile.serviceAccountUid === uid), `ServiceAccount ${namespace}/${name} was deleted (serviceaccounts "${name}" not found)`);
  return { ok: true, value: sa, warnings: [] };
}
