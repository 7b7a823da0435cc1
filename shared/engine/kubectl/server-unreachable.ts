/**
 * What kubectl prints when the flow's kube-apiserver is down (as real kubectl
 * binaries print it): commands that resolve resource types first (`get`) try API discovery, which logs one klog error line per
 * attempt before kubectl gives up with "The connection to the server … was refused". (`create token` does no
 * discovery: it reports its refused POST as a failed create, see kubectl-runner.ts.)
 */
import { versionBehaviour } from '../../model/versions.ts';
import { API_SERVER_URL } from '../api-server/api-error.ts';
import { epochMs, type EngineContext } from '../engine-context.ts';
import type { ClusterState } from '../engine-state.ts';
import { CONNECTION_REFUSED, failed, type KubectlRun } from './kubectl-output.ts';

/** Discovery attempts logged before kubectl gives up (five on every binary checked, 1.26–1.33; taken as the same later). */
const DISCOVERY_ATTEMPTS = 5;
/** The kubectl process id in klog headers: any number will do; a fixed one keeps runs reproducible. */
const KUBECTL_PID = 48213;
const DISCOVERY_ERROR = `couldn't get current server API group list: Get "${API_SERVER_URL}/api?timeout=32s": dial tcp 10.96.0.1:443: connect: connection refused`;

const two = (n: number) => String(n).padStart(2, '0');

/** klog's header: `E0106 09:00:01.000123   48213 memcache.go:265] ` (UTC stands in for the terminal's zone). */
function klogErrorHeader(epoch: number, microOffset: number, line: number): string {
  const d = new Date(epoch);
  const micros = String((d.getUTCMilliseconds() * 1000 + microOffset) % 1_000_000).padStart(6, '0');
  return `E${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros} ${String(KUBECTL_PID).padStart(7, ' ')} memcache.go:${line}] `;
}

/** The discovery failures kubectl logs before a resource command gives up, for the flow's kubectl version. */
export function discoveryFailureLog(ctx: EngineContext, cluster: ClusterState): string {
  const log = versionBehaviour(cluster.version).kubectlDiscoveryErrorLog;
  if (log.kind === 'none') return '';
  const message = log.structured ? `"Unhandled Error" err=${JSON.stringify(DISCOVERY_ERROR)}` : DISCOVERY_ERROR;
  const epoch = epochMs(ctx, ctx.state.nowMs);
  let out = '';
  for (let attempt = 0; attempt < DISCOVERY_ATTEMPTS; attempt++) out += `${klogErrorHeader(epoch, 417 + attempt * 1283, log.line)}${message}\n`;
  return out;
}

/** `kubectl get` against a stopped API server: discovery's complaints, then the refused connection. */
export function resourceCommandUnreachable(ctx: EngineContext, cluster: ClusterState): KubectlRun {
  return failed(`${discoveryFailureLog(ctx, cluster)}${CONNECTION_REFUSED}`);
}
