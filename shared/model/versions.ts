/**
 * Kubernetes versions the simulator models, and the feature-gate state each one runs with by default
 * (docs/kubernetes-facts.md §6 and §8.2, §8.12). Every version-dependent rule asks this table, never a version
 * comparison of its own: a difference between releases is one row of `SINCE` below.
 */
export const KUBERNETES_VERSIONS = [
  '1.20', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26', '1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33',
  '1.34', '1.35', '1.36', '1.37',
] as const;
export type KubernetesVersion = (typeof KUBERNETES_VERSIONS)[number];

export function isKubernetesVersion(value: string): value is KubernetesVersion {
  return (KUBERNETES_VERSIONS as readonly string[]).includes(value);
}

function minor(version: KubernetesVersion): number {
  return Number(version.split('.')[1]);
}

/** `a` is `b` or a later release. */
export function isAtLeast(a: KubernetesVersion, b: KubernetesVersion): boolean {
  return minor(a) >= minor(b);
}

/** How `kubectl create token` checks `--duration` (create_token.go Validate; §7, checked against real binaries). */
export type KubectlDurationCheck =
  /** Negative → `--duration must be positive`; 0 omits the field. */
  | 'positive'
  /** Negative or 0 → `--duration must be positive` (1.29 only). */
  | 'positive-non-zero'
  /** Negative → `--duration must be greater than or equal to 0`; 0 omits the field. */
  | 'non-negative';

/** When `kubectl create token --bound-object-kind Node` is accepted (§7, checked against real binaries). */
export type KubectlNodeBoundTokens = 'never' | 'with-env' | 'always';

/**
 * What kubectl logs to stderr when API discovery cannot reach the server (client-go discovery/cached/memory/memcache.go,
 * through utilruntime.HandleError): nothing before 1.26; `memcache.go:238]` lines in 1.26, `memcache.go:265]` from
 * 1.27, and from 1.31 klog's structured form (`"Unhandled Error" err="…"`).
 */
export type KubectlDiscoveryErrorLog =
  | { kind: 'none' }
  | { kind: 'memcache'; line: number; structured: boolean };

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
  /** `kubectl auth whoami` left alpha (`kubectl alpha auth whoami`) in 1.27. */
  kubectlAuthWhoami: boolean;
  /** The bound-token validator speaks the newer lower-case messages ("service account token has expired"). */
  modernValidatorMessages: boolean;
  /**
   * TokenRequestServiceAccountUIDValidation (beta on 1.34, §8.3.1): a request whose `metadata.uid` is not the
   * ServiceAccount's gets 409. Before 1.34 the generic create handler wiped a client's `metadata.uid`.
   */
  tokenRequestUidValidation: boolean;
  /**
   * The TokenRequest response carries the ServiceAccount's UID in `metadata.uid` (§8.3.1; dated to 1.34 by
   * inference, UNCONFIRMED that it landed with the UID check).
   */
  tokenRequestEchoesServiceAccountUid: boolean;
  /** The kubelet's token cache key includes the request's ServiceAccount UID (§8.6, 1.34). */
  kubeletTokenCacheKeyHasUid: boolean;
  /** `--service-account-signing-endpoint` exists (ExternalServiceAccountTokenSigner alpha, 1.32). */
  externalSignerFlagKnown: boolean;
  /** ExternalServiceAccountTokenSigner is on by default (beta 1.34, GA 1.36; §8.2, §8.10). */
  externalSigner: boolean;
  /** `kubectl describe serviceaccount` prints `Mountable secrets:` and `Tokens:` (removed in kubectl 1.35, §8.8). */
  describeServiceAccountSecrets: boolean;
  /** The server's ServiceAccount table has a SECRETS column (removed in 1.35, §8.8). */
  serviceAccountSecretsColumn: boolean;
  /** The AtomicWriter chowns the user-visible links with Lchown (1.36 fix #137332, §8.7). */
  projectedLinksOwnedByFsUser: boolean;
  /**
   * Pod validation runs a projected token's `path` through `ValidateLocalNonReservedPath` on create (PR #121731,
   * milestone 1.30; before it an absolute or `..` token path was accepted).
   */
  projectedTokenPathMustBeLocal: boolean;
  /**
   * A projection source with two kinds is refused with `may not specify more than 1 volume type per source` rather
   * than `… 1 volume type` (PR #125940, approved 2024-07-17, after the 1.31 ImageVolume change that still has the old
   * text; dated to 1.32 by inference, UNCONFIRMED).
   */
  projectionKindsMessagePerSource: boolean;
  kubectlDurationCheck: KubectlDurationCheck;
  kubectlNodeBoundTokens: KubectlNodeBoundTokens;
  kubectlDiscoveryErrorLog: KubectlDiscoveryErrorLog;
}

