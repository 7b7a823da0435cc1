/**
 * The package's `tokenscope` bin runs the CLI bundle (dist/cli, built from the current sources by the unit tests'
 * set-up, as `npm install` builds it): for the same commands it prints, writes and exits exactly as `main` does from
 * the TypeScript sources. Without the bundle, the bin says in one line how to build it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, SIDE_BY_SIDE, type CliRun } from '../cli/cli-harness.ts';

const BIN = fileURLToPath(new URL('../../../electron/bin/tokenscope.mjs', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../../../dist/cli/tokenscope.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tokenscope-bundle-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runBin(bin: string, argv: string[]): CliRun {
  const child = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

/** The bundle's run and the sources' run of the same command, each writing its files into a folder of its own. */
async function both(argv: (out: string) => string[]) {
  const [sourcesDir, bundleDir] = ['sources', 'bundle'].map((name) => {
    const folder = join(dir, name);
    mkdirSync(folder, { recursive: true });
    return folder;
  }) as [string, string];
  const sources = await runCli(argv(sourcesDir));
  const bundle = runBin(BIN, argv(bundleDir));
  return { sources, bundle: { ...bundle, stdout: bundle.stdout.replaceAll(bundleDir, sourcesDir) }, sourcesDir, bundleDir };
}

describe('the tokenscope bin', () => {
  it('runs the bundle that the set-up built', () => {
    expect(existsSync(BUNDLE)).toBe(true);
  });

  it.each([
    ['run --json', [SIDE_BY_SIDE, '--json']],
    ['run (the table)', [SIDE_BY_SIDE]],
    ['run --until', [SIDE_BY_SIDE, '--until', '90m']],
  ])('prints the same %s as the sources, byte for byte', async (_, args) => {
    const { sources, bundle } = await both(() => ['run', ...args]);
    expect(sources.code).toBe(0);
    expect(sources.stdout.length).toBeGreaterThan(1000);
    expect(bundle).toEqual(sources);
  });

  it.each([
    ['svg', ['--theme', 'dark']],
    ['png', ['--scale', '1']],
  ])('writes the same %s as the sources, byte for byte, and says the same about it', async (format, flags) => {
    const { sources, bundle, sourcesDir, bundleDir } = await both((out) => ['export', SIDE_BY_SIDE, '--at', '2h', '--width', '800', ...flags, '--out', join(out, `figure.${format}`)]);
    expect(sources.code).toBe(0);
    expect(bundle).toEqual(sources);
    const written = readFileSync(join(sourcesDir, `figure.${format}`));
    expect(written.length).toBeGreaterThan(10_000);
    expect(readFileSync(join(bundleDir, `figure.${format}`)).equals(written)).toBe(true);
  });

  it('gives the same help, errors and exit codes as the sources', async () => {
    for (const argv of [['--help'], [], ['frobnicate'], ['run', join(dir, 'missing.yaml')], ['export', SIDE_BY_SIDE, '--scale', '3']]) {
      const { sources, bundle } = await both(() => argv);
      expect(bundle, argv.join(' ')).toEqual(sources);
    }
  });

  it('says in one line how to build the bundle when it is missing', () => {
    const bin = join(dir, 'unbuilt', 'electron', 'bin', 'tokenscope.mjs');
    mkdirSync(join(dir, 'unbuilt', 'electron', 'bin'), { recursive: true });
    copyFileSync(BIN, bin);
    const run = runBin(bin, ['run', SIDE_BY_SIDE]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^tokenscope: the CLI is not built .*npm run build:cli.*\n$/);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });
});
