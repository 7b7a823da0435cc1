import { describe, expect, it } from 'vitest';
import { goStrconvQuote, parseFlags, parseGoBool, parseGoInt } from '../../../shared/kubectl/kubectl-flags.ts';
import type { FlagDef } from '../../../shared/kubectl/kubectl-flags.ts';
import { tokenizeShellLine } from '../../../shared/kubectl/kubectl-tokenize.ts';

const DEFS: FlagDef[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'stdin', short: 'i', kind: 'bool' },
  { name: 'tty', short: 't', kind: 'bool' },
  { name: 'container', short: 'c', kind: 'string' },
  { name: 'audience', kind: 'stringArray' },
  { name: 'grace-period', kind: 'int' },
  { name: 'duration', kind: 'duration' },
  { name: 'dry-run', kind: 'string', noOptDefault: 'unchanged' },
];

function parse(line: string) {
  const words = tokenizeShellLine(line);
  if (!words.ok) throw new Error(words.error);
  return parseFlags(words.words, DEFS);
}

function values(line: string): Record<string, string[]> {
  const result = parse(line);
  if (!result.ok) throw new Error(result.error);
  return Object.fromEntries([...result.flags.values].map(([name, list]) => [name, list.map((entry) => entry.value)]));
}

describe('parseFlags follows pflag', () => {
  it.each<[string, Record<string, string[]>]>([
    ['-n team', { namespace: ['team'] }],
    ['-nteam', { namespace: ['team'] }],
    ['-n=team', { namespace: ['team'] }],
    ['--namespace team', { namespace: ['team'] }],
    ['--namespace=team', { namespace: ['team'] }],
    ['-it', { stdin: ['true'], tty: ['true'] }],
    ['-itc main', { stdin: ['true'], tty: ['true'], container: ['main'] }],
    ['--stdin=false', { stdin: ['false'] }],
    ['--stdin=T', { stdin: ['true'] }],
    ['--audience a --audience b', { audience: ['a', 'b'] }],
    // A value-taking flag takes the next word whatever it looks like.
    ['--audience --duration', { audience: ['--duration'] }],
    ['--dry-run', { 'dry-run': ['unchanged'] }],
    ['--dry-run=client', { 'dry-run': ['client'] }],
    ['--grace-period=-1', { 'grace-period': ['-1'] }],
  ])('%s', (line, expected) => {
    expect(values(line)).toEqual(expected);
  });

  it('keeps positionals in order and records where -- was', () => {
    const result = parse('a -n x b -- c -n d');
    expect(result.ok && result.flags.positionals.map((w) => w.text)).toEqual(['a', 'b', 'c', '-n', 'd']);
    expect(result.ok && result.flags.argsLenAtDash).toBe(2);
    const none = parse('a b');
    expect(none.ok && none.flags.argsLenAtDash).toBe(-1);
  });

  it.each<[string, string]>([
    ['--nope', 'unknown flag: --nope'],
    ['-x', "unknown shorthand flag: 'x' in -x"],
    ['-ix', "unknown shorthand flag: 'x' in -x"],
    ['-é', "unknown shorthand flag: 'Ã' in -é"],
    ['--namespace', 'flag needs an argument: --namespace'],
    ['-n', "flag needs an argument: 'n' in -n"],
    ['---x', 'bad flag syntax: ---x'],
    ['--=x', 'bad flag syntax: --=x'],
    ['--stdin=yes', 'invalid argument "yes" for "-i, --stdin" flag: strconv.ParseBool: parsing "yes": invalid syntax'],
    ['--grace-period=1.5', 'invalid argument "1.5" for "--grace-period" flag: strconv.ParseInt: parsing "1.5": invalid syntax'],
    ['--grace-period=99999999999999999999', 'invalid argument "99999999999999999999" for "--grace-period" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range'],
    ['--duration=1d', 'invalid argument "1d" for "--duration" flag: time: unknown unit "d" in duration "1d"'],
  ])('%s → %s', (line, error) => {
    expect(parse(line)).toEqual({ ok: false, error, column: 1 });
  });
});

describe('Go number and string helpers', () => {
  it.each<[string, bigint | string]>([
    ['0', 0n], ['42', 42n], ['-7', -7n], ['+7', 7n], ['0x1F', 31n], ['0o17', 15n], ['017', 15n], ['0b101', 5n],
    ['1_000', 1000n], ['0x_1F', 31n], ['9223372036854775807', 9223372036854775807n], ['-9223372036854775808', -9223372036854775808n],
    ['', 'invalid syntax'], ['-', 'invalid syntax'], ['1__0', 'invalid syntax'], ['_1', 'invalid syntax'], ['1_', 'invalid syntax'],
    ['08', 'invalid syntax'], ['0x', 'invalid syntax'], ['1e3', 'invalid syntax'], ['9223372036854775808', 'value out of range'],
  ])('parseGoInt(%j)', (text, expected) => {
    expect(parseGoInt(text)).toEqual(typeof expected === 'bigint' ? { ok: true, value: expected } : { ok: false, reason: expected });
  });

  it.each<[string, boolean | undefined]>([
    ['1', true], ['t', true], ['TRUE', true], ['True', true], ['0', false], ['F', false], ['false', false], ['yes', undefined], ['tRUE', undefined],
  ])('parseGoBool(%j)', (text, expected) => {
    expect(parseGoBool(text)).toBe(expected);
  });

  it.each<[string, string]>([
    ['plain', '"plain"'], ['a"b', '"a\\"b"'], ['tab\t', '"tab\\t"'], ['\u0001', '"\\x01"'], ['café', '"café"'], ['\u00a0', '"\\u00a0"'],
  ])('goStrconvQuote(%j)', (text, quoted) => {
    expect(goStrconvQuote(text)).toBe(quoted);
  });
});
