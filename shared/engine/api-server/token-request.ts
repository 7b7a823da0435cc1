/**
 * The TokenRequest subresource: `POST /api/v1/namespaces/{ns}/serviceaccounts/{name}/token`
 * (`pkg/registry/core/serviceaccount/storage/token.go` Create, k8s-token-facts.md §3). The order of the checks
 * below is the order of the upstream function, because the first failing check decides the message a user sees.
 */
import type { BoundClaims } from '../../jwt/jwt-types.ts';
import { versionBehaviour } from '../../model/versions.ts';
import { nextUid } from '../../sim/prng.ts';
import { numericDate, type EngineContext } from '../engine-context.ts';
import { objectKey, type ClusterState, type TokenRecord } from '../engine-state.ts';
import { recordToken } from '../token-log.ts';
import { type ApiError, type ApiResult, API_SERVER_URL, connectionRefused, notFound } from './api-error.ts';

/** `serviceaccount.WarnOnlyBoundTokenExpirationSeconds` (pkg/serviceaccount/claims.go). */
export const WARN_ONLY_BOUND_TOKEN_EXPIRATION_SEC = 60 * 60 + 7;
/** `serviceaccount.ExpirationExtensionSeconds`: one year. */
export const EXPIRATION_EXTENSION_SEC = 24 * 365 * 60 * 60;
/** `SetDefaultsTokenRequestSpec`: an unset expirationSeconds becomes one hour. */
export const DEFAULT_TOKEN_REQUEST_EXPIRATION_SEC = 60 * 60;
/** `MinTokenAgeSec` in pkg/apis/authentication/validation. */
export const MIN_TOKEN_EXPIRATION_SEC = 10 * 60;
export const MAX_TOKEN_EXPIRATION_SEC = 2 ** 32;

export interface TokenRequestSpec {
  audiences?: string[];
  expirationSeconds?: number;
  boundObjectRef?: { kind: string; apiVersion?: string; name: string; uid?: string };
}

export interface TokenRequestInput {
  namespace: string;
  serviceAccount: string;
  spec: TokenRequestSpec;
}

export interface TokenRequestResponse {
  token: TokenRecord;
  /** Defaulted and clamped spec.expirationSeconds. */
  expirationSec: number;
  statusExpirationMs: number;
  extended: boolean;
}

/** The audiences a token gets when the request names none: `--api-audiences`, else every issuer. */
export function apiAudiences(cluster: ClusterState): string[] {
  return cluster.flags.apiAudiences.length > 0 ? cluster.flags.apiAudiences : cluster.flags.issuers;
}

