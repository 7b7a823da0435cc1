/**
 * `kubectl apply` input: YAML text holding a Pod, ServiceAccount or Secret (several documents may be separated by
 * `---`). Checks what a YAML-to-JSON decode would reject (wrong kinds, wrong field types, missing names) and keeps the
 * node positions so the simulated API server can point its own validation errors at a line.
 */
import { isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Document, YAMLMap } from 'yaml';
import type { Pod, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import type { InputError, ParseResult } from '../text/input-error.ts';
import { POD_SCHEMA, SECRET_SCHEMA, SERVICE_ACCOUNT_SCHEMA } from './manifest-schema.ts';
import type { FieldSpec } from './manifest-schema.ts';
import {
  byPosition,
  describeError,
  describeNode,
  documentProblems,
  findPair,
  keyText,
  locatePath,
  resolveNode,
  SourceMap,
  splitFieldPath,
  truncate,
  YAML_PARSE_OPTIONS,
  yamlShapeProblem,
  yamlSyntaxErrors,
} from './yaml-source.ts';
import type { SourceOffsets, SourcePosition } from './yaml-source.ts';
import { quoteHint } from './yaml-field-reader.ts';

export type ManifestObject = Pod | ServiceAccount | Secret;
export type ManifestKind = 'Pod' | 'ServiceAccount' | 'Secret';

interface DocumentBase {
  /** 1-based line (in the file the text came from) where this document's content starts. */
  line: number;
  /**
   * Where a field is: `['spec', 'volumes', '0', 'projected']` or the API server's own notation
   * `spec.volumes[0].projected`. Falls back to the deepest part of the path that exists.
   */
  locate(path: readonly string[] | string): SourcePosition | undefined;
}

export type ManifestDocument =
  | (DocumentBase & { kind: 'Pod'; object: Pod })
  | (DocumentBase & { kind: 'ServiceAccount'; object: ServiceAccount })
  | (DocumentBase & { kind: 'Secret'; object: Secret });

export interface ParsedManifest {
  documents: ManifestDocument[];
  /** `documents[documentIndex].locate(path)`; most manifests hold one object. */
  locate(path: readonly string[] | string, documentIndex?: number): SourcePosition | undefined;
}

export interface ManifestParseOptions extends SourceOffsets {
  /** Prepended to every error path, e.g. `steps[1].apply` for a manifest embedded in a scenario. */
  pathPrefix?: string;
}

const SCHEMAS: Readonly<Record<ManifestKind, FieldSpec>> = {
  Pod: POD_SCHEMA,
  ServiceAccount: SERVICE_ACCOUNT_SCHEMA,
  Secret: SECRET_SCHEMA,
};

const KINDS = Object.keys(SCHEMAS) as ManifestKind[];

/** Kinds a learner may reasonably try; named in the error so it reads as "not simulated", not "you typo'd". */
const REAL_BUT_UNSIMULATED = new Set([
  'ConfigMap', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Service', 'Namespace',
  'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'Node', 'TokenRequest', 'TokenReview', 'Ingress',
]);

const MAX_ALIAS_COUNT = 100;

export function parseManifest(text: string, options: ManifestParseOptions = {}): ParseResult<ParsedManifest> {
  const prefix = options.pathPrefix ?? '';
  const map = new SourceMap(text, options);
  try {
    return parseChecked(text, map, prefix);
  } catch (error) {
    // The yaml library can still throw on pathological input (deep nesting); never let that escape.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [describeError(prefix, `could not be read as YAML: ${truncate(reason, 120)}`, map.position(0))] };
  }
}

function parseChecked(text: string, map: SourceMap, prefix: string): ParseResult<ParsedManifest> {
  const shape = yamlShapeProblem(text, map, prefix);
  if (shape) return { ok: false, errors: [shape] };
  const docs = parseAllDocuments(text, YAML_PARSE_OPTIONS);
  const errors: InputError[] = [];
  const documents: ManifestDocument[] = [];
  // An empty stream (only comments, say) carries its own errors instead of documents.
  if ('empty' in docs) errors.push(...yamlSyntaxErrors(docs.errors, map, prefix));
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      errors.push(...yamlSyntaxErrors(doc.errors, map, prefix));
      continue;
    }
    const problems = documentProblems(doc, map, prefix);
    if (problems.length > 0) {
      errors.push(...problems);
      continue;
    }
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) continue;
    const checked = checkDocument(doc, map, prefix);
    errors.push(...checked.errors);
    if (checked.document !== undefined) documents.push(checked.document);
  }
  if (errors.length === 0 && documents.length === 0) {
    errors.push(describeError(prefix, 'the manifest is empty; it needs apiVersion, kind and metadata.name', map.position(0)));
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort(byPosition) };
  return {
    ok: true,
    value: {
      documents,
      locate: (path, documentIndex = 0) => documents[documentIndex]?.locate(path),
    },
  };
}

