/**
 * Splits a command line into words the way a POSIX shell would before kubectl ever sees them: quotes, backslash
 * escapes, `#` comments, and one here-document operator (`<<EOF`, `<<'EOF'`, `<<-EOF`), which is how a manifest
 * reaches `kubectl apply -f -` in a terminal. Anything that would make the shell run more than one program (pipes,
 * other redirections, command substitution) is refused with its column, because the simulated terminal runs exactly
 * one kubectl.
 */

import { isLookAlikeDash, pastedCharacterProblem } from './pasted-typography.ts';

export interface ShellWord {
  text: string;
  /** 1-based column where the word starts in the line (UTF-16 code units). */
  column: number;
}

/** A `<<WORD` redirection: the lines that follow, up to one that is exactly the delimiter, are the command's stdin. */
export interface HeredocOperator {
  /** The delimiter with its quotes removed (`<<'EOF'` and `<<EOF` both end at a line reading `EOF`). */
  delimiter: string;
  /** `<<-`: leading tabs are stripped from each body line and from the delimiter line (POSIX 2.7.4). */
  stripTabs: boolean;
  /** 1-based column of the `<<`. */
  column: number;
}

export type TokenizeResult = { ok: true; words: ShellWord[]; heredoc?: HeredocOperator } | { ok: false; error: string; column: number };

const OPERATORS: Readonly<Record<string, string>> = {
  '|': 'a pipe',
  ';': 'a command separator',
  '&': 'a background or && operator',
  '<': 'a redirection',
  '>': 'a redirection',
  '(': 'a subshell',
  ')': 'a subshell',
  '`': 'command substitution',
};

/** Characters a backslash keeps its meaning for inside double quotes (POSIX 2.2.3). */
const DOUBLE_QUOTE_ESCAPABLE = new Set(['$', '`', '"', '\\', '\n']);

export function tokenizeShellLine(line: string): TokenizeResult {
  const words: ShellWord[] = [];
  let heredoc: HeredocOperator | undefined;
  let current = '';
  let started = false;
  let startColumn = 0;
  let i = 0;

  const begin = (index: number): void => {
    if (!started) {
      started = true;
      startColumn = index + 1;
    }
  };
  const finish = (): void => {
    if (started) words.push({ text: current, column: startColumn });
    current = '';
    started = false;
  };

  while (i < line.length) {
    const char = line[i] ?? '';
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      finish();
      i++;
    } else if (char === '#' && !started) {
      break;
    } else if (char === "'") {
      begin(i);
      const close = line.indexOf("'", i + 1);
      if (close === -1) return { ok: false, error: `the ' quote at column ${i + 1} is never closed`, column: i + 1 };
      current += line.slice(i + 1, close);
      i = close + 1;
    } else if (char === '"') {
      begin(i);
      const open = i;
      i++;
      let closed = false;
      while (i < line.length) {
        const inner = line[i] ?? '';
        if (inner === '"') {
          closed = true;
          i++;
          break;
        }
        if (inner === '\\' && i + 1 < line.length && DOUBLE_QUOTE_ESCAPABLE.has(line[i + 1] ?? '')) {
          if (line[i + 1] !== '\n') current += line[i + 1];
          i += 2;
          continue;
        }
        if (inner === '`' || (inner === '$' && line[i + 1] === '(')) {
          return { ok: false, error: `command substitution at column ${i + 1} is not supported; TokenScope's terminal runs one kubectl command`, column: i + 1 };
        }
        current += inner;
        i++;
      }
      if (!closed) return { ok: false, error: `the " quote at column ${open + 1} is never closed`, column: open + 1 };
    } else if (char === '\\') {
      if (i + 1 >= line.length) return { ok: false, error: `the \\ at column ${i + 1} escapes nothing (it ends the line)`, column: i + 1 };
      if (line[i + 1] === '\n') {
        i += 2;
        continue;
      }
      begin(i);
      current += line[i + 1];
      i += 2;
    } else if (char === '<' && line[i + 1] === '<' && line[i + 2] !== '<') {
      finish();
      if (heredoc !== undefined) {
        return { ok: false, error: `a second here-document at column ${i + 1}; TokenScope's terminal feeds one manifest to one kubectl command`, column: i + 1 };
      }
      const operator = heredocDelimiter(line, i);
      if (!operator.ok) return operator;
      heredoc = operator.heredoc;
      i = operator.end;
    } else if (OPERATORS[char] !== undefined || (char === '$' && line[i + 1] === '(')) {
      const what = char === '$' ? 'command substitution' : OPERATORS[char];
      return { ok: false, error: `${char === '$' ? '$(' : char} at column ${i + 1} is ${what}; TokenScope's terminal runs one kubectl command`, column: i + 1 };
    } else {
      const problem = pastedProblem(line, i, started ? current : '');
      if (problem !== undefined) return { ok: false, error: problem, column: i + 1 };
      begin(i);
      current += char;
      i++;
    }
  }
  finish();
  return heredoc === undefined ? { ok: true, words } : { ok: true, words, heredoc };
}

/**
 * A character pasted from slides where ASCII was meant (pasted-typography.ts). A dash counts only where it would be
 * a flag's hyphen, at the start of a word: inside a word (`my–app`) it is the user's own business.
 */
function pastedProblem(line: string, index: number, wordSoFar: string): string | undefined {
  const char = line[index] ?? '';
  if (isLookAlikeDash(char) && !/^-*$/.test(wordSoFar)) return undefined;
  let end = index;
  while (end < line.length && !WORD_BREAKS.has(line[end] ?? '')) end++;
  return pastedCharacterProblem(char, index + 1, wordSoFar + line.slice(index, end));
}

/** Characters that end an unquoted here-document delimiter word, as they end any shell word. */
const WORD_BREAKS = new Set([' ', '\t', '\n', '\r', ...Object.keys(OPERATORS)]);

/**
 * Reads the delimiter word after `<<` or `<<-` at `start`. Quoting any part of it only removes the quotes here (the
 * shell would also turn off expansion in the body, which the simulated terminal never does anyway).
 */
function heredocDelimiter(line: string, start: number): { ok: true; heredoc: HeredocOperator; end: number } | { ok: false; error: string; column: number } {
  const stripTabs = line[start + 2] === '-';
  let i = start + (stripTabs ? 3 : 2);
  while (line[i] === ' ' || line[i] === '\t') i++;
  let delimiter = '';
  let quoted = false;
  while (i < line.length && !WORD_BREAKS.has(line[i] ?? '')) {
    const char = line[i] ?? '';
    if (char === "'" || char === '"') {
      const close = line.indexOf(char, i + 1);
      if (close === -1) return { ok: false, error: `the ${char} quote at column ${i + 1} is never closed`, column: i + 1 };
      delimiter += line.slice(i + 1, close);
      quoted = true;
      i = close + 1;
    } else if (char === '\\' && i + 1 < line.length) {
      delimiter += line[i + 1];
      quoted = true;
      i += 2;
    } else {
      delimiter += char;
      i++;
    }
  }
  if (delimiter === '' && !quoted) {
    // bash: "syntax error near unexpected token `newline'" (or the operator that follows).
    const next = i < line.length ? line[i] : 'newline';
    return { ok: false, error: `the here-document at column ${start + 1} has no delimiter word (bash: syntax error near unexpected token \`${next}')`, column: start + 1 };
  }
  return { ok: true, heredoc: { delimiter, stripTabs, column: start + 1 }, end: i };
}
