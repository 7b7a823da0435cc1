/**
 * The field-reading half of the scenario and lesson parsers: look a key up, say it is missing, unknown (with the
 * nearest allowed key), of the wrong type or empty, always with the field path and the line and column. Each parser
 * extends this and adds the fields of its own format.
 */
import { isAlias, isMap, isScalar } from 'yaml';
import type { Document, Pair, Scalar, YAMLMap } from 'yaml';
import type { InputError } from '../text/input-error.ts';
import { describeError, describeNode, findPair, isAbsent, keyText, resolveNode, truncate, type SourceMap, type SourcePosition } from './yaml-source.ts';
import { parseScenarioDuration } from '../time/duration.ts';
import { editDistance } from '../text/edit-distance.ts';

export interface Field {
  pair: Pair;
  /** The value with aliases followed; `null` when the key has no value. */
  value: unknown;
  /** Where an error about this field's value points: the value, or the key when there is no value. */
  position: SourcePosition;
}

export interface FieldReaderOptions {
  /**
   * Accept a plain `7` or `true` where text is expected, as its source text (scenario authors write `name: 7` and
   * mean the text). Lessons are stricter: their strings are sentences, and a number there is a mistake.
   */
  plainScalarsAsText: boolean;
}

export abstract class YamlFieldReader {
  readonly errors: InputError[] = [];
  protected readonly start: SourcePosition;

  protected constructor(
    protected readonly doc: Document,
    protected readonly map: SourceMap,
    protected readonly text: string,
    private readonly fieldOptions: FieldReaderOptions,
  ) {
    this.start = map.position(0);
  }

  protected error(path: string, what: string, position: SourcePosition): void {
    this.errors.push(describeError(path, what, position));
  }

  protected position(node: unknown, fallback: SourcePosition = this.start): SourcePosition {
    return this.map.nodePosition(node, fallback);
  }

  protected field(map: YAMLMap, key: string): Field | undefined {
    const pair = findPair(map, key);
    if (pair === undefined) return undefined;
    const value = resolveNode(pair.value, this.doc);
    const keyPosition = this.position(pair.key, this.position(map));
    return { pair, value: value ?? null, position: isAbsent(value) ? keyPosition : this.position(value, keyPosition) };
  }

  /** "is required" for a key that is not there; for one written with nothing after it, says that instead. */
  protected required(field: Field | undefined): string {
    return field === undefined ? 'is required' : 'is required but has no value';
  }

  protected isMissing(field: Field | undefined): boolean {
    return field === undefined || field.value === null || (isScalar(field.value) && field.value.value === null);
  }

  /** Unknown keys are errors that list what is allowed (and suggest the nearest allowed key). */
  protected checkKeys(map: YAMLMap, allowed: readonly string[], path: string): void {
    for (const pair of map.items) {
      const key = keyText(pair);
      if (key !== undefined && allowed.includes(key)) continue;
      if (key === '<<' && isScalar(pair.key) && pair.key.type === 'PLAIN') {
        const alias = isAlias(pair.value) ? `*${pair.value.source}` : '*name';
        this.error(path, `merge keys (<<) are not supported; write the keys out in full (an alias such as ${alias} can stand for a whole value)`, this.position(pair.key, this.position(map)));
        continue;
      }
      const shown = key === undefined ? 'a complex key' : `unknown key ${JSON.stringify(truncate(key))}`;
      const suggestion = key === undefined ? undefined : nearestKey(key, allowed);
      const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
      this.error(path, `${shown}${hint}; allowed keys are ${allowed.join(', ')}`, this.position(pair.key, this.position(map)));
    }
  }

  protected stringOf(field: Field, path: string, nonEmpty = true): string | undefined {
    const node = field.value;
    if (!(isScalar(node) && typeof node.value === 'string')) {
      if (this.fieldOptions.plainScalarsAsText && isScalar(node) && node.type === 'PLAIN' && (typeof node.value === 'number' || typeof node.value === 'boolean') && node.source !== undefined) {
        return node.source;
      }
      this.error(path, `must be a string, got ${describeNode(node)}${quoteHint(node)}`, field.position);
      return undefined;
    }
    if (nonEmpty && node.value.trim() === '') {
      this.error(path, 'must not be empty', field.position);
      return undefined;
    }
    return node.value;
  }

  protected requiredString(map: YAMLMap, key: string, path: string, mapPosition: SourcePosition = this.position(map)): string | undefined {
    const field = this.field(map, key);
    if (field === undefined || this.isMissing(field)) {
      this.error(path, this.required(field), field?.position ?? mapPosition);
      return undefined;
    }
    return this.stringOf(field, path);
  }

