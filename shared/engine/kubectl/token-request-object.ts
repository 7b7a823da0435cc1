/**
 * The TokenRequest object the API server answers `kubectl create token` with, as `-o yaml|json` prints it
 * (pkg/registry/core/serviceaccount/storage/token.go): the request as the server completed it (name and namespace
 * from the URL, audiences and expirationSeconds defaulted and clamped) and the status with the token. A TokenRequest
 * is never stored, so it has no UID and its creationTimestamp is null; `boundObjectRef` has no omitempty and prints
 * as null when the token is not bound.
 */
import type { KubectlCommand } from '../../kubectl/kubectl-command.ts';
import { rfc3339, type EngineContext } from '../engine-context.ts';
import type { TokenRequestResponse } from '../api-server/token-request.ts';
import { jwtMarker } from '../token-markers.ts';

type CreateToken = Extract<KubectlCommand, { verb: 'create-token' }>;

export function tokenRequestObject(ctx: EngineContext, namespace: string, command: CreateToken, response: TokenRequestResponse): object {
  const bound = command.boundObject;
  return {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    metadata: { creationTimestamp: null, name: command.serviceAccount, namespace },
    spec: {
      audiences: response.token.audiences,
      boundObjectRef: bound === undefined ? null : { apiVersion: 'v1', kind: bound.kind, name: bound.name, ...(bound.uid === undefined ? {} : { uid: bound.uid }) },
      expirationSeconds: response.expirationSec,
    },
    status: {
      expirationTimestamp: rfc3339(ctx, response.statusExpirationMs),
      token: jwtMarker(response.token.index),
    },
  };
}
