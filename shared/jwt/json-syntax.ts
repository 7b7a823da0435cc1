/**
 * Finds the first JSON syntax error (RFC 8259) and says what it is, so a pasted token's decoder can point at the
 * exact character. `JSON.parse` only throws, with wording and positions that differ between JS engines.
 * Iterative, so hostile nesting cannot overflow the stack.
 */
import { JSON_MAX_DEPTH as MAX_DEPTH } from '../limits/input-budgets.ts';

export interface JsonSyntaxError {
  /** 0-based UTF-16 index into the text. */
  index: number;
  problem: string;
}


function describe(char: string | undefined): string {
  if (char === undefined) return 'the end of the text';
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${char}'`;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const stack: ('object' | 'array')[] = [];
  const fail = (index: number, problem: string): JsonSyntaxError => ({ index, problem });
  const skipWhitespace = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };

  const scanString = (): JsonSyntaxError | null => {
    const start = i;
    i++;
    for (;;) {
      const char = text[i];
      if (char === undefined) return fail(start, 'string is never closed');
      if (char === '"') {
        i++;
        return null;
      }
      if (char === '\\') {
        const escape = text[i + 1];
        if (escape === 'u') {
          for (let k = 2; k < 6; k++) {
            if (!/^[0-9a-fA-F]$/.test(text[i + k] ?? '')) return fail(i, '\\u must be followed by 4 hex digits');
          }
          i += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
          i += 2;
        } else {
          return fail(i, `invalid escape \\${escape ?? ''} in a string`);
        }
        continue;
      }
      if (char.charCodeAt(0) < 0x20) return fail(i, `${describe(char)} inside a string must be escaped`);
      i++;
    }
  };

  const scanNumber = (): JsonSyntaxError | null => {
    const start = i;
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (isDigit(text[i])) while (isDigit(text[i])) i++;
    else return fail(i, `expected a digit, found ${describe(text[i])}`);
    if (text[i] === '.') {
      i++;
      if (!isDigit(text[i])) return fail(i, `expected a digit after '.', found ${describe(text[i])}`);
      while (isDigit(text[i])) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!isDigit(text[i])) return fail(i, `expected a digit in the exponent, found ${describe(text[i])}`);
      while (isDigit(text[i])) i++;
    }
    // JSON.parse would read it as Infinity, which JSON cannot even write back (it prints null); Go refuses it.
    if (!Number.isFinite(Number(text.slice(start, i)))) {
      const literal = i - start > 24 ? `${text.slice(start, start + 21)}…` : text.slice(start, i);
      return fail(start, `the number ${literal} is too large: no JSON reader holds numbers beyond about ±1.8e308`);
    }
    return null;
  };

  const scanLiteral = (word: string): JsonSyntaxError | null => {
    for (let k = 0; k < word.length; k++) {
      if (text[i + k] !== word[k]) return fail(i + k, `expected '${word}', found ${describe(text[i + k])}`);
    }
    i += word.length;
    return null;
  };

  /** Reads `"name" :` and leaves `i` at the member's value. */
  const scanMember = (): JsonSyntaxError | null => {
    skipWhitespace();
    const char = text[i];
    if (char !== '"') {
      if (char === '}') return fail(i, "trailing comma before '}'");
      return fail(i, `expected a double-quoted property name, found ${describe(char)}`);
    }
    const error = scanString();
    if (error) return error;
    skipWhitespace();
    if (text[i] !== ':') return fail(i, `expected ':' after the property name, found ${describe(text[i])}`);
    i++;
    return null;
  };

  // Each turn either reads a value (expectValue) or what may follow one, until the top-level value is complete.
  let expectValue = true;
  for (;;) {
    skipWhitespace();
    if (expectValue) {
      const char = text[i];
      let error: JsonSyntaxError | null = null;
      if (char === '{' || char === '[') {
        if (stack.length >= MAX_DEPTH) return fail(i, `nested more than ${MAX_DEPTH} levels deep`);
        stack.push(char === '{' ? 'object' : 'array');
        i++;
        skipWhitespace();
        if (text[i] === (char === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expectValue = false;
          continue;
        }
        if (char === '{') {
          error = scanMember();
          if (error) return error;
        }
        continue;
      }
      if (char === '"') error = scanString();
      else if (char === '-' || isDigit(char)) error = scanNumber();
      else if (char === 't') error = scanLiteral('true');
      else if (char === 'f') error = scanLiteral('false');
      else if (char === 'n') error = scanLiteral('null');
      else if (char === ']' && stack[stack.length - 1] === 'array') return fail(i, "trailing comma before ']'");
      else return fail(i, char === undefined ? 'unexpected end of JSON, a value was expected' : `unexpected ${describe(char)}, a value was expected`);
      if (error) return error;
      expectValue = false;
      continue;
    }

    const top = stack[stack.length - 1];
    const char = text[i];
    if (top === undefined) return char === undefined ? null : fail(i, `unexpected ${describe(char)} after the end of the JSON value`);
    const close = top === 'object' ? '}' : ']';
    if (char === close) {
      stack.pop();
      i++;
      continue;
    }
    if (char !== ',') {
      return fail(i, char === undefined ? `unexpected end of JSON, expected ',' or '${close}'` : `expected ',' or '${close}', found ${describe(char)}`);
    }
    i++;
    if (top === 'object') {
      const error = scanMember();
      if (error) return error;
    }
    expectValue = true;
  }
}
