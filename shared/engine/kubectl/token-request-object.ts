/**
 * The TokenRequest object kube-apiserver answers a token request with (pkg/registry/core/serviceaccount/storage/token.go;
 * docs/kubernetes-facts.md §3 and §8.3.1), as `kubectl create token -o yaml|json` prints it and as the raw response body
 * carries it. Members follow the Go structs' order (`TokenRequest{TypeMeta, ObjectMeta, Spec, Status}`, `TokenRequestSpec{
 * Audiences, ExpirationSeconds, BoundObjectRef}`, `TokenRequestStatus{Token, ExpirationTimestamp}`), which is what
 * `-o json` shows; `boundObjectRef` has no omitempty and is null when the token is not bound, while the metadata's and
 * the reference's own empty fields are left out. The server sets `creationTimestamp` to now, and from 1.34 echoes the
 * ServiceAccount's UID.
 */
import { rfc3339, type EngineContext } from '../engine-context.ts';
import type { TokenRequestResponse } from '../api-server/token-request.ts';
import { jwtMarker } from '../jwt-markers.ts';

export interface RequestedBoundObject {
  kind: string;
  apiVersion?: string;
  name: string;
  uid?: string;
}

export function tokenRequestObject(ctx: EngineContext, response: TokenRequestResponse, boundObject: RequestedBoundObject | undefined): object {
  const { metadata } = response;
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: {
      name: metadata.name,
      namespace: metadata.namespace,
      ...(metadata.uid ? { uid: metadata.uid } : {}),
      creationTimestamp: rfc3339(ctx, metadata.creationTimestampMs),
    },
    spec: {
      audiences: ctx.tokenLog.profileOf(response.tokenIndex).audiences,
      expirationSeconds: response.expirationSec,
      boundObjectRef:
        boundObject === undefined
          ? null
          : {
              ...(boundObject.kind ? { kind: boundObject.kind } : {}),
              ...(boundObject.apiVersion ? { apiVersion: boundObject.apiVersion } : {}),
              ...(boundObject.name ? { name: boundObject.name } : {}),
              ...(boundObject.uid ? { uid: boundObject.uid } : {}),
            },
    },
    status: {
      token: jwtMarker(response.tokenIndex),
      expirationTimestamp: rfc3339(ctx, response.statusExpirationMs),
    },
  };
}
