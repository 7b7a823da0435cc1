/**
 * A command line of one scenario file and flags, read strictly by node:util's parseArgs; what it refuses is said in
 * our words, naming the first flag or argument that is wrong (an unknown flag, a flag without its value or given
 * twice, a second file), so `tokenscope run` and `tokenscope export` answer alike.
 */
import { parseArgs } from 'node:util';

export interface CliFlag {
  type: 'string' | 'boolean';
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

export interface CliArgs<K extends string> {
  file: string;
  /** The flags given: a string flag's value, true for a boolean flag. */
  values: Partial<Record<K, string | true>>;
}

/** `needsValue(name)`: what to say when a string flag comes without its value. */
export function parseCliArgs<K extends string>(args: string[], flags: Readonly<Record<K, CliFlag>>, needsValue: (name: K) => string): CliArgs<K> | string {
  const options = flags as Readonly<Record<string, CliFlag>>;
  let tokens: Token[];
  try {
    tokens = parseArgs({ args, options, allowPositionals: true, strict: true, tokens: true }).tokens;
  } catch {
    // Strict parsing names no argument in words of ours: read the line again, leniently, to say which one is wrong.
    tokens = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true }).tokens;
  }
  const values: Partial<Record<K, string | true>> = {};
  let file: string | undefined;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') return 'unknown flag --';
    if (token.kind === 'positional') {
      if (file !== undefined) return `unexpected argument "${token.value}": give one scenario file`;
      file = token.value;
      continue;
    }
    const flag = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    const name = token.name as K;
    if (!flag || (flag.type === 'boolean' && token.value !== undefined)) return `unknown flag ${token.rawName}`;
    if (flag.type === 'string' && (token.value === undefined || token.value === '' || (!token.inlineValue && token.value.startsWith('-')))) return needsValue(name);
    if (values[name] !== undefined) return `${token.rawName} is given twice`;
    values[name] = token.value ?? true;
  }
  if (file === undefined) return 'missing the scenario file';
  return { file, values };
}
