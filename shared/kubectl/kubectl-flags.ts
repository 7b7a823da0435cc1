/**
 * Flag parsing with spf13/pflag's rules and error texts (`flag.go` parseLongArg/parseSingleShortArg, `errors.go`),
 * which is what every kubectl command line goes through before the command runs: interspersed flags and
 * arguments, `--flag value` and `--flag=value`, clustered shorthands (`-it`), `--` ending the flags, and the first
 * bad flag stopping the parse.
 */
import type { ShellWord } from './kubectl-tokenize.ts';
import { parseGoDuration } from '../time/duration.ts';

export type FlagKind = 'string' | 'bool' | 'int' | 'duration' | 'stringArray' | 'stringSlice';

export interface FlagDef {
  name: string;
  short?: string;
  kind: FlagKind;
  /** pflag's NoOptDefVal: the value `--flag` alone means (e.g. `--dry-run` → "unchanged"). */
  noOptDefault?: string;
}

export interface ParsedFlags {
  /** Raw values per flag name, in order; bool flags hold "true"/"false". */
  values: Map<string, { value: string; column: number }[]>;
  positionals: ShellWord[];
  /** cobra's ArgsLenAtDash: how many positionals came before `--`, or -1 when there was no `--`. */
  argsLenAtDash: number;
}

export type FlagParseResult = { ok: true; flags: ParsedFlags } | { ok: false; error: string; column: number };

export function parseFlags(words: readonly ShellWord[], defs: readonly FlagDef[]): FlagParseResult {
  const byName = new Map(defs.map((def) => [def.name, def]));
  const byShort = new Map(defs.filter((def) => def.short !== undefined).map((def) => [def.short ?? '', def]));
  const values = new Map<string, { value: string; column: number }[]>();
  const positionals: ShellWord[] = [];
  let argsLenAtDash = -1;

  const set = (def: FlagDef, value: string, column: number): string | undefined => {
    const problem = checkValue(def, value);
    if (problem !== undefined) {
      const flagName = def.short !== undefined ? `-${def.short}, --${def.name}` : `--${def.name}`;
      return `invalid argument ${goStrconvQuote(value)} for ${goStrconvQuote(flagName)} flag: ${problem}`;
    }
    const list = values.get(def.name) ?? [];
    list.push({ value: def.kind === 'bool' ? String(parseGoBool(value)) : value, column });
    values.set(def.name, list);
    return undefined;
  };

  let i = 0;
  while (i < words.length) {
    const word = words[i] as ShellWord;
    const arg = word.text;
    i++;
    if (arg.length < 2 || arg[0] !== '-') {
      positionals.push(word);
      continue;
    }
    if (arg === '--') {
      argsLenAtDash = positionals.length;
      positionals.push(...words.slice(i));
      break;
    }
    if (arg.startsWith('--')) {
      const body = arg.slice(2);
      if (body.startsWith('-') || body.startsWith('=')) return { ok: false, error: `bad flag syntax: ${arg}`, column: word.column };
      const eq = body.indexOf('=');
      const name = eq === -1 ? body : body.slice(0, eq);
      const def = byName.get(name);
      if (def === undefined) return { ok: false, error: `unknown flag: --${name}`, column: word.column };
      let value: string;
      if (eq !== -1) {
        value = body.slice(eq + 1);
      } else if (def.kind === 'bool') {
        value = 'true';
      } else if (def.noOptDefault !== undefined) {
        value = def.noOptDefault;
      } else if (i < words.length) {
        // pflag takes the next word whatever it looks like: `--audience --duration` sets audience to "--duration".
        value = (words[i] as ShellWord).text;
        i++;
      } else {
        return { ok: false, error: `flag needs an argument: ${arg}`, column: word.column };
      }
      const error = set(def, value, word.column);
      if (error !== undefined) return { ok: false, error, column: word.column };
      continue;
    }
    // Shorthand cluster: -n ns, -nns, -n=ns, -it.
    let shorthands = arg.slice(1);
    while (shorthands.length > 0) {
      const c = String.fromCodePoint(shorthands.codePointAt(0) ?? 0);
      const def = byShort.get(c);
      if (def === undefined) {
        return { ok: false, error: `unknown shorthand flag: ${goQuoteFirstByte(shorthands)} in -${shorthands}`, column: word.column };
      }
      let value: string;
      let rest = shorthands.slice(c.length);
      if (rest.length > 1 && rest[0] === '=') {
        value = rest.slice(1);
        rest = '';
      } else if (def.kind === 'bool') {
        value = 'true';
      } else if (def.noOptDefault !== undefined) {
        value = def.noOptDefault;
      } else if (rest.length > 0) {
        value = rest;
        rest = '';
      } else if (i < words.length) {
        value = (words[i] as ShellWord).text;
        i++;
      } else {
        return { ok: false, error: `flag needs an argument: ${goQuoteFirstByte(shorthands)} in -${shorthands}`, column: word.column };
      }
      const error = set(def, value, word.column);
      if (error !== undefined) return { ok: false, error, column: word.column };
      shorthands = rest;
    }
  }
  return { ok: true, flags: { values, positionals, argsLenAtDash } };
}

