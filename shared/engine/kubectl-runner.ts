/**
 * Runs a parsed kubectl command against one flow's API server and prints what kubectl prints: the same success
 * lines, `error: …` texts and `Error from server (Reason): …` lines, with kubectl's exit codes.
 */
import { stringify } from 'yaml';
import type { KubectlCommand, KubectlResult, ResourceKind } from '../kubectl/kubectl-command.ts';
import { emit, type EngineContext } from './engine-context.ts';
import type { ClusterState } from './engine-state.ts';
import type { ApiError } from './api-server/api-error.ts';
import { createServiceAccount, deleteServiceAccount } from './api-server/service-accounts.ts';
import { deleteSecret } from './api-server/secrets.ts';
import { deletePod } from './api-server/pods.ts';
import { createTokenRequest } from './api-server/token-request.ts';
import { jwtMarker } from './token-markers.ts';

export interface KubectlRun extends KubectlResult {
  /** The token `create token` printed, so hosts can show its JWT. */
  token?: number;
}

const ok = (stdout: string, stderr = ''): KubectlRun => ({ stdout, stderr, exitCode: 0 });
const fromServer = (error: ApiError): KubectlRun => ({ stdout: '', stderr: `Error from server (${error.reason}): ${error.message}\n`, exitCode: 1 });
const warningLines = (warnings: string[]): string => warnings.map((w) => `Warning: ${w}\n`).join('');

const RESOURCE_SINGULAR: Record<ResourceKind, string> = { pod: 'pod', secret: 'secret', serviceaccount: 'serviceaccount' };

export function runKubectl(ctx: EngineContext, cluster: ClusterState, command: KubectlCommand): KubectlRun {
  if (!cluster.apiServerUp) {
    return { stdout: '', stderr: 'The connection to the server 10.96.0.1:443 was refused - did you specify the right host or port?\n', exitCode: 1 };
  }
  switch (command.verb) {
    case 'create-serviceaccount': {
      const created = createServiceAccount(ctx, cluster, { metadata: { name: command.name, namespace: command.namespace ?? 'default' } });
      if (!created.ok) return { stdout: '', stderr: `error: failed to create serviceaccount: ${created.error.message}\n`, exitCode: 1 };
      return ok(`serviceaccount/${command.name} created\n`);
    }
    case 'create-token': {
      const namespace = command.namespace ?? 'default';
      const response = createTokenRequest(ctx, cluster, {
        namespace,
        serviceAccount: command.serviceAccount,
        spec: {
          ...(command.audiences.length > 0 ? { audiences: command.audiences } : {}),
          ...(command.expirationSec !== undefined ? { expirationSeconds: command.expirationSec } : {}),
          ...(command.boundObject ? { boundObjectRef: { apiVersion: 'v1', ...command.boundObject } } : {}),
        },
      });
      if (!response.ok) return { stdout: '', stderr: `error: failed to create token: ${response.error.message}\n`, exitCode: 1 };
      const { token, expirationSec, jwtLifetimeSec, extended } = response.value;
      for (const warning of response.warnings) {
        emit(ctx, cluster.id, { type: 'warning', code: 'max-expiration-clamp', text: warning, message: `API server warning: ${warning}`, cause: 'kube-apiserver --service-account-max-token-expiration caps every TokenRequest', refs: { namespace, serviceAccount: command.serviceAccount } });
      }
      emit(ctx, cluster.id, {
        type: 'token.issued',
        token: token.index,
        kind: 'bound',
        requester: 'kubectl',
        expirationSec,
        jwtLifetimeSec,
        extended,
        message: `kubectl create token: token #${token.number} for ${namespace}/${command.serviceAccount}, valid ${expirationSec} s`,
        cause: 'TokenRequest API: a fresh token, stored nowhere, that expires on its own',
        refs: { namespace, serviceAccount: command.serviceAccount, token: token.index },
      });
      return { ...ok(`${jwtMarker(token.index)}\n`, warningLines(response.warnings)), token: token.index };
    }
    case 'delete': {
      const namespace = command.namespace ?? 'default';
      let stdout = '';
      let stderr = '';
      let exitCode = 0;
      for (const name of command.names) {
        const result =
          command.resource === 'pod'
            ? deletePod(ctx, cluster, namespace, name, command.gracePeriodSec)
            : command.resource === 'secret'
              ? deleteSecret(ctx, cluster, namespace, name)
              : deleteServiceAccount(ctx, cluster, namespace, name);
        // kubectl says "force deleted" when the grace period is zero (delete.go).
        const verb = command.gracePeriodSec === 0 ? 'force deleted' : 'deleted';
        if (result.ok) stdout += `${RESOURCE_SINGULAR[command.resource]} "${name}" ${verb}\n`;
        else {
          stderr += fromServer(result.error).stderr;
          exitCode = 1;
        }
      }
      return { stdout, stderr, exitCode };
    }
    case 'get':
      return runGet(cluster, command.resource, command.namespace ?? 'default', command.name, command.output);
    default:
      return { stdout: '', stderr: `error: "${command.verb}" is not available in this version of TokenScope's kubectl\n`, exitCode: 1 };
  }
}

function objectsOf(cluster: ClusterState, resource: ResourceKind, namespace: string): { name: string; object: object }[] {
  const source =
    resource === 'pod'
      ? Object.values(cluster.pods).map((p) => p.object)
      : resource === 'secret'
        ? Object.values(cluster.secrets).map((s) => s.object)
        : Object.values(cluster.serviceAccounts);
  return source
    .filter((o) => o.metadata?.namespace === namespace)
    .map((o) => ({ name: o.metadata?.name ?? '', object: o }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const PLURAL: Record<ResourceKind, string> = { pod: 'pods', secret: 'secrets', serviceaccount: 'serviceaccounts' };

function runGet(cluster: ClusterState, resource: ResourceKind, namespace: string, name: string | undefined, output: string | undefined): KubectlRun {
  const all = objectsOf(cluster, resource, namespace);
  const selected = name === undefined ? all : all.filter((o) => o.name === name);
  if (name !== undefined && selected.length === 0) return fromServer({ status: 404, reason: 'NotFound', message: `${PLURAL[resource]} "${name}" not found` });
  if (name === undefined && selected.length === 0) return ok('', `No resources found in ${namespace} namespace.\n`);
  const body = name !== undefined ? selected[0]!.object : { apiVersion: 'v1', items: selected.map((s) => s.object), kind: 'List', metadata: { resourceVersion: '' } };
  // kubectl's YAML printer does not indent sequence items under their key.
  if (output === 'yaml') return ok(stringify(body, { indentSeq: false }));
  if (output === 'json') return ok(`${JSON.stringify(body, null, 4)}\n`);
  if (output === 'name') return ok(selected.map((s) => `${RESOURCE_SINGULAR[resource]}/${s.name}\n`).join(''));
  const rows = selected.map((s) => [s.name]);
  const width = Math.max(4, ...rows.map((r) => r[0]!.length)) + 3;
  return ok(`${'NAME'.padEnd(width)}\n${rows.map((r) => r[0]!.padEnd(width).trimEnd()).join('\n')}\n`);
}
