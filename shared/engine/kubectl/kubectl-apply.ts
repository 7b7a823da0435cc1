/**
 * Manifests from the console (`kubectl apply|create|delete -f FILE`, where FILE is the editor's buffer, or `-f -`
 * with a here-document) or straight from the editor. All go through runManifest; the console prints kubectl's
 * lines (`pod/app configured` on stdout, `Error from server (…): error when creating "FILE": …` on stderr), the
 * editor gets each error with its line and column in the manifest.
 */
import type { KubectlCommand } from '../../kubectl/kubectl-command.ts';
import { parseManifest } from '../../manifest/parse-manifest.ts';
import type { InputError } from '../../scenario/scenario-types.ts';
import { emit, type EngineContext } from '../engine-context.ts';
import type { ClusterState } from '../engine-state.ts';
import { runManifest, type ManifestVerb } from '../apply-manifest.ts';
import { failed, ok, type KubectlRun } from './kubectl-output.ts';

/** Reads a file named on the command line (`-` for stdin); the console answers with the editor's text whatever the name. */
export type ReadFile = (name: string) => string | undefined;

export interface EditorApplyResult {
  ok: boolean;
  /** kubectl-style lines, as the console would print them. */
  output: string;
  errors: InputError[];
}

/** How an editor apply is named on the timeline and in the event log: the command the Apply button stands for. */
export const EDITOR_APPLY_COMMAND = 'apply -f manifest-editor.yaml';

type FileCommand = Extract<KubectlCommand, { verb: 'apply' | 'create-file' | 'delete-file' }>;

const VERBS: Readonly<Record<FileCommand['verb'], ManifestVerb>> = { apply: 'apply', 'create-file': 'create', 'delete-file': 'delete' };

export function runKubectlFile(ctx: EngineContext, cluster: ClusterState, command: FileCommand, readFile: ReadFile | undefined): KubectlRun {
  const verb = VERBS[command.verb];
  const stdin = command.file === '-';
  // A here-document whose body never arrived (a one-line scenario step) is an empty stdin, as bash gives it.
  const text = stdin ? (command.stdin ?? readFile?.('-') ?? '') : readFile?.(command.file);
  // cli-runtime's FileVisitor for a path that is not there.
  if (text === undefined) return failed(`error: the path "${command.file}" does not exist`);
  if (command.namespace !== undefined && command.namespace !== 'default') {
    return failed(`error: TokenScope's kubectl ${verb} takes each object's namespace from the manifest; write metadata.namespace: ${command.namespace} there instead of -n`);
  }
  if (text.trim() === '') {
    // apply.go and create.go refuse an input with no objects; delete.go reports that it found none.
    return verb === 'delete' ? ok('', 'No resources found\n') : failed(`error: no objects passed to ${verb}`);
  }
  const outcome = runManifest(ctx, cluster, text, {
    verb,
    // kubectl names stdin "STDIN" in its errors.
    source: stdin ? 'STDIN' : command.file,
    ...(command.verb === 'delete-file' && command.gracePeriodSec !== undefined ? { gracePeriodSec: command.gracePeriodSec } : {}),
  });
  return { stdout: outcome.stdout, stderr: outcome.stderr, exitCode: outcome.ok ? 0 : 1 };
}

/**
 * The editor's Apply button: `kubectl apply` of its text. It is logged as that command too, so it lands on the
 * timeline's kubectl lane beside the console's commands.
 */
export function runEditorApply(ctx: EngineContext, cluster: ClusterState, manifest: string): EditorApplyResult {
  const firstEvent = ctx.eventLog.length;
  const outcome = runManifest(ctx, cluster, manifest);
  const errors: InputError[] = [];
  if (!outcome.ok) {
    // A manifest that does not parse is refused whole, with every error located by the parser.
    const parsed = parseManifest(manifest);
    if (!parsed.ok) errors.push(...parsed.errors);
    else {
      // Objects the API server refused: runManifest located each error at the field it names.
      for (const event of ctx.eventLog.slice(firstEvent)) {
        if (event.type !== 'manifest.rejected') continue;
        errors.push({ message: event.error, ...(event.line !== undefined ? { line: event.line } : {}), ...(event.column !== undefined ? { column: event.column } : {}) });
      }
    }
  }
  const exitCode = outcome.ok ? 0 : 1;
  const firstLine = (outcome.ok ? outcome.stdout : outcome.stderr).trim().split('\n')[0] ?? '';
  emit(ctx, cluster.id, {
    type: 'kubectl.ran',
    command: EDITOR_APPLY_COMMAND,
    stdout: outcome.stdout,
    stderr: outcome.stderr,
    exitCode,
    message: `$ kubectl ${EDITOR_APPLY_COMMAND} (the manifest editor's Apply) → ${firstLine || `exit ${exitCode}`}`,
    cause: outcome.ok ? 'the command succeeded' : 'kubectl reported an error',
    refs: {},
  });
  return { ok: outcome.ok, output: outcome.output, errors };
}
