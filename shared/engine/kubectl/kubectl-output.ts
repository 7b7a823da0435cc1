/**
 * What every kubectl command module returns, and the few output shapes they share: success, kubectl's
 * `Error from server (Reason): …` line, and the refused connection when the flow's API server is down.
 */
import type { KubectlResult, ResourceKind } from '../../kubectl/kubectl-command.ts';
import type { ApiError } from '../api-server/api-error.ts';
import type { EngineContext } from '../engine-context.ts';
import { epochMs } from '../engine-context.ts';

export interface KubectlRun extends KubectlResult {
  /** The token `create token` printed, so hosts can show its JWT. */
  token?: number;
}

export const ok = (stdout: string, stderr = ''): KubectlRun => ({ stdout, stderr, exitCode: 0 });

export const failed = (stderr: string, exitCode = 1): KubectlRun => ({ stdout: '', stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n`, exitCode });

/** cmdutil.CheckErr on an API status error. */
export const fromServer = (error: ApiError): KubectlRun => failed(`Error from server (${error.reason}): ${error.message}`);

export const CONNECTION_REFUSED = 'The connection to the server 10.96.0.1:443 was refused - did you specify the right host or port?\n';

export const RESOURCE_SINGULAR: Readonly<Record<ResourceKind, string>> = { pod: 'pod', secret: 'secret', serviceaccount: 'serviceaccount' };
export const RESOURCE_PLURAL: Readonly<Record<ResourceKind, string>> = { pod: 'pods', secret: 'secrets', serviceaccount: 'serviceaccounts' };

/** What kubectl prints when a list is empty (get.go and describe.go, on stderr, exit 0). */
export function noResourcesFound(namespace: string): KubectlRun {
  return ok('', `No resources found in ${namespace} namespace.\n`);
}

/** The cluster's clock, as kubectl's `time.Since` reads it: epoch ms of the current simulated instant. */
export function clusterNowMs(ctx: EngineContext): number {
  return epochMs(ctx, ctx.state.nowMs);
}

export { compareCodePoints } from '../../jwt/go-json.ts';
