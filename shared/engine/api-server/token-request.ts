/**
 * The TokenRequest subresource: `POST /api/v1/namespaces/{ns}/serviceaccounts/{name}/token`
 * (`pkg/registry/core/serviceaccount/storage/token.go` Create, docs/kubernetes-facts.md §3 and §8.3). The order of
 * the checks below is the order of the upstream function, because the first failing check decides the message a
 * user sees.
 */
import { versionBehaviour } from '../../model/versions.ts';
import { nextUint32 } from '../../sim/prng.ts';
import { numericDate, type EngineContext } from '../engine-context.ts';
import { objectKey, type ClusterState, type TokenRecord } from '../engine-state.ts';
import { recordBoundToken, type TokenLog, type TokenProfile } from '../token-log.ts';
import { type ApiError, type ApiResult, API_SERVER_URL, connectionRefused, notFound } from './api-error.ts';
import { WARN_ONLY_BOUND_TOKEN_EXPIRATION_SEC } from './service-account-token-options.ts';

export { EXPIRATION_EXTENSION_SEC, WARN_ONLY_BOUND_TOKEN_EXPIRATION_SEC } from './service-account-token-options.ts';
/** `SetDefaultsTokenRequestSpec`: an unset expirationSeconds becomes one hour. */
export const DEFAULT_TOKEN_REQUEST_EXPIRATION_SEC = 60 * 60;
/** `MinTokenAgeSec` in pkg/apis/authentication/validation. */
export const MIN_TOKEN_EXPIRATION_SEC = 10 * 60;
export const MAX_TOKEN_EXPIRATION_SEC = 2 ** 32;

/** Most requests warn of nothing: they share one empty list of warnings (frozen, so nobody adds to it). */
const NO_WARNINGS = Object.freeze([]) as unknown as string[];

export interface TokenRequestSpec {
  audiences?: string[];
  expirationSeconds?: number;
  boundObjectRef?: { kind: string; apiVersion?: string; name: string; uid?: string };
}

export interface TokenRequestInput {
  namespace: string;
  serviceAccount: string;
  /** The request body's `metadata.uid`: the ServiceAccount UID the client believes in (kubectl never sends one). */
  uid?: string;
  spec: TokenRequestSpec;
}

export interface TokenRequestResponse {
  /** The response's `metadata` (the ServiceAccount's name and namespace, its UID from 1.34, creation time now). */
  metadata: { name: string; namespace: string; uid?: string; creationTimestampMs: number };
  /** The issued token's index in the token log. */
  tokenIndex: number;
  /** The issued token as a record (built when read). */
  readonly token: TokenRecord;
  /** Defaulted and clamped spec.expirationSeconds. */
  expirationSec: number;
  statusExpirationMs: number;
  /** JWT exp − iat: the clamped lifetime, or one year when the extension applied. */
  jwtLifetimeSec: number;
  extended: boolean;
}

/** The audiences a token gets when the request names none: `--api-audiences`, else every issuer. */
export function apiAudiences(cluster: ClusterState): string[] {
  return cluster.flags.apiAudiences.length > 0 ? cluster.flags.apiAudiences : cluster.flags.issuers;
}

function isKubeAudiences(cluster: ClusterState, audiences: string[]): boolean {
  const api = apiAudiences(cluster);
  for (const audience of audiences) if (!api.includes(audience)) return false;
  return true;
}

function invalid(value: number, detail: string): ApiError {
  return {
    status: 422,
    reason: 'Invalid',
    field: 'spec.expirationSeconds',
    message: `TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: ${value}: ${detail}`,
  };
}

/** `ValidateTokenRequest` (pkg/apis/authentication/validation/validation.go). */
export function validateExpirationSeconds(expirationSec: number): ApiError | undefined {
  if (expirationSec < MIN_TOKEN_EXPIRATION_SEC) return invalid(expirationSec, 'may not specify a duration less than 10 minutes');
  if (expirationSec > MAX_TOKEN_EXPIRATION_SEC) return invalid(expirationSec, 'may not specify a duration larger than 2^32 seconds');
  return undefined;
}

type BoundObject = NonNullable<TokenRecord['boundObject']>;

