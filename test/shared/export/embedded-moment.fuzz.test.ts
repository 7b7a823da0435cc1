/**
 * Whatever bytes are dropped on the window, reading a moment out of them ends quickly with a moment or a sentence:
 * hostile SVGs (comments, CDATA, processing instructions, doctypes, entities, half-open tags, by the thousand) and
 * hostile PNGs (any chunks, lengths, CRCs and keywords); and whatever a shared link's fragment holds (random text,
 * cut and edited links, foreign keys, huge runs, compressed junk and bombs). Each case is bounded in wall time and heap.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { PNG_MOMENT_KEYWORD, readEmbeddedMoment } from '../../../shared/export/embedded-moment.ts';
import { crc32, insertPngTextChunk, PNG_SIGNATURE } from '../../../shared/export/png-text-chunk.ts';
import { svgMomentElement } from '../../../shared/export/svg-moment.ts';
import { momentFragment, readMomentFragment } from '../../../shared/export/moment-link.ts';
import { base64url } from 'jose';
import { zlibSync } from 'fflate';
import type { ExportMoment } from '../../../shared/export/export-types.ts';
import { repeatedArb, withinBounds } from '../fuzz-inputs.ts';
import { zlibBomb } from './zlib-bomb.ts';

const MOMENT: ExportMoment = { version: 1, scenarioText: 'name: x', sourceName: 'x.yaml', playheadMs: 0, view: { startMs: 0, endMs: 1 } };
const utf8 = (text: string) => new TextEncoder().encode(text);

function check(bytes: Uint8Array): void {
  const result = withinBounds(() => readEmbeddedMoment(bytes, 'dropped'));
  if (result.ok) expect(result.value.version).toBe(1);
  else {
    expect(result.error).toMatch(/^dropped: /);
    expect(result.error.length).toBeLessThan(600);
  }
}

const SVG_PIECES = [
  '<!---->', '<!-- <metadata id="tokenscope-moment"> -->', '<![CDATA[', ']]>', '<?pi ?>', '<!DOCTYPE svg>', '<metadata ', '<metadata id="tokenscope-moment">',
  '</metadata>', '&amp;', '&', '&#x10FFFF;', '&#1114112;', '<', '>', '"', "'", '<g>', '</g>', ' id=', '\ufeff', 'x', '\n',
];

const svgArb = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...SVG_PIECES), fc.string({ maxLength: 6 })), { maxLength: 60 }).map((parts) => `<svg>${parts.join('')}</svg>`),
  fc.tuple(fc.constantFrom(...SVG_PIECES), fc.integer({ min: 1, max: 40_000 }), fc.constantFrom('x', '<svg>', '')).map(([piece, n, tail]) => `${piece.repeat(n)}${tail}`),
  repeatedArb(SVG_PIECES, 30_000).map((body) => `<?xml version="1.0"?><svg>${body}${svgMomentElement(MOMENT)}</svg>`),
  fc.string({ unit: 'binary', maxLength: 300 }).map((text) => `<svg>${text}`),
);

function tinyPng(): Uint8Array {
  return new Uint8Array(PNG.sync.write(new PNG({ width: 1, height: 1 })));
}

/** A PNG built chunk by chunk from random parts: lengths that lie, CRCs that fail, keywords of any length. */
const chunkArb = fc.record({
  type: fc.constantFrom('iTXt', 'tEXt', 'IDAT', 'IEND', 'zzzz', 'iT\u0000t'),
  keyword: fc.oneof(fc.constant(PNG_MOMENT_KEYWORD), fc.string({ maxLength: 90 }), fc.integer({ min: 80, max: 300_000 }).map((n) => 'k'.repeat(n))),
  text: fc.oneof(fc.constant(JSON.stringify(MOMENT)), fc.string({ maxLength: 40 }), fc.constant('{"version":1,')),
  header: fc.constantFrom([0, 0, 0, 0], [1, 0, 0, 0], [0, 0], []),
  lengthDelta: fc.constantFrom(0, 0, 0, 1, -1, 1 << 30),
  goodCrc: fc.boolean(),
});

type RawChunk = typeof chunkArb extends fc.Arbitrary<infer T> ? T : never;

