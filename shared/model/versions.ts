/**
 * Kubernetes versions the simulator models, and the feature-gate state each one runs with by default
 * (docs/kubernetes-facts.md §6). Every version-dependent rule asks this table, never a version comparison of its own.
 */
export const KUBERNETES_VERSIONS = [
  '1.20', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26', '1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33',
] as const;
export type KubernetesVersion = (typeof KUBERNETES_VERSIONS)[number];

export function isKubernetesVersion(value: string): value is KubernetesVersion {
  return (KUBERNETES_VERSIONS as readonly string[]).includes(value);
}

function minor(version: KubernetesVersion): number {
  return Number(version.split('.')[1]);
}

export interface VersionBehaviour {
  /** BoundServiceAccountTokenVolume: admission injects the `kube-api-access-*` projected volume (beta on in 1.21). */
  boundTokenVolume: boolean;
  /** The tokens controller auto-generates `<sa>-token-*` Secrets (until LegacyServiceAccountTokenNoAutoGeneration, 1.24). */
  autoGenerateLegacySecrets: boolean;
  /** LegacyServiceAccountTokenTracking (beta on 1.27): `kubernetes.io/legacy-token-last-used` label. */
  legacyTokenTracking: boolean;
  /** LegacyServiceAccountTokenCleanUp (beta on 1.29). */
  legacyTokenCleanUp: boolean;
  /** ServiceAccountTokenJTI (beta on 1.30). */
  tokenJti: boolean;
  /** ServiceAccountTokenPodNodeInfo (beta on 1.30). */
  podNodeInfo: boolean;
  /** TokenRequest knows the Node kind at all (alpha gate from 1.29). */
  nodeKindKnown: boolean;
  /** ServiceAccountTokenNodeBinding (beta on 1.31). */
  nodeBinding: boolean;
  /** ServiceAccountTokenNodeBindingValidation (beta on 1.30): node-bound tokens are checked against the Node. */
  nodeBindingValidation: boolean;
  /** `kubectl create token` exists (1.24). */
  kubectlCreateToken: boolean;
  /** The bound-token validator speaks the newer lower-case messages ("service account token has expired"). */
  modernValidatorMessages: boolean;
}

const behaviourCache = new Map<KubernetesVersion, VersionBehaviour>();

export function versionBehaviour(version: KubernetesVersion): VersionBehaviour {
  let behaviour = behaviourCache.get(version);
  if (!behaviour) {
    behaviour = Object.freeze(computeBehaviour(version));
    behaviourCache.set(version, behaviour);
  }
  return behaviour;
}

function computeBehaviour(version: KubernetesVersion): VersionBehaviour {
  const m = minor(version);
  return {
    boundTokenVolume: m >= 21,
    autoGenerateLegacySecrets: m < 24,
    legacyTokenTracking: m >= 27,
    legacyTokenCleanUp: m >= 29,
    tokenJti: m >= 30,
    podNodeInfo: m >= 30,
    nodeKindKnown: m >= 29,
    nodeBinding: m >= 31,
    nodeBindingValidation: m >= 30,
    kubectlCreateToken: m >= 24,
    modernValidatorMessages: m >= MODERN_VALIDATOR_MESSAGES_SINCE,
  };
}

/**
 * First minor version whose `pkg/serviceaccount/claims.go` returns "service account token has expired" instead of
 * "Token has expired.". docs/kubernetes-facts.md §5 places the old wording at "≤ ~1.2x"; see README limits.
 */
const MODERN_VALIDATOR_MESSAGES_SINCE = 21;
