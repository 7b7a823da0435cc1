/**
 * What the CLI says when it refuses, checked for the real reason: help asked after the command, standard input and
 * output, a folder where a file goes, file-system errors in words, an image TokenScope exported or a UTF-16 or
 * binary file given as a scenario, a moment before the window it is drawn in.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../../electron/cli.ts';
import { USAGE } from '../../../electron/cli/usage.ts';
import { removeScenarioFiles, scenarioFile, SIDE_BY_SIDE } from './cli-harness.ts';
import { PNG_SIGNATURE } from '../../../shared/export/png-text-chunk.ts';

afterAll(removeScenarioFiles);

/** The CLI as its process runs it: files read as bytes; written files captured, folders made on disk. */
async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const written: string[] = [];
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFile: async (path: string) => void written.push(path),
  });
  return { code, stdout, stderr, written };
}

describe('help', () => {
  it.each([['run', SIDE_BY_SIDE, '--help'], ['export', '-h'], ['export', SIDE_BY_SIDE, '--at', '1h', '--help']])('%j prints the usage and succeeds', async (...argv) => {
    expect(await cli(argv)).toEqual({ code: 0, stdout: USAGE, stderr: '', written: [] });
  });
});

describe('names', () => {
  it('suggests the command meant when only its case is wrong', async () => {
    const run = await cli(['RUN', SIDE_BY_SIDE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^tokenscope: unknown command "RUN"; did you mean run\? \(commands are lower case\)\n/);
  });

  it('says a video --out is made by the app, rather than that it should end in .png', async () => {
    const run = await cli(['export', SIDE_BY_SIDE, '--out', 'clip.webm']);
    expect(run.stderr).toBe(
      'tokenscope export: --out: "clip.webm" ends in .webm, a format the command line does not write (WebM and MP4 videos are made in the app, with its browser\'s video encoder); end it in .png, .svg, .pdf, .gif or .apng\n',
    );
    expect(run.code).toBe(2);
  });
});

describe('standard input and output, and folders', () => {
  it('says a scenario cannot come from standard input, rather than that there is no file "-"', async () => {
    const run = await cli(['run', '-']);
    expect(run).toMatchObject({ code: 2, stderr: "tokenscope run: reading a scenario from standard input is not supported; give the scenario file's path\n" });
  });

  it('says a figure cannot go to standard output, rather than that --out has no value', async () => {
    const run = await cli(['export', SIDE_BY_SIDE, '--out', '-']);
    expect(run).toMatchObject({ code: 2, stderr: 'tokenscope export: --out -: writing to standard output is not supported; give a file name, e.g. --out figure.png\n' });
  });

  it('says an --out ending in a slash is a folder, rather than that it should end in .png', async () => {
    const run = await cli(['export', SIDE_BY_SIDE, '--out', 'figures/']);
    expect(run.stderr).toBe('tokenscope export: --out: "figures/" is a folder; give a file name in it, e.g. --out figures/figure.png (a folder takes one PNG per scene with --scenes)\n');
    expect(run.code).toBe(2);
  });

  it('says a scenario path that is a folder is one, without the system call', async () => {
    const folder = join(scenarioFile('placeholder.yaml', ''), '..', 'a-folder.yaml');
    mkdirSync(folder, { recursive: true });
    const run = await cli(['run', folder]);
    expect(run).toMatchObject({ code: 2, stderr: `tokenscope run: cannot read ${folder}: it is a folder, not a file\n` });
  });

  it('says a deck folder cannot be made where a file is in the way', async () => {
    const file = scenarioFile('in-the-way', 'x');
    const run = await cli(['export', SIDE_BY_SIDE, '--scenes', '--out', `${file}/deck/`]);
    expect(run.stderr).toBe(`tokenscope export: cannot create the folder ${file}/deck/: a part of the path is a file, not a folder\n`);
    expect(run.code).toBe(1);
  });
});

describe('a file that is not a scenario', () => {
  it('names an image TokenScope exported, rather than asking to save it as UTF-8', async () => {
    const path = scenarioFile('figure.png', '');
    writeFileSync(path, Uint8Array.from([...PNG_SIGNATURE, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const run = await cli(['run', path]);
    expect(run).toMatchObject({ code: 1, stderr: `${path}: a PNG image, not a scenario (YAML text); drop it on the TokenScope app to reopen the moment it carries\n` });
  });

  it('names UTF-16 text as such', async () => {
    const path = scenarioFile('utf16.yaml', '');
    writeFileSync(path, Buffer.from('\ufeffname: x\n', 'utf16le'));
    const run = await cli(['run', path]);
    expect(run).toMatchObject({ code: 1, stderr: `${path}: UTF-16 text, not UTF-8; save it as UTF-8\n` });
  });

  it('names a binary file by its first NUL byte, rather than quoting the NULs back as a string', async () => {
    const path = scenarioFile('zeros.yaml', '\0'.repeat(100));
    const run = await cli(['run', path]);
    expect(run).toMatchObject({ code: 1, stderr: `${path}: a binary file, not a scenario (YAML text): it holds a NUL byte at byte 1\n` });
  });
});

describe('export flags that contradict each other', () => {
  it('refuses a moment before the window, which would draw lanes where nothing has happened yet', async () => {
    const run = await cli(['export', SIDE_BY_SIDE, '--from', '5h', '--at', '1h', '--out', 'x.png']);
    expect(run).toMatchObject({ code: 2, written: [], stderr: 'tokenscope export: --at 1h comes before --from 5h: nothing in the window has happened yet; give an --at from 5h on\n' });
  });

  it('takes a pixel unit in capitals as in lower case, as it takes --format PNG', async () => {
    const run = await cli(['export', SIDE_BY_SIDE, '--width', '800PX', '--height', '600Px', '--scale', '1', '--out', 'x.png']);
    expect(run).toMatchObject({ code: 0, stderr: '', written: ['x.png'] });
  });

  it('refuses a negative --at spaced as it refuses it inline: as negative, not as missing', async () => {
    const spaced = await cli(['export', SIDE_BY_SIDE, '--at', '-1h']);
    const inline = await cli(['export', SIDE_BY_SIDE, '--at=-1h']);
    expect(spaced.stderr).toMatch(/^tokenscope export: --at: "-1h" is negative/);
    expect(spaced.stderr).toBe(inline.stderr);
  });
});