function pngFrom(chunks: RawChunk[]): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.from(PNG_SIGNATURE)];
  for (const chunk of chunks) {
    const keyword = utf8(chunk.keyword);
    const text = utf8(chunk.text);
    const data = new Uint8Array(keyword.length + chunk.header.length + text.length);
    data.set(keyword, 0);
    data.set(chunk.header, keyword.length);
    data.set(text, keyword.length + chunk.header.length);
    const type = utf8(chunk.type).subarray(0, 4);
    const frame = new Uint8Array(12 + data.length);
    const view = new DataView(frame.buffer);
    view.setUint32(0, Math.max(0, data.length + chunk.lengthDelta) >>> 0);
    frame.set(type, 4);
    frame.set(data, 8);
    view.setUint32(8 + data.length, chunk.goodCrc ? (crc32(data, crc32(type)) ^ 0xffffffff) >>> 0 : 0);
    parts.push(frame);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

describe('reading a moment from dropped bytes', () => {
  it('hostile SVGs: a moment or a sentence, quickly', () => {
    fc.assert(fc.property(svgArb, (svg) => check(utf8(svg))), { numRuns: 200 });
  });

  it('hostile PNGs: a moment or a sentence, quickly', () => {
    fc.assert(fc.property(fc.array(chunkArb, { maxLength: 6 }), (chunks) => check(pngFrom(chunks))), { numRuns: 150 });
  });

  it('a real export with random bytes flipped: the moment, or where the file broke', () => {
    const png = insertPngTextChunk(tinyPng(), PNG_MOMENT_KEYWORD, JSON.stringify(MOMENT));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: png.length - 1 }), fc.integer({ min: 1, max: 255 })), { maxLength: 4 }), (flips) => {
        const broken = png.slice();
        for (const [at, bits] of flips) broken[at]! ^= bits;
        check(broken);
      }),
      { numRuns: 300 },
    );
  });
});

function checkFragment(hash: string): void {
  const reading = withinBounds(() => readMomentFragment(hash));
  if (reading.kind === 'moment') expect(reading.moment.version).toBe(1);
  else if (reading.kind === 'refused') {
    expect(reading.error).toMatch(/^The link/);
    expect(reading.error.length).toBeLessThan(600);
  } else expect(hash.replace(/^#/, '')).toBe('');
}

const GOOD_FRAGMENT = momentFragment(MOMENT);
const FRAGMENT_PIECES = ['tokenscope=', 'tokenscope=1.', '#', '=', '.', '%', '-', '_', 'A', 'eJ', '\u0000', ' ', '\n', '日', '\ud800'];

const fragmentArb = fc.oneof(
  fc.string({ maxLength: 200 }).map((text) => `#${text}`),
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENT_PIECES), fc.string({ maxLength: 6 })), { maxLength: 40 }).map((parts) => `#tokenscope=1.${parts.join('')}`),
  repeatedArb(FRAGMENT_PIECES, 200_000).map((body) => `#tokenscope=1.${body}`),
  fc.tuple(fc.nat({ max: GOOD_FRAGMENT.length }), fc.nat({ max: GOOD_FRAGMENT.length }), fc.string({ maxLength: 4 })).map(([at, cut, text]) => GOOD_FRAGMENT.slice(0, at) + text + GOOD_FRAGMENT.slice(Math.min(GOOD_FRAGMENT.length, at + cut))),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => `tokenscope=1.${base64url.encode(bytes)}`),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => `tokenscope=1.${base64url.encode(zlibSync(bytes))}`),
  fc.string({ maxLength: 300 }).map((json) => `tokenscope=1.${base64url.encode(zlibSync(new TextEncoder().encode(json)))}`),
  fc.integer({ min: 1, max: 9 }).map((format) => `tokenscope=${format}.${GOOD_FRAGMENT.slice('tokenscope=1.'.length)}`),
);

describe('reading a moment from a link', () => {
  it('hostile fragments: a moment or a sentence, quickly', () => {
    fc.assert(fc.property(fragmentArb, checkFragment), { numRuns: 300 });
  });

  it('a good link with random characters flipped: the moment, or a sentence', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: GOOD_FRAGMENT.length - 1 }), fc.nat({ max: 63 })), { minLength: 1, maxLength: 4 }), (flips) => {
        const chars = [...GOOD_FRAGMENT];
        for (const [at, value] of flips) chars[at] = alphabet[value]!;
        checkFragment(chars.join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('bombs of any size: refused at the budget', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8_000, max: 400_000 }), (extra) => {
        const reading = withinBounds(() => readMomentFragment(`tokenscope=1.${base64url.encode(zlibBomb(extra).bytes)}`));
        expect(reading.kind).toBe('refused');
      }),
      { numRuns: 8 },
    );
  });
});
