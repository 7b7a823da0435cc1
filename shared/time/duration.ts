/**
 * Durations as people type them: Go's `time.ParseDuration` (what kubectl's `--duration` flag runs through pflag),
 * the scenario-file dialect (Go's units plus days and years), and compact renderings for event texts.
 *
 * The Go parser is a transliteration of `src/time/format.go` (golang/go, ParseDuration, leadingInt, leadingFraction,
 * quote): it works on UTF-8 bytes, accumulates in uint64 and reproduces Go's error texts byte for byte, because
 * learners compare what the simulated kubectl prints with what their own kubectl printed.
 */
import { groupDigits } from '../text/format-count.ts';
import { utf8Encode } from '../text/utf8.ts';

export type GoDurationResult = { ok: true; nanoseconds: bigint } | { ok: false; error: string };
export type ScenarioDurationResult = { ok: true; ms: number } | { ok: false; error: string };

const NS_PER_MS = 1_000_000n;
const NS_PER_SECOND = 1_000_000_000n;
const NS_PER_MINUTE = 60n * NS_PER_SECOND;
const NS_PER_HOUR = 60n * NS_PER_MINUTE;
const NS_PER_DAY = 24n * NS_PER_HOUR;

const TWO_POW_63 = 1n << 63n;
const TWO_POW_64 = 1n << 64n;

/** Keys are the unit's UTF-8 bytes as Latin-1 characters, so `µs` (U+00B5) and `μs` (U+03BC) stay distinct. */
const GO_UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['\xc2\xb5s', 1_000n],
  ['\xce\xbcs', 1_000n],
  ['ms', NS_PER_MS],
  ['s', NS_PER_SECOND],
  ['m', NS_PER_MINUTE],
  ['h', NS_PER_HOUR],
]);

const SCENARIO_UNITS: ReadonlyMap<string, bigint> = new Map([
  ...GO_UNITS,
  ['d', NS_PER_DAY],
  ['y', 365n * NS_PER_DAY],
]);

/** `overflow`: well formed, but longer than Go's time.Duration holds (about 292 years); Go calls that invalid too. */
type CoreError = { kind: 'invalid' } | { kind: 'overflow' } | { kind: 'missing-unit' } | { kind: 'unknown-unit'; unit: string };
type CoreResult = { ok: true; nanoseconds: bigint } | { ok: false; error: CoreError };

/** Go's `time.ParseDuration`, exactly: `"1.5h"`, `"-1s"`, `"0"`, `"1h30m"`; errors read `time: invalid duration "5x"`. */
export function parseGoDuration(text: string): GoDurationResult {
  const result = parseDurationCore(text, GO_UNITS);
  if (result.ok) return result;
  return { ok: false, error: goErrorText(text, result.error) };
}

/**
 * A duration in a scenario file: Go's syntax plus `d` (24 h) and `y` (365 d), never negative, in whole milliseconds
 * because the simulated clock ticks in milliseconds.
 */
export function parseScenarioDuration(text: string): ScenarioDurationResult {
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  const hint = 'use a number and a unit (ns, us, ms, s, m, h, d or y), e.g. 90s, 1h30m, 2d';
  if (text.trim() === '') return { ok: false, error: `an empty value is not a duration; ${hint}` };
  const result = parseDurationCore(text, SCENARIO_UNITS);
  if (!result.ok) {
    const { error } = result;
    const typo = durationTypo(text, shown);
    if (typo !== undefined) return { ok: false, error: typo };
    if (error.kind === 'missing-unit') return { ok: false, error: `${shown} has no unit; ${hint}` };
    if (error.kind === 'unknown-unit') {
      const unit = latin1BytesToText(error.unit);
      const respelt = respelledDuration(text);
      const suggestion = respelt === undefined ? '' : ` (did you mean ${respelt}?${parsesAsScenarioDuration(text.toLowerCase()) ? ' units are lower case' : ''})`;
      return { ok: false, error: `${shown} has an unknown unit ${JSON.stringify(unit.length > 20 ? `${unit.slice(0, 20)}…` : unit)}${suggestion}; ${hint}` };
    }
    if (error.kind === 'overflow') return { ok: false, error: `${shown} is too long: durations go up to about 292 years (2562047h, Go's time.Duration)` };
    return { ok: false, error: `${shown} is not a duration; ${hint}` };
  }
  const ns = result.nanoseconds;
  if (ns < 0n) return { ok: false, error: `${shown} is negative; durations here count forward from the start` };
  if (ns % NS_PER_MS !== 0n) return { ok: false, error: `${shown} is finer than a millisecond, the simulation's resolution` };
  const ms = ns / NS_PER_MS;
  return { ok: true, ms: Number(ms) };
}

