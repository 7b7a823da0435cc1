/**
 * A TokenRequest sent by kubectl (`create token`, or a raw POST), and what the event log says about it: the API
 * server's clamp warning, and the token it issued.
 */
import { emit, type EngineContext } from '../engine-context.ts';
import type { ClusterState } from '../engine-state.ts';
import type { ApiResult } from '../api-server/api-error.ts';
import { createTokenRequest, type TokenRequestInput, type TokenRequestResponse } from '../api-server/token-request.ts';

export function requestTokenForKubectl(ctx: EngineContext, cluster: ClusterState, input: TokenRequestInput, how: string): ApiResult<TokenRequestResponse> {
  const response = createTokenRequest(ctx, cluster, input);
  if (!response.ok) return response;
  const { namespace, serviceAccount } = input;
  const { tokenIndex: token, expirationSec, jwtLifetimeSec, extended } = response.value;
  for (const warning of response.warnings) {
    emit(ctx, cluster.id, { type: 'warning', code: 'max-expiration-clamp', text: warning, message: `API server warning: ${warning}`, cause: 'kube-apiserver --service-account-max-token-expiration caps every TokenRequest', refs: { namespace, serviceAccount } });
  }
  emit(ctx, cluster.id, {
    type: 'token.issued',
    token,
    kind: 'bound',
    requester: 'kubectl',
    expirationSec,
    jwtLifetimeSec,
    extended,
    message: `${how}: token #${ctx.tokenLog.tokenNumber(token)} for ${namespace}/${serviceAccount}, valid ${expirationSec} s`,
    cause: 'TokenRequest API: a fresh token, stored nowhere, that expires on its own',
    refs: { namespace, serviceAccount, token },
  });
  return response;
}

/** kubectl prints an API server's warnings on stderr, one `Warning: …` line each. */
export function warningLines(warnings: readonly string[]): string {
  return warnings.map((w) => `Warning: ${w}\n`).join('');
}
