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

// ---- hostile inputs: size, depth, counts, durations --------------------------------------------------------------

/**
 * Each hostile case must end well inside these: they tell "not pathological" from a freeze or a runaway allocation,
 * not fast from slow (a busy CI machine may take a good part of them; the freezes they were written for took 46 s to
 * over 90 s).
 */
export const CASE_WALL_MS = 10_000;
export const CASE_HEAP_MB = 256;

/** Runs one fuzz case and checks it stayed within the wall-time and heap bounds; returns what it returned. */
export function withinBounds<T>(run: () => T): T {
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const value = run();
  const ms = performance.now() - start;
  const grownMb = (process.memoryUsage().heapUsed - heapBefore) / (1024 * 1024);
  if (ms > CASE_WALL_MS) throw new Error(`took ${Math.round(ms)} ms, more than ${CASE_WALL_MS} ms`);
  if (grownMb > CASE_HEAP_MB) throw new Error(`grew the heap by ${Math.round(grownMb)} MB, more than ${CASE_HEAP_MB} MB`);
  return value;
}

/** A piece of text repeated many times: the shape of most hostile sizes. */
export const repeatedArb = (pieces: readonly string[], maxRepeat = 50_000): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...pieces), fc.integer({ min: 1, max: maxRepeat })).map(([piece, n]) => piece.repeat(n));

/** Openers and their closers nested `depth` deep, closed or not. */
export const nestingArb = (pairs: ReadonlyArray<readonly [string, string]>, maxDepth = 5_000): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...pairs), fc.integer({ min: 1, max: maxDepth }), fc.boolean(), fc.constantFrom('', 'x', '1', '"s"')).map(
    ([[open, close], depth, closed, inner]) => open.repeat(depth) + inner + (closed ? close.repeat(depth) : ''),
  );

/** Block-style YAML nesting: `a:` lines indented one more space each. */
export const blockNestingArb = (maxDepth = 2_000): fc.Arbitrary<string> =>
  fc.integer({ min: 1, max: maxDepth }).map((depth) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:\n`).join(''));

/** A mapping or list with many entries. */
export const manyEntriesArb = (maxCount = 20_000): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min: 1, max: maxCount }), fc.boolean(), fc.boolean()).map(([count, list, duplicate]) =>
    Array.from({ length: count }, (_, i) => (list ? `  - v${i}\n` : `  k${duplicate && i % 1000 === 999 ? 0 : i}: v${i}\n`)).join(''),
  );

/** Durations as someone might type them, and as someone might break them: huge, tiny, unit soup, overflow. */
export const durationTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.constantFrom('ns', 'us', 'µs', 'ms', 's', 'm', 'h', 'd', 'y', '', 'x', 'hh', ' h')).map(([n, unit]) => `${n}${unit}`),
  fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom('s', 'm', 'h', 'd', 'y')).map(([n, unit]) => `${n}${unit}`),
  fc.array(fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.constantFrom('h', 'm', 's', 'ms', 'd', 'y')), { minLength: 1, maxLength: 40 }).map((parts) => parts.map(([n, u]) => `${n}${u}`).join('')),
  repeatedArb(['9', '1h', '.', '0', 'y'], 20_000),
  fc.string({ maxLength: 20 }),
);