function isKubeAudiences(cluster: ClusterState, audiences: string[]): boolean {
  const api = apiAudiences(cluster);
  return audiences.every((a) => api.includes(a));
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

function resolveBoundObject(cluster: ClusterState, input: TokenRequestInput): ApiResult<BindingResult> {
  const ref = input.spec.boundObjectRef;
  if (!ref) return { ok: true, value: {}, warnings: [] };
  const behaviour = versionBehaviour(cluster.version);
  const group = (ref.apiVersion ?? '').includes('/') ? (ref.apiVersion ?? '').split('/')[0] : '';
  const version = (ref.apiVersion ?? '').includes('/') ? (ref.apiVersion ?? '').split('/')[1] : ref.apiVersion ?? '';
  const unsupported = (): ApiResult<BindingResult> => ({
    ok: false,
    error: { status: 400, reason: 'BadRequest', message: `cannot bind token to object of type ${group}/${version}, Kind=${ref.kind}` },
  });
  if (group !== '') return unsupported();
  const check = (kind: BoundObject['kind'], uid: string | undefined): ApiError | undefined =>
    ref.uid && uid !== ref.uid ? uidConflict(kind, ref.name, ref.uid) : undefined;

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
    const conflict = check('Pod', uid);
    if (conflict) return { ok: false, error: conflict };
    let podNode: BindingResult['podNode'];
    const nodeName = pod.object.spec?.nodeName;
    if (behaviour.podNodeInfo && nodeName) {
      // A missing Node still embeds its name: the token must not fail because the node object is gone.
      podNode = { name: nodeName, uid: cluster.nodes[nodeName]?.metadata?.uid };
    }
    return { ok: true, value: { bound: { kind: 'Pod', name: ref.name, uid }, podNode }, warnings: [] };
  }
  if (ref.kind === 'Secret') {
    const secret = cluster.secrets[objectKey(input.namespace, ref.name)];
    if (!secret) return { ok: false, error: notFound('secrets', ref.name) };
    const uid = secret.object.metadata?.uid ?? '';
    const conflict = check('Secret', uid);
    if (conflict) return { ok: false, error: conflict };
    return { ok: true, value: { bound: { kind: 'Secret', name: ref.name, uid } }, warnings: [] };
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
    const conflict = check('Node', uid);
    if (conflict) return { ok: false, error: conflict };
    return { ok: true, value: { bound: { kind: 'Node', name: ref.name, uid } }, warnings: [] };
  }
  return unsupported();
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

  const audiences = input.spec.audiences && input.spec.audiences.length > 0 ? input.spec.audiences : apiAudiences(cluster);
  let expirationSec = input.spec.expirationSeconds ?? DEFAULT_TOKEN_REQUEST_EXPIRATION_SEC;
  const invalidExpiration = validateExpirationSeconds(expirationSec);
  if (invalidExpiration) return { ok: false, error: invalidExpiration };

  const binding = resolveBoundObject(cluster, input);
  if (!binding.ok) return binding;
  const { bound, podNode } = binding.value;

  const warnings: string[] = [];
  const maxSec = cluster.flags.maxTokenExpirationSec;
  if (maxSec > 0 && expirationSec > maxSec) {
    warnings.push(`requested expiration of ${expirationSec} seconds shortened to ${maxSec} seconds`);
    expirationSec = maxSec;
  }

  // The extension runs after the clamp: a 1 h cap turns 3607 into 3600, which no longer qualifies.
  const extended =
    cluster.flags.extendTokenExpiration &&
    bound?.kind === 'Pod' &&
    expirationSec === WARN_ONLY_BOUND_TOKEN_EXPIRATION_SEC &&
    isKubeAudiences(cluster, audiences);
  const jwtLifetimeSec = extended ? EXPIRATION_EXTENSION_SEC : expirationSec;

  const nowMs = ctx.state.nowMs;
  const iat = numericDate(ctx, nowMs);
  const nowWholeSecMs = (iat * 1000) - ctx.scenario.startEpochMs;
  const behaviour = versionBehaviour(cluster.version);
  const privateClaims: BoundClaims['kubernetes.io'] = {
    namespace: input.namespace,
    serviceaccount: { name: input.serviceAccount, uid: sa.metadata?.uid ?? '' },
  };
  if (bound?.kind === 'Pod') privateClaims.pod = { name: bound.name, uid: bound.uid };
  if (bound?.kind === 'Secret') privateClaims.secret = { name: bound.name, uid: bound.uid };
  if (bound?.kind === 'Node') privateClaims.node = { name: bound.name, uid: bound.uid };
  if (podNode) privateClaims.node = podNode.uid ? { name: podNode.name, uid: podNode.uid } : { name: podNode.name };
  if (extended) privateClaims.warnafter = iat + expirationSec;

  const claims: BoundClaims = {
    aud: audiences,
    exp: iat + jwtLifetimeSec,
    iat,
    iss: cluster.flags.issuers[0] ?? '',
    ...(behaviour.tokenJti ? { jti: nextUid(ctx.state.prng) } : {}),
    'kubernetes.io': privateClaims,
    nbf: iat,
    sub: `system:serviceaccount:${input.namespace}:${input.serviceAccount}`,
  };

  const token = recordToken(ctx, cluster, {
    flow: cluster.id,
    kind: 'bound',
    header: { alg: cluster.algorithm, kid: cluster.signingKey.kid },
    claims,
    issuedAtMs: nowMs,
    namespace: input.namespace,
    serviceAccount: input.serviceAccount,
    serviceAccountUid: sa.metadata?.uid ?? '',
    expirationSec,
    // status.expirationTimestamp is now + the clamped (never the extended) lifetime, in whole seconds on the wire.
    statusExpirationMs: nowWholeSecMs + expirationSec * 1000,
    jwtExpiresAtMs: nowWholeSecMs + jwtLifetimeSec * 1000,
    ...(extended ? { warnAfterMs: nowWholeSecMs + expirationSec * 1000 } : {}),
    audiences,
    ...(bound ? { boundObject: bound } : {}),
    keyIndex: cluster.signingKey.poolIndex,
  });

  return {
    ok: true,
    value: { token, expirationSec, statusExpirationMs: nowWholeSecMs + expirationSec * 1000, extended },
    warnings,
  };
}
