/**
 * Splits a command line into words the way a POSIX shell would before kubectl ever sees them: quotes, backslash
 * escapes, `#` comments. Anything that would make the shell run more than one program (pipes, redirections, command
 * substitution) is refused with its column, because the simulated terminal runs exactly one kubectl.
 */

export interface ShellWord {
  text: string;
  /** 1-based column where the word starts in the line (UTF-16 code units). */
  column: number;
}

export type TokenizeResult = { ok: true; words: ShellWord[] } | { ok: false; error: string; column: number };

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
    } else if (OPERATORS[char] !== undefined || (char === '$' && line[i + 1] === '(')) {
      const what = char === '$' ? 'command substitution' : OPERATORS[char];
      return { ok: false, error: `${char === '$' ? '$(' : char} at column ${i + 1} is ${what}; TokenScope's terminal runs one kubectl command`, column: i + 1 };
    } else {
      begin(i);
      current += char;
      i++;
    }
  }
  finish();
  return { ok: true, words };
}
