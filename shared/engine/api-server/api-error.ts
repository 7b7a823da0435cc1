/** An API server error response: the HTTP status and the `Status.message` clients print. */
export interface ApiError {
  status: number;
  reason: 'NotFound' | 'Invalid' | 'BadRequest' | 'Conflict' | 'Forbidden' | 'AlreadyExists' | 'ServerTimeout' | 'Unavailable';
  message: string;
  /** For Invalid: the field path the message is about (e.g. `spec.expirationSeconds`). */
  field?: string;
}

export type ApiResult<T> = { ok: true; value: T; warnings: string[] } | { ok: false; error: ApiError };

export function notFound(resource: string, name: string): ApiError {
  return { status: 404, reason: 'NotFound', message: `${resource} "${name}" not found` };
}

export function alreadyExists(resource: string, name: string): ApiError {
  return { status: 409, reason: 'AlreadyExists', message: `${resource} "${name}" already exists` };
}

/**
 * What a client sees when the kube-apiserver process is down: the TCP connection is refused before any HTTP.
 * The address is the in-cluster `kubernetes` Service a pod dials.
 */
export function connectionRefused(url: string): ApiError {
  return { status: 0, reason: 'Unavailable', message: `Post "${url}": dial tcp 10.96.0.1:443: connect: connection refused` };
}

export const API_SERVER_URL = 'https://10.96.0.1:443';
