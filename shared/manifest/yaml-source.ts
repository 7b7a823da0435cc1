/**
 * Positions and node access for YAML parsed with `yaml`'s document API, shared by the manifest and scenario parsers
 * so both point at the same line and column, and both can report positions inside a manifest that is embedded in a
 * scenario file (shifted by the block scalar's first line and indentation).
 */
import { isAlias, isDocument, isMap, isPair, isScalar, isSeq, parseDocument, Parser } from 'yaml';
import type { Document, Pair, Scalar, YAMLError, YAMLMap } from 'yaml';
import type { InputError, ParseResult } from '../text/input-error.ts';
import { formatLimit, overBudget, YAML_MAX_COLLECTION_ITEMS, YAML_MAX_DEPTH } from '../limits/input-budgets.ts';

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like the rest of the editor tooling. */
  column: number;
}

export interface SourceOffsets {
  /** Lines before the text's first line in the file it came from. */
  lineOffset?: number;
  /** Columns every line of the text was indented by in the file it came from (a block scalar's indentation). */
  columnOffset?: number;
  /**
   * Length of a line of the file the text came from. A blank line inside a block scalar can be shorter in the file than
   * the block's indentation, so a column shifted by `columnOffset` is kept at most one past that line's end.
   */
  fileLineLength?: (fileLine: number) => number;
}

/**
 * Maps character offsets in one text to positions in the file the text came from. Line starts are computed here
 * rather than by yaml's LineCounter, which misses newlines inside tokens it gives up on after a syntax error.
 */
export class SourceMap {
  private readonly lineStarts: number[] = [0];
  private readonly lineOffset: number;
  private readonly columnOffset: number;
  private readonly textLength: number;
  private readonly fileLineLength: ((fileLine: number) => number) | undefined;
  private readonly text: string;

  constructor(text: string, offsets: SourceOffsets = {}) {
    this.text = text;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    this.lineOffset = safeOffset(offsets.lineOffset);
    this.columnOffset = safeOffset(offsets.columnOffset);
    this.textLength = text.length;
    this.fileLineLength = offsets.fileLineLength;
  }

  /** Length of this text's 1-based `line`, without its newline (0 for a line past the end). */
  lineLength(line: number): number {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return 0;
    const next = this.lineStarts[line];
    return (next === undefined ? this.textLength : next - 1) - start;
  }

  /** True when the indentation of the line holding `offset` has a tab in it. */
  indentHasTab(offset: number): boolean {
    const at = Number.isFinite(offset) ? Math.min(Math.max(0, Math.floor(offset)), this.textLength) : 0;
    const start = this.text.lastIndexOf('\n', at - 1) + 1;
    const indent = /^[ \t]*/.exec(this.text.slice(start, start + 1000))?.[0] ?? '';
    return indent.includes('\t');
  }

  position(offset: number): SourcePosition {
    const at = Number.isFinite(offset) ? Math.max(0, Math.floor(offset)) : 0;
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    const line = low + 1 + this.lineOffset;
    const column = at - (this.lineStarts[low] ?? 0) + 1 + this.columnOffset;
    return { line, column: this.fileLineLength ? Math.min(column, this.fileLineLength(line) + 1) : column };
  }

  /** Where a node starts; `fallback` (the document start, usually) when the node has no range. */
  nodePosition(node: unknown, fallback: SourcePosition): SourcePosition {
    const range = rangeOf(node);
    return range === undefined ? fallback : this.position(range[0]);
  }
}

function safeOffset(value: number | undefined): number {
  return value !== undefined && Number.isSafeInteger(value) && value > 0 ? value : 0;
}

function rangeOf(node: unknown): readonly [number, number, number] | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const range = (node as { range?: unknown }).range;
  if (Array.isArray(range) && typeof range[0] === 'number') return range as unknown as [number, number, number];
  return undefined;
}

/** Orders errors as they appear in the file, so a reader can fix them top to bottom. */
export function byPosition(a: InputError, b: InputError): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** `path: what (line L, column C)`, the one shape every user-facing input error takes. */
export function describeError(path: string, what: string, position: SourcePosition | undefined): InputError {
  const where = position === undefined ? '' : ` (line ${position.line}, column ${position.column})`;
  const message = `${path === '' ? '' : `${path}: `}${what}${where}`;
  const error: InputError = { message };
  if (path !== '') error.path = path;
  if (position !== undefined) {
    error.line = position.line;
    error.column = position.column;
  }
  return error;
}