function checkDocument(doc: Document, map: SourceMap, prefix: string): { errors: InputError[]; document?: ManifestDocument } {
  const start = map.nodePosition(doc.contents, map.position(0));
  const checker = new Checker(doc, map, prefix);
  const root = resolveNode(doc.contents, doc);
  if (!isMap(root)) {
    return { errors: [describeError(prefix, `a manifest must be a mapping with apiVersion, kind and metadata, got ${describeNode(root)}`, start)] };
  }
  const kind = checker.checkHeader(root, start);
  if (kind !== undefined) {
    checker.check(root, SCHEMAS[kind], [], start);
    checker.checkNames(root);
  }
  if (checker.errors.length > 0 || kind === undefined) return { errors: checker.errors };

  let plain: unknown;
  try {
    plain = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { errors: [describeError(prefix, `could not be read: ${truncate(reason, 120)}`, start)] };
  }
  const object = withoutNulls(plain);
  const locate = (path: readonly string[] | string): SourcePosition | undefined =>
    locatePath(doc.contents, typeof path === 'string' ? splitFieldPath(path) : path, doc, map, start);
  const base = { line: start.line, locate };
  const document: ManifestDocument =
    kind === 'Pod'
      ? { ...base, kind, object: object as Pod }
      : kind === 'ServiceAccount'
        ? { ...base, kind, object: object as ServiceAccount }
        : { ...base, kind, object: object as Secret };
  return { errors: [], document };
}