function parsesAsScenarioDuration(text: string): boolean {
  const result = parseDurationCore(text, SCENARIO_UNITS);
  return result.ok && result.nanoseconds >= 0n;
}

/** Units people write elsewhere, as this dialect spells them; weeks become days. */
const UNIT_WORDS: ReadonlyMap<string, { unit: string; times: number }> = new Map(
  (
    [
      [['msec', 'msecs', 'millisecond', 'milliseconds'], 'ms', 1],
      [['sec', 'secs', 'second', 'seconds'], 's', 1],
      [['min', 'mins', 'minute', 'minutes'], 'm', 1],
      [['hr', 'hrs', 'hour', 'hours'], 'h', 1],
      [['day', 'days'], 'd', 1],
      [['w', 'wk', 'wks', 'week', 'weeks'], 'd', 7],
      [['yr', 'yrs', 'year', 'years'], 'y', 1],
    ] as const
  ).flatMap(([words, unit, times]) => words.map((word) => [word, { unit, times }] as const)),
);

/**
 * The duration as this dialect spells it (`1H30M` → `1h30m`, `5mins` → `5m`, `2w` → `14d`), when the text is only
 * misspelt; undefined when there is no such spelling.
 */
function respelledDuration(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '').toLowerCase();
  if (compact.length > 60) return undefined;
  let out = '';
  let rest = compact;
  while (rest !== '') {
    const match = /^(\d+(?:\.\d*)?|\.\d+)([a-zµμ]+)/.exec(rest);
    if (match === null) return undefined;
    const [whole, amount = '', unit = ''] = match;
    const word = UNIT_WORDS.get(unit);
    if (word === undefined) out += whole;
    else if (word.times === 1) out += `${amount}${word.unit}`;
    else if (/^\d+$/.test(amount) && Number.isSafeInteger(Number(amount) * word.times)) out += `${Number(amount) * word.times}${word.unit}`;
    else return undefined;
    rest = rest.slice(whole.length);
  }
  return out !== text && parsesAsScenarioDuration(out) ? out : undefined;
}

/** What is wrong with a duration written in a notation this dialect does not take: spaces, exponents, a comma. */
function durationTypo(text: string, shown: string): string | undefined {
  if (/\s/.test(text)) {
    const compact = text.replace(/\s+/g, '');
    const example = parsesAsScenarioDuration(compact) ? compact : (respelledDuration(compact) ?? '1h30m');
    return `${shown} has a space in it; write durations without spaces, such as ${example}`;
  }
  const exponent = /^\+?(\d+(?:\.\d+)?[eE][+]?\d+)([a-zA-Zµμ]*)$/.exec(text);
  if (exponent !== null) {
    const [, number = '', unit = ''] = exponent;
    const value = Number(number);
    const written = Number.isSafeInteger(value) ? `${value}${unit === '' ? 's' : unit}` : undefined;
    const how = unit === '' ? 'write the digits out with a unit' : 'write the digits out';
    return `${shown} is in exponent notation, which durations do not take; ${how}${written !== undefined && parsesAsScenarioDuration(written) ? `, such as ${written}` : ''}`;
  }
  if (/^\+?\d+,\d+/.test(text)) {
    const pointed = text.replace(/(\d),(\d)/g, '$1.$2');
    return `${shown} has a decimal comma; durations take a decimal point${parsesAsScenarioDuration(pointed) ? `, such as ${pointed}` : ''}`;
  }
  return undefined;
}

