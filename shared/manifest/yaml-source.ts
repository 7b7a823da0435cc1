/**
 * Positions and node access for YAML parsed with `yaml`'s document API, shared by the manifest and scenario parsers
 * so both point at the same line and column, and both can report positions inside a manifest that is embedded in a
 * scenario file (shifted by the block scalar's first line and indentation).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Pair, YAMLError, YAMLMap } from 'yaml';
import type { InputError, ParseResult } from '../scenario/scenario-types.ts';

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

  constructor(text: string, offsets: SourceOffsets = {}) {
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
  return errors.map((error) => {
    const firstLine = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    const what =
      error.code === 'MULTIPLE_DOCS'
        ? 'holds more than one YAML document; keep one (remove the extra ---)'
        : error.code === 'DUPLICATE_KEY'
          ? 'a key appears twice in the same mapping; keys must be unique'
          : `YAML syntax: ${firstLine}`;
    return describeError(pathPrefix, what, map.position(error.pos[0]));
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
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item as Pair;
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
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = node.value;
    if (value === null) return 'nothing (null)';
    if (typeof value === 'string') return `the string ${JSON.stringify(truncate(value))}`;
    // The source text keeps what was typed: `1.0`, not the 1 that YAML read.
    if (typeof value === 'number') return `the number ${node.type === 'PLAIN' && node.source !== undefined ? node.source : String(value)}`;
    if (typeof value === 'boolean') return `the boolean ${String(value)}`;
    return 'a value of an unsupported type';
  }
  return 'an unsupported YAML node';
}

export function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
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
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) return { ok: false, errors: yamlSyntaxErrors(doc.errors, map) };
    const reader = makeReader(doc, map);
    const value = reader.read();
    if (reader.errors.length > 0 || value === undefined) {
      return { ok: false, errors: reader.errors.length > 0 ? reader.errors.sort(byPosition) : [describeError('', `the ${what} could not be read`, map.position(0))] };
    }
    return { ok: true, value };
  } catch (error) {
    // Last line of defence: pathological YAML (nesting thousands deep, say) can still make the library throw.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [describeError('', `could not be read as YAML: ${truncate(reason, 120)}`, map.position(0))] };
  }
}
