import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { crc32, insertPngTextChunk, readPngChunks, readPngTextChunk } from '../../../shared/export/png-text-chunk.ts';

/** A real 2×2 PNG from an independent encoder. */
function tinyPng(): Uint8Array {
  const png = new PNG({ width: 2, height: 2 });
  png.data.fill(200);
  return new Uint8Array(PNG.sync.write(png));
}

const types = (bytes: Uint8Array) => {
  const chunks = readPngChunks(bytes);
  if (!chunks.ok) throw new Error(chunks.error);
  return chunks.value.map((c) => c.type);
};

describe('PNG iTXt chunk', () => {
  it('computes CRC-32 as PNG does (the IEND chunk always ends AE 42 60 82)', () => {
    expect((crc32(new TextEncoder().encode('IEND')) ^ 0xffffffff) >>> 0).toBe(0xae426082);
  });

  it('writes the text before IEND and reads it back, Unicode included; other decoders still read the image', () => {
    const text = '{"scenario":"naïve → ∞ ✓ 日本 😀","nul":"\\u0000"}';
    const out = insertPngTextChunk(tinyPng(), 'tokenscope', text);
    expect(types(out).slice(-2)).toEqual(['iTXt', 'IEND']);
    expect(readPngTextChunk(out, 'tokenscope')).toEqual({ ok: true, value: text });
    expect(PNG.sync.read(Buffer.from(out)).width).toBe(2);
  });

  it('replaces an earlier chunk with the same keyword and keeps chunks with other keywords', () => {
    const once = insertPngTextChunk(tinyPng(), 'other', 'x');
    const twice = insertPngTextChunk(insertPngTextChunk(once, 'tokenscope', 'first'), 'tokenscope', 'second');
    expect(types(twice).filter((t) => t === 'iTXt')).toHaveLength(2);
    expect(readPngTextChunk(twice, 'tokenscope')).toEqual({ ok: true, value: 'second' });
    expect(readPngTextChunk(twice, 'other')).toEqual({ ok: true, value: 'x' });
  });

  it('reads "no chunk" as undefined, not as an error', () => {
    expect(readPngTextChunk(tinyPng(), 'tokenscope')).toEqual({ ok: true, value: undefined });
  });

  it('refuses a file without the PNG signature', () => {
    expect(readPngTextChunk(new TextEncoder().encode('GIF89a....'), 'tokenscope')).toEqual({ ok: false, error: 'not a PNG file (the first 8 bytes are not the PNG signature)' });
  });

  it('names the chunk whose CRC fails when a byte is changed', () => {
    const out = insertPngTextChunk(tinyPng(), 'tokenscope', 'hello');
    const broken = out.slice();
    broken[broken.length - 14]! ^= 0x01; // inside the iTXt text
    const result = readPngTextChunk(broken, 'tokenscope');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^the PNG is corrupt: chunk iTXt at byte \d+ fails its CRC check$/);
  });

  it('says where a truncated file ends', () => {
    const out = insertPngTextChunk(tinyPng(), 'tokenscope', 'hello');
    const cut = out.subarray(0, out.length - 20);
    const result = readPngChunks(cut);
    expect(!result.ok && result.error).toMatch(/^the PNG is truncated/);
  });

  it('refuses to write into a broken PNG, and refuses a keyword PNG does not allow', () => {
    expect(() => insertPngTextChunk(new Uint8Array([1, 2, 3]), 'tokenscope', 'x')).toThrow('not a PNG file');
    expect(() => insertPngTextChunk(tinyPng(), '', 'x')).toThrow('invalid PNG text keyword ""');
    expect(() => insertPngTextChunk(tinyPng(), ' lead', 'x')).toThrow('invalid PNG text keyword');
    expect(() => insertPngTextChunk(tinyPng(), 'k'.repeat(80), 'x')).toThrow('invalid PNG text keyword');
  });

  it('reports text that is not UTF-8 with its byte offset', () => {
    const out = insertPngTextChunk(tinyPng(), 'tokenscope', 'ab');
    // Rewrite the text's last byte to 0xff and fix the CRC, so only the encoding is wrong.
    const chunks = readPngChunks(out);
    if (!chunks.ok) throw new Error(chunks.error);
    const itxt = chunks.value.find((c) => c.type === 'iTXt')!;
    const bad = out.slice();
    const end = itxt.offset + 8 + itxt.data.length;
    bad[end - 1] = 0xff;
    const crc = (crc32(bad.subarray(itxt.offset + 4, end)) ^ 0xffffffff) >>> 0;
    new DataView(bad.buffer).setUint32(end, crc);
    expect(readPngTextChunk(bad, 'tokenscope')).toEqual({ ok: false, error: 'the PNG\'s tokenscope text chunk is not valid UTF-8 (at byte 1 of its text)' });
  });
});
