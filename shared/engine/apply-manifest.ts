/**
 * A manifest handed to kubectl: `apply` (create what is missing, patch what exists: `configured` or `unchanged`),
 * `create` (AlreadyExists for what exists) or `delete`. The YAML is parsed first (structural errors with line and
 * column); each object then goes through the API server, and an API error is pointed at the line of the field it names.
 */
import type { Pod, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import { parseManifest, type ManifestParseOptions, type ParsedManifest } from '../manifest/parse-manifest.ts';
import type { StepDocument } from './step-manifests.ts';
import { emit, type EngineContext } from './engine-context.ts';
import type { ClusterState } from './engine-state.ts';
import { createPod, deletePod } from './api-server/pods.ts';
import { createServiceAccount, deleteServiceAccount } from './api-server/service-accounts.ts';
import { createSecret, deleteSecret } from './api-server/secrets.ts';
import type { ApiError, ApiResult } from './api-server/api-error.ts';
import { mergePatch, plainJson, sameJson } from './kubectl/apply-patch.ts';
import { liveObject, updateObject, type ManifestObject } from './kubectl/update-objects.ts';

export type ManifestVerb = 'apply' | 'create' | 'delete';

export interface ManifestOptions {
  verb?: ManifestVerb;
  /** Where the text starts in the file it came from, so errors point into that file. */
  firstLine?: number;
  firstColumn?: number;
  /** The file name kubectl puts in its errors (`"STDIN"` for `-f -`); omitted, errors name no file. */
  source?: string;
  /** `delete --grace-period`. */
  gracePeriodSec?: number;
  /** The manifest's documents when the scenario reader has them already (a step's manifest). */
  documents?: readonly StepDocument[];
}

export interface ApplyOutcome {
  ok: boolean;
  /** kubectl-style lines in the order printed: `pod/app created` or `Error from server (Invalid): …`. */
  output: string;
}

/** The outcome with its lines split as kubectl writes them (each newline-terminated). */
export interface ManifestRun extends ApplyOutcome {
  stdout: string;
  stderr: string;
}

/** `kubectl apply` of a scenario step or the editor: `firstLine`/`firstColumn` say where the text starts in its file. */
export function applyManifest(ctx: EngineContext, cluster: ClusterState, text: string, firstLine = 1, firstColumn = 1, documents?: readonly StepDocument[]): ApplyOutcome {
  const { ok, output } = runManifest(ctx, cluster, text, { firstLine, firstColumn, ...(documents ? { documents } : {}) });
  return { ok, output };
}

export function runManifest(ctx: EngineContext, cluster: ClusterState, text: string, options: ManifestOptions = {}): ManifestRun {
  const verb = options.verb ?? 'apply';
  const offsets = { lineOffset: (options.firstLine ?? 1) - 1, columnOffset: (options.firstColumn ?? 1) - 1 };
  const parsed = options.documents ? { ok: true as const, value: parsedLater(text, offsets, options.documents) } : parseManifest(text, offsets);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    // kubectl names the file it could not parse ("error parsing STDIN: …"); each message ends with its place in it.
    const prefix = options.source === undefined ? 'error: ' : `error: error parsing ${options.source}: `;
    const output = parsed.errors.map((e) => `${prefix}${e.message}`).join('\n');
    emit(ctx, cluster.id, {
      type: 'manifest.rejected',
      error: output,
      ...(first?.line !== undefined ? { line: first.line } : {}),
      ...(first?.column !== undefined ? { column: first.column } : {}),
      message: `${verb} rejected: ${first?.message ?? 'invalid manifest'}`,
      cause: 'the manifest is not a valid Pod, ServiceAccount or Secret',
      refs: {},
    });
    return { ok: false, output, stdout: '', stderr: `${output}\n` };
  }
  const lines: { err: boolean; text: string }[] = [];
  let allOk = true;
  const from = options.source === undefined ? '' : ` ${JSON.stringify(options.source)}`;
  for (const doc of parsed.value.documents) {
    const name = doc.object.metadata?.name ?? '';
    const namespace = doc.object.metadata?.namespace ?? 'default';
    const kindWord = doc.kind.toLowerCase();
    const refuse = (error: ApiError, action: string, line: string): void => {
      allOk = false;
      const where = error.field ? doc.locate(error.field) : undefined;
      lines.push({ err: true, text: line });
      emit(ctx, cluster.id, {
        type: 'manifest.rejected',
        error: error.message,
        line: where?.line ?? doc.line,
        ...(where?.column !== undefined ? { column: where.column } : {}),
        message: `${verb} rejected: ${error.message}`,
        cause: action === 'create' ? `the API server refused the ${doc.kind} (HTTP ${error.status})` : `the API server refused to ${action} the ${doc.kind} (HTTP ${error.status})`,
        refs: {},
      });
    };
    const applied = (outcome: string): void => {
      emit(ctx, cluster.id, { type: 'manifest.applied', kind: doc.kind, name, message: `${outcome} ${doc.kind} ${name}`, cause: `kubectl ${verb}`, refs: {} });
    };

    if (verb === 'delete') {
      const result: ApiResult<unknown> =
        doc.kind === 'Pod'
          ? deletePod(ctx, cluster, namespace, name, options.gracePeriodSec)
          : doc.kind === 'ServiceAccount'
            ? deleteServiceAccount(ctx, cluster, namespace, name)
            : deleteSecret(ctx, cluster, namespace, name);
      if (result.ok) lines.push({ err: false, text: `${kindWord} "${name}" ${options.gracePeriodSec === 0 ? 'force deleted' : 'deleted'}` });
      // cmdutil.AddSourceToErr("deleting", …).
      else refuse(result.error, 'delete', `Error from server (${result.error.reason}): error when deleting${from}: ${result.error.message}`);
      continue;
    }

    const live = verb === 'apply' ? liveObject(cluster, doc.kind, namespace, name) : undefined;
    if (live !== undefined) {
      const current = plainJson(live);
      const merged = mergePatch(plainJson({ ...withoutStatus(doc.object), metadata: { ...doc.object.metadata, namespace } }), current);
      if (sameJson(merged, current)) {
        lines.push({ err: false, text: `${kindWord}/${name} unchanged` });
        continue;
      }
      const updated = updateObject(cluster, doc.kind, namespace, name, merged as unknown as ManifestObject);
      if (updated.ok) {
        lines.push({ err: false, text: `${kindWord}/${name} configured` });
        applied('configured');
      } else {
        // A single Invalid error goes through cmdutil.CheckErr's IsInvalid branch: "The <Kind> "<name>" is invalid: …".
        const text = updated.error.reason === 'Invalid' ? `The ${updated.error.message}` : `Error from server (${updated.error.reason}): error when applying patch${from}: ${updated.error.message}`;
        refuse(updated.error, 'update', text);
      }
      continue;
    }

    const object = doc.object;
    const result: ApiResult<Pod | ServiceAccount | Secret> =
      doc.kind === 'Pod'
        ? createPod(ctx, cluster, object as Pod)
        : doc.kind === 'ServiceAccount'
          ? createServiceAccount(ctx, cluster, object as ServiceAccount)
          : createSecret(ctx, cluster, object as Secret);
    if (result.ok) {
      lines.push({ err: false, text: `${kindWord}/${result.value.metadata?.name ?? name} created` });
      applied(verb === 'apply' ? 'applied' : 'created');
    } else {
      refuse(result.error, 'create', `Error from server (${result.error.reason}): error when creating${from}: ${result.error.message}`);
    }
  }
  return {
    ok: allOk,
    output: lines.map((line) => line.text).join('\n'),
    stdout: lines.filter((line) => !line.err).map((line) => `${line.text}\n`).join(''),
    stderr: lines.filter((line) => line.err).map((line) => `${line.text}\n`).join(''),
  };
}

/**
 * A manifest whose documents are known, parsed only if someone asks where a field is (an API error points at it):
 * the same positions the parse gives, without a parse for every apply that succeeds.
 */
function parsedLater(text: string, offsets: ManifestParseOptions, documents: readonly StepDocument[]): ParsedManifest {
  let full: ParsedManifest | undefined;
  const located = (): ParsedManifest => {
    if (!full) {
      const parsed = parseManifest(text, offsets);
      if (!parsed.ok) throw new Error('internal: a step manifest the scenario reader accepted no longer parses');
      full = parsed.value;
    }
    return full;
  };
  return {
    documents: documents.map((doc, index) => ({ ...doc, locate: (path: readonly string[] | string) => located().documents[index]!.locate(path) })),
    locate: (path, documentIndex) => located().locate(path, documentIndex),
  };
}

/** A Pod's or Secret's `status` is not the client's to set; apply leaves the live one alone. */
function withoutStatus(object: ManifestObject): ManifestObject {
  if (!('status' in object)) return object;
  const copy: Record<string, unknown> = { ...object };
  delete copy.status;
  return copy;
}
