import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { PNG_MOMENT_KEYWORD, readEmbeddedMoment } from '../../../shared/export/embedded-moment.ts';
import { insertPngTextChunk } from '../../../shared/export/png-text-chunk.ts';
import { svgMomentElement } from '../../../shared/export/svg-moment.ts';
import type { ExportMoment } from '../../../shared/export/export-types.ts';

const MOMENT: ExportMoment = {
  version: 1,
  // Everything that could break the SVG element or the JSON: markup, entities, CDATA ends, quotes, characters XML
  // forbids, a C1 control, astral characters.
  scenarioText: 'name: x # </metadata> <svg> & &amp; ]]> "q" \'a\' \ufffe \u0085 \u0001 😀 →',
  sourceName: 'side-by-side.yaml',
  playheadMs: 7_200_000,
  view: { startMs: 0, endMs: 21_600_000 },
};

const utf8 = (text: string) => new TextEncoder().encode(text);

function tinyPng(): Uint8Array {
  const png = new PNG({ width: 1, height: 1 });
  return new Uint8Array(PNG.sync.write(png));
}

const svgWith = (inner: string) => utf8(`<?xml version="1.0"?>\n<!-- made elsewhere -->\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n${inner}\n</svg>\n`);

describe('readEmbeddedMoment', () => {
  it('reads the moment back from a PNG', () => {
    const png = insertPngTextChunk(tinyPng(), PNG_MOMENT_KEYWORD, JSON.stringify(MOMENT));
    expect(readEmbeddedMoment(png, 'a.png')).toEqual({ ok: true, value: MOMENT });
  });

  it('reads the moment back from an SVG, whatever its text holds', () => {
    const element = svgMomentElement(MOMENT);
    expect(element).not.toMatch(/[\ufffe\u0085\u0001]/);
    expect(element.indexOf('</metadata>')).toBe(element.length - '</metadata>'.length);
    expect(readEmbeddedMoment(svgWith(element), 'a.svg')).toEqual({ ok: true, value: MOMENT });
  });

  it('reads metadata an editor re-saved with other attributes, as CDATA or with numeric references', () => {
    const json = JSON.stringify({ ...MOMENT, scenarioText: 'name: x' });
    expect(readEmbeddedMoment(svgWith(`<metadata class="x" id='tokenscope-moment'><![CDATA[${json}]]></metadata>`), 'a.svg').ok).toBe(true);
    const referenced = json.replace(/"/g, '&#34;').replace(/:/g, '&#x3a;');
    expect(readEmbeddedMoment(svgWith(`<metadata id="tokenscope-moment">${referenced}</metadata>`), 'a.svg')).toEqual({ ok: true, value: { ...MOMENT, scenarioText: 'name: x' } });
  });

  it('tells a file that is neither PNG nor SVG', () => {
    expect(readEmbeddedMoment(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'photo.jpg')).toEqual({ ok: false, error: 'photo.jpg: not an image TokenScope exports (PNG, APNG, GIF, SVG, WebM or MP4)' });
    expect(readEmbeddedMoment(utf8('name: side-by-side\n'), 'scenario.png')).toEqual({ ok: false, error: 'scenario.png: not an image TokenScope exports (PNG, APNG, GIF, SVG, WebM or MP4)' });
  });

  it('tells a PNG or SVG made by something else', () => {
    expect(readEmbeddedMoment(tinyPng(), 'shot.png')).toEqual({ ok: false, error: 'shot.png: this image was not exported by TokenScope (no tokenscope chunk)' });
    expect(readEmbeddedMoment(svgWith('<rect width="1" height="1"/>'), 'logo.svg')).toEqual({ ok: false, error: 'logo.svg: this image was not exported by TokenScope (no tokenscope metadata)' });
  });

  it('points at the character where the embedded JSON breaks', () => {
    const png = insertPngTextChunk(tinyPng(), PNG_MOMENT_KEYWORD, '{"version":1,}');
    const result = readEmbeddedMoment(png, 'a.png');
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^a\.png: the TokenScope moment in its PNG text chunk is not valid JSON: .+ at character 14$/) });
  });

  it('refuses a moment of another version or with a broken field', () => {
    const png = insertPngTextChunk(tinyPng(), PNG_MOMENT_KEYWORD, JSON.stringify({ ...MOMENT, version: 2 }));
    expect(readEmbeddedMoment(png, 'a.png')).toEqual({ ok: false, error: 'a.png: the embedded TokenScope moment was made by a newer version of TokenScope (moment version 2); this one reads version 1' });
    const svg = svgWith(svgMomentElement({ ...MOMENT, view: { startMs: 5, endMs: 5 } }));
    expect(readEmbeddedMoment(svg, 'a.svg')).toEqual({ ok: false, error: 'a.svg: the embedded TokenScope moment has no valid time window (startMs < endMs)' });
  });

  it('tells a missing field from one of the wrong type, never printing undefined', () => {
    const read = (moment: unknown) => {
      const result = readEmbeddedMoment(insertPngTextChunk(tinyPng(), PNG_MOMENT_KEYWORD, JSON.stringify(moment)), 'a.png');
      return !result.ok && result.error;
    };
    expect(read({})).toBe('a.png: the embedded TokenScope moment has no version');
    expect(read({ ...MOMENT, version: '1' })).toBe('a.png: the embedded TokenScope moment\'s version is "1"; expected 1');
    expect(read({ ...MOMENT, scenarioText: 5 })).toBe("a.png: the embedded TokenScope moment's scenario text (scenarioText) is 5; expected the scenario as a string");
    expect(read({ ...MOMENT, scenarioText: undefined })).toBe('a.png: the embedded TokenScope moment has no scenario text');
    expect(read({ ...MOMENT, sourceName: ['a'] })).toBe('a.png: the embedded TokenScope moment\'s source name (sourceName) is ["a"]; expected a file name as a string');
  });

  it('says an empty file is empty, and a PDF carries no moment', () => {
    expect(readEmbeddedMoment(new Uint8Array(), 'a.png')).toEqual({ ok: false, error: 'a.png: the file is empty (0 bytes); it may not have finished copying or downloading' });
    expect(readEmbeddedMoment(utf8('%PDF-1.7\n'), 'a.pdf')).toMatchObject({ ok: false, error: expect.stringMatching(/^a\.pdf: a PDF carries no TokenScope moment to reopen/) });
  });

  it('passes on what is wrong with a corrupt PNG', () => {
    const png = insertPngTextChunk(tinyPng(), PNG_MOMENT_KEYWORD, JSON.stringify(MOMENT));
    const broken = png.slice();
    broken[broken.length - 20]! ^= 0x01; // inside the moment's JSON
    const result = readEmbeddedMoment(broken, 'a.png');
    expect(!result.ok && result.error).toMatch(/^a\.png: the PNG is corrupt: chunk \w+ at byte \d+ fails its CRC check$/);
  });

  it('refuses a malformed character reference in SVG metadata', () => {
    expect(readEmbeddedMoment(svgWith('<metadata id="tokenscope-moment">{&bogus;}</metadata>'), 'a.svg')).toEqual({ ok: false, error: 'a.svg: the SVG\'s TokenScope metadata has a malformed character reference "&bogus;"' });
    expect(readEmbeddedMoment(svgWith('<metadata id="tokenscope-moment">{"a":1}'), 'a.svg')).toEqual({ ok: false, error: 'a.svg: the SVG\'s TokenScope metadata element is never closed' });
  });
});
