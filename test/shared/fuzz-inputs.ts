import fc from 'fast-check';

/** Edits that tend to break YAML in interesting ways: cut, insert syntax, swap and duplicate lines, retype values. */
export type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'replace-value'; at: number; text: string };

const SYNTAX = [
  ':', ': ', '- ', '\n', '  ', '[', ']', '{', '}', '"', "'", '#', '*a', '&a ', '!!binary ', '!custom ', '---\n', '|\n',
  '>-\n', 'null', '~', '1.20', '1.3', '0', '-1', '1e3', '0x10', 'true', '\t', '? ', ',', '%YAML 1.2\n', '...\n', '\\',
  '\u00e9', '\ud83d\ude00', '\r\n', 'kubectl: ', 'apply: |\n  x', 'flows: [x]', 'at: 9999h',
];

const VALUES = [
  '', '0s', '5m', '-1s', '1ns', '2y', 'sometimes', 'every-minute', 'once', 'on-401', 'kubelet-stop', '"1.20"', '1.19',
  '[]', '{}', '[a, b]', '{pod: app}', 'null', 'true', '7', '-3', '1.5', '"x"', 'Pod', 'v1', 'apps/v1', 'My_App', '600', '"600"',
  "'quoted", 'create token "x', '|\n  apiVersion: v1',
];

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SYNTAX), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace-value' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 12 })) }),
);

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const mutation of mutations) {
    const lines = out.split('\n');
    switch (mutation.kind) {
      case 'delete': {
        const at = out.length === 0 ? 0 : mutation.at % out.length;
        out = out.slice(0, at) + out.slice(at + mutation.length);
        break;
      }
      case 'insert': {
        const at = mutation.at % (out.length + 1);
        out = out.slice(0, at) + mutation.text + out.slice(at);
        break;
      }
      case 'swap-lines': {
        const a = mutation.a % lines.length;
        const b = mutation.b % lines.length;
        [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
        out = lines.join('\n');
        break;
      }
      case 'duplicate-line': {
        const at = mutation.at % lines.length;
        lines.splice(at, 0, lines[at] ?? '');
        out = lines.join('\n');
        break;
      }
      case 'replace-value': {
        const at = mutation.at % lines.length;
        const line = lines[at] ?? '';
        const colon = line.indexOf(': ');
        lines[at] = colon === -1 ? `${line} ${mutation.text}` : `${line.slice(0, colon + 2)}${mutation.text}`;
        out = lines.join('\n');
        break;
      }
    }
  }
  return out;
}
