/**
 * Here-documents, as bash reads them: a command line holding `<<WORD` takes the lines that follow as its stdin, up
 * to the first line that is exactly WORD (after leading tabs are stripped, for `<<-WORD`). The console collects those
 * lines as they are typed; a scenario step or a recalled history entry holds them all in one text.
 */
import { tokenizeShellLine } from './kubectl-tokenize.ts';
import type { HeredocOperator, TokenizeResult } from './kubectl-tokenize.ts';

export type SplitCommand =
  | {
      ok: true;
      /** The command line's words (and its here-document operator, if it has one). */
      split: Extract<TokenizeResult, { ok: true }>;
      /** The here-document's body, each line ending in `\n`, when the text carries it; undefined when it does not. */
      body?: string;
    }
  | { ok: false; error: string; column: number; exitCode: 2 };

/** True when `line` closes the here-document that `heredoc` opened. */
export function endsHeredoc(line: string, heredoc: HeredocOperator): boolean {
  return (heredoc.stripTabs ? line.replace(/^\t+/, '') : line) === heredoc.delimiter;
}

/** One body line as the command reads it. */
export function heredocLine(line: string, heredoc: HeredocOperator): string {
  return heredoc.stripTabs ? line.replace(/^\t+/, '') : line;
}

/**
 * Splits a command text into its command line and here-document body. Text without a here-document on its first
 * line is tokenized whole, as before (a backslash-newline continues a line).
 */
export function splitCommandText(text: string): SplitCommand {
  const newline = text.indexOf('\n');
  const first = tokenizeShellLine(newline === -1 ? text : text.slice(0, newline));
  if (!first.ok || first.heredoc === undefined) {
    const whole = newline === -1 ? first : tokenizeShellLine(text);
    if (!whole.ok) return { ok: false, error: whole.error, column: whole.column, exitCode: 2 };
    if (whole.heredoc !== undefined) {
      return { ok: false, error: `the here-document at column ${whole.heredoc.column} must be on the command's first line`, column: whole.heredoc.column, exitCode: 2 };
    }
    return { ok: true, split: whole };
  }
  const heredoc = first.heredoc;
  if (newline === -1) return { ok: true, split: first };
  const lines = text.slice(newline + 1).split('\n');
  const end = lines.findIndex((line) => endsHeredoc(line.replace(/\r$/, ''), heredoc));
  if (end === -1) {
    // bash runs the command anyway with a warning; a learner is better served by being told what is missing.
    return {
      ok: false,
      error: `here-document at line 1 delimited by end-of-file (wanted \`${heredoc.delimiter}'): end it with a line that reads exactly ${heredoc.delimiter}`,
      column: heredoc.column,
      exitCode: 2,
    };
  }
  const after = lines.slice(end + 1).findIndex((line) => line.trim() !== '');
  if (after !== -1) {
    return {
      ok: false,
      error: `line ${end + after + 3} comes after the here-document ends; TokenScope's terminal runs one kubectl command`,
      column: 1,
      exitCode: 2,
    };
  }
  const body = lines.slice(0, end).map((line) => `${heredocLine(line.replace(/\r$/, ''), heredoc)}\n`).join('');
  return { ok: true, split: first, body };
}
