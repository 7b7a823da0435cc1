/**
 * `tokenscope export`: the same bytes as the in-process export of the same moment, twice over and from a real
 * process; every bad flag named with what it expects; scenario errors with file:line:column.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { main } from '../../../electron/cli.ts';
import { exportFile } from '../../../shared/export/export-file.ts';
import { nodeExportDeps } from '../../../electron/cli/node-export-deps.ts';
import { readEmbeddedMoment } from '../../../shared/export/embedded-moment.ts';
import { scenarioSource, settings } from '../../shared/export/export-fixtures.ts';
import { removeScenarioFiles, scenarioFile, SIDE_BY_SIDE } from './cli-harness.ts';

const H = 3_600_000;
const dir = mkdtempSync(join(tmpdir(), 'tokenscope-export-test-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeScenarioFiles();
});

/** Runs the command with writes captured in memory, or (`realWrites`) left to the file system. */
async function exportCli(args: string[], options: { realWrites?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, Uint8Array | string>();
  const code = await main(['export', ...args], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (path) => readFile(path, 'utf8'),
    ...(options.realWrites ? {} : { writeFile: async (path: string, data: Uint8Array | string) => void written.set(path, data) }),
  });
  return { code, stdout, stderr, written };
}

const SMALL = ['--at', '2h', '--width', '800', '--scale', '1'];