/** yaml's own syntax errors, reworded to our shape; the first line of its message is the useful part. */
export function yamlSyntaxErrors(errors: readonly YAMLError[], map: SourceMap, pathPrefix = ''): InputError[] {
  // A tab in a line's indentation gives yaml's errors about that line ("less indented", "nested mappings") that do
  // not say why; the tab is named instead, once per line.
  const tabLines = new Set<number>();
  return errors.flatMap((error) => {
    if (map.indentHasTab(error.pos[0])) {
      const position = map.position(error.pos[0]);
      if (tabLines.has(position.line)) return [];
      tabLines.add(position.line);
      const lineStart = { line: position.line, column: 1 };
      return [describeError(pathPrefix, `YAML syntax: line ${position.line} is indented with a tab; YAML indents with spaces only, so replace the tab with spaces`, lineStart)];
    }
    const firstLine = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    const what =
      error.code === 'MULTIPLE_DOCS'
        ? 'holds more than one YAML document; keep one (remove the extra ---)'
        : error.code === 'DUPLICATE_KEY'
          ? 'a key appears twice in the same mapping; keys must be unique'
          : `YAML syntax: ${firstLine}`;
    return [describeError(pathPrefix, what, map.position(error.pos[0]))];
  });
}

/** Follows aliases (`*anchor`) to the node they stand for, at most a few hops so a cycle cannot hang us. */
export function resolveNode(node: unknown, doc: Document): unknown {
  let current = node;
  for (let hops = 0; hops < 16 && isAlias(current); hops++) {
    try {
      current = current.resolve(doc);
    } catch {
      return undefined;
    }
  }
  return current;
}

/** The pair for `key` in a mapping whose keys are plain scalars, or undefined. */
export function findPair(map: YAMLMap, key: string): Pair | undefined {
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item;
  }
  return undefined;
}

/** The text of a scalar key, or undefined for complex keys (`? [a, b]`), which no field here accepts. */
export function keyText(pair: Pair): string | undefined {
  if (isScalar(pair.key)) {
    const value = pair.key.value;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (value === null) return '';
  }
  return undefined;
}

/**
 * Where a field path points: the value for scalars and flow collections, the key for block collections (whose
 * value starts on the next line), and the deepest existing ancestor when the path leads to nothing.
 */
export function locatePath(
  root: unknown,
  path: readonly string[],
  doc: Document,
  map: SourceMap,
  fallback: SourcePosition,
): SourcePosition {
  let node = resolveNode(root, doc);
  let best = map.nodePosition(node, fallback);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = findPair(node, segment);
      if (pair === undefined) return best;
      const value = resolveNode(pair.value, doc);
      const keyPosition = map.nodePosition(pair.key, best);
      best = isAbsent(value) || isBlockCollection(value) ? keyPosition : map.nodePosition(value, keyPosition);
      node = value;
    } else if (isSeq(node)) {
      const index = /^\d+$/.test(segment) ? Number(segment) : Number.NaN;
      const item = Number.isSafeInteger(index) ? node.items[index] : undefined;
      if (item === undefined) return best;
      node = resolveNode(item, doc);
      best = map.nodePosition(node, best);
    } else {
      return best;
    }
  }
  return best;
}

/** `key:` with nothing after it: yaml gives an empty null scalar positioned after the colon, not useful to point at. */
export function isAbsent(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null && (node.source === undefined || node.source === ''));
}

function isBlockCollection(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && !(node as { flow?: boolean }).flow;
}

/**
 * Splits an API field path as the API server prints it (`spec.volumes[0].projected.sources[0].path`,
 * `metadata.annotations[example.com/key]`) into segments.
 */
