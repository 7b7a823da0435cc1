/**
 * The engine's mutable state, as plain data. A snapshot is a deep copy of `EngineState` plus the lengths of the two
 * append-only logs (tokens and events), which is what makes seeking cheap even after a month of simulated time.
 */
import type { ConfigMap, Namespace, Node, Pod, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import type { ApiServerFlags, ClientReads, SigningAlgorithm } from '../scenario/scenario-types.ts';
import type { KubernetesVersion } from '../model/versions.ts';
import type { EventQueue } from '../sim/event-queue.ts';
import type { PrngState } from '../sim/prng.ts';
import type { JwtHeader, TokenClaims } from '../jwt/jwt-types.ts';

export type Action =
  | { kind: 'step'; index: number }
  | { kind: 'pod-sync'; flow: string; podUid: string; generation: number }
  | { kind: 'pod-terminated'; flow: string; podUid: string }
  | { kind: 'pod-leeway-end'; flow: string; podUid: string }
  | { kind: 'token-expiry'; token: number }
  | { kind: 'actor-call'; actor: string }
  | { kind: 'legacy-cleaner'; flow: string }
  | { kind: 'signer-key-sync'; flow: string };

/** An issued token. Immutable once pushed to the token log. */
export interface TokenRecord {
  index: number;
  flow: string;
  /** 1-based per flow, for people ("token #3"). */
  number: number;
  kind: 'legacy' | 'bound';
  header: JwtHeader;
  claims: TokenClaims;
  issuedAtMs: number;
  namespace: string;
  serviceAccount: string;
  serviceAccountUid: string;
  /** Bound tokens: spec.expirationSeconds after defaulting and clamping. */
  expirationSec?: number;
  /** Bound tokens: status.expirationTimestamp (what the kubelet ages the token by). */
  statusExpirationMs?: number;
  /** Bound tokens: JWT exp in simulated ms. */
  jwtExpiresAtMs?: number;
  /** Bound tokens: warnafter in simulated ms, when the 3607 s extension applied. */
  warnAfterMs?: number;
  audiences: string[];
  boundObject?: { kind: 'Pod' | 'Secret' | 'Node'; name: string; uid: string };
  /** Legacy tokens: the Secret that holds it. */
  secretName?: string;
  /** Pool index of the key that signed it. */
  keyIndex: number;
}

/** The user an authenticator returns (`staging/src/k8s.io/apiserver/pkg/authentication/serviceaccount/util.go`). */
export interface AuthenticatedUser {
  username: string;
  uid: string;
  groups: string[];
  extra: Record<string, string[]>;
  audiences: string[];
}

export interface SecretState {
  object: Secret;
  /** For service-account-token Secrets: the token the tokens controller put in `data.token`. */
  tokenIndex?: number;
}

export interface PodState {
  object: Pod;
  running: boolean;
  /** Files of each mounted volume: path → content. Token files hold `{ token }`, others text. */
  volumes: Record<string, MountedVolume>;
  lastMountError?: string;
}

export type FileContent = { token: number } | { text: string };

export interface MountedVolume {
  /** The current `..data` target, e.g. `..2025_01_06_09_00_01.000000001`. */
  readonly dataDir: string;
  readonly files: Record<string, FileContent>;
}

/** The kubelet token manager's cache entry (a TokenRequest as returned by the API server). */
export interface CachedTokenRequest {
  token: number;
  expirationSec?: number;
  statusExpirationMs: number;
  boundPodUid?: string;
}

export interface KubeletState {
  nodeName: string;
  up: boolean;
  /** Bumped on every stop so that actions scheduled by an earlier run of the kubelet are ignored. */
  generation: number;
  tokenCache: Record<string, CachedTokenRequest>;
  /** When the current kubelet process started; its cache sweeps tick every minute from here. */
  startedAtMs: number;
}

export interface SigningKeyRef {
  poolIndex: number;
  kid: string;
}

/** An external JWT signer and what it answers (see api-server/external-signer.ts). */
export interface ExternalSignerState {
  /** `Metadata()`: the longest token lifetime it signs. */
  maxTokenExpirationSec: number;
  /** `FetchKeys()`: when kube-apiserver should ask again. */
  refreshHintSec: number;
  /** Keys made so far, to name the next one. */
  keysMade: number;
  /** kube-controller-manager's key for legacy Secret tokens, which the signer stitches into its key set. */
  legacyKey: SigningKeyRef;
  /** What `FetchKeys()` returns now. */
  offeredKeys: SigningKeyRef[];
}

/** What kube-apiserver's ServiceAccount token flags came to at start-up (options.go Complete). */
export interface TokenOptionsState {
  /** `MaxExpiration` (0: no cap); an external signer's maximum when the flag is unset. */
  maxExpirationSec: number;
  /** `MaxExtendedExpiration`: JWT lifetime of an extended 3607 s token. */
  maxExtendedExpirationSec: number;
}

export interface ClusterState {
  id: string;
  label: string;
  version: KubernetesVersion;
  flags: ApiServerFlags;
  algorithm: SigningAlgorithm;
  apiServerUp: boolean;
  resourceVersion: number;
  namespaces: Record<string, Namespace>;
  serviceAccounts: Record<string, ServiceAccount>;
  secrets: Record<string, SecretState>;
  pods: Record<string, PodState>;
  /** pod UID → `namespace/name`, since the kubelet and token claims name pods by UID. */
  podKeysByUid: Record<string, string>;
  nodes: Record<string, Node>;
  configMaps: Record<string, ConfigMap>;
  tokenOptions: TokenOptionsState;
  /** The key bound tokens are signed with (the signer's current key, with an external signer). */
  signingKey: SigningKeyRef;
  /** The keys kube-apiserver verifies with and publishes (with an external signer: its cache of FetchKeys). */
  verifyingKeys: SigningKeyRef[];
  externalSigner?: ExternalSignerState;
  kubelet: KubeletState;
  /** TokenSuccessCacheTTL: `token|audiences` → a success served from cache until `untilMs`. */
  authSuccessCache: Record<string, { untilMs: number; user: AuthenticatedUser }>;
  tokenCount: number;
}

export interface ActorState {
  name: string;
  kind: 'client' | 'attacker';
  flow: string;
  namespace: string;
  pod: string;
  file: string;
  target: string;
  reads: ClientReads;
  everyMs: number;
  heldToken?: number;
  lastReadMs?: number;
  stopped: boolean;
}

export interface EngineState {
  nowMs: number;
  prng: PrngState;
  queue: EventQueue<Action>;
  flows: Record<string, ClusterState>;
  actors: Record<string, ActorState>;
  /** Next signing-key pool slot to hand out (keys never repeat across flows until the pool wraps). */
  nextKeySlot: number;
}

/**
 * `namespace/name`, the key of the records above. Made once per pair and kept: the engine looks objects up by name on
 * every sync, and a new string each time would be built, flattened and hashed anew.
 */
export function objectKey(namespace: string, name: string): string {
  let byName = objectKeys.get(namespace);
  if (!byName) {
    byName = new Map();
    objectKeys.set(namespace, byName);
  }
  let key = byName.get(name);
  if (key === undefined) {
    key = `${namespace}/${name}`;
    if (byName.size < MAX_KEYS_PER_NAMESPACE) byName.set(name, key);
  }
  return key;
}

const objectKeys = new Map<string, Map<string, string>>();
/** Names are few (a scenario has at most a few hundred objects); a flood of names typed in the console is not kept. */
const MAX_KEYS_PER_NAMESPACE = 10_000;
