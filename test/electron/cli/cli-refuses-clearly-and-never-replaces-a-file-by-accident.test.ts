/**
 * The command line holds the same budgets as the app and says what is wrong in one line: a file that is not UTF-8
 * (the app refuses it too), a flag given twice, a scenario whose work is far over budget (at its file:line:column), a
 * run that reaches the budget, an engine exception. Flag values are read without regard to case, like extensions.
 * An existing file is only replaced with --force, and always atomically.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli.ts';
import { Simulation } from '../../../shared/engine/simulation.ts';
import { removeScenarioFiles, runCli, scenarioFile, SIDE_BY_SIDE } from './cli-harness.ts';
import { singleFlow } from '../../support/run-scenario.ts';

afterAll(removeScenarioFiles);
afterEach(() => vi.restoreAllMocks());

/** `main` reading raw bytes, as the installed `tokenscope` does. */
async function runOnBytes(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: async (path) => new Uint8Array(await readFile(path)),
  });
  return { code, stdout, stderr };
}

describe('input the CLI refuses, in one line', () => {
  it('a scenario file that is not UTF-8, at its byte, as the app refuses it', async () => {
    const path = scenarioFile('latin1.yaml', '');
    writeFileSync(path, Buffer.concat([Buffer.from('name: caf'), Buffer.from([0xe9]), Buffer.from('\nduration: 1h\n')]));
    const result = await runOnBytes(['run', path]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `${path}: not UTF-8 text (it stops being UTF-8 at byte 11); save it as UTF-8\n` });
  });

  it('--until given twice', async () => {
    const result = await runCli(['run', SIDE_BY_SIDE, '--until', '1h', '--until=2h']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^tokenscope run: --until is given twice\n/);
  });

  it('a scenario far over the work budget, at the file, line and column of the step', async () => {
    const text = singleFlow({ version: '1.30', duration: '6h', steps: '  - at: 1m\n    client: {pod: app, reads: once, callEvery: 1ms}\n' });
    const path = scenarioFile('runaway.yaml', text);
    const line = text.split('\n').findIndex((l) => l.includes('1ms')) + 1;
    const result = await runCli(['run', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${path.replace(/[.\\\\/]/g, '\\$&')}:${line}:\\d+: steps\\[2\\]\\.client\\.callEvery: a client calling every 1 ms .*; make callEvery 1s or longer, or shorten duration to 8m or less\\n$`));
  });

  it('an exception in the engine names the command and the instant instead of a stack trace', async () => {
    vi.spyOn(Simulation.prototype, 'runUntil').mockImplementation(() => {
      throw new Error('invariant broken');
    });
    expect(await runCli(['run', SIDE_BY_SIDE])).toEqual({ code: 1, stdout: '', stderr: 'tokenscope run: the simulation failed at 0 s: invariant broken\n' });
  });
});

describe('a run that reaches the work budget', () => {
  it('prints what ran, says where and why it stopped, and exits with 1', async () => {
    const path = scenarioFile('thirty-years.yaml', singleFlow({ version: '1.30', duration: '10950d' }));
    const result = await runCli(['run', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^tokenscope run: note: This scenario implies about [\d,]+ events; .* it will stop at about 11 y \d+ d of 30 y\./);
    expect(result.stderr).toMatch(/\ntokenscope run: The simulation stopped at 11 y \d+ d: it reached TokenScope's limit of 500,000 events per run\. Most came from pod app/);
    expect(result.stdout.split('\n').length).toBeGreaterThan(500_000);
  });
});

describe('export flags and files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-cli-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const SMALL = ['--at', '1h', '--width', '640', '--scale', '1'];

  it('--format PNG is accepted as .PNG is', async () => {
    const upper = join(dir, 'upper.PNG');
    expect((await runCli(['export', SIDE_BY_SIDE, ...SMALL, '--format', 'PNG', '--out', upper])).code).toBe(0);
    expect(readFileSync(upper).subarray(1, 4).toString()).toBe('PNG');
  });

  it('never replaces an existing file without --force, and leaves no temporary file either way', async () => {
    const out = join(dir, 'figure.svg');
    writeFileSync(out, 'mine');
    const refused = await runCli(['export', SIDE_BY_SIDE, ...SMALL.slice(0, 4), '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`tokenscope export: ${out} already exists; give --force to replace it, or another --out\n`);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    const forced = await runCli(['export', SIDE_BY_SIDE, ...SMALL.slice(0, 4), '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<\?xml/);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(out)).toBe(true);
  });
});
