/**
 * Files dropped on the window come from anywhere. Each of these once froze the renderer, failed silently or left a
 * message on screen forever; now each is answered at once with a sentence. The wall-time bounds are generous: they
 * tell "linear" from "exponential" (the first case took over 90 s), not fast from slow.
 */
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { PNG_MOMENT_KEYWORD, readEmbeddedMoment } from '../../../shared/export/embedded-moment.ts';
import { crc32, insertPngTextChunk } from '../../../shared/export/png-text-chunk.ts';
import { svgMomentElement } from '../../../shared/export/svg-moment.ts';
import type { ExportMoment } from '../../../shared/export/export-types.ts';
import { utf8Decode } from '../../../shared/text/utf8.ts';
import { EMBEDDED_MOMENT_MAX_CHARS, SCENARIO_MAX_CHARS, SVG_MAX_BYTES } from '../../../shared/limits/input-budgets.ts';
import { openRequestFor, openRequestForFile } from '../../../renderer/export-dialog/open-exported-file.ts';

const NOT_PATHOLOGICAL_MS = 3_000;
const utf8 = (text: string) => new TextEncoder().encode(text);

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

const MOMENT: ExportMoment = { version: 1, scenarioText: 'name: x', sourceName: 'x.yaml', playheadMs: 0, view: { startMs: 0, endMs: 1 } };

function tinyPng(): Uint8Array {
  return new Uint8Array(PNG.sync.write(new PNG({ width: 1, height: 1 })));
}

/** The PNG with one more chunk before IEND, written by hand so it can break the rules insertPngTextChunk keeps. */
function withRawChunk(png: Uint8Array, type: string, data: Uint8Array): Uint8Array {
  const iend = png.length - 12;
  const typeBytes = utf8(type);
  const chunk = new Uint8Array(12 + data.length);
  new DataView(chunk.buffer).setUint32(0, data.length);
  chunk.set(typeBytes, 4);
  chunk.set(data, 8);
  new DataView(chunk.buffer).setUint32(8 + data.length, (crc32(data, crc32(typeBytes)) ^ 0xffffffff) >>> 0);
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, iend), 0);
  out.set(chunk, iend);
  out.set(png.subarray(iend), iend + chunk.length);
  return out;
}