/** An explicit `null` means "unset" to the Kubernetes API, so it is dropped rather than kept as a value. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item !== null && item !== undefined) out[key] = withoutNulls(item);
    }
    return out;
  }
  return value;
}

// RFC 1123, with apimachinery's wording (k8s.io/apimachinery/pkg/util/validation/validation.go).
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1123_LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

class Checker {
  readonly errors: InputError[] = [];

  constructor(
    private readonly doc: Document,
    private readonly map: SourceMap,
    private readonly prefix: string,
  ) {}

  private fieldPath(segments: readonly (string | number)[]): string {
    let out = this.prefix;
    for (const segment of segments) {
      if (typeof segment === 'number') out += `[${segment}]`;
      else out += out === '' ? segment : `.${segment}`;
    }
    return out;
  }

  private report(segments: readonly (string | number)[], what: string, node: unknown, fallback: SourcePosition): void {
    this.errors.push(describeError(this.fieldPath(segments), what, this.map.nodePosition(node, fallback)));
  }

  checkHeader(root: YAMLMap, start: SourcePosition): ManifestKind | undefined {
    const apiVersionPair = findPair(root, 'apiVersion');
    const kindPair = findPair(root, 'kind');
    const apiVersion = scalarString(resolveNode(apiVersionPair?.value, this.doc));
    const kindValue = scalarString(resolveNode(kindPair?.value, this.doc));
    let kind: ManifestKind | undefined;
    if (kindPair === undefined || kindValue === undefined) {
      const what = kindPair === undefined ? 'Required value: one of Pod, ServiceAccount, Secret' : `must be one of Pod, ServiceAccount, Secret, got ${describeNode(resolveNode(kindPair.value, this.doc))}`;
      this.report(['kind'], what, kindPair?.value ?? kindPair?.key, start);
    } else if ((KINDS as string[]).includes(kindValue)) {
      kind = kindValue as ManifestKind;
    } else {
      const known = KINDS.find((k) => k.toLowerCase() === kindValue.toLowerCase());
      const what =
        kindValue.trim() !== kindValue && (KINDS as string[]).includes(kindValue.trim())
          ? straySpace(kindValue)
          : kindValue === 'List' || (kindValue.endsWith('List') && (KINDS as string[]).includes(kindValue.slice(0, -'List'.length)))
            ? `${kindValue} holds several objects (kubectl get -o yaml prints one for more than one object); TokenScope reads one object per document: put each item in a document of its own, separated by lines reading ---`
            : known !== undefined
          ? `${JSON.stringify(kindValue)} is not a kind; kinds are case-sensitive, did you mean ${known}?`
          : REAL_BUT_UNSIMULATED.has(kindValue)
            ? `${kindValue} is not simulated; TokenScope's cluster knows Pod, ServiceAccount and Secret`
            : `${JSON.stringify(truncate(kindValue))} is not one of Pod, ServiceAccount, Secret`;
      this.report(['kind'], what, kindPair.value, start);
    }
    if (apiVersionPair === undefined || apiVersion === undefined) {
      const what = apiVersionPair === undefined ? 'Required value: "v1"' : `must be "v1", got ${describeNode(resolveNode(apiVersionPair.value, this.doc))}`;
      this.report(['apiVersion'], what, apiVersionPair?.value ?? apiVersionPair?.key, start);
      return undefined;
    }
    // An unsimulated kind already says what is wrong; its apiVersion (apps/v1, say) is right for it.
    if (apiVersion !== 'v1' && !(kindValue !== undefined && kind === undefined)) {
      const subject = kind ?? 'Pod, ServiceAccount and Secret';
      const what = apiVersion.trim() === 'v1' ? straySpace(apiVersion) : `${subject} ${kind === undefined ? 'are' : 'is'} in "v1", not ${JSON.stringify(truncate(apiVersion))}`;
      this.report(['apiVersion'], what, apiVersionPair.value, start);
      return undefined;
    }
    return kind;
  }

  checkNames(root: YAMLMap): void {
    const metadata = resolveNode(findPair(root, 'metadata')?.value, this.doc);
    if (!isMap(metadata)) return;
    const namePair = findPair(metadata, 'name');
    const name = scalarString(resolveNode(namePair?.value, this.doc));
    const fallback = this.map.nodePosition(metadata, this.map.position(0));
    const nameNode = resolveNode(namePair?.value, this.doc);
    if (namePair === undefined || nameNode === null || isNullScalar(nameNode) || name === '') {
      const generateNamePair = findPair(metadata, 'generateName');
      const generateName = resolveNode(generateNamePair?.value, this.doc);
      if (generateNamePair !== undefined && generateName !== null && !isNullScalar(generateName)) {
        this.report(['metadata', 'generateName'], 'TokenScope does not simulate generateName in a manifest (kubectl apply refuses it too); give the object a fixed metadata.name', generateName, fallback);
      } else {
        this.report(['metadata', 'name'], 'Required value: name or generateName is required', name === '' ? nameNode : (namePair?.key ?? metadata), fallback);
      }
    } else if (name !== undefined) {
      if (name.length > 253) this.report(['metadata', 'name'], `Invalid value: ${JSON.stringify(truncate(name))}: must be no more than 253 characters`, namePair.value, fallback);
      else if (!DNS1123_SUBDOMAIN.test(name)) this.report(['metadata', 'name'], `Invalid value: ${JSON.stringify(name)}: ${DNS1123_SUBDOMAIN_MESSAGE}`, namePair.value, fallback);
    }
    const namespacePair = findPair(metadata, 'namespace');
    const namespace = scalarString(resolveNode(namespacePair?.value, this.doc));
    if (namespacePair !== undefined && namespace !== undefined) {
      if (namespace.length > 63) this.report(['metadata', 'namespace'], `Invalid value: ${JSON.stringify(truncate(namespace))}: must be no more than 63 characters`, namespacePair.value, fallback);
      else if (!DNS1123_LABEL.test(namespace)) this.report(['metadata', 'namespace'], `Invalid value: ${JSON.stringify(namespace)}: ${DNS1123_LABEL_MESSAGE}`, namespacePair.value, fallback);
    }
  }

  check(rawNode: unknown, spec: FieldSpec, segments: (string | number)[], fallback: SourcePosition): void {
    const node = resolveNode(rawNode, this.doc);
    const here = this.map.nodePosition(node, fallback);
    switch (spec.type) {
      case 'any':
        return;
      case 'string':
        if (scalarString(node) === undefined) this.report(segments, `must be a string, got ${describeNode(node)}${quoteHint(node)}`, node, fallback);
        return;
      case 'boolean':
        if (!(isScalar(node) && typeof node.value === 'boolean')) this.report(segments, `must be true or false, got ${describeNode(node)}`, node, fallback);
        return;
      case 'integer':
        if (!(isScalar(node) && typeof node.value === 'number' && Number.isSafeInteger(node.value))) {
          const hint = isScalar(node) && typeof node.value === 'string' && /^-?\d+$/.test(node.value.trim()) ? '; remove the quotes' : '';
          // A whole number past 2^53 - 1 is still an integer; it is refused because it cannot be held exactly.
          const tooLarge = isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value);
          const what = tooLarge
            ? `${describeNode(node)} is too large: TokenScope reads whole numbers exactly only up to ${Number.MAX_SAFE_INTEGER}`
            : `must be an integer, got ${describeNode(node)}${hint}`;
          this.report(segments, what, node, fallback);
        }
        return;
      case 'stringMap':
      case 'base64Map':
        this.checkStringMap(node, spec.type === 'base64Map', segments, fallback);
        return;
      case 'list': {
        if (!isSeq(node)) {
          this.report(segments, `must be a list, got ${describeNode(node)}`, node, fallback);
          return;
        }
        if (spec.nonEmpty === true && node.items.length === 0) this.report(segments, 'Required value: needs at least one item', node, fallback);
        node.items.forEach((item, index) => this.check(item, spec.of, [...segments, index], here));
        return;
      }
      case 'object': {
        if (!isMap(node)) {
          this.report(segments, `must be a mapping, got ${describeNode(node)}`, node, fallback);
          return;
        }
        for (const [field, fieldSpec] of Object.entries(spec.fields)) {
          const pair = findPair(node, field);
          const value = resolveNode(pair?.value, this.doc);
          if (pair === undefined || value === null || value === undefined || isNullScalar(value)) {
            if (spec.required?.includes(field) === true) this.report([...segments, field], 'Required value', pair?.key ?? node, fallback);
            continue;
          }
          this.check(value, fieldSpec, [...segments, field], this.map.nodePosition(pair.key, here));
        }
        return;
      }
    }
  }

  private checkStringMap(node: unknown, base64: boolean, segments: (string | number)[], fallback: SourcePosition): void {
    if (!isMap(node)) {
      this.report(segments, `must be a mapping of strings, got ${describeNode(node)}`, node, fallback);
      return;
    }
    for (const pair of node.items) {
      const key = keyText(pair);
      if (key === undefined) {
        this.report(segments, 'keys must be plain strings', pair.key, fallback);
        continue;
      }
      const value = resolveNode(pair.value, this.doc);
      const text = scalarString(value);
      if (text === undefined) {
        if (isNullScalar(value) || value === null || value === undefined) continue;
        this.report([...segments, key], `must be a string, got ${describeNode(value)}${quoteHint(value)}`, value, fallback);
      } else if (base64 && !BASE64.test(text.replace(/[\r\n]/g, ''))) {
        this.report([...segments, key], 'must be base64-encoded (use stringData for plain text)', value, fallback);
      }
    }
  }
}

/** Quoted YAML keeps spaces a reader cannot see in the message's own quotes unless told. */
function straySpace(value: string): string {
  return `${JSON.stringify(value)} has whitespace before or after it; write exactly ${value.trim()}`;
}

function scalarString(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

function isNullScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null;
}
