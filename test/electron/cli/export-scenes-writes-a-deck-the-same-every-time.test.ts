/**
 * `tokenscope export FILE --scenes`: a 16:9 PDF deck with a page per scene, byte for byte the same on every run; one
 * 1920×1080 PNG per scene, numbered, each reopening its scene's moment; and clear refusals for flags a deck cannot
 * honour, an --out it cannot write to, and a scenario without scenes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { main } from '../../../electron/cli.ts';
import { readEmbeddedMoment } from '../../../shared/export/embedded-moment.ts';
import { parseScenario } from '../../../shared/scenario/parse-scenario.ts';
import { removeScenarioFiles, scenarioFile, SIDE_BY_SIDE } from './cli-harness.ts';
import { singleFlow } from '../../support/run-scenario.ts';

afterAll(() => removeScenarioFiles());

async function exportCli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, Uint8Array | string>();
  const made: string[] = [];
  const code = await main(['export', ...args], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: async (path: string, data: Uint8Array | string) => void written.set(path, data),
    makeDirectory: async (path: string) => void made.push(path),
  });
  return { code, stdout, stderr, written, made };
}

const sideBySide = parseScenario(await readFile(SIDE_BY_SIDE, 'utf8'));
const scenes = sideBySide.ok ? sideBySide.value.scenes : [];

describe('tokenscope export --scenes', () => {
  it('writes a 16:9 PDF deck, a page per scene, the same bytes twice', async () => {
    const first = await exportCli([SIDE_BY_SIDE, '--scenes', '--out', 'deck.pdf']);
    const second = await exportCli([SIDE_BY_SIDE, '--scenes', '--out', 'deck.pdf']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const bytes = first.written.get('deck.pdf') as Uint8Array;
    expect(Buffer.from(second.written.get('deck.pdf') as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(scenes.length);
    expect(pdf.getPages().map((p) => [p.getWidth(), p.getHeight()])).toEqual(scenes.map(() => [960, 540]));
    expect(pdf.getTitle()).toBe('One app, two clusters, six hours: scenes');
    expect(first.stdout).toContain(`${scenes.length} scenes`);
  }, 120_000);

  it('writes numbered 1920×1080 PNGs into a folder, each reopening its scene\'s moment', async () => {
    const run = await exportCli([SIDE_BY_SIDE, '--scenes', '--out', 'slides/']);
    expect(run.code).toBe(0);
    expect(run.made).toEqual(['slides/']);
    expect([...run.written.keys()]).toEqual(scenes.map((_, i) => `slides/scene-0${i + 1}.png`));
    const third = run.written.get('slides/scene-03.png') as Uint8Array;
    const png = PNG.sync.read(Buffer.from(third));
    expect([png.width, png.height]).toEqual([1920, 1080]);
    const moment = readEmbeddedMoment(third, 'scene-03.png');
    expect(moment.ok && moment.value.playheadMs).toBe(scenes[2]!.atMs);
  }, 120_000);

  it('names the PNGs after a numbered --out', async () => {
    const run = await exportCli([SIDE_BY_SIDE, '--scenes', '--out', 'class/step-%d.png', '--theme', 'light']);
    expect(run.code).toBe(0);
    expect([...run.written.keys()][0]).toBe('class/step-1.png');
  }, 120_000);

  it.each([
    [['--at', '1h'], '--at does not apply with --scenes: each scene has its own moment'],
    [['--width', '800'], '--width does not apply with --scenes'],
    [['--fps', '10'], '--fps does not apply with --scenes: a deck is of stills'],
    [['--no-loop'], '--no-loop does not apply with --scenes'],
    [['--out', 'deck.svg'], 'give a .pdf for a deck'],
    [['--theme', 'neon'], '--theme: expected light, dark, projector'],
  ])('refuses %j with a sentence and exit code 2', async (flags, message) => {
    const run = await exportCli([SIDE_BY_SIDE, '--scenes', ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.written.size).toBe(0);
  });

  it('refuses a scenario without scenes', async () => {
    const file = scenarioFile('bare.yaml', singleFlow({ version: '1.30', duration: '1h' }));
    const run = await exportCli([file, '--scenes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('has no scenes');
  });
});
