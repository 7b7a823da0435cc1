import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration, formatSeconds, goQuote, parseGoDuration, parseScenarioDuration } from '../../../shared/time/duration.ts';

const SECOND = 1_000_000_000n;
const MINUTE = 60n * SECOND;
const HOUR = 60n * MINUTE;

describe('parseGoDuration accepts what Go accepts, with the same value', () => {
  // Cases from golang/go src/time/time_test.go parseDurationTests.
  const cases: Array<[string, bigint]> = [
    ['0', 0n],
    ['5s', 5n * SECOND],
    ['30s', 30n * SECOND],
    ['1478s', 1478n * SECOND],
    ['-5s', -5n * SECOND],
    ['+5s', 5n * SECOND],
    ['-0', 0n],
    ['+0', 0n],
    ['5.0s', 5n * SECOND],
    ['5.6s', 5n * SECOND + 600_000_000n],
    ['5.s', 5n * SECOND],
    ['.5s', 500_000_000n],
    ['1.0s', SECOND],
    ['1.00s', SECOND],
    ['1.004s', SECOND + 4_000_000n],
    ['1.0040s', SECOND + 4_000_000n],
    ['100.00100s', 100n * SECOND + 1_000_000n],
    ['10ns', 10n],
    ['11us', 11_000n],
    ['12µs', 12_000n],
    ['12μs', 12_000n],
    ['13ms', 13_000_000n],
    ['14s', 14n * SECOND],
    ['15m', 15n * MINUTE],
    ['16h', 16n * HOUR],
    ['3h30m', 3n * HOUR + 30n * MINUTE],
    ['10.5s4m', 4n * MINUTE + 10n * SECOND + 500_000_000n],
    ['-2m3.4s', -(2n * MINUTE + 3n * SECOND + 400_000_000n)],
    ['1h2m3s4ms5us6ns', HOUR + 2n * MINUTE + 3n * SECOND + 4_000_000n + 5_000n + 6n],
    ['39h9m14.425s', 39n * HOUR + 9n * MINUTE + 14n * SECOND + 425_000_000n],
    ['52763797000ns', 52_763_797_000n],
    ['0.3333333333333333333h', 20n * MINUTE],
    ['9007199254740993ns', (1n << 53n) + 1n],
    ['9223372036854775807ns', (1n << 63n) - 1n],
    ['9223372036854775.807us', (1n << 63n) - 1n],
    ['9223372036s854ms775us807ns', (1n << 63n) - 1n],
    ['-9223372036854775808ns', -(1n << 63n)],
    ['-9223372036854775.808us', -(1n << 63n)],
    ['-9223372036s854ms775us808ns', -(1n << 63n)],
    ['-2562047h47m16.854775808s', -(1n << 63n)],
    ['0.100000000000000000000h', 6n * MINUTE],
    ['0.830103483285477580700h', 49n * MINUTE + 48n * SECOND + 372_539_827n],
    ['1.5h', 90n * MINUTE],
    ['-1s', -SECOND],
    ['1ns', 1n],
  ];
  it.each(cases)('%s', (text, nanoseconds) => {
    expect(parseGoDuration(text)).toEqual({ ok: true, nanoseconds });
  });
});

