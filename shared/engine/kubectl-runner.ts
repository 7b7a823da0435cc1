/**
 * Runs a parsed kubectl command against one flow's API server and prints what kubectl prints: the same success
 * lines, tables and objects, `error: …` texts and `Error from server (Reason): …` lines, with kubectl's exit codes.
 * Each verb beyond create and delete lives in its own module under kubectl/.
 */
import type { KubectlCommand } from '../kubectl/kubectl-command.ts';
import { emit, type EngineContext } from './engine-context.ts';
import type { ClusterState } from './engine-state.ts';
import { createServiceAccount, deleteServiceAccount } from './api-server/service-accounts.ts';
import { deleteSecret } from './api-server/secrets.ts';
import { deletePod } from './api-server/pods.ts';
import { createTokenRequest } from './api-server/token-request.ts';
import { jwtMarker } from './token-markers.ts';
import { CONNECTION_REFUSED, failed, fromServer, ok, RESOURCE_SINGULAR, type KubectlRun } from './kubectl/kubectl-output.ts';
import { runGet } from './kubectl/kubectl-get.ts';
import { runDescribe } from './kubectl/kubectl-describe.ts';
import { runExec } from './kubectl/kubectl-exec.ts';
import { runAuthWhoami } from './kubectl/kubectl-auth.ts';
import { runHelp } from './kubectl/kubectl-help.ts';
import { runKubectlFile, type ReadFile } from './kubectl/kubectl-apply.ts';
import { tokenRequestObject } from './kubectl/token-request-object.ts';
import { printJson, printYaml } from './kubectl/object-printers.ts';

export type { KubectlRun } from './kubectl/kubectl-output.ts';
export type { ReadFile } from './kubectl/kubectl-apply.ts';

const warningLines = (warnings: string[]): string => warnings.map((w) => `Warning: ${w}\n`).join('');

/** `readFile` answers `-f FILE` (and `-f -` when the heredoc came apart from the line); without it every file is missing, as in a scenario step. */
export function runKubectl(ctx: EngineContext, cluster: ClusterState, command: KubectlCommand, readFile?: ReadFile): KubectlRun {
  // Help is printed by kubectl itself, without asking the server.
  if (command.verb === 'help') return runHelp(cluster.version, command.topic);
  if (!cluster.apiServerUp) return failed(CONNECTION_REFUSED);
  const namespace = 'namespace' in command && command.namespace !== undefined ? command.namespace : 'default';
  switch (command.verb) {
    case 'create-serviceaccount': {
      const created = createServiceAccount(ctx, cluster, { metadata: { name: command.name, namespace } });
      if (!created.ok) return failed(`error: failed to create serviceaccount: ${created.error.message}`);
      if (command.output === 'yaml') return ok(printYaml(created.value));
      if (command.output === 'json') return ok(printJson(created.value));
      // -o name and the default both print the resource/name; the default adds what happened.
      return ok(command.output === 'name' ? `serviceaccount/${command.name}\n` : `serviceaccount/${command.name} created\n`);
    }
    case 'create-token': {
      const response = createTokenRequest(ctx, cluster, {
        namespace,
        serviceAccount: command.serviceAccount,
        spec: {
          ...(command.audiences.length > 0 ? { audiences: command.audiences } : {}),
          ...(command.expirationSec !== undefined ? { expirationSeconds: command.expirationSec } : {}),
          ...(command.boundObject ? { boundObjectRef: { apiVersion: 'v1', ...command.boundObject } } : {}),
        },
      });
      if (!response.ok) return failed(`error: failed to create token: ${response.error.message}`);
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
      // create_token.go: without -o only the token is printed; with it, the whole TokenRequest the server returned.
      const stdout =
        command.output === undefined
          ? `${jwtMarker(token.index)}\n`
          : command.output === 'name'
            ? `tokenrequest.authentication.k8s.io/${command.serviceAccount}\n`
            : (command.output === 'yaml' ? printYaml : printJson)(tokenRequestObject(ctx, namespace, command, response.value));
      return { ...ok(stdout, warningLines(response.warnings)), token: token.index };
    }
    case 'delete': {
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
      return runGet(ctx, cluster, { resource: command.resource, namespace, ...(command.name !== undefined ? { name: command.name } : {}), ...(command.output !== undefined ? { output: command.output } : {}) });
    case 'describe':
      return runDescribe(ctx, cluster, { resource: command.resource, namespace, ...(command.name !== undefined ? { name: command.name } : {}) });
    case 'exec':
      return runExec(ctx, cluster, { pod: command.pod, namespace, argv: command.argv, ...(command.container !== undefined ? { container: command.container } : {}) });
    case 'apply':
    case 'create-file':
    case 'delete-file':
      return runKubectlFile(ctx, cluster, command, readFile);
    case 'auth-whoami':
      return runAuthWhoami(ctx, cluster, command.output);
  }
}