interface BindingResult {
  bound?: BoundObject;
  podNode?: { name: string; uid?: string };
}

function uidConflict(kind: string, name: string, refUid: string): ApiError {
  return {
    status: 409,
    reason: 'Conflict',
    message: `Operation cannot be fulfilled on ${kind} "${name}": the UID in the bound object reference (${refUid}) does not match the UID in record. The object might have been deleted and then recreated`,
  };
}

/** A bound object reference that names a UID must name the object's current one. */
function boundUidConflict(ref: NonNullable<TokenRequestSpec['boundObjectRef']>, kind: BoundObject['kind'], uid: string | undefined): ApiError | undefined {
  return ref.uid && uid !== ref.uid ? uidConflict(kind, ref.name, ref.uid) : undefined;
}

function unsupportedBinding(group: string, version: string, kind: string): ApiResult<BindingResult> {
  return { ok: false, error: { status: 400, reason: 'BadRequest', message: `cannot bind token to object of type ${group}/${version}, Kind=${kind}` } };
}

function resolveBoundObject(cluster: ClusterState, input: TokenRequestInput): ApiResult<BindingResult> {
  const ref = input.spec.boundObjectRef;
  if (!ref) return { ok: true, value: {}, warnings: NO_WARNINGS };
  const behaviour = versionBehaviour(cluster.version);
  const apiVersion = ref.apiVersion ?? '';
  const grouped = apiVersion.includes('/');
  const group = grouped ? apiVersion.split('/')[0]! : '';
  const version = grouped ? apiVersion.split('/')[1]! : apiVersion;
  if (group !== '') return unsupportedBinding(group, version, ref.kind);
  if (ref.kind === 'Pod') {
    const pod = cluster.pods[objectKey(input.namespace, ref.name)];
    if (!pod) return { ok: false, error: notFound('pods', ref.name) };
    if (input.serviceAccount !== (pod.object.spec?.serviceAccountName ?? 'default')) {
      return {
        ok: false,
        error: {
          status: 400,
          reason: 'BadRequest',
          message: `cannot bind token for serviceaccount "${input.serviceAccount}" to pod running with different serviceaccount name.`,
        },
      };
    }
    const uid = pod.object.metadata?.uid ?? '';
    const conflict = boundUidConflict(ref, 'Pod', uid);
    if (conflict) return { ok: false, error: conflict };
    let podNode: BindingResult['podNode'];
    const nodeName = pod.object.spec?.nodeName;
    if (behaviour.podNodeInfo && nodeName) {
      // A missing Node still embeds its name: the token must not fail because the node object is gone.
      podNode = { name: nodeName, uid: cluster.nodes[nodeName]?.metadata?.uid };
    }
    return { ok: true, value: { bound: { kind: 'Pod', name: ref.name, uid }, podNode }, warnings: NO_WARNINGS };
  }
  if (ref.kind === 'Secret') {
    const secret = cluster.secrets[objectKey(input.namespace, ref.name)];
    if (!secret) return { ok: false, error: notFound('secrets', ref.name) };
    const uid = secret.object.metadata?.uid ?? '';
    const conflict = boundUidConflict(ref, 'Secret', uid);
    if (conflict) return { ok: false, error: conflict };
    return { ok: true, value: { bound: { kind: 'Secret', name: ref.name, uid } }, warnings: NO_WARNINGS };
  }
  if (ref.kind === 'Node' && behaviour.nodeKindKnown) {
    if (!behaviour.nodeBinding) {
      return {
        ok: false,
        error: {
          status: 400,
          reason: 'BadRequest',
          message: 'cannot bind token to a Node object as the "ServiceAccountTokenNodeBinding" feature-gate is disabled',
        },
      };
    }
    const node = cluster.nodes[ref.name];
    if (!node) return { ok: false, error: notFound('nodes', ref.name) };
    const uid = node.metadata?.uid ?? '';
    const conflict = boundUidConflict(ref, 'Node', uid);
    if (conflict) return { ok: false, error: conflict };
    return { ok: true, value: { bound: { kind: 'Node', name: ref.name, uid } }, warnings: NO_WARNINGS };
  }
  return unsupportedBinding(group, version, ref.kind);
}