/**
 * The first minor release with each behaviour on by default. `kubectl create token` checks are kubectl's own and
 * keyed by the flow's version too, because a flow's kubectl is the one that shipped with its cluster.
 */
const SINCE = {
  boundTokenVolume: 21,
  legacyTokenTracking: 27,
  legacyTokenCleanUp: 29,
  tokenJti: 30,
  podNodeInfo: 30,
  nodeKindKnown: 29,
  nodeBinding: 31,
  nodeBindingValidation: 30,
  kubectlCreateToken: 24,
  kubectlAuthWhoami: 27,
  /**
   * First minor version whose `pkg/serviceaccount/claims.go` returns "service account token has expired" instead of
   * "Token has expired.". docs/kubernetes-facts.md §5 places the old wording at "≤ ~1.2x"; see docs/modelling.md.
   */
  modernValidatorMessages: 21,
  tokenRequestUidValidation: 34,
  tokenRequestEchoesServiceAccountUid: 34,
  kubeletTokenCacheKeyHasUid: 34,
  externalSignerFlagKnown: 32,
  externalSigner: 34,
  projectedLinksOwnedByFsUser: 36,
  projectedTokenPathMustBeLocal: 30,
  projectionKindsMessagePerSource: 32,
} as const satisfies Partial<Record<keyof VersionBehaviour, number>>;

/** The first minor release without each behaviour. */
const UNTIL = {
  autoGenerateLegacySecrets: 24,
  describeServiceAccountSecrets: 35,
  serviceAccountSecretsColumn: 35,
} as const satisfies Partial<Record<keyof VersionBehaviour, number>>;

/**
 * kubectl's `--duration` check: `must be positive` up to 1.29 (1.29 also refusing 0), `must be greater than or equal
 * to 0` from 1.30 (real binaries 1.27–1.33). 1.24–1.26 were not run; they are taken to match 1.27.
 */
function kubectlDurationCheck(m: number): KubectlDurationCheck {
  if (m >= 30) return 'non-negative';
  return m === 29 ? 'positive-non-zero' : 'positive';
}

/** `KUBECTL_NODE_BOUND_TOKENS=true` opens the Node kind on 1.29–1.30; from 1.31 it is always there (§7). */
function kubectlNodeBoundTokens(m: number): KubectlNodeBoundTokens {
  if (m >= 31) return 'always';
  return m >= 29 ? 'with-env' : 'never';
}

function kubectlDiscoveryErrorLog(m: number): KubectlDiscoveryErrorLog {
  if (m < 26) return { kind: 'none' };
  return { kind: 'memcache', line: m === 26 ? 238 : 265, structured: m >= 31 };
}

const behaviourCache = new Map<KubernetesVersion, VersionBehaviour>();

/** The last version asked about: the kubelet asks several times per token, for the same cluster, in a long run. */
let last: { version: KubernetesVersion; behaviour: VersionBehaviour } | undefined;

export function versionBehaviour(version: KubernetesVersion): VersionBehaviour {
  if (last?.version === version) return last.behaviour;
  let behaviour = behaviourCache.get(version);
  if (!behaviour) {
    behaviour = Object.freeze(computeBehaviour(version));
    behaviourCache.set(version, behaviour);
  }
  last = { version, behaviour };
  return behaviour;
}

function computeBehaviour(version: KubernetesVersion): VersionBehaviour {
  const m = minor(version);
  const since = Object.fromEntries(Object.entries(SINCE).map(([key, first]) => [key, m >= first])) as Record<keyof typeof SINCE, boolean>;
  const until = Object.fromEntries(Object.entries(UNTIL).map(([key, gone]) => [key, m < gone])) as Record<keyof typeof UNTIL, boolean>;
  return {
    ...since,
    ...until,
    kubectlDurationCheck: kubectlDurationCheck(m),
    kubectlNodeBoundTokens: kubectlNodeBoundTokens(m),
    kubectlDiscoveryErrorLog: kubectlDiscoveryErrorLog(m),
  };
}
