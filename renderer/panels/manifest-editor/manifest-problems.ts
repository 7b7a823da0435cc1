/**
 * Where a manifest problem sits in the editor's text. Two sources: the YAML parser, run as the learner types (so
 * a broken indent is marked before anything is applied), and the errors an apply came back with, which carry the
 * 1-based line and column of the field the API server refused.
 */
import { parseAllDocuments } from 'yaml';
import type { InputError } from '../../../shared/scenario/scenario-types.ts';
import { documentProblems, SourceMap, YAML_PARSE_OPTIONS, yamlShapeProblem, yamlSyntaxErrors } from '../../../shared/manifest/yaml-source.ts';

/** What a problem needs of the document: its lines, as CodeMirror's `Text` has them. */
export interface LineSource {
  readonly lines: number;
  line(n: number): { from: number; to: number; text: string };
}

export interface ProblemRange {
  /** 1-based line, clamped into the document. */
  line: number;
  /** Where the mark starts (the column given, or the first non-blank of the line) and ends (the end of the line). */
  from: number;
  to: number;
  lineFrom: number;
  lineTo: number;
  message: string;
}

/** The editor checks syntax as you type only below this size; a pasted megabyte is checked when applied. */
export const LIVE_CHECK_MAX_CHARS = 200_000;

/** The YAML parser's own complaints (bad indentation, unclosed brackets, duplicate keys), with their positions. */
export function yamlSyntaxProblems(text: string): InputError[] {
  if (text.length > LIVE_CHECK_MAX_CHARS) return [];
  const map = new SourceMap(text);
  try {
    const shape = yamlShapeProblem(text, map);
    if (shape) return [shape];
    const docs = parseAllDocuments(text, YAML_PARSE_OPTIONS);
    if ('empty' in docs) return yamlSyntaxErrors(docs.errors, map);
    return docs.flatMap((doc) => (doc.errors.length > 0 ? yamlSyntaxErrors(doc.errors, map) : documentProblems(doc, map)));
  } catch (error) {
    // The parser can throw on pathological nesting; say so at the top instead of failing the editor.
    return [{ message: `could not be read as YAML: ${error instanceof Error ? error.message : String(error)}`, line: 1, column: 1 }];
  }
}

/**
 * The range an error marks: from its column (or the line's first non-blank character) to the end of its line.
 * Errors without a line mark nothing. A line past the end (the text changed since) is clamped to the last one.
 */
export function problemRange(doc: LineSource, error: InputError): ProblemRange | undefined {
  if (error.line === undefined || !Number.isFinite(error.line)) return undefined;
  const lineNumber = Math.min(Math.max(1, Math.floor(error.line)), doc.lines);
  const line = doc.line(lineNumber);
  const firstNonBlank = line.text.length - line.text.trimStart().length;
  const column = error.column !== undefined && Number.isFinite(error.column) ? Math.floor(error.column) - 1 : firstNonBlank;
  const from = line.from + Math.min(Math.max(0, column), line.to - line.from);
  return { line: lineNumber, from, to: Math.max(from, line.to), lineFrom: line.from, lineTo: line.to, message: error.message };
}