/**
 * Claims are immutable once minted, so the `{name, uid}` references and headers that thousands of tokens repeat are
 * shared rather than copied: a week of a thousand pods rotating hourly mints about a hundred thousand tokens.
 */
const refCache = new Map<string, { name: string; uid?: string }>();
function sharedRef(name: string, uid: string | undefined): { name: string; uid?: string } {
  const key = `${name}\u0000${uid ?? ''}`;
  let ref = refCache.get(key);
  if (!ref) {
    ref = Object.freeze(uid ? { name, uid } : { name });
    if (refCache.size > 100_000) refCache.clear();
    refCache.set(key, ref);
  }
  return ref;
}

const usernameCache = new Map<string, string>();
/** `apiserverserviceaccount.MakeUsername`: `system:serviceaccount:<namespace>:<name>`. */
export function serviceAccountUsername(namespace: string, name: string): string {
  const key = `${namespace}/${name}`;
  let username = usernameCache.get(key);
  if (username === undefined) {
    username = `system:serviceaccount:${namespace}:${name}`;
    if (usernameCache.size > 100_000) usernameCache.clear();
    usernameCache.set(key, username);
  }
  return username;
}

const boundObjectCache = new Map<string, BoundObject>();
function sharedBoundObject(bound: BoundObject): BoundObject {
  const key = `${bound.kind}/${bound.name}/${bound.uid}`;
  let shared = boundObjectCache.get(key);
  if (!shared) {
    shared = Object.freeze({ ...bound });
    if (boundObjectCache.size > 100_000) boundObjectCache.clear();
    boundObjectCache.set(key, shared);
  }
  return shared;
}

const headerCache = new Map<string, TokenRecord['header']>();
/** The header returned last: a flow signs thousands of tokens in a row with one key. */
let lastHeader: TokenRecord['header'] | undefined;
/** `typ: JWT` only for an external signer's header (§8.4); kube-apiserver's own go-jose signer writes none. */
export function sharedHeader(alg: TokenRecord['header']['alg'], kid: string, typ?: 'JWT'): TokenRecord['header'] {
  if (lastHeader && lastHeader.alg === alg && lastHeader.kid === kid && lastHeader.typ === typ) return lastHeader;
  const key = `${alg}:${kid}:${typ ?? ''}`;
  let header = headerCache.get(key);
  if (!header) {
    header = Object.freeze(typ === undefined ? { alg, kid } : { alg, kid, typ });
    headerCache.set(key, header);
  }
  lastHeader = header;
  return header;
}

/**
 * 1.34's check of the request's `metadata.uid` against the ServiceAccount (gate TokenRequestServiceAccountUIDValidation,
 * §8.3.1), made before defaulting and validation. Before 1.34 the generic create handler wiped a client's
 * `metadata.uid`, so it never reached token.go.
 */
export function serviceAccountUidConflict(cluster: ClusterState, input: TokenRequestInput, saUid: string): ApiError | undefined {
  if (!versionBehaviour(cluster.version).tokenRequestUidValidation || !input.uid || input.uid === saUid) return undefined;
  return {
    status: 409,
    reason: 'Conflict',
    message: `Operation cannot be fulfilled on TokenRequest.authentication.k8s.io "${input.serviceAccount}": the UID in the token request (${input.uid}) does not match the UID of the service account (${saUid})`,
  };
}

/**
 * The profile a bound token is recorded under: everything its claims and record share with the tokens issued before
 * for the same bound object under the same key, ServiceAccount, audiences and issuer. Built once per combination.
 */
