/**
 * What a dropped or opened file becomes: a scenario to load, a moment to reopen (from a PNG or an SVG the exporter
 * really made), or a refusal that says in words why (an image from elsewhere, a file that is no image at all).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { exportFile, type ExportDeps } from '../../../shared/export/export-file.ts';
import { nodeExportDeps } from '../../../electron/cli/node-export-deps.ts';
import { DEFAULT_EXPORT_SETTINGS } from '../../../shared/export/export-types.ts';
import { exportSourceOf } from '../../../renderer/export-dialog/use-export-moment.ts';
import { openRequestFor, openRequestForDialogResult, openRequestForFile } from '../../../renderer/export-dialog/open-exported-file.ts';
import { liveEngine, scenarioText } from './export-fixture.ts';
import type { ExportSource } from '../../../shared/export/export-source.ts';

const AT_MS = 2 * 3_600_000;
const VIEW = { startMs: 1_800_000, endMs: 3 * 3_600_000 };
let deps: ExportDeps;
let source: ExportSource;

beforeAll(async () => {
  deps = await nodeExportDeps();
  const { store } = await liveEngine(undefined, AT_MS);
  source = exportSourceOf(store.getSnapshot(), VIEW)!;
});

const bytesOf = (data: Uint8Array | string) => (typeof data === 'string' ? new TextEncoder().encode(data) : data);

describe('openRequestFor', () => {
  it('reopens the moment a PNG export carries: scenario text, playhead and window', async () => {
    const png = await exportFile(source, { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [], scale: 1 }, deps);
    const request = openRequestFor('figure.png', bytesOf(png.data));
    expect(request).toEqual({ kind: 'moment', fileName: 'figure.png', moment: { version: 1, scenarioText: scenarioText(), sourceName: 'assets/scenarios/side-by-side.yaml', playheadMs: AT_MS, view: VIEW } });
  });

  it('reopens the moment an SVG export carries', async () => {
    const svg = await exportFile(source, { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [], format: 'svg' }, deps);
    const request = openRequestFor('figure.svg', bytesOf(svg.data));
    expect(request.kind === 'moment' && request.moment.playheadMs).toBe(AT_MS);
  });

  it('refuses a PNG that TokenScope did not export, saying so', async () => {
    const plain = await deps.rasterizer.toPng('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>', 1);
    expect(openRequestFor('holiday.png', plain)).toEqual({ kind: 'refused', error: 'holiday.png: this image was not exported by TokenScope (no tokenscope chunk)' });
  });

  it('refuses an SVG without a moment and a file that is no image', () => {
    const svg = bytesOf('<svg xmlns="http://www.w3.org/2000/svg"><title>logo</title></svg>');
    expect(openRequestFor('logo.svg', svg)).toMatchObject({ kind: 'refused', error: expect.stringMatching(/^logo\.svg: this image was not exported by TokenScope/) });
    expect(openRequestFor('photo.jpg', Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 16))).toEqual({ kind: 'refused', error: 'photo.jpg: not an image TokenScope exports (PNG, APNG, GIF, SVG, WebM or MP4)' });
  });

  it('loads a .yaml or .yml file as a scenario, without its byte-order mark, and refuses one that is not UTF-8', () => {
    expect(openRequestFor('mine.YML', bytesOf('\ufeffname: x\n'))).toEqual({ kind: 'scenario', sourceName: 'mine.YML', scenarioText: 'name: x\n' });
    expect(openRequestFor('broken.yaml', Uint8Array.of(0x6e, 0xff, 0xfe))).toEqual({ kind: 'refused', error: 'broken.yaml: not UTF-8 text (it stops being UTF-8 at byte 2); save it as UTF-8' });
  });
});

describe('openRequestFor says what a file is', () => {
  it('reopens an image TokenScope exported by its content, even under a scenario\'s name', async () => {
    const png = await exportFile(source, { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [], scale: 1 }, deps);
    const request = openRequestFor('figure.yaml', bytesOf(png.data));
    expect(request.kind === 'moment' && request.moment.playheadMs).toBe(AT_MS);
  });

  it('says a scenario saved under another name should be renamed, rather than that it is no image', () => {
    expect(openRequestFor('scenario.txt', bytesOf(scenarioText()))).toEqual({
      kind: 'refused',
      error: "scenario.txt: not an image TokenScope exports, and a scenario's name ends in .yaml or .yml; if this text is a scenario, rename it",
    });
  });

  it('says an empty file is empty', () => {
    expect(openRequestFor('figure.png', new Uint8Array())).toEqual({ kind: 'refused', error: 'figure.png: the file is empty (0 bytes); it may not have finished copying or downloading' });
  });

  it('names UTF-16 text and gives the byte where UTF-8 stops, as the CLI does', () => {
    expect(openRequestFor('s.yaml', Uint8Array.of(0xff, 0xfe, 0x6e, 0))).toEqual({ kind: 'refused', error: 's.yaml: UTF-16 text, not UTF-8; save it as UTF-8' });
  });

  it('says a PDF handout carries no moment, rather than that TokenScope does not export it', () => {
    expect(openRequestFor('handout.pdf', bytesOf('%PDF-1.7\n%\xe2\xe3'))).toEqual({
      kind: 'refused',
      error: 'handout.pdf: a PDF carries no TokenScope moment to reopen; open its scenario, or a PNG, SVG, GIF, APNG, WebM or MP4 that TokenScope exported',
    });
  });
});

describe('openRequestForDialogResult', () => {
  it('takes the desktop Open dialog\'s text, image bytes, or cancel', async () => {
    expect(openRequestForDialogResult({ canceled: true })).toBeUndefined();
    expect(openRequestForDialogResult({ canceled: false, sourceName: 'a.yaml', scenarioText: 'name: a' })).toEqual({ kind: 'scenario', sourceName: 'a.yaml', scenarioText: 'name: a' });
    const png = await exportFile(source, { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [], scale: 1 }, deps);
    expect(openRequestForDialogResult({ canceled: false, sourceName: 'b.png', imageBytes: bytesOf(png.data) })).toMatchObject({ kind: 'moment', moment: { playheadMs: AT_MS } });
    expect(openRequestForDialogResult({ canceled: false, sourceName: 'c.png', imageBytes: Uint8Array.of(1, 2, 3) })).toMatchObject({ kind: 'refused' });
  });
});

describe('openRequestForFile', () => {
  it('says so when the file cannot be read', async () => {
    const unreadable = { name: 'gone.png', size: 10, arrayBuffer: () => Promise.reject(new Error('the file was moved')) };
    expect(await openRequestForFile(unreadable)).toEqual({ kind: 'refused', error: 'gone.png: the file could not be read (the file was moved)' });
  });
});
