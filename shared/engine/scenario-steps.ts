/** Carries out one scenario step on one flow, and the steps a user adds from the console and the editor. */
import type { Step } from '../scenario/scenario-types.ts';
import { parseKubectl } from '../kubectl/parse-kubectl.ts';
import { kubectlContextFor } from '../kubectl/kubectl-version.ts';
import { emit, type EngineContext } from './engine-context.ts';
import type { ClusterState } from './engine-state.ts';
import { describeTokenMarkers } from './jwt-markers.ts';
import { runKubectl, type KubectlRun, type ReadFile } from './kubectl-runner.ts';
import { applyManifest } from './apply-manifest.ts';
import { stepManifest } from './step-manifests.ts';
import { addAttacker, addClient } from './actors/actors.ts';
import { injectFault, upgradeCluster } from './faults.ts';
import { runEditorApply, type EditorApplyResult } from './kubectl/kubectl-apply.ts';

export function runStep(ctx: EngineContext, cluster: ClusterState, step: Step): void {
  switch (step.kind) {
    case 'kubectl':
      runKubectlLine(ctx, cluster, step.command);
      return;
    case 'apply':
      applyManifest(ctx, cluster, step.manifest, step.manifestLine, step.manifestColumn ?? 1, stepManifest(step));
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

/**
 * Parses and runs one kubectl line as the flow's kubectl version would, logs what the terminal showed, and returns
 * it. `readFile` answers `apply -f FILE` (the console hands over the editor's text); scenario steps have no files.
 */
export function runKubectlLine(ctx: EngineContext, cluster: ClusterState, line: string, readFile?: ReadFile): KubectlRun {
  const parsed = parseKubectl(line, kubectlContextFor(cluster.version));
  const ran: KubectlRun = parsed.ok ? runKubectl(ctx, cluster, parsed.command, readFile) : { stdout: '', stderr: parsed.stderr, exitCode: parsed.exitCode };
  // kubectl prints its own client-side warnings (e.g. for --force) before the command's output.
  const result: KubectlRun = parsed.ok && parsed.warning ? { ...ran, stderr: `${parsed.warning}${ran.stderr}` } : ran;
  const firstLine = (result.exitCode === 0 ? result.stdout : result.stderr).trim().split('\n')[0] ?? '';
  const shown = describeTokenMarkers(firstLine, (index) => (index >= 0 && index < ctx.tokenLog.length ? ctx.tokenLog.tokenNumber(index) : undefined));
  emit(ctx, cluster.id, {
    type: 'kubectl.ran',
    command: line,
    stdout: result.stdout,
    stderr: result.stderr,
    exitCode: result.exitCode,
    ...(result.token !== undefined ? { token: result.token } : {}),
    message: `$ kubectl ${line.replace(/^kubectl\s+/, '')} → ${shown || `exit ${result.exitCode}`}`,
    cause: result.exitCode === 0 ? 'the command succeeded' : 'kubectl reported an error',
    refs: result.token !== undefined ? { token: result.token } : {},
  });
  return result;
}

/**
 * A console line or an editor apply, recorded with the simulated instant it ran at so that replaying the run
 * (after a seek back) carries it out again at the same point.
 */
export interface UserStep {
  atMs: number;
  flow: string;
  kind: 'kubectl' | 'apply';
  /** The console line, or the manifest applied from the editor. */
  text: string;
  /** For a console line: the editor's text at the time, which `apply -f FILE` reads. */
  manifest?: string;
}

export type UserStepResult = ({ kind: 'kubectl' } & KubectlRun) | ({ kind: 'apply' } & EditorApplyResult);

export function runUserStep<K extends UserStep['kind']>(ctx: EngineContext, cluster: ClusterState, step: UserStep & { kind: K }): Extract<UserStepResult, { kind: K }> {
  const manifest = step.manifest;
  const result: UserStepResult =
    step.kind === 'apply'
      ? { kind: 'apply', ...runEditorApply(ctx, cluster, step.text) }
      : { kind: 'kubectl', ...runKubectlLine(ctx, cluster, step.text, manifest === undefined ? undefined : () => manifest) };
  return result as Extract<UserStepResult, { kind: K }>;
}