  protected optionalString(map: YAMLMap, key: string, path: string): string | undefined {
    const field = this.field(map, key);
    if (field === undefined || this.isMissing(field)) return undefined;
    return this.stringOf(field, path);
  }

  protected mappingOf(field: Field, path: string, example: string): YAMLMap | undefined {
    if (isMap(field.value)) return field.value;
    this.error(path, `must be a mapping such as ${example}, got ${describeNode(field.value)}`, field.position);
    return undefined;
  }

  /** A duration in the scenario notation, read from what was typed (`at: 0` reaches us as the number 0). */
  protected durationText(field: Field, path: string, expected: string): { text: string; ms: number } | undefined {
    const node = field.value;
    if (!isScalar(node) || !(typeof node.value === 'string' || typeof node.value === 'number')) {
      this.error(path, `must be ${expected}, got ${describeNode(node)}`, field.position);
      return undefined;
    }
    const text = node.type === 'PLAIN' && node.source !== undefined ? node.source : String(node.value);
    const parsed = parseScenarioDuration(text);
    if (!parsed.ok) {
      this.error(path, parsed.error, field.position);
      return undefined;
    }
    return { text, ms: parsed.ms };
  }

  /**
   * Where a block scalar's text starts in the file (`apply: |`): the line after its header, at the block's
   * indentation; for any other scalar, the scalar itself (positions inside a quoted one-liner are approximate).
   */
  protected blockPlacement(node: Scalar, pair: Pair): SourcePosition {
    const scalarStart = this.position(node);
    if (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') return scalarStart;
    const headerOffset = node.range?.[0] ?? 0;
    const headerEnd = this.text.indexOf('\n', headerOffset);
    if (headerEnd === -1) return scalarStart;
    const header = this.text.slice(headerOffset, headerEnd);
    const comment = header.indexOf('#');
    const indicator = /[1-9]/.exec(comment < 0 ? header : header.slice(0, comment));
    let indent = 0;
    if (indicator !== null) indent = this.position(pair.key).column - 1 + Number(indicator[0]);
    else {
      for (const line of this.text.slice(headerEnd + 1, node.range?.[1] ?? this.text.length).split('\n')) {
        if (line.trim() === '') continue;
        indent = line.length - line.trimStart().length;
        break;
      }
    }
    return { line: scalarStart.line + 1, column: indent + 1 };
  }
}

/** YAML reads a bare `2025` or `true` as a number or a boolean: where text was meant, quotes make it text. */
export function quoteHint(node: unknown): string {
  return isScalar(node) && node.type === 'PLAIN' && (typeof node.value === 'number' || typeof node.value === 'boolean') ? '; put it in quotes' : '';
}

/** A number typed in quotes (`"600"`) is text to YAML: where a number was meant, removing the quotes makes it one. */
export function unquoteHint(node: unknown): string {
  if (!(isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && typeof node.value === 'string')) return '';
  const text = node.value.trim();
  return /^[+\-.\d]/.test(text) && Number.isFinite(Number(text)) ? '; remove the quotes' : '';
}

/**
 * The allowed key a typed one most likely means: the nearest by edit distance (case-insensitive, an adjacent swap
 * counting once) when that is close for the word's length, else the one allowed key the typed one contains or is
 * contained in, compared without case, dashes or a "service-account" prefix (`startTime` → start,
 * `service-account-max-token-expiration` → maxTokenExpiration). Short keys get no guess: "base" is not "name".
 */
export function nearestKey(key: string, allowed: readonly string[]): string | undefined {
  const typed = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const wanted = candidate.toLowerCase();
    const distance = isAdjacentSwap(typed, wanted) ? 1 : editDistance(typed, wanted);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const shorter = Math.min(typed.length, best?.length ?? 0);
  if (bestDistance <= (shorter <= 4 ? 1 : Math.max(2, Math.floor(key.length / 4)))) return best;
  const bare = comparable(key);
  if (bare.length < 4) return undefined;
  const containing = allowed.filter((candidate) => {
    const other = comparable(candidate);
    return other.length >= 4 && (bare.includes(other) || other.includes(bare));
  });
  return containing.length === 1 ? containing[0] : undefined;
}

function comparable(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '').replace('serviceaccount', '');
}

function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let first = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (first !== -1) return i === first + 1 && a[first] === b[i] && a[i] === b[first] && a.slice(i + 1) === b.slice(i + 1);
    first = i;
  }
  return false;
}