function goErrorText(original: string, error: CoreError): string {
  switch (error.kind) {
    case 'missing-unit':
      return `time: missing unit in duration ${goQuote(original)}`;
    case 'unknown-unit':
      return `time: unknown unit ${goQuoteLatin1Bytes(error.unit)} in duration ${goQuote(original)}`;
    case 'invalid':
    case 'overflow':
      return `time: invalid duration ${goQuote(original)}`;
  }
}

/** The body of Go's ParseDuration with a pluggable unit table; comments name the Go statements they mirror. */
function parseDurationCore(text: string, units: ReadonlyMap<string, bigint>): CoreResult {
  const bytes = utf8Encode(text);
  const invalid: CoreResult = { ok: false, error: { kind: 'invalid' } };
  const overflow: CoreResult = { ok: false, error: { kind: 'overflow' } };
  let i = 0;
  let neg = false;
  // Consume [-+]?
  if (bytes.length > 0 && (bytes[0] === 0x2d || bytes[0] === 0x2b)) {
    neg = bytes[0] === 0x2d;
    i = 1;
  }
  // Special case: if all that is left is "0", this is zero.
  if (bytes.length - i === 1 && bytes[i] === 0x30) return { ok: true, nanoseconds: 0n };
  if (i === bytes.length) return invalid;

  let d = 0n;
  while (i < bytes.length) {
    const first = bytes[i] ?? 0;
    if (!(first === 0x2e || isDigit(first))) return invalid;

    // leadingInt: [0-9]*, failing (not saturating) past 1<<63.
    const intStart = i;
    let v = 0n;
    while (i < bytes.length && isDigit(bytes[i] ?? 0)) {
      if (v > TWO_POW_63 / 10n) return overflow;
      v = v * 10n + BigInt((bytes[i] ?? 0x30) - 0x30);
      if (v > TWO_POW_63) return overflow;
      i++;
    }
    const pre = i !== intStart;

    // leadingFraction: (\.[0-9]*)?, which stops accumulating precision instead of failing.
    let f = 0n;
    let scale = 1;
    let post = false;
    if (i < bytes.length && bytes[i] === 0x2e) {
      i++;
      const fracStart = i;
      let overflow = false;
      while (i < bytes.length && isDigit(bytes[i] ?? 0)) {
        if (!overflow) {
          if (f > (TWO_POW_63 - 1n) / 10n) {
            overflow = true;
          } else {
            const y = f * 10n + BigInt((bytes[i] ?? 0x30) - 0x30);
            if (y > TWO_POW_63) {
              overflow = true;
            } else {
              f = y;
              scale *= 10;
            }
          }
        }
        i++;
      }
      post = i !== fracStart;
    }
    if (!pre && !post) return invalid;

    // The unit is everything up to the next '.' or digit, so "1h 30m" has the unit "h ".
    const unitStart = i;
    while (i < bytes.length && !(bytes[i] === 0x2e || isDigit(bytes[i] ?? 0))) i++;
    if (i === unitStart) return { ok: false, error: { kind: 'missing-unit' } };
    const unitKey = Array.from(bytes.subarray(unitStart, i), (byte) => String.fromCharCode(byte)).join('');
    const unit = units.get(unitKey);
    if (unit === undefined) return { ok: false, error: { kind: 'unknown-unit', unit: unitKey } };

    if (v > TWO_POW_63 / unit) return overflow;
    v *= unit;
    if (f > 0n) {
      // Go: v += uint64(float64(f) * (float64(unit) / scale)), float64 arithmetic on purpose.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > TWO_POW_63) return overflow;
    }
    // uint64 addition wraps in Go; both terms are at most 1<<63, so only the exact sum 1<<64 wraps (to 0).
    d = (d + v) % TWO_POW_64;
    if (d > TWO_POW_63) return overflow;
  }
  if (neg) return { ok: true, nanoseconds: -d };
  if (d > TWO_POW_63 - 1n) return overflow;
  return { ok: true, nanoseconds: d };
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

/** Go's `time.quote`: printable ASCII as is (with `"` and `\` escaped), anything else as `\x` escapes of its bytes. */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (cp >= 0x80 || cp < 0x20) {
      for (const byte of utf8Encode(char)) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    } else {
      if (char === '"' || char === '\\') out += '\\';
      out += char;
    }
  }
  return `${out}"`;
}