describe('hostile SVGs', () => {
  it('a run of empty comments before a stray character is told apart at once (it backtracked exponentially)', () => {
    const { value, ms } = timed(() => readEmbeddedMoment(utf8(`${'<!---->'.repeat(30)}x`), 'a.svg'));
    expect(value).toEqual({ ok: false, error: 'a.svg: not an image TokenScope exports (PNG, APNG, GIF, SVG, WebM or MP4)' });
    expect(ms).toBeLessThan(NOT_PATHOLOGICAL_MS);
  });

  it('an SVG full of unfinished metadata tags is scanned once (the search was quadratic)', () => {
    const svg = utf8(`<svg xmlns="http://www.w3.org/2000/svg">${'<metadata '.repeat(60_000)}`);
    const { value, ms } = timed(() => readEmbeddedMoment(svg, 'a.svg'));
    expect(value).toEqual({ ok: false, error: 'a.svg: this image was not exported by TokenScope (no tokenscope metadata)' });
    expect(ms).toBeLessThan(NOT_PATHOLOGICAL_MS);
  });

  it('a moment inside a comment, a CDATA section or an attribute value is not a moment', () => {
    const element = svgMomentElement(MOMENT);
    for (const inner of [`<!-- ${element} -->`, `<![CDATA[${element}]]>`, `<desc title='${element.replace(/"/g, '&quot;')}'/>`]) {
      expect(readEmbeddedMoment(utf8(`<svg>${inner}</svg>`), 'a.svg')).toEqual({ ok: false, error: 'a.svg: this image was not exported by TokenScope (no tokenscope metadata)' });
    }
    expect(readEmbeddedMoment(utf8(`<svg><!-- a note --><g>${element}</g></svg>`), 'a.svg')).toEqual({ ok: true, value: MOMENT });
  });

  it('an SVG larger than the budget is refused before it is decoded, saying the limit', () => {
    const svg = new Uint8Array(SVG_MAX_BYTES + 1).fill(0x20);
    svg.set(utf8('<svg>'), 0);
    expect(readEmbeddedMoment(svg, 'big.svg')).toEqual({ ok: false, error: expect.stringMatching(/^big\.svg: this SVG is 16 MB, over TokenScope's limit of 16 MB; /) });
  });

  it('a reference named like an Object property is refused, not looked up on the prototype', () => {
    expect(readEmbeddedMoment(utf8('<svg><metadata id="tokenscope-moment">&constructor;</metadata></svg>'), 'a.svg')).toEqual({
      ok: false,
      error: 'a.svg: the SVG\'s TokenScope metadata has a malformed character reference "&constructor;"',
    });
  });
});

describe('hostile PNGs', () => {
  it('an iTXt chunk with a 2 MB keyword is not ours, and says so instead of throwing', () => {
    const data = new Uint8Array(2_000_005).fill(0x41);
    data[2_000_000] = 0;
    const png = withRawChunk(tinyPng(), 'iTXt', data);
    expect(readEmbeddedMoment(png, 'a.png')).toEqual({ ok: false, error: 'a.png: this image was not exported by TokenScope (no tokenscope chunk)' });
  });

  it('a moment text over the budget is refused with the limit', () => {
    const png = insertPngTextChunk(tinyPng(), PNG_MOMENT_KEYWORD, 'x'.repeat(EMBEDDED_MOMENT_MAX_CHARS + 1));
    expect(readEmbeddedMoment(png, 'a.png')).toEqual({ ok: false, error: expect.stringContaining("a.png: the PNG's tokenscope text is 8,000,001 bytes, over TokenScope's limit of 8,000,000 bytes") });
  });

  it('a scenario over the 2 MB load budget is refused when the file is read, so nothing waits for a load that cannot come', () => {
    const moment = { ...MOMENT, scenarioText: `name: x\n#${'x'.repeat(SCENARIO_MAX_CHARS)}` };
    const png = insertPngTextChunk(tinyPng(), PNG_MOMENT_KEYWORD, JSON.stringify(moment));
    expect(openRequestFor('big.png', png)).toEqual({ kind: 'refused', error: expect.stringContaining('big.png: the scenario embedded in it is 2,000,009 characters, over TokenScope\'s limit of 2,000,000 characters') });
  });

  it('decodes tens of MB of text in linear time (a 63 MB file took 22 s)', () => {
    const bytes = new Uint8Array(32 * 1024 * 1024).fill(0x61);
    bytes.set(utf8('é😀'), 1000);
    const { value, ms } = timed(() => utf8Decode(bytes));
    expect(value.ok && value.text.length).toBe(bytes.length - 6 + 3);
    expect(ms).toBeLessThan(NOT_PATHOLOGICAL_MS);
  });
});

describe('hostile GIFs and videos', () => {
  const header = (bytes: number[]) => Uint8Array.from([...utf8('GIF89a'), 1, 0, 1, 0, 0, 0, 0, ...bytes]);

  it('a GIF of two million empty comments is walked once, block by block', () => {
    const gif = new Uint8Array(13 + 6_000_000 + 1);
    gif.set(header([]), 0);
    for (let i = 13; i < gif.length - 1; i += 3) gif.set([0x21, 0xfe, 0], i);
    gif[gif.length - 1] = 0x3b;
    const { value, ms } = timed(() => readEmbeddedMoment(gif, 'a.gif'));
    expect(value).toEqual({ ok: false, error: 'a.gif: this GIF was not exported by TokenScope (it carries no TokenScope moment)' });
    expect(ms).toBeLessThan(NOT_PATHOLOGICAL_MS);
  });

  it('a GIF moment over the budget is refused with the limit, and a GIF cut short says where', () => {
    const blocks = Math.ceil((EMBEDDED_MOMENT_MAX_CHARS + 1) / 255);
    const big = new Uint8Array(27 + blocks * 256 + 2);
    big.set(header([0x21, 0xff, 11, ...utf8('TOKENSCOPE1')]), 0);
    const block = Uint8Array.from([255, ...new Uint8Array(255).fill(0x78)]);
    for (let i = 0; i < blocks; i++) big.set(block, 27 + i * 256);
    big[big.length - 1] = 0x3b;
    expect(readEmbeddedMoment(big, 'a.gif')).toEqual({ ok: false, error: expect.stringContaining("a.gif: the GIF's TokenScope moment is over 8,000,000 bytes, over TokenScope's limit of 8,000,000 bytes") });
    expect(readEmbeddedMoment(header([0x2c, 0, 0]), 'cut.gif')).toEqual({ ok: false, error: 'cut.gif: the GIF is truncated: it ends at byte 16 inside the image at byte 13' });
    expect(readEmbeddedMoment(header([0x99]), 'odd.gif')).toEqual({ ok: false, error: 'odd.gif: the GIF has a malformed block at byte 13 (0x99 is neither an image, an extension nor the trailer)' });
  });

  it('a WebM of a million empty elements, and an MP4 of a million empty boxes, are walked once', () => {
    const webm = new Uint8Array(5 + 2_000_000);
    webm.set([0x1a, 0x45, 0xdf, 0xa3, 0x80], 0);
    for (let i = 5; i < webm.length; i += 2) webm.set([0xec, 0x80], i);
    const walkedWebm = timed(() => readEmbeddedMoment(webm, 'a.webm'));
    expect(walkedWebm.value).toEqual({ ok: false, error: 'a.webm: this WebM video was not exported by TokenScope (it carries no TokenScope moment)' });
    expect(walkedWebm.ms).toBeLessThan(NOT_PATHOLOGICAL_MS);
    const mp4 = new Uint8Array(16 + 8_000_000);
    mp4.set([0, 0, 0, 16, ...utf8('ftypisom'), 0, 0, 0, 0], 0);
    for (let i = 16; i < mp4.length; i += 8) mp4.set([0, 0, 0, 8, ...utf8('udta')], i);
    const walkedMp4 = timed(() => readEmbeddedMoment(mp4, 'a.mp4'));
    expect(walkedMp4.value).toEqual({ ok: false, error: 'a.mp4: this MP4 video was not exported by TokenScope (it carries no TokenScope moment)' });
    expect(walkedMp4.ms).toBeLessThan(NOT_PATHOLOGICAL_MS);
  });

  it('a video element that claims more bytes than the file holds says so', () => {
    expect(readEmbeddedMoment(Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x88]), 'a.webm')).toEqual({ ok: false, error: 'a.webm: the WebM is truncated: the element at byte 0 claims 8 bytes, more than its container holds' });
    expect(readEmbeddedMoment(Uint8Array.from([0, 0, 0, 16, ...utf8('ftypisom'), 0, 0, 0, 0, 0xff, 0, 0, 0, ...utf8('moov')]), 'a.mp4')).toEqual({
      ok: false,
      error: 'a.mp4: the MP4 is malformed or truncated: the "moov" box at byte 16 claims 4,278,190,080 bytes',
    });
  });
});

describe('dropped files', () => {
  it('a file over 64 MB is refused by its size, before a byte is read', async () => {
    let read = false;
    const file = { name: 'huge.png', size: 65 * 1024 * 1024, arrayBuffer: () => ((read = true), Promise.resolve(new ArrayBuffer(0))) };
    expect(await openRequestForFile(file)).toEqual({ kind: 'refused', error: expect.stringMatching(/^huge\.png: the file is 65 MB, over TokenScope's limit of 64 MB; /) });
    expect(read).toBe(false);
  });

  it('a scenario file over the 2 MB budget is refused by the drop, not sent to an engine that would refuse it', () => {
    expect(openRequestFor('big.yaml', utf8(`name: x\n#${'x'.repeat(SCENARIO_MAX_CHARS)}`))).toEqual({
      kind: 'refused',
      error: expect.stringContaining("big.yaml: the scenario is 2,000,009 characters, over TokenScope's limit of 2,000,000 characters"),
    });
  });
});
