/**
 * Runs a parsed kubectl command against one flow's API server and prints what kubectl prints: the same success
 * lines, tables and objects, `error: …` texts and `Error from server (Reason): …` lines, with kubectl's exit codes.
 * Each verb beyond create and delete lives in its own module under kubectl/.
 */
import type { KubectlCommand } from '../kubectl/kubectl-command.ts';
import type { EngineContext } from './engine-context.ts';
import type { ClusterState } from './engine-state.ts';
import { createServiceAccount, deleteServiceAccount } from './api-server/service-accounts.ts';
import { deleteSecret } from './api-server/secrets.ts';
import { deletePod } from './api-server/pods.ts';
import { requestTokenForKubectl, warningLines } from './kubectl/kubectl-token-request.ts';
import { runCreateRaw } from './kubectl/kubectl-create-raw.ts';
import { jwtMarker } from './jwt-markers.ts';
import { CONNECTION_REFUSED, failed, fromServer, ok, RESOURCE_SINGULAR, type KubectlRun } from './kubectl/kubectl-output.ts';
import { runGet } from './kubectl/kubectl-get.ts';
import { resourceCommandUnreachable } from './kubectl/server-unreachable.ts';
import { runDescribe } from './kubectl/kubectl-describe.ts';
import { runExec } from './kubectl/kubectl-exec.ts';
import { runAuthWhoami } from './kubectl/kubectl-auth.ts';
import { runHelp } from './kubectl/kubectl-help.ts';
import { runKubectlFile, type ReadFile } from './kubectl/kubectl-apply.ts';
import { tokenRequestObject } from './kubectl/token-request-object.ts';
import { printJson, printTypedJson, printYaml } from './kubectl/object-printers.ts';

export type { KubectlRun } from './kubectl/kubectl-output.ts';
export type { ReadFile } from './kubectl/kubectl-apply.ts';


/** `readFile` answers `-f FILE` (and `-f -` when the heredoc came apart from the line); without it every file is missing, as in a scenario step. */
export function runKubectl(ctx: EngineContext, cluster: ClusterState, command: KubectlCommand, readFile?: ReadFile): KubectlRun {
  // Help is printed by kubectl itself, without asking the server.
  if (command.verb === 'help') return runHelp(cluster.version, command.topic);
  const namespace = 'namespace' in command && command.namespace !== undefined ? command.namespace : 'default';
  // create token does no discovery: its POST fails on its own, below, as "failed to create token: Post …".
  if (!cluster.apiServerUp && command.verb !== 'create-token') {
    return command.verb === 'get' ? resourceCommandUnreachable(ctx, cluster) : failed(CONNECTION_REFUSED);
  }
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
      const response = requestTokenForKubectl(ctx, cluster, {
        namespace,
        serviceAccount: command.serviceAccount,
        spec: {
          ...(command.audiences.length > 0 ? { audiences: command.audiences } : {}),
          ...(command.expirationSec !== undefined ? { expirationSeconds: command.expirationSec } : {}),
          ...(command.boundObject ? { boundObjectRef: { apiVersion: 'v1', ...command.boundObject } } : {}),
        },
      }, 'kubectl create token');
      if (!response.ok) return failed(`error: failed to create token: ${response.error.message}`);
      const { tokenIndex: token } = response.value;
      // create_token.go: without -o only the token is printed; with it, the whole TokenRequest the server returned.
      const stdout =
        command.output === undefined
          ? `${jwtMarker(token)}\n`
          : command.output === 'name'
            ? `tokenrequest.authentication.k8s.io/${command.serviceAccount}\n`
            : (command.output === 'yaml' ? printYaml : printTypedJson)(tokenRequestObject(ctx, response.value, command.boundObject && { apiVersion: 'v1', ...command.boundObject }));
      return { ...ok(stdout, warningLines(response.warnings)), token };
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
    case 'create-raw':
      return runCreateRaw(ctx, cluster, command, readFile);
    case 'auth-whoami':
      return runAuthWhoami(ctx, cluster, command.output);
  }
}