export function splitFieldPath(path: string): string[] {
  const segments: string[] = [];
  let current = '';
  let i = 0;
  while (i < path.length) {
    const char = path[i];
    if (char === '.') {
      if (current !== '') segments.push(current);
      current = '';
      i++;
    } else if (char === '[') {
      if (current !== '') segments.push(current);
      current = '';
      const close = path.indexOf(']', i + 1);
      const end = close === -1 ? path.length : close;
      segments.push(path.slice(i + 1, end));
      i = end + 1;
    } else {
      current += char;
      i++;
    }
  }
  if (current !== '') segments.push(current);
  return segments;
}

/** A short description of what a node holds, for "must be X, got Y" messages. */
export function describeNode(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  // "must be a non-empty list, got a list" would not say what is wrong.
  if (isMap(node)) return node.items.length === 0 ? 'an empty mapping' : 'a mapping';
  if (isSeq(node)) return node.items.length === 0 ? 'an empty list' : 'a list';
  if (isScalar(node)) {
    const value = node.value;
    if (value === null) return 'nothing (null)';
    if (typeof value === 'string') return `the string ${JSON.stringify(truncate(value))}`;
    if (typeof value === 'number') return `the number ${numberText(node)}`;
    if (typeof value === 'boolean') return `the boolean ${String(value)}`;
    return 'a value of an unsupported type';
  }
  return 'an unsupported YAML node';
}

/** A number as it was typed (`1.0`, `1e20`), not as YAML read it (1, 100000000000000000000). */
export function numberText(node: Scalar): string {
  return node.type === 'PLAIN' && node.source !== undefined ? node.source : String(node.value);
}

export function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}


/**
 * What `yaml` is asked to do: keys are checked for uniqueness by `documentProblems` below, in one pass, because the
 * library's own check compares every key with every other (60,000 labels took 89 s).
 */
export const YAML_PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: false } as const;

interface CstCollection {
  offset: number;
  items: Array<{ start: Array<{ offset: number }>; key?: unknown; value?: unknown }>;
}

function cstCollection(token: unknown): CstCollection | undefined {
  const t = token as { type?: string; items?: unknown };
  return (t?.type === 'block-map' || t?.type === 'block-seq' || t?.type === 'flow-collection') && Array.isArray(t.items) ? (token as CstCollection) : undefined;
}

function itemOffset(item: CstCollection['items'][number], fallback: number): number {
  const token = (item.key ?? item.value) as { offset?: number } | undefined;
  return token?.offset ?? item.start[0]?.offset ?? fallback;
}

/**
 * The budgets on a YAML text's shape (nesting, entries per mapping or list), checked on the library's concrete syntax
 * tree, which it builds without recursion, before the document is composed (composing recurses, and runs out of
 * stack near a thousand levels). Undefined when the text is within them.
 */
