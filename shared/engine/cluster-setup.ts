/**
 * A fresh cluster for one flow, as `kubeadm init` would leave it: the default and kube-system namespaces with
 * their `default` ServiceAccounts, the `kube-root-ca.crt` ConfigMap in each, one node, a signing key, and (from
 * 1.27) the API server's legacy-token tracking ConfigMap.
 */
import type { ConfigMap } from 'kubernetes-types/core/v1';
import type { FlowSpec } from '../scenario/scenario-types.ts';
import { versionBehaviour } from '../model/versions.ts';
import { emit, schedule, utcDate, type EngineContext } from './engine-context.ts';
import { completeServiceAccountTokenOptions } from './api-server/service-account-token-options.ts';
import { scheduleSignerKeySync, startExternalSigner } from './api-server/external-signer.ts';
import type { ClusterState } from './engine-state.ts';
import { stampNewObject } from './object-meta.ts';
import { takeNextKey } from './signing-keys.ts';
import { CLUSTER_CA_PEM } from './controllers/tokens-controller.ts';
import { TRACKING_CONFIGMAP } from './controllers/legacy-token-cleaner.ts';
import { createServiceAccount } from './api-server/service-accounts.ts';
import { NODE_NAME } from './api-server/pods.ts';

const NAMESPACES = ['default', 'kube-system'];

export function createCluster(ctx: EngineContext, spec: FlowSpec): ClusterState {
  const started = completeServiceAccountTokenOptions(spec.apiServer, spec.kubernetesVersion);
  // The scenario parser refuses flows whose API server would not start, so this is a broken caller.
  if (!started.ok) throw new Error(`internal: flow ${spec.id}: ${started.message}`);
  const signingKey = takeNextKey(ctx, spec.apiServer.signingAlgorithm);
  const cluster: ClusterState = {
    id: spec.id,
    label: spec.label,
    version: spec.kubernetesVersion,
    flags: spec.apiServer,
    algorithm: spec.apiServer.signingAlgorithm,
    apiServerUp: true,
    resourceVersion: 1000,
    namespaces: {},
    serviceAccounts: {},
    secrets: {},
    pods: {},
    podKeysByUid: {},
    nodes: {},
    configMaps: {},
    tokenOptions: { maxExpirationSec: started.options.maxExpirationSec, maxExtendedExpirationSec: started.options.maxExtendedExpirationSec },
    signingKey,
    verifyingKeys: [signingKey],
    kubelet: { nodeName: NODE_NAME, up: true, generation: 0, tokenCache: {}, startedAtMs: 0 },
    authSuccessCache: {},
    tokenCount: 0,
  };
  ctx.state.flows[spec.id] = cluster;
  if (spec.apiServer.externalSigner) {
    // The key file kube-controller-manager signs legacy tokens with; the signer signs everything else.
    const signer = startExternalSigner(ctx, cluster, signingKey);
    cluster.externalSigner = signer;
    cluster.signingKey = signer.offeredKeys[signer.offeredKeys.length - 1]!;
    // "The external-jwt-signer must be healthy and be ready to serve supported service account keys" at start.
    cluster.verifyingKeys = [...signer.offeredKeys];
    scheduleSignerKeySync(ctx, cluster);
  }
  for (const warning of started.options.warnings) {
    emit(ctx, cluster.id, {
      type: 'warning',
      code: 'apiserver-flags',
      text: warning,
      message: `kube-apiserver start-up warning: ${warning}`,
      cause: 'kube-apiserver logs this once at start when --service-account-extend-token-expiration is on with a maximum shorter than the extension',
      refs: {},
    });
  }
  cluster.nodes[NODE_NAME] = { apiVersion: 'v1', kind: 'Node', metadata: stampNewObject(ctx, cluster, { name: NODE_NAME }) };
  for (const namespace of NAMESPACES) {
    cluster.namespaces[namespace] = { apiVersion: 'v1', kind: 'Namespace', metadata: stampNewObject(ctx, cluster, { name: namespace }) };
    cluster.configMaps[`${namespace}/kube-root-ca.crt`] = configMap(ctx, cluster, namespace, 'kube-root-ca.crt', { 'ca.crt': CLUSTER_CA_PEM });
  }
  ensureLegacyTokenTracking(ctx, cluster);
  for (const namespace of NAMESPACES) {
    createServiceAccount(ctx, cluster, { metadata: { name: 'default', namespace } });
  }
  // The cleaner loop runs in every version because an upgrade can turn LegacyServiceAccountTokenCleanUp on.
  schedule(ctx, 0, { kind: 'legacy-cleaner', flow: cluster.id });
  return cluster;
}

function configMap(ctx: EngineContext, cluster: ClusterState, namespace: string, name: string, data: Record<string, string>): ConfigMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: stampNewObject(ctx, cluster, { name, namespace }), data };
}

/** The API server's tracking controller records the day legacy-token tracking began (`since`), once. */
export function ensureLegacyTokenTracking(ctx: EngineContext, cluster: ClusterState): void {
  const key = `kube-system/${TRACKING_CONFIGMAP}`;
  if (!versionBehaviour(cluster.version).legacyTokenTracking || cluster.configMaps[key]) return;
  cluster.configMaps[key] = configMap(ctx, cluster, 'kube-system', TRACKING_CONFIGMAP, { since: utcDate(ctx, ctx.state.nowMs) });
}
