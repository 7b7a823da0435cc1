/**
 * Whatever bytes are dropped on the window, reading a moment out of them ends quickly with a moment or a sentence:
 * hostile SVGs (comments, CDATA, processing instructions, doctypes, entities, half-open tags, by the thousand),
 * hostile PNGs and APNGs (any chunks, lengths, CRCs and keywords), hostile GIFs (any blocks, sub-block sizes and
 * colour tables), hostile WebM and MP4 videos (any elements and boxes, any sizes, unknown sizes, nesting); and
 * whatever a shared link's fragment holds (random text, cut and edited links, foreign keys, huge runs, compressed
 * junk and bombs). Each case is bounded in wall time and heap.
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
import { gifCommentExtension, gifMomentExtension } from '../../../shared/export/animation/gif-moment.ts';
import { createApngWriter } from '../../../shared/export/animation/apng-writer.ts';
import { createGifWriter } from '../../../shared/export/animation/gif-writer.ts';
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

  it('a real APNG and a real GIF with random bytes flipped: the moment, or where the file broke', () => {
    const frame = (v: number) => ({ width: 4, height: 3, data: new Uint8Array(48).fill(v) });
    const apngWriter = createApngWriter({ width: 4, height: 3, frames: 2, loop: true });
    apngWriter.addFrame(frame(10), 5);
    apngWriter.addFrame(frame(200), 5);
    const apng = insertPngTextChunk(apngWriter.finish(), PNG_MOMENT_KEYWORD, JSON.stringify(MOMENT));
    const gifWriter = createGifWriter({ width: 4, height: 3, palette: [[10, 10, 10], [200, 200, 200]], loop: true });
    gifWriter.addFrame(frame(10), 5);
    gifWriter.addFrame(frame(200), 5);
    const gif = gifWriter.finish({ caption: 'c', momentJson: JSON.stringify(MOMENT) });
    expect(readEmbeddedMoment(gif, 'dropped')).toEqual({ ok: true, value: MOMENT });
    for (const file of [apng, gif]) {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat({ max: file.length - 1 }), fc.integer({ min: 1, max: 255 })), { maxLength: 4 }), (flips) => {
          const broken = file.slice();
          for (const [at, bits] of flips) broken[at]! ^= bits;
          check(broken);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('hostile GIFs: any blocks, sub-block sizes and colour tables; a moment or a sentence, quickly', () => {
    const moment = gifMomentExtension(JSON.stringify(MOMENT));
    const piece = fc.oneof(
      fc.constant(moment),
      fc.constant(gifCommentExtension('a note')),
      fc.constant(Uint8Array.from([0x21, 0xf9, 4, 0, 0, 0, 0, 0])),
      fc.constant(Uint8Array.from([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0x87, 2, 2, 0x4c, 1, 0])),
      fc.constant(Uint8Array.from([0x21, 0xff, 11, ...utf8('TOKENSCOPE1'), 255])),
      fc.constant(Uint8Array.from([0x3b])),
      fc.uint8Array({ maxLength: 12 }),
      fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 50_000 })).map(([size, n]) => new Uint8Array(n).fill(size)),
      fc.integer({ min: 1, max: 300_000 }).map((n) => Uint8Array.from({ length: n * 3 }, (_, i) => [0x21, 0xfe, 0][i % 3]!)),
    );
    const gifArb = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.array(piece, { maxLength: 8 })).map(([packed, pieces]) => concat([utf8('GIF89a'), Uint8Array.from([4, 0, 3, 0, packed, 0, 0]), ...pieces]));
    fc.assert(fc.property(gifArb, (gif) => check(gif)), { numRuns: 200 });
  });

  it('hostile WebM and MP4: any elements and boxes, sizes that lie or are unknown; a moment or a sentence, quickly', () => {
    const vint = (n: number) => [0x08, 0, 0, 0, 0, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
    const element = (id: number[], body: Uint8Array) => Uint8Array.from([...id, ...vint(body.length), ...body]);
    const tag = element([0x67, 0xc8], concat([element([0x45, 0xa3], utf8('TOKENSCOPE_MOMENT')), element([0x44, 0x87], utf8(JSON.stringify(MOMENT)))]));
    const ebml = fc.oneof(
      fc.constant(element([0x18, 0x53, 0x80, 0x67], element([0x12, 0x54, 0xc3, 0x67], element([0x73, 0x73], tag)))),
      fc.constant(Uint8Array.from([0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])),
      fc.constant(Uint8Array.from([0x1f, 0x43, 0xb6, 0x75, 0xff])),
      fc.constant(tag),
      fc.uint8Array({ maxLength: 16 }),
      fc.integer({ min: 1, max: 200_000 }).map((n) => Uint8Array.from({ length: n * 2 }, (_, i) => (i % 2 === 0 ? 0xec : 0x80))),
      fc.integer({ min: 1, max: 50_000 }).map((n) => new Uint8Array(n).fill(0x73)),
    );
    const webmArb = fc.array(ebml, { maxLength: 6 }).map((pieces) => concat([Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x80]), ...pieces]));
    fc.assert(fc.property(webmArb, (webm) => check(webm)), { numRuns: 200 });

    const box = (type: string, body: Uint8Array, size = body.length + 8) => concat([Uint8Array.from([size >>> 24, (size >>> 16) & 0xff, (size >>> 8) & 0xff, size & 0xff]), utf8(type), body]);
    const moment = box('moov', box('udta', box('meta', concat([new Uint8Array(4), box('ilst', box('tksm', box('data', concat([new Uint8Array(8), utf8(JSON.stringify(MOMENT))]))))]))));
    const mp4Piece = fc.oneof(
      fc.constant(moment),
      fc.constant(box('free', new Uint8Array(3))),
      fc.tuple(fc.constantFrom('moov', 'udta', 'meta', 'ilst', 'tksm', 'data', 'mdat'), fc.integer({ min: 0, max: 0xffffffff }), fc.uint8Array({ maxLength: 20 })).map(([type, size, body]) => box(type, body, size)),
      fc.integer({ min: 1, max: 200_000 }).map((n) => concat(Array.from({ length: Math.min(n, 5_000) }, () => box('moov', new Uint8Array(0))))),
      fc.uint8Array({ maxLength: 16 }),
    );
    const mp4Arb = fc.array(mp4Piece, { maxLength: 6 }).map((pieces) => concat([box('ftyp', utf8('isom')), ...pieces]));
    fc.assert(fc.property(mp4Arb, (mp4) => check(mp4)), { numRuns: 200 });
  });
});

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
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