function goQuoteLatin1Bytes(bytesAsText: string): string {
  return goQuote(latin1BytesToText(bytesAsText));
}

/**
 * Decodes UTF-8 bytes held one per character. A unit always ends at an ASCII '.' or digit, so it never splits a
 * character; anything malformed still decodes (to U+FFFD) rather than throwing.
 */
function latin1BytesToText(bytesAsText: string): string {
  let out = '';
  let i = 0;
  while (i < bytesAsText.length) {
    const lead = bytesAsText.charCodeAt(i);
    const extra = lead < 0x80 ? 0 : lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : -1;
    if (extra < 0 || i + extra >= bytesAsText.length + (extra === 0 ? 1 : 0)) {
      out += '\ufffd';
      i++;
      continue;
    }
    let cp = extra === 0 ? lead : lead & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) cp = (cp << 6) | (bytesAsText.charCodeAt(i + k) & 0x3f);
    out += String.fromCodePoint(Math.min(cp, 0x10ffff));
    i += extra + 1;
  }
  return out;
}

const FORMAT_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['y', 365 * 86_400_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
];

/**
 * Compact form for event texts: the largest unit and, when non-zero, the next one ("1 h 1 m", "2 d 3 h", "45 s",
 * "250 ms"). Smaller remainders are dropped, not rounded, so a time never reads later than it is.
 */
export function formatDuration(ms: number): string {
  if (Number.isNaN(ms)) return 'unknown';
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (!Number.isFinite(ms)) return 'forever';
  const total = Math.floor(ms);
  if (total === 0) return '0 s';
  if (total < 1_000) return `${total} ms`;
  for (let index = 0; index < FORMAT_UNITS.length; index++) {
    const [name, size] = FORMAT_UNITS[index] ?? ['s', 1_000];
    if (total < size) continue;
    const whole = Math.floor(total / size);
    const next = FORMAT_UNITS[index + 1];
    if (next === undefined) return `${whole} ${name}`;
    const rest = Math.floor((total - whole * size) / next[1]);
    return rest > 0 ? `${whole} ${name} ${rest} ${next[0]}` : `${whole} ${name}`;
  }
  return `${total} ms`;
}

/** Seconds with thousands separators, as token lifetimes are quoted in event texts: "2,881 s", "31,536,000 s". */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return `${String(seconds)} s`;
  const sign = seconds < 0 ? '-' : '';
  const abs = Math.abs(seconds);
  if (abs >= 1e21) return `${sign}${String(abs)} s`;
  let digits = Number.isInteger(abs) ? abs.toFixed(0) : abs.toFixed(3);
  if (digits.includes('.')) {
    while (digits.endsWith('0')) digits = digits.slice(0, -1);
    if (digits.endsWith('.')) digits = digits.slice(0, -1);
  }
  const [whole = '0', fraction] = digits.split('.');
  const grouped = groupDigits(whole);
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`} s`;
}

/** Milliseconds in the scenario format's own notation (`1h30m`, `90s`, `0s`), which parseScenarioDuration reads back. */
export function formatScenarioDuration(ms: number): string {
  const units: Array<[string, number]> = [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1_000], ['ms', 1]];
  let rest = ms;
  let out = '';
  for (const [name, size] of units) {
    const whole = Math.floor(rest / size);
    if (whole > 0) out += `${whole}${name}`;
    rest -= whole * size;
  }
  return out === '' ? '0s' : out;
}

/** Go's `time.Duration.String()` for whole seconds, as kube-apiserver prints flag values: `2h0m0s`, `50m0s`, `45s`. */
export function formatGoDurationSeconds(seconds: number): string {
  if (seconds === 0) return '0s';
  const sign = seconds < 0 ? '-' : '';
  const abs = Math.abs(seconds);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  if (h > 0) return `${sign}${h}h${m}m${s}s`;
  if (m > 0) return `${sign}${m}m${s}s`;
  return `${sign}${s}s`;
}