export function yamlShapeProblem(text: string, map: SourceMap, pathPrefix = ''): InputError | undefined {
  const stack: Array<{ token: unknown; depth: number }> = [];
  for (const token of new Parser().parse(text)) {
    if (token.type === 'document') stack.push({ token: token.value, depth: 0 });
    while (stack.length > 0) {
      const { token: node, depth } = stack.pop()!;
      const collection = cstCollection(node);
      if (!collection) continue;
      if (depth + 1 > YAML_MAX_DEPTH) {
        return describeError(pathPrefix, overBudget('this YAML', `nested more than ${YAML_MAX_DEPTH} levels deep`, `${YAML_MAX_DEPTH} levels`, 'flatten it (a Pod manifest nests about ten)'), map.position(collection.offset));
      }
      if (collection.items.length > YAML_MAX_COLLECTION_ITEMS) {
        const extra = collection.items[YAML_MAX_COLLECTION_ITEMS]!;
        return describeError(
          pathPrefix,
          overBudget('this mapping or list', `${formatLimit(collection.items.length)} entries long`, `${formatLimit(YAML_MAX_COLLECTION_ITEMS)} entries`, 'split it or remove entries'),
          map.position(itemOffset(extra, collection.offset)),
        );
      }
      for (const item of collection.items) {
        if (item.key !== undefined) stack.push({ token: item.key, depth: depth + 1 });
        if (item.value !== undefined) stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** Every node of a composed document, parents before children, in the order they are written. */
function nodesInOrder(root: unknown): unknown[] {
  const out: unknown[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || node === undefined) continue;
    out.push(node);
    if (isPair(node)) stack.push(node.value, node.key);
    else if (isMap(node) || isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  return out;
}

function scalarKeyId(key: unknown): string | undefined {
  return isScalar(key) ? `${typeof key.value}:${String(key.value)}` : undefined;
}

function startOf(node: unknown): number {
  return (node as { range?: readonly number[] } | null)?.range?.[0] ?? 0;
}

/**
 * What the composed document gets wrong that `yaml` does not report with our options: a key written twice in one
 * mapping, and an alias to an anchor that is not defined before it (YAML reads aliases backwards only).
 */
export function documentProblems(doc: Document, map: SourceMap, pathPrefix = ''): InputError[] {
  const errors: InputError[] = [];
  const anchors = new Map<string, number>();
  const root = isDocument(doc) ? doc.contents : undefined;
  for (const node of nodesInOrder(root)) {
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor !== undefined && !anchors.has(anchor)) anchors.set(anchor, startOf(node));
    if (isAlias(node)) {
      const definedAt = anchors.get(node.source);
      const later = definedAt === undefined ? laterAnchor(root, node.source) : undefined;
      if (definedAt === undefined) {
        const what = later === undefined
          ? `the alias *${node.source} refers to no anchor; define &${node.source} on a value above it`
          : `the alias *${node.source} comes before its anchor &${node.source} (line ${map.position(later).line}); YAML reads an alias only after its anchor, so move the anchored value above it`;
        errors.push(describeError(pathPrefix, what, map.position(startOf(node))));
      }
    }
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const item of node.items) {
        const key = isPair(item) ? item.key : undefined;
        const id = scalarKeyId(key);
        if (id === undefined) continue;
        const first = seen.get(id);
        if (first !== undefined) {
          const name = JSON.stringify(truncate(String((key as Scalar).value)));
          errors.push(describeError(pathPrefix, `the key ${name} appears twice in the same mapping (first on line ${map.position(first).line}); keys must be unique`, map.position(startOf(key))));
        } else seen.set(id, startOf(key));
      }
    }
  }
  return errors;
}

function laterAnchor(root: unknown, name: string): number | undefined {
  const node = nodesInOrder(root).find((n) => (n as { anchor?: string }).anchor === name);
  return node === undefined ? undefined : startOf(node);
}

/** Reads one YAML document into a value, collecting every problem rather than stopping at the first. */
export interface DocumentReader<T> {
  readonly errors: InputError[];
  read(): T | undefined;
}

/**
 * Parses `text` as one YAML document and hands it to a reader: syntax errors, the reader's errors in file order, or
 * the value. `what` names the thing in the fallback message ("the scenario could not be read").
 */
export function readYamlDocument<T>(text: string, what: string, makeReader: (doc: Document, map: SourceMap) => DocumentReader<T>): ParseResult<T> {
  const map = new SourceMap(text);
  try {
    const shape = yamlShapeProblem(text, map);
    if (shape) return { ok: false, errors: [shape] };
    const doc = parseDocument(text, YAML_PARSE_OPTIONS);
    if (doc.errors.length > 0) {
      const bareCr = text.includes('\n') ? null : /\r/.exec(text);
      if (bareCr !== null) {
        return { ok: false, errors: [describeError('', 'the lines of this file end in a bare carriage return (CR), which YAML does not read as a line break; save it with LF or CRLF line endings', map.position(bareCr.index))] };
      }
      return { ok: false, errors: yamlSyntaxErrors(doc.errors, map) };
    }
    const problems = documentProblems(doc, map);
    if (problems.length > 0) return { ok: false, errors: problems.sort(byPosition) };
    const reader = makeReader(doc, map);
    const value = reader.read();
    if (reader.errors.length > 0 || value === undefined) {
      return { ok: false, errors: reader.errors.length > 0 ? reader.errors.sort(byPosition) : [describeError('', `the ${what} could not be read`, map.position(0))] };
    }
    return { ok: true, value };
  } catch (error) {
    // Last line of defence: the budgets above keep the library within its limits, but a reader must never throw.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [describeError('', `could not be read as YAML: ${truncate(reason, 120)}`, map.position(0))] };
  }
}