function checkValue(def: FlagDef, value: string): string | undefined {
  switch (def.kind) {
    case 'bool':
      return parseGoBool(value) === undefined ? `strconv.ParseBool: parsing ${goStrconvQuote(value)}: invalid syntax` : undefined;
    case 'int': {
      const parsed = parseGoInt(value);
      return parsed.ok ? undefined : `strconv.ParseInt: parsing ${goStrconvQuote(value)}: ${parsed.reason}`;
    }
    case 'duration': {
      // pflag's durationValue.Set is time.ParseDuration, so its error text is Go's.
      const parsed = parseGoDuration(value);
      return parsed.ok ? undefined : parsed.error;
    }
    case 'string':
    case 'stringArray':
    case 'stringSlice':
      return undefined;
  }
}

/** `strconv.ParseBool`. */
export function parseGoBool(value: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}

/** `strconv.ParseInt(s, 0, 64)`, as pflag's int flags call it: sign, 0x/0o/0b/0 prefixes and `_` separators. */
export function parseGoInt(text: string): { ok: true; value: bigint } | { ok: false; reason: 'invalid syntax' | 'value out of range' } {
  let s = text;
  let negative = false;
  if (s.startsWith('+') || s.startsWith('-')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '') return { ok: false, reason: 'invalid syntax' };
  if (!underscoreOK(s)) return { ok: false, reason: 'invalid syntax' };
  let base = 10;
  let body = s;
  if (s[0] === '0') {
    const marker = (s[1] ?? '').toLowerCase();
    if (s.length >= 3 && (marker === 'b' || marker === 'o' || marker === 'x')) {
      base = marker === 'b' ? 2 : marker === 'o' ? 8 : 16;
      body = s.slice(2);
    } else {
      base = 8;
      body = s.slice(1);
    }
  }
  let value = 0n;
  for (const char of body) {
    if (char === '_') continue;
    const digit = /^[0-9a-zA-Z]$/.test(char) ? parseInt(char, 36) : Number.NaN;
    if (Number.isNaN(digit) || digit >= base) return { ok: false, reason: 'invalid syntax' };
    value = value * BigInt(base) + BigInt(digit);
  }
  const limit = 1n << 63n;
  if ((!negative && value >= limit) || (negative && value > limit)) return { ok: false, reason: 'value out of range' };
  return { ok: true, value: negative ? -value : value };
}

/** Go's strconv.underscoreOK: `_` only between digits, or between a base prefix and a digit. */
function underscoreOK(text: string): boolean {
  let saw = '^';
  let i = 0;
  const hex = text.length >= 2 && text[0] === '0' && (text[1] ?? '').toLowerCase() === 'x';
  if (text.length >= 2 && text[0] === '0' && 'box'.includes((text[1] ?? '').toLowerCase()) && (text[1] ?? '') !== '') {
    i = 2;
    saw = '0';
  }
  for (; i < text.length; i++) {
    const char = text[i] ?? '';
    if ((char >= '0' && char <= '9') || (hex && /^[a-fA-F]$/.test(char))) {
      saw = '0';
      continue;
    }
    if (char === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** Go's `%q` of a string (strconv.Quote); non-ASCII printability is approximated (Latin-1 rules, controls escaped). */
export function goStrconvQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else out += quoteCodePoint(cp, char);
  }
  return `${out}"`;
}

function quoteCodePoint(cp: number, char: string): string {
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };
  if (named[cp] !== undefined) return named[cp] ?? '';
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp < 0x7f) return char;
  if (!isPrintable(cp)) {
    if (cp >= 0xd800 && cp <= 0xdfff) return '\ufffd';
    return cp < 0x10000 ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return char;
}

function isPrintable(cp: number): boolean {
  if (cp >= 0x80 && cp <= 0xa0) return false;
  if (cp === 0xad) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  if ((cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x206f)) return false;
  if (cp === 0xfeff || (cp >= 0xfff9 && cp <= 0xfffb)) return false;
  if (cp === 0xfffe || cp === 0xffff) return false;
  return true;
}

/**
 * pflag prints the offending shorthand as `%q` of one byte: ASCII reads as typed ('x'), and the first byte of a
 * multi-byte character reads as the Latin-1 character with that code ('Ã' for most accented letters).
 */
function goQuoteFirstByte(shorthands: string): string {
  const cp = shorthands.codePointAt(0) ?? 0;
  const byte = cp < 0x80 ? cp : cp < 0x800 ? 0xc0 | (cp >> 6) : cp < 0x10000 ? 0xe0 | (cp >> 12) : 0xf0 | (cp >> 18);
  if (byte === 0x27) return "'\\''";
  if (byte === 0x5c) return "'\\\\'";
  const inner = quoteCodePoint(byte, String.fromCharCode(byte));
  return `'${inner}'`;
}

/** The last value given for a flag (pflag overwrites), or undefined. */
export function lastValue(flags: ParsedFlags, name: string): string | undefined {
  const list = flags.values.get(name);
  return list === undefined ? undefined : list[list.length - 1]?.value;
}

export function allValues(flags: ParsedFlags, name: string): string[] {
  return (flags.values.get(name) ?? []).map((entry) => entry.value);
}

export function flagColumn(flags: ParsedFlags, name: string): number | undefined {
  const list = flags.values.get(name);
  return list === undefined ? undefined : list[list.length - 1]?.column;
}
