/** Carries out one scenario step on one flow. */
import type { Step } from '../scenario/scenario-types.ts';
import { versionBehaviour } from '../model/versions.ts';
import { parseKubectl } from '../kubectl/parse-kubectl.ts';
import { emit, type EngineContext } from './engine-context.ts';
import type { ClusterState } from './engine-state.ts';
import { runKubectl } from './kubectl-runner.ts';
import { applyManifest } from './apply-manifest.ts';
import { addAttacker, addClient } from './actors/actors.ts';
import { injectFault, upgradeCluster } from './faults.ts';

export function runStep(ctx: EngineContext, cluster: ClusterState, step: Step): void {
  switch (step.kind) {
    case 'kubectl':
      return runKubectlLine(ctx, cluster, step.command);
    case 'apply':
      applyManifest(ctx, cluster, step.manifest, step.manifestLine, step.manifestColumn ?? 1);
      return;
    case 'client':
      return addClient(ctx, cluster, step);
    case 'leak':
      return addAttacker(ctx, cluster, step);
    case 'fault':
      return injectFault(ctx, cluster, step.fault);
    case 'upgrade':
      return upgradeCluster(ctx, cluster, step.kubernetesVersion);
  }
}

/** Parses and runs one kubectl line as the flow's kubectl version would, and logs what the terminal showed. */
export function runKubectlLine(ctx: EngineContext, cluster: ClusterState, line: string): void {
  const behaviour = versionBehaviour(cluster.version);
  const parsed = parseKubectl(line, { kubectlCreateToken: behaviour.kubectlCreateToken, nodeBoundTokens: behaviour.nodeBinding });
  const ran = parsed.ok ? runKubectl(ctx, cluster, parsed.command) : { stdout: '', stderr: parsed.stderr, exitCode: parsed.exitCode };
  // kubectl prints its own client-side warnings (e.g. for --force) before the command's output.
  const result = parsed.ok && parsed.warning ? { ...ran, stderr: `${parsed.warning}${ran.stderr}` } : ran;
  const shown = (result.exitCode === 0 ? result.stdout : result.stderr).trim().split('\n')[0] ?? '';
  emit(ctx, cluster.id, {
    type: 'kubectl.ran',
    command: line,
    stdout: result.stdout,
    stderr: result.stderr,
    exitCode: result.exitCode,
    ...('token' in result && result.token !== undefined ? { token: result.token } : {}),
    message: `$ kubectl ${line.replace(/^kubectl\s+/, '')} → ${shown || `exit ${result.exitCode}`}`,
    cause: result.exitCode === 0 ? 'the command succeeded' : 'kubectl reported an error',
    refs: 'token' in result && result.token !== undefined ? { token: result.token } : {},
  });
}
