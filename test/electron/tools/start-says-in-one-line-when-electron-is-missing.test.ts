/**
 * `npm start` where the Electron binary could not be downloaded: one line that says what failed and that
 * `npm run web` runs the same app in a browser, and exit code 1; never the electron package's stack traces. The
 * binary is found as the electron package finds it, without requiring the package (which would try to download).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary, missingElectronMessage } from '../../../electron/tools/electron-binary.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tokenscope-electron-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('findElectronBinary', () => {
  it('finds the binary path.txt names under dist/', () => {
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary({ packageDir: dir, env: {} })).toEqual({ ok: true, path: path.join(dir, 'dist', 'electron') });
  });

  it('says the download never happened when path.txt is missing', () => {
    expect(findElectronBinary({ packageDir: dir, env: {} })).toEqual({ ok: false, reason: expect.stringMatching(/^Electron's binary was never downloaded \(node_modules\/electron\/path\.txt is missing/) });
  });

  it('says the binary is missing when path.txt names a file that is not there', () => {
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary({ packageDir: dir, env: {} })).toEqual({ ok: false, reason: expect.stringMatching(/^Electron's binary is missing \(.*dist\/electron does not exist/) });
  });

  it('looks in ELECTRON_OVERRIDE_DIST_PATH instead of dist/ when it is set', () => {
    writeFileSync(path.join(dir, 'electron'), '');
    expect(findElectronBinary({ packageDir: path.join(dir, 'none'), env: { ELECTRON_OVERRIDE_DIST_PATH: dir } })).toEqual({ ok: true, path: path.join(dir, 'electron') });
    expect(findElectronBinary({ packageDir: dir, env: { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'empty') } }).ok).toBe(false);
  });
});

describe('npm start without the Electron binary', () => {
  it('prints one line naming what failed and `npm run web`, and exits 1 before building anything', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/tools/start-desktop.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dir },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([missingElectronMessage(`ELECTRON_OVERRIDE_DIST_PATH names ${dir}, which has no Electron binary`)]);
    expect(lines[0]).toContain('`npm run web` runs the same app in your browser');
  });
});