function tokenProfileId(
  ctx: EngineContext,
  cluster: ClusterState,
  input: TokenRequestInput,
  saUid: string,
  audiences: string[],
  bound: BoundObject | undefined,
  podNode: BindingResult['podNode'],
  jti: boolean,
): number {
  const header = sharedHeader(cluster.algorithm, cluster.signingKey.kid, cluster.externalSigner ? 'JWT' : undefined);
  const iss = cluster.flags.issuers[0] ?? '';
  const node = podNode ?? (bound?.kind === 'Node' ? bound : undefined);
  const log = ctx.tokenLog;
  const memo = profileMemos.get(input);
  if (
    memo !== undefined && memo.log === log && memo.flow === cluster.id && memo.header === header && memo.iss === iss &&
    memo.jti === jti && memo.saUid === saUid && sameStrings(memo.audiences, audiences) && memo.boundKind === bound?.kind &&
    memo.boundName === bound?.name && memo.boundUid === bound?.uid && memo.nodeName === node?.name && memo.nodeUid === (node?.uid || undefined)
  ) return memo.id;
  const id = findOrAddProfile(log, cluster, input, header, iss, saUid, audiences, bound, node, jti);
  profileMemos.set(input, {
    id, log, flow: cluster.id, header, iss, jti, saUid, audiences,
    boundKind: bound?.kind, boundName: bound?.name, boundUid: bound?.uid, nodeName: node?.name, nodeUid: node?.uid || undefined,
  });
  return id;
}

/**
 * The profile a request was last recorded under, with everything that chose it (the request fixes its namespace and
 * ServiceAccount): the kubelet asks for the same pod's token again and again, and comparing these few values costs
 * less than reaching into the profile's own objects, which have long left the CPU's caches by the next refresh.
 */
interface ProfileMemo {
  id: number;
  log: TokenLog;
  flow: string;
  header: TokenRecord['header'];
  iss: string;
  jti: boolean;
  saUid: string;
  audiences: string[];
  boundKind: string | undefined;
  boundName: string | undefined;
  boundUid: string | undefined;
  nodeName: string | undefined;
  nodeUid: string | undefined;
}
const profileMemos = new WeakMap<TokenRequestInput, ProfileMemo>();

function findOrAddProfile(
  log: TokenLog,
  cluster: ClusterState,
  input: TokenRequestInput,
  header: TokenRecord['header'],
  iss: string,
  saUid: string,
  audiences: string[],
  bound: BoundObject | undefined,
  node: { name: string; uid?: string | undefined } | undefined,
  jti: boolean,
): number {
  const anchor = bound?.uid ?? '';
  for (const id of log.profilesAt(anchor)) {
    const p = log.profile(id);
    if (
      p.flow === cluster.id && p.header === header && p.iss === iss && p.jti === jti &&
      p.namespace === input.namespace && p.serviceAccount === input.serviceAccount && p.serviceAccountUid === saUid &&
      sameStrings(p.audiences, audiences) && sameBound(p.boundObject, bound) &&
      p.nodeRef?.name === node?.name && p.nodeRef?.uid === (node?.uid || undefined)
    ) return id;
  }
  const profile: TokenProfile = {
    flow: cluster.id,
    kind: 'bound',
    header,
    namespace: input.namespace,
    serviceAccount: input.serviceAccount,
    serviceAccountUid: saUid,
    audiences,
    ...(bound ? { boundObject: sharedBoundObject(bound) } : {}),
    iss,
    sub: serviceAccountUsername(input.namespace, input.serviceAccount),
    // A ServiceAccount always has a UID, so the shared reference always carries one.
    serviceAccountRef: sharedRef(input.serviceAccount, saUid) as { name: string; uid: string },
    ...(bound?.kind === 'Pod' ? { podRef: sharedRef(bound.name, bound.uid) } : {}),
    ...(bound?.kind === 'Secret' ? { secretRef: sharedRef(bound.name, bound.uid) } : {}),
    ...(node ? { nodeRef: sharedRef(node.name, node.uid) } : {}),
    jti,
  };
  return log.addProfile(anchor, profile);
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameBound(a: BoundObject | undefined, b: BoundObject | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.kind === b.kind && a.name === b.name && a.uid === b.uid);
}

