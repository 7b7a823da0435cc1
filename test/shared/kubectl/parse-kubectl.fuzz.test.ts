import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseKubectl } from '../../../shared/kubectl/parse-kubectl.ts';
import type { KubectlContext, KubectlParseResult } from '../../../shared/kubectl/parse-kubectl.ts';
import { durationTextArb, repeatedArb, withinBounds } from '../fuzz-inputs.ts';
import { CONSOLE_LINE_MAX_CHARS } from '../../../shared/limits/input-budgets.ts';

const VERBS = ['create-serviceaccount', 'create-token', 'get', 'describe', 'delete', 'apply', 'create-file', 'delete-file', 'exec', 'auth-whoami', 'help'];

const WORDS = [
  'kubectl', 'create', 'token', 'serviceaccount', 'sa', 'get', 'describe', 'delete', 'apply', 'exec', 'auth', 'whoami',
  'help', 'pods', 'pod/app', 'secret', 'app', 'my-app', '--', '-n', 'team', '-o', 'yaml', 'wide', '--duration', '5m', '1ns',
  '-1s', '0', '--audience', '--audience=', 'vault', '--bound-object-kind', 'Pod', 'Node', '--bound-object-name',
  '--bound-object-uid', '--grace-period', '--force', '--now', '-f', 'pod.yaml', '-it', '-c', '--help', '-h', '--foo', '-x',
  "''", '""', '"a b"', "'", '"', '\\', '|', 'logs', 'configmaps', 'sa/my-app', '---', '--=x', '-é', '#', 'pods,sa',
  '-', '-f', '-f-', '<<EOF', "<<'EOF'", '<<-EOF', '<<', '<<<x', '<', 'EOF',
];

const CONTEXTS: KubectlContext[] = [
  { kubectlCreateToken: true, nodeBoundTokens: false },
  { kubectlCreateToken: true, nodeBoundTokens: true },
  { kubectlCreateToken: false, nodeBoundTokens: false, authWhoami: false },
];

function check(line: string, result: KubectlParseResult): void {
  if (!result.ok) {
    expect(result.stderr.length).toBeGreaterThan(1);
    expect(result.stderr.endsWith('\n')).toBe(true);
    expect([1, 2]).toContain(result.exitCode);
    if (result.column !== undefined) {
      expect(result.column).toBeGreaterThanOrEqual(1);
      expect(result.column).toBeLessThanOrEqual(line.length + 1);
    }
    return;
  }
  expect(VERBS).toContain(result.command.verb);
  if (result.warning !== undefined) expect(result.warning.endsWith('\n')).toBe(true);
  const command = result.command;
  if (command.verb === 'create-token') {
    expect(Array.isArray(command.audiences)).toBe(true);
    expect(command.audiences.every((audience) => audience !== '')).toBe(true);
    if (command.expirationSec !== undefined) {
      expect(Number.isSafeInteger(command.expirationSec) && command.expirationSec > 0).toBe(true);
    }
    if (command.boundObject !== undefined) expect(command.boundObject.name).not.toBe('');
  }
  if (command.verb === 'delete') expect(command.names.length).toBeGreaterThan(0);
  if (command.verb === 'apply' || command.verb === 'create-file' || command.verb === 'delete-file') {
    expect(command.file).not.toBe('');
    if (command.stdin !== undefined) expect(command.file).toBe('-');
  }
  if (command.verb === 'exec') expect(command.argv.length).toBeGreaterThan(0);
}

describe('parseKubectl never throws and always says what went wrong', () => {
  it('on lines built from kubectl words and flags', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 9 }), fc.constantFrom(...CONTEXTS), (words, ctx) => {
        const line = words.join(' ');
        check(line, parseKubectl(line, ctx));
      }),
      { numRuns: 5000 },
    );
  });

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 80 }), fc.constantFrom(...CONTEXTS), (line, ctx) => {
        check(line, parseKubectl(line, ctx));
      }),
      { numRuns: 3000 },
    );
  });

  it('on valid create token lines with random values', () => {
    const value = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('10m', '1h', '0', '1.5s', '-5m', 'Pod', 'Secret', 'Node'));
    const flag = fc.tuple(fc.constantFrom('--duration', '--audience', '--bound-object-kind', '--bound-object-name', '--bound-object-uid', '-o', '-n'), value);
    fc.assert(
      fc.property(fc.array(flag, { maxLength: 5 }), fc.constantFrom(...CONTEXTS), (flags, ctx) => {
        const line = `create token my-app ${flags.map(([name, v]) => `${name}=${JSON.stringify(v)}`).join(' ')}`;
        check(line, parseKubectl(line, ctx));
      }),
      { numRuns: 3000 },
    );
  });

  it('on here-documents and stdin: random command lines, bodies, delimiters and missing ends', () => {
    const bodyLine = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('EOF', ' EOF', 'EOF ', '\tEOF', 'END', 'kind: Pod', '  name: x', '---', ''));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }),
        fc.constantFrom('<<EOF', "<<'EOF'", '<<"EOF"', '<<-EOF', '<< EOF', '<<E"O"F', ''),
        fc.option(fc.array(bodyLine, { maxLength: 6 }), { nil: undefined }),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        fc.constantFrom(...CONTEXTS),
        (words, operator, body, stdin, ctx) => {
          const line = [...words, operator].join(' ');
          const text = body === undefined ? line : `${line}\n${body.join('\n')}`;
          const result = parseKubectl(text, stdin === undefined ? ctx : { ...ctx, stdin });
          check(text, result);
          // -f - is accepted only when something feeds stdin.
          if (result.ok && 'file' in result.command && result.command.file === '-') {
            expect(operator !== '' || stdin !== undefined).toBe(true);
          }
        },
      ),
      { numRuns: 4000 },
    );
  });
});

describe('parseKubectl stays within bounds on hostile lines', () => {
  it('lines up to the console budget built from quotes, escapes, flags and durations: an answer, quickly', () => {
    const line = fc.oneof(
      repeatedArb(['"', "'", '\\', ' ', '--audience=a ', '-n ', '<<EOF ', '$(', '`'], 2_500).map((s) => `create token my-app ${s}`.slice(0, CONSOLE_LINE_MAX_CHARS)),
      durationTextArb.map((d) => `create token my-app --duration ${JSON.stringify(d).slice(0, CONSOLE_LINE_MAX_CHARS - 40)}`),
      fc.integer({ min: 1, max: 3_000 }).map((n) => `delete pod ${Array.from({ length: n }, (_, i) => `p${i}`).join(' ')}`.slice(0, CONSOLE_LINE_MAX_CHARS)),
      fc.constantFrom('9223372036854775807', '-9223372036854775809', '1e400', '0x7fffffffffffffff').map((g) => `delete pod app --grace-period ${g}`),
    );
    fc.assert(
      fc.property(line, fc.constantFrom(...CONTEXTS), (text, ctx) => check(text, withinBounds(() => parseKubectl(text, ctx)))),
      { numRuns: 300 },
    );
  });
});
