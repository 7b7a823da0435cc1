/**
 * Applying a manifest from the console (`kubectl apply -f FILE`, where FILE is the editor's buffer) or straight from
 * the editor. Both go through applyManifest; the console prints kubectl's lines (`pod/app created` on stdout,
 * `Error from server (…): error when creating "FILE": …` on stderr), the editor gets each error with its line and
 * column in the manifest.
 */
import { parseManifest } from '../../manifest/parse-manifest.ts';
import type { InputError } from '../../scenario/scenario-types.ts';
import type { EngineContext } from '../engine-context.ts';
import type { ClusterState } from '../engine-state.ts';
import { applyManifest } from '../apply-manifest.ts';
import { failed, type KubectlRun } from './kubectl-output.ts';

/** Reads a file named on the command line; the console answers with the editor's text whatever the name. */
export type ReadFile = (name: string) => string | undefined;

export interface EditorApplyResult {
  ok: boolean;
  /** kubectl-style lines, as the console would print them. */
  output: string;
  errors: InputError[];
}

const CREATED_LINE = /^(pod|serviceaccount|secret)\/\S* created$/;

export function runKubectlApply(ctx: EngineContext, cluster: ClusterState, file: string, namespace: string | undefined, readFile: ReadFile | undefined): KubectlRun {
  const text = readFile?.(file);
  // cli-runtime's FileVisitor for a path that is not there.
  if (text === undefined) return failed(`error: the path "${file}" does not exist`);
  if (namespace !== undefined && namespace !== 'default') {
    return failed(`error: TokenScope's kubectl apply takes each object's namespace from the manifest; write metadata.namespace: ${namespace} there instead of -n`);
  }
  const outcome = applyManifest(ctx, cluster, text);
  let stdout = '';
  let stderr = '';
  for (const line of outcome.output.split('\n')) {
    if (line === '') continue;
    if (CREATED_LINE.test(line)) stdout += `${line}\n`;
    else stderr += `${line.replace('error when creating: ', `error when creating "${file}": `)}\n`;
  }
  return { stdout, stderr, exitCode: outcome.ok ? 0 : 1 };
}

export function runEditorApply(ctx: EngineContext, cluster: ClusterState, manifest: string): EditorApplyResult {
  const firstEvent = ctx.events.length;
  const outcome = applyManifest(ctx, cluster, manifest);
  if (outcome.ok) return { ok: true, output: outcome.output, errors: [] };
  // A manifest that does not parse is refused whole, with every error located by the parser.
  const parsed = parseManifest(manifest);
  if (!parsed.ok) return { ok: false, output: outcome.output, errors: parsed.errors };
  // Objects the API server refused: applyManifest located each error at the field it names.
  const errors: InputError[] = [];
  for (const event of ctx.events.slice(firstEvent)) {
    if (event.type !== 'manifest.rejected') continue;
    errors.push({ message: event.error, ...(event.line !== undefined ? { line: event.line } : {}), ...(event.column !== undefined ? { column: event.column } : {}) });
  }
  return { ok: false, output: outcome.output, errors };
}