describe("parseGoDuration rejects what Go rejects, with Go's error text", () => {
  const cases: Array<[string, string]> = [
    ['', 'time: invalid duration ""'],
    ['3', 'time: missing unit in duration "3"'],
    ['-', 'time: invalid duration "-"'],
    ['s', 'time: invalid duration "s"'],
    ['.', 'time: invalid duration "."'],
    ['-.', 'time: invalid duration "-."'],
    ['.s', 'time: invalid duration ".s"'],
    ['+.s', 'time: invalid duration "+.s"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['5x', 'time: unknown unit "x" in duration "5x"'],
    ['1h 30m', 'time: unknown unit "h " in duration "1h 30m"'],
    ['1µ', 'time: unknown unit "\\xc2\\xb5" in duration "1\\xc2\\xb5"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['9223372036854775.808us', 'time: invalid duration "9223372036854775.808us"'],
    ['9223372036854ms775us808ns', 'time: invalid duration "9223372036854ms775us808ns"'],
    ['-9223372036854775809ns', 'time: invalid duration "-9223372036854775809ns"'],
    ['"1s"', 'time: invalid duration "\\"1s\\""'],
  ];
  it.each(cases)('%j', (text, error) => {
    expect(parseGoDuration(text)).toEqual({ ok: false, error });
  });

  it('wraps uint64 like Go when two components sum to exactly 2^64', () => {
    // Go's `d += v` overflows to 0 and the `d > 1<<63` check passes; the result is 0, not an error.
    expect(parseGoDuration('-9223372036854775808ns9223372036854775808ns')).toEqual({ ok: true, nanoseconds: 0n });
  });
});

describe('goQuote', () => {
  it.each([
    ['abc', '"abc"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['tab\there', '"tab\\x09here"'],
    ['é', '"\\xc3\\xa9"'],
  ])('quotes %j as Go time.quote does', (input, quoted) => {
    expect(goQuote(input)).toBe(quoted);
  });
});

describe('parseScenarioDuration', () => {
  it.each([
    ['6h', 6 * 3_600_000],
    ['1h30m', 90 * 60_000],
    ['2d', 2 * 86_400_000],
    ['2y', 2 * 365 * 86_400_000],
    ['0s', 0],
    ['0', 0],
    ['1.5s', 1_500],
    ['+10m', 600_000],
    ['1d12h', 36 * 3_600_000],
  ])('%s → %d ms', (text, ms) => {
    expect(parseScenarioDuration(text)).toEqual({ ok: true, ms });
  });

  it.each([
    ['5x', 'unknown unit "x"'],
    ['5', 'has no unit'],
    ['-1h', 'is negative'],
    ['1ns', 'finer than a millisecond'],
    ['', 'empty value'],
    ['soon', 'is not a duration'],
    ['300y', 'is too long: durations go up to about 292 years'],
    ['9223372036854775808ns', 'is too long'],
    ['h5', 'is not a duration'],
  ])('rejects %j saying %s', (text, fragment) => {
    const result = parseScenarioDuration(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(fragment);
      expect(result.error).toMatch(/e\.g\.|negative|millisecond|too long/);
    }
  });
});

describe('formatDuration', () => {
  it.each([
    [3_660_000, '1 h 1 m'],
    [2 * 86_400_000 + 3 * 3_600_000, '2 d 3 h'],
    [45_000, '45 s'],
    [3_600_000, '1 h'],
    [3_607_000, '1 h'],
    [61_000, '1 m 1 s'],
    [250, '250 ms'],
    [0, '0 s'],
    [365 * 86_400_000, '1 y'],
    [-90_000, '-1 m 30 s'],
    [Number.NaN, 'unknown'],
    [Number.POSITIVE_INFINITY, 'forever'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatSeconds', () => {
  it.each([
    [2881, '2,881 s'],
    [31_536_000, '31,536,000 s'],
    [600, '600 s'],
    [0, '0 s'],
    [-3607, '-3,607 s'],
    [1.5, '1.5 s'],
    [1234567.25, '1,234,567.25 s'],
  ])('%d → %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});

describe('duration parsers never throw', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 40 }), (text) => {
        const go = parseGoDuration(text);
        const scenario = parseScenarioDuration(text);
        if (!go.ok) expect(go.error).toMatch(/^time: /);
        if (!scenario.ok) expect(scenario.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('on duration-shaped strings, and agrees with itself on sign', () => {
    const part = fc.tuple(fc.stringMatching(/^[0-9]{0,4}(\.[0-9]{0,3})?$/), fc.constantFrom('ns', 'us', 'ms', 's', 'm', 'h'));
    fc.assert(
      fc.property(fc.constantFrom('', '-', '+'), fc.array(part, { minLength: 1, maxLength: 4 }), (sign, parts) => {
        const text = sign + parts.map(([n, u]) => n + u).join('');
        const result = parseGoDuration(text);
        if (result.ok && sign === '-') expect(result.nanoseconds <= 0n).toBe(true);
        if (result.ok && sign !== '-') expect(result.nanoseconds >= 0n).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
