/**
 * `kubectl apply` of Pods, ServiceAccounts and Secrets: parse the YAML (structural errors with line and column),
 * then create each object through the API server; an API error is pointed at the line of the field it names.
 */
import type { Pod, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import { parseManifest } from '../manifest/parse-manifest.ts';
import { emit, type EngineContext } from './engine-context.ts';
import type { ClusterState } from './engine-state.ts';
import { createPod } from './api-server/pods.ts';
import { createServiceAccount } from './api-server/service-accounts.ts';
import { createSecret } from './api-server/secrets.ts';
import type { ApiResult } from './api-server/api-error.ts';

export interface ApplyOutcome {
  ok: boolean;
  /** kubectl-style lines: `pod/app created` or `Error from server (Invalid): …`. */
  output: string;
}

/** `firstLine`/`firstColumn`: where the text starts in the file it came from, so errors point into that file. */
export function applyManifest(ctx: EngineContext, cluster: ClusterState, text: string, firstLine = 1, firstColumn = 1): ApplyOutcome {
  const parsed = parseManifest(text, { lineOffset: firstLine - 1, columnOffset: firstColumn - 1 });
  if (!parsed.ok) {
    const first = parsed.errors[0];
    const output = parsed.errors.map((e) => `error: ${e.message}`).join('\n');
    emit(ctx, cluster.id, {
      type: 'manifest.rejected',
      error: output,
      ...(first?.line !== undefined ? { line: first.line } : {}),
      ...(first?.column !== undefined ? { column: first.column } : {}),
      message: `apply rejected: ${first?.message ?? 'invalid manifest'}`,
      cause: 'the manifest is not a valid Pod, ServiceAccount or Secret',
      refs: {},
    });
    return { ok: false, output };
  }
  const lines: string[] = [];
  let allOk = true;
  for (const doc of parsed.value.documents) {
    const result: ApiResult<Pod | ServiceAccount | Secret> =
      doc.kind === 'Pod'
        ? createPod(ctx, cluster, doc.object)
        : doc.kind === 'ServiceAccount'
          ? createServiceAccount(ctx, cluster, doc.object)
          : createSecret(ctx, cluster, doc.object);
    const name = result.ok ? result.value.metadata?.name ?? '' : doc.object.metadata?.name ?? '';
    if (result.ok) {
      lines.push(`${doc.kind.toLowerCase()}/${name} created`);
      emit(ctx, cluster.id, { type: 'manifest.applied', kind: doc.kind, name, message: `applied ${doc.kind} ${name}`, cause: 'kubectl apply', refs: {} });
      continue;
    }
    allOk = false;
    const where = result.error.field ? doc.locate(result.error.field) : undefined;
    lines.push(`Error from server (${result.error.reason}): error when creating: ${result.error.message}`);
    emit(ctx, cluster.id, {
      type: 'manifest.rejected',
      error: result.error.message,
      line: where?.line ?? doc.line,
      ...(where?.column !== undefined ? { column: where.column } : {}),
      message: `apply rejected: ${result.error.message}`,
      cause: `the API server refused the ${doc.kind} (HTTP ${result.error.status})`,
      refs: {},
    });
  }
  return { ok: allOk, output: lines.join('\n') };
}