export function createTokenRequest(ctx: EngineContext, cluster: ClusterState, input: TokenRequestInput): ApiResult<TokenRequestResponse> {
  if (!cluster.apiServerUp) {
    return {
      ok: false,
      error: connectionRefused(`${API_SERVER_URL}/api/v1/namespaces/${input.namespace}/serviceaccounts/${input.serviceAccount}/token`),
    };
  }
  const sa = cluster.serviceAccounts[objectKey(input.namespace, input.serviceAccount)];
  if (!sa) return { ok: false, error: notFound('serviceaccounts', input.serviceAccount) };
  const saUid = sa.metadata?.uid ?? '';
  const uidConflict = serviceAccountUidConflict(cluster, input, saUid);
  if (uidConflict) return { ok: false, error: uidConflict };

  const audiences = input.spec.audiences && input.spec.audiences.length > 0 ? input.spec.audiences : apiAudiences(cluster);
  let expirationSec = input.spec.expirationSeconds ?? DEFAULT_TOKEN_REQUEST_EXPIRATION_SEC;
  const invalidExpiration = validateExpirationSeconds(expirationSec);
  if (invalidExpiration) return { ok: false, error: invalidExpiration };

  const binding = resolveBoundObject(cluster, input);
  if (!binding.ok) return binding;
  const { bound, podNode } = binding.value;

  let warnings = NO_WARNINGS;
  const maxSec = cluster.tokenOptions.maxExpirationSec;
  if (maxSec > 0 && expirationSec > maxSec) {
    warnings = [`requested expiration of ${expirationSec} seconds shortened to ${maxSec} seconds`];
    expirationSec = maxSec;
  }

  // The extension runs after the clamp: a 1 h cap turns 3607 into 3600, which no longer qualifies.
  const extended =
    cluster.flags.extendTokenExpiration &&
    bound?.kind === 'Pod' &&
    expirationSec === WARN_ONLY_BOUND_TOKEN_EXPIRATION_SEC &&
    isKubeAudiences(cluster, audiences);
  const jwtLifetimeSec = extended ? cluster.tokenOptions.maxExtendedExpirationSec : expirationSec;

  const nowMs = ctx.state.nowMs;
  const iat = numericDate(ctx, nowMs);
  const nowWholeSecMs = (iat * 1000) - ctx.scenario.startEpochMs;
  const behaviour = versionBehaviour(cluster.version);
  const profileId = tokenProfileId(ctx, cluster, input, sa.metadata?.uid ?? '', audiences, bound, podNode, behaviour.tokenJti);
  const token = recordBoundToken(ctx, cluster, profileId, {
    issuedAtMs: nowMs,
    expirationSec,
    // status.expirationTimestamp is now + the clamped (never the extended) lifetime, in whole seconds on the wire.
    statusExpirationMs: nowWholeSecMs + expirationSec * 1000,
    jwtExpiresAtMs: nowWholeSecMs + jwtLifetimeSec * 1000,
    warnAfterMs: extended ? nowWholeSecMs + expirationSec * 1000 : undefined,
    keyIndex: cluster.signingKey.poolIndex,
    iat,
    exp: iat + jwtLifetimeSec,
  });
  if (behaviour.tokenJti) {
    // The jti's four draws, in the order nextUid takes them (nothing else draws in between); the UID is spelled when
    // the token is read.
    const prng = ctx.state.prng;
    ctx.tokenLog.setJti(token, nextUint32(prng), nextUint32(prng), nextUint32(prng), nextUint32(prng));
  }
  const metadata = behaviour.tokenRequestEchoesServiceAccountUid
    ? { name: input.serviceAccount, namespace: input.namespace, uid: saUid, creationTimestampMs: nowWholeSecMs }
    : { name: input.serviceAccount, namespace: input.namespace, creationTimestampMs: nowWholeSecMs };
  return {
    ok: true,
    value: new IssuedToken(ctx.tokenLog, token, metadata, expirationSec, nowWholeSecMs + expirationSec * 1000, jwtLifetimeSec, extended),
    warnings,
  };
}

/** A successful TokenRequest's response; the token's record is built only if someone reads it. */
class IssuedToken implements TokenRequestResponse {
  constructor(
    private readonly log: TokenLog,
    readonly tokenIndex: number,
    readonly metadata: TokenRequestResponse['metadata'],
    readonly expirationSec: number,
    readonly statusExpirationMs: number,
    readonly jwtLifetimeSec: number,
    readonly extended: boolean,
  ) {}

  get token(): TokenRecord {
    return this.log.get(this.tokenIndex);
  }
}
