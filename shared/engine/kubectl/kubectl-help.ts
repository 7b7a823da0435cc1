/**
 * `kubectl help` and `kubectl COMMAND -h`: TokenScope's own short list of the commands its console runs, limited to
 * what the flow's kubectl version has (kubectl's real help is pages long and mostly about commands not simulated).
 */
import { versionBehaviour, type KubernetesVersion } from '../../model/versions.ts';
import { ok, type KubectlRun } from './kubectl-output.ts';
import { hasAuthWhoami } from './kubectl-auth.ts';

interface HelpEntry {
  /** The words `help TOPIC` or `TOPIC -h` match. */
  topic: string;
  usage: string;
  what: string;
  available?: (version: KubernetesVersion) => boolean;
}

const ENTRIES: readonly HelpEntry[] = [
  { topic: 'get', usage: 'get pod|secret|sa [NAME] [-o yaml|json|wide|name]', what: 'list objects, or print one' },
  { topic: 'describe', usage: 'describe pod|secret|sa [NAME]', what: 'show objects in detail, volumes and token data included' },
  { topic: 'create serviceaccount', usage: 'create serviceaccount NAME', what: 'add a workload identity' },
  {
    topic: 'create token',
    usage: 'create token SA [--audience A]… [--duration D] [--bound-object-kind Pod|Secret --bound-object-name N]',
    what: 'ask the TokenRequest API for a short-lived token',
    available: (version) => versionBehaviour(version).kubectlCreateToken,
  },
  { topic: 'delete', usage: 'delete pod|secret|sa NAME… [--grace-period N] [--force]', what: 'remove objects (and see which tokens stop working)' },
  { topic: 'apply', usage: 'apply -f FILE', what: "create the Pods, ServiceAccounts and Secrets of the editor's manifest" },
  { topic: 'exec', usage: 'exec POD [-c CONTAINER] -- cat|ls [-la] PATH', what: 'look at the files the kubelet wrote into a pod' },
  { topic: 'auth whoami', usage: 'auth whoami [-o yaml|json]', what: 'the user this console is to the API server', available: hasAuthWhoami },
  { topic: 'help', usage: 'help [COMMAND]', what: 'this list' },
];

function lines(entries: readonly HelpEntry[]): string {
  return entries.map((entry) => `  kubectl ${entry.usage}\n      ${entry.what}\n`).join('');
}

export function runHelp(version: KubernetesVersion, topic: string | undefined): KubectlRun {
  const available = ENTRIES.filter((entry) => entry.available?.(version) ?? true);
  const overview = `TokenScope's kubectl ${version} runs these commands against this flow's simulated cluster:\n\n${lines(available)}\nAdd -n NAMESPACE to work in another namespace than default.\n`;
  if (topic === undefined) return ok(overview);
  const matching = available.filter((entry) => entry.topic === topic || entry.topic.startsWith(`${topic} `));
  // help.go: an unknown topic is reported, then the root help follows.
  if (matching.length === 0) return ok(`Unknown help topic [\`${topic}\`]\n${overview}`);
  return ok(`Usage:\n${lines(matching)}`);
}
