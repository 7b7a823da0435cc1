/**
 * A command line of one scenario file and flags, read strictly by node:util's parseArgs; what it refuses is said in
 * our words, naming the first flag or argument that is wrong (an unknown flag, a flag without its value or given
 * twice, a second file), so `tokenscope run` and `tokenscope export` answer alike.
 */
import { parseArgs } from 'node:util';
import { editDistance } from '../../shared/text/edit-distance.ts';
import { COMMAND_FLAGS, COUNTERPART_FLAGS, type CliCommand } from './command-flags.ts';

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

export interface CliArgs<K extends string> {
  file: string;
  /** The flags given: a string flag's value, true for a boolean flag. */
  values: Partial<Record<K, string | true>>;
}

/**
 * An unknown flag, with the likely meant one: the same in another case (flags are lower case), a flag of the other
 * command (its counterpart here when there is one), or one a typo or two away.
 */
function unknownFlag(rawName: string, command: CliCommand): string {
  const name = rawName.replace(/^-+/, '');
  const own = Object.keys(COMMAND_FLAGS[command]);
  const other: CliCommand = command === 'run' ? 'export' : 'run';
  const sameInLowerCase = own.find((flag) => flag === name.toLowerCase());
  if (sameInLowerCase !== undefined) return `unknown flag ${rawName}; did you mean --${sameInLowerCase}? (flags are lower case)`;
  if (Object.hasOwn(COMMAND_FLAGS[other], name)) {
    const counterpart = Object.hasOwn(COUNTERPART_FLAGS[command], name) ? COUNTERPART_FLAGS[command][name] : undefined;
    return `--${name} is a flag of tokenscope ${other}, not of tokenscope ${command}${counterpart === undefined ? '' : `; here, give --${counterpart}`}`;
  }
  const close = own
    .map((flag) => ({ flag, distance: editDistance(name.toLowerCase(), flag) }))
    .filter(({ flag, distance }) => distance <= Math.min(2, Math.floor(flag.length / 3)))
    .sort((a, b) => a.distance - b.distance)[0];
  return close === undefined ? `unknown flag ${rawName}` : `unknown flag ${rawName}; did you mean --${close.flag}?`;
}

/** `needsValue(name)`: what to say when a string flag comes without its value. */
export function parseCliArgs<K extends string>(args: string[], command: CliCommand, needsValue: (name: K) => string): CliArgs<K> | string {
  const options = COMMAND_FLAGS[command];
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
    if (!flag) return unknownFlag(token.rawName, command);
    if (flag.type === 'boolean' && token.value !== undefined) return `${token.rawName} takes no value: give ${token.rawName} alone, without =${token.value}`;
    // A value that starts with '-' is the next flag, the value forgotten; a negative number, or '-', is a value.
    if (flag.type === 'string' && (token.value === undefined || token.value === '' || (!token.inlineValue && /^-[^\d.]/.test(token.value)))) return needsValue(name);
    if (values[name] !== undefined) return `${token.rawName} is given twice`;
    values[name] = token.value ?? true;
  }
  if (file === undefined) return 'missing the scenario file';
  return { file, values };
}
