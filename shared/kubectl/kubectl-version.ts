/**
 * What a flow's kubectl knows, by release: the client-side rules `parse-kubectl.ts` applies, read from the version
 * table in shared/model/versions.ts so the engine's scenario steps and the console's own parse agree.
 */
import { versionBehaviour, type KubernetesVersion } from '../model/versions.ts';
import type { KubectlContext } from './parse-kubectl.ts';

export function kubectlContextFor(version: KubernetesVersion, stdin?: string): KubectlContext {
  const behaviour = versionBehaviour(version);
  return {
    kubectlCreateToken: behaviour.kubectlCreateToken,
    nodeBoundTokens: behaviour.kubectlNodeBoundTokens === 'always',
    nodeBoundTokensWithEnv: behaviour.kubectlNodeBoundTokens === 'with-env',
    durationCheck: behaviour.kubectlDurationCheck,
    authWhoami: behaviour.kubectlAuthWhoami,
    ...(stdin === undefined ? {} : { stdin }),
  };
}
