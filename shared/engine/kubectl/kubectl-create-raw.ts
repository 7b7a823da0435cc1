/**
 * `kubectl create --raw /api/v1/namespaces/NS/serviceaccounts/NAME/token -f FILE` (kubectl rawhttp.RawPost): the
 * file's JSON is POSTed as it is and the response body printed as the API server wrote it (compact JSON in the Go
 * struct's order, then a newline). It is how a client sends what `kubectl create token` never does, such as the
 * `metadata.uid` that 1.34 checks (docs/kubernetes-facts.md §8.3.1); token.go's checks of the body's name and
 * namespace against the URL (§3 step 2) run first.
 *
 * TokenScope reads the fields a TokenRequest has; a body that is not a JSON TokenRequest is refused in TokenScope's
 * own words, since what kube-apiserver's decoder would say is not modelled. With the API server down kubectl's
 * CheckErr turns the refused dial into "The connection to the server … was refused" (see kubectl-runner.ts).
 */
import type { KubectlCommand } from '../../kubectl/kubectl-command.ts';
import { goJson } from '../../jwt/go-json.ts';
import { findJsonSyntaxError } from '../../jwt/json-syntax.ts';
import type { EngineContext } from '../engine-context.ts';
import type { ClusterState } from '../engine-state.ts';
import type { ApiError } from '../api-server/api-error.ts';
import type { TokenRequestInput, TokenRequestSpec } from '../api-server/token-request.ts';
import { failed, fromServer, ok, type KubectlRun } from './kubectl-output.ts';
import type { ReadFile } from './kubectl-apply.ts';
import { tokenRequestObject } from './token-request-object.ts';
import { requestTokenForKubectl, warningLines } from './kubectl-token-request.ts';
import { isRecord } from '../../validation/checked.ts';

type CreateRaw = Extract<KubectlCommand, { verb: 'create-raw' }>;

type Body = { ok: true; input: TokenRequestInput; name?: string; namespace?: string } | { ok: false; error: string };


function refuse(error: string): Body {
  return { ok: false, error: `error: TokenScope reads the body of create --raw as a JSON TokenRequest: ${error}` };
}

function optionalString(object: Record<string, unknown>, key: string, path: string): string | undefined | Error {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : new Error(`${path} must be a string`);
}

/** The TokenRequest fields of the body, checked for their JSON types. */
function readBody(text: string, command: CreateRaw): Body {
  // JSON.parse's wording differs between engines; the syntax checker names the character and its place the same way everywhere.
  const syntax = findJsonSyntaxError(text);
  if (syntax) return refuse(`${syntax.problem} at character ${syntax.index + 1}`);
  const json: unknown = JSON.parse(text);
  if (!isRecord(json)) return refuse('the body must be a JSON object');
  if ((json.kind !== undefined && json.kind !== 'TokenRequest') || (json.apiVersion !== undefined && json.apiVersion !== 'authentication.k8s.io/v1')) {
    return refuse('kind must be TokenRequest and apiVersion authentication.k8s.io/v1');
  }
  const metadata = json.metadata ?? {};
  const spec = json.spec ?? {};
  if (!isRecord(metadata)) return refuse('metadata must be an object');
  if (!isRecord(spec)) return refuse('spec must be an object');
  const name = optionalString(metadata, 'name', 'metadata.name');
  const namespace = optionalString(metadata, 'namespace', 'metadata.namespace');
  const uid = optionalString(metadata, 'uid', 'metadata.uid');
  for (const value of [name, namespace, uid]) if (value instanceof Error) return refuse(value.message);
  const request: TokenRequestSpec = {};
  if (spec.audiences !== undefined && spec.audiences !== null) {
    if (!Array.isArray(spec.audiences) || !spec.audiences.every((a) => typeof a === 'string')) return refuse('spec.audiences must be a list of strings');
    request.audiences = spec.audiences;
  }
  if (spec.expirationSeconds !== undefined && spec.expirationSeconds !== null) {
    if (typeof spec.expirationSeconds !== 'number' || !Number.isSafeInteger(spec.expirationSeconds)) return refuse('spec.expirationSeconds must be a whole number');
    request.expirationSeconds = spec.expirationSeconds;
  }
  const ref = spec.boundObjectRef;
  if (ref !== undefined && ref !== null) {
    if (!isRecord(ref)) return refuse('spec.boundObjectRef must be an object');
    const fields = ['kind', 'apiVersion', 'name', 'uid'].map((key) => optionalString(ref, key, `spec.boundObjectRef.${key}`));
    const wrong = fields.find((value): value is Error => value instanceof Error);
    if (wrong) return refuse(wrong.message);
    const [kind, apiVersion, refName, refUid] = fields as (string | undefined)[];
    request.boundObjectRef = { kind: kind ?? '', name: refName ?? '', ...(apiVersion ? { apiVersion } : {}), ...(refUid ? { uid: refUid } : {}) };
  }
  return {
    ok: true,
    input: { namespace: command.namespace, serviceAccount: command.serviceAccount, ...(uid ? { uid: uid as string } : {}), spec: request },
    ...(name ? { name: name as string } : {}),
    ...(namespace ? { namespace: namespace as string } : {}),
  };
}

/** token.go: a body that names another ServiceAccount or namespace than the URL is invalid (422). */
function urlMismatch(command: CreateRaw, body: Extract<Body, { ok: true }>): ApiError | undefined {
  const invalid = (field: string, value: string, detail: string): ApiError => ({
    status: 422,
    reason: 'Invalid',
    field,
    message: `TokenRequest.authentication.k8s.io ${JSON.stringify(command.serviceAccount)} is invalid: ${field}: Invalid value: ${JSON.stringify(value)}: ${detail}`,
  });
  if (body.name !== undefined && body.name !== command.serviceAccount) return invalid('metadata.name', body.name, 'must match the service account name if specified');
  if (body.namespace !== undefined && body.namespace !== command.namespace) return invalid('metadata.namespace', body.namespace, 'must match the service account namespace if specified');
  return undefined;
}

export function runCreateRaw(ctx: EngineContext, cluster: ClusterState, command: CreateRaw, readFile: ReadFile | undefined): KubectlRun {
  const text = command.file === '-' ? (command.stdin ?? readFile?.('-') ?? '') : readFile?.(command.file);
  // rawhttp opens the file itself: os.Open's error.
  if (text === undefined) return failed(`error: open ${command.file}: no such file or directory`);
  const body = readBody(text, command);
  if (!body.ok) return failed(body.error);
  const mismatch = urlMismatch(command, body);
  if (mismatch) return fromServer(mismatch);
  const response = requestTokenForKubectl(ctx, cluster, body.input, `kubectl create --raw ${command.path}`);
  if (!response.ok) return fromServer(response.error);
  const object = tokenRequestObject(ctx, response.value, body.input.spec.boundObjectRef);
  return { ...ok(`${goJson(object, false)}\n`, warningLines(response.warnings)), token: response.value.tokenIndex };
}
