/**
 * Faults and operations a scenario can inject into a flow: the API server going down and coming back, signing-key
 * rotation (the new key signs, old keys keep verifying until retired), and an in-place upgrade.
 */
import type { FaultKind } from '../scenario/scenario-types.ts';
import type { KubernetesVersion } from '../model/versions.ts';
import { emit, type EngineContext } from './engine-context.ts';
import type { ClusterState } from './engine-state.ts';
import { takeNextKey } from './signing-keys.ts';
import { tellInvalidated } from './invalidation.ts';
import { startKubelet, stopKubelet } from './kubelet/kubelet-lifecycle.ts';
import { ensureLegacyTokenTracking } from './cluster-setup.ts';
import { retireSignerKeys, rotateSignerKey } from './api-server/external-signer.ts';

export function injectFault(ctx: EngineContext, cluster: ClusterState, fault: FaultKind): void {
  switch (fault) {
    case 'kubelet-stop':
      return stopKubelet(ctx, cluster);
    case 'kubelet-start':
      return startKubelet(ctx, cluster);
    case 'apiserver-stop':
      if (!cluster.apiServerUp) return;
      cluster.apiServerUp = false;
      cluster.authSuccessCache = {};
      emit(ctx, cluster.id, {
        type: 'apiserver.stopped',
        message: 'kube-apiserver stopped',
        cause: 'injected fault: TokenRequests and API calls fail; kubelets keep serving cached tokens while they are valid',
        refs: {},
      });
      return;
    case 'apiserver-start':
      if (cluster.apiServerUp) return;
      cluster.apiServerUp = true;
      emit(ctx, cluster.id, { type: 'apiserver.started', message: 'kube-apiserver started', cause: 'injected fault ended', refs: {} });
      return;
    case 'rotate-signing-key': {
      if (cluster.externalSigner) return rotateSignerKey(ctx, cluster, cluster.externalSigner);
      const next = takeNextKey(ctx, cluster.algorithm);
      cluster.signingKey = next;
      cluster.verifyingKeys = [...cluster.verifyingKeys.filter((k) => k.kid !== next.kid), next];
      emit(ctx, cluster.id, {
        type: 'signing-key.rotated',
        kid: next.kid,
        verifyingKids: cluster.verifyingKeys.map((k) => k.kid),
        message: `API server now signs with key ${next.kid.slice(0, 8)}…`,
        cause: 'signing-key rotation: new tokens carry the new kid; the old public keys stay in --service-account-key-file so existing tokens keep verifying',
        refs: {},
      });
      return;
    }
    case 'retire-old-signing-keys': {
      if (cluster.externalSigner) return retireSignerKeys(ctx, cluster, cluster.externalSigner);
      const retired = cluster.verifyingKeys.filter((k) => k.kid !== cluster.signingKey.kid);
      if (retired.length === 0) return;
      cluster.verifyingKeys = [cluster.signingKey];
      cluster.authSuccessCache = {};
      const retiredKids = new Set(retired.map((k) => k.kid));
      emit(ctx, cluster.id, {
        type: 'signing-key.retired',
        kids: [...retiredKids],
        message: `API server no longer trusts ${retired.length} old signing key(s)`,
        cause: 'old public keys were removed from --service-account-key-file; tokens they signed fail with "invalid signature, no keys found"',
        refs: {},
      });
      const affected = ctx.tokenLog.indexesWhere(cluster.id, (profile) => retiredKids.has(profile.header.kid));
      tellInvalidated(ctx, cluster, affected, 'the key that signed it was retired ("invalid signature, no keys found")');
      return;
    }
  }
}

export function upgradeCluster(ctx: EngineContext, cluster: ClusterState, version: KubernetesVersion): void {
  const fromVersion = cluster.version;
  cluster.version = version;
  emit(ctx, cluster.id, {
    type: 'cluster.upgraded',
    fromVersion,
    toVersion: version,
    message: `cluster upgraded from ${fromVersion} to ${version}`,
    cause: 'existing Secrets and tokens survive an upgrade; new behaviour applies to what is created from now on',
    refs: {},
  });
  ensureLegacyTokenTracking(ctx, cluster);
}