describe('tokenscope export', () => {
  it('writes the PNG the app would write for the same moment, byte for byte, and the same twice', async () => {
    const first = await exportCli([SIDE_BY_SIDE, ...SMALL, '--out', 'fig.png']);
    const second = await exportCli([SIDE_BY_SIDE, ...SMALL, '--out', 'fig.png']);
    expect(first.code).toBe(0);
    const inProcess = await exportFile(scenarioSource('side-by-side', 2 * H), settings({ widthPx: 800, scale: 1 }), await nodeExportDeps());
    const bytes = first.written.get('fig.png') as Uint8Array;
    expect(Buffer.from(bytes).equals(Buffer.from(inProcess.data as Uint8Array))).toBe(true);
    expect(Buffer.from(bytes).equals(Buffer.from(second.written.get('fig.png') as Uint8Array))).toBe(true);
    expect(first.stdout).toContain(`wrote fig.png (image/png, ${bytes.length.toLocaleString('en-US')} bytes)\ncaption: Projected token rotated at 48 m`);
    const moment = readEmbeddedMoment(bytes, 'fig.png');
    expect(moment.ok && moment.value).toEqual({ version: 1, scenarioText: readFileSync(SIDE_BY_SIDE, 'utf8'), sourceName: 'side-by-side.yaml', playheadMs: 2 * H, view: { startMs: 0, endMs: 6 * H } });
  });

  it('gives the same bytes from a separate process, writing to the file system', async () => {
    const out = join(dir, 'process.png');
    const bin = fileURLToPath(new URL('../../../electron/bin/tokenscope.mjs', import.meta.url));
    await promisify(execFile)(process.execPath, [bin, 'export', SIDE_BY_SIDE, ...SMALL, '--out', out]);
    const inProcess = await exportCli([SIDE_BY_SIDE, ...SMALL, '--out', 'fig.png']);
    expect(readFileSync(out).equals(Buffer.from(inProcess.written.get('fig.png') as Uint8Array))).toBe(true);
  });

  it('follows the flags: format from the extension, scale, transparent, theme, window, flows', async () => {
    const svg = await exportCli([SIDE_BY_SIDE, '--at', '1h', '--out', 'x.svg', '--theme', 'dark', '--from', '30m', '--to=3h', '--flows', 'projected']);
    expect(svg.code).toBe(0);
    const text = svg.written.get('x.svg') as string;
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain('fill="#15171b"');
    expect(text).not.toContain('Legacy flow');
    const png = await exportCli([SIDE_BY_SIDE, '--width', '700', '--scale', '2', '--transparent', '--flows=legacy']);
    expect(png.code).toBe(0);
    expect([...png.written.keys()]).toEqual(['side-by-side-at-6h.png']);
    const image = PNG.sync.read(Buffer.from(png.written.get('side-by-side-at-6h.png') as Uint8Array));
    expect(image.width).toBe(1400);
    expect(image.data[3]).toBe(0);
  });

  it('writes the event log beside the figure with --events', async () => {
    const run = await exportCli([SIDE_BY_SIDE, '--at', '1h', '--format', 'svg', '--out', 'fig.svg', '--events', 'csv']);
    expect(run.code).toBe(0);
    const csv = run.written.get('fig.csv') as string;
    expect(csv.startsWith('seq,atMs,time,flow,type,')).toBe(true);
    expect(csv).toContain(',token.leaked,');
    expect(csv).not.toContain('01:00:01');
    expect(run.stdout).toMatch(/wrote fig\.csv \(\d+ events up to 1 h\)/);
  });

  const bad: Array<[string, string[], string]> = [
    ['an unknown flag', ['--colour', 'red'], 'tokenscope export: unknown flag --colour'],
    ['a flag without its value', ['--at'], 'tokenscope export: --at needs a value, e.g. --at 2h'],
    ['a flag given twice', ['--theme', 'dark', '--theme', 'light'], 'tokenscope export: --theme is given twice'],
    ['a bad format', ['--format', 'webp'], 'tokenscope export: --format: expected png, svg, pdf, gif, apng, got "webp"'],
    ['a bad scale', ['--scale', '3'], 'tokenscope export: --scale: expected 1, 2, 4, got "3"'],
    ['a bad theme', ['--theme', 'neon'], 'tokenscope export: --theme: expected light, dark, projector, got "neon"'],
    ['a width out of range', ['--width', '100'], 'tokenscope export: --width: expected a whole number of pixels from 640 to 3840, got "100"'],
    ['a width that is not a number', ['--width', 'wide'], 'tokenscope export: --width: expected a whole number of pixels from 640 to 3840, got "wide"'],
    ['a bad duration', ['--at', '2x'], 'tokenscope export: --at: '],
    ['a moment after the end', ['--at', '7h'], 'tokenscope export: --at 7h is after the scenario ends (6 h)'],
    ['a window the wrong way round', ['--from', '3h', '--to', '1h'], 'tokenscope export: --from 3h must come before --to 1h'],
    ['an unknown flow', ['--flows', 'legacy,modern'], 'tokenscope export: --flows: this scenario has no flow "modern"; its flows are legacy, projected'],
    ['an unknown lane', ['--hide', 'pods'], 'tokenscope export: --hide: expected lanes among attacker, kubectl, secrets, got "pods"'],
    ['a bad event log format', ['--events', 'xml'], 'tokenscope export: --events: expected csv or json, got "xml"'],
    ['a page height out of range', ['--height', '100'], 'tokenscope export: --height: expected a whole number of pixels from 360 to 4320, got "100"'],
    ['an output name that is not an image', ['--out', 'x.txt'], 'tokenscope export: --out: "x.txt" ends in .txt, a format the command line does not write; end it in .png, .svg, .pdf, .gif or .apng'],
    ['an output name without an extension', ['--out', 'x'], 'tokenscope export: --out: "x" should end in .png (or give --format png|svg|pdf|gif|apng)'],
    ['an output name that contradicts --format', ['--format', 'svg', '--out', 'x.png'], 'tokenscope export: --out: "x.png" should end in .svg to match --format svg'],
    ['a scale for a vector format', ['--format', 'svg', '--scale', '2'], 'tokenscope export: --scale applies to PNG only; SVG is drawn at the figure\'s own size'],
    ['a transparent PDF', ['--format', 'pdf', '--transparent'], 'tokenscope export: --transparent applies to PNG and SVG; a PDF page is always solid'],
  ];
  for (const [what, args, message] of bad) {
    it(`refuses ${what}, saying which flag and what it expects`, async () => {
      const run = await exportCli([SIDE_BY_SIDE, ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr.startsWith(message)).toBe(true);
      expect(run.written.size).toBe(0);
    });
  }

  it('makes a 16:9 slide with --width 1920 --height 1080', async () => {
    const run = await exportCli([SIDE_BY_SIDE, '--at', '2h', '--width', '1920', '--height', '1080', '--scale', '2', '--out', 'slide.png']);
    expect(run.code).toBe(0);
    const png = run.written.get('slide.png') as Uint8Array;
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([3840, 2160]);
  });

  it('says which file it could not write, and why in words: the folder that is missing, not a temporary file', async () => {
    const folder = join(dir, 'no-such-folder');
    const run = await exportCli([SIDE_BY_SIDE, ...SMALL, '--out', join(folder, 'x.png')], { realWrites: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`tokenscope export: cannot write ${join(folder, 'x.png')}: there is no folder ${folder}; create it first, or give another --out\n`);
  });

  it('refuses a missing scenario argument with the usage, and an unreadable file by name', async () => {
    const none = await exportCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('tokenscope export: missing the scenario file\n\nUsage:');
    const missing = await exportCli([join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`tokenscope export: cannot read ${join(dir, 'nope.yaml')}: there is no such file\n`);
  });

  it('reports scenario errors as file:line:column and writes nothing', async () => {
    const path = scenarioFile('broken.yaml', 'name: x\nduration: 6x\nflows:\n  - id: a\n    kubernetesVersion: "1.30"\n');
    const run = await exportCli([path, '--out', 'x.png']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:11: duration: "6x" has an unknown unit "x"`));
    expect(run.written.size).toBe(0);
  });
});
