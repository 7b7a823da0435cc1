/**
 * Builds the real bundles and packs them with the real electron-builder, for Linux as an unpacked folder, against a
 * stand-in Electron binary (the real one cannot be downloaded here). What this proves: the config is accepted, the
 * bundles land in resources/app.asar without node_modules, and the fuses are flipped in the binary.
 * What it cannot prove: that Electron itself starts the app (see the smoke test below for the next best thing).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../fakes/electron.ts'));

import * as fakeElectron from '../../fakes/electron.ts';
import { buildElectron } from '../../../electron/tools/build-electron.ts';
import { asarFiles, DEFAULT_FUSE_WIRE, fakeElectronExecutable, fuseWire, PROJECT_ROOT } from './packaging-support.ts';

let work: string;
let project: string;
let metafiles: Awaited<ReturnType<typeof buildElectron>>;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'tokenscope-pack-'));
  project = path.join(work, 'project');
  mkdirSync(path.join(project, 'dist', 'renderer'), { recursive: true });
  // The real package.json and builder config, the real icons, the real bundles; a stand-in for the Vite output.
  copyFileSync(path.join(PROJECT_ROOT, 'package.json'), path.join(project, 'package.json'));
  copyFileSync(path.join(PROJECT_ROOT, 'electron-builder.yml'), path.join(project, 'electron-builder.yml'));
  cpSync(path.join(PROJECT_ROOT, 'assets', 'icons'), path.join(project, 'assets', 'icons'), { recursive: true });
  writeFileSync(path.join(project, 'dist', 'renderer', 'index.html'), '<!doctype html><title>TokenScope</title>');
  // electron-builder walks the declared dependencies before `files` drops them, so it needs them installed.
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  metafiles = await buildElectron({ projectRoot: PROJECT_ROOT, outDir: path.join(project, 'dist', 'electron') });
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the esbuild bundles', () => {
  it('leave only electron and Node built-ins outside the main bundle', () => {
    const external = Object.values(metafiles.main.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
    for (const name of external) expect(name === 'electron' || Module.isBuiltin(name), name).toBe(true);
    expect(Object.keys(metafiles.main.inputs)).toContain('shared/host/engine-session.ts');
  });

  it('leave only electron outside the preload bundle (a sandboxed preload can require nothing else)', () => {
    const external = Object.values(metafiles.preload.outputs).flatMap((o) => o.imports.map((i) => i.path));
    expect([...new Set(external)]).toEqual(['electron']);
  });

  it('start the app when Electron loads main.cjs: lock, scheme, then a window with the bundled preload', async () => {
    fakeElectron.resetFakeElectron();
    fakeElectron.app.appPath = project;
    fakeElectron.app.setPath('userData', path.join(work, 'user-data'));
    const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
    const restore = () => ((Module as unknown as { _load: typeof load })._load = load);
    (Module as unknown as { _load: typeof load })._load = (request, ...rest) => (request === 'electron' ? fakeElectron : load(request, ...rest));
    try {
      createRequire(import.meta.url)(path.join(project, 'dist', 'electron', 'main.cjs'));
      expect(fakeElectron.app.sandboxEnabled).toBe(true);
      expect(fakeElectron.protocol.privilegedSchemes.map((s) => s.scheme)).toEqual(['app']);
      await fakeElectron.app.fakeReady();
      await vi.waitFor(() => expect(fakeElectron.BrowserWindow.getAllWindows()).toHaveLength(1));
      const window = fakeElectron.BrowserWindow.getAllWindows()[0]!;
      expect((window.options.webPreferences as { preload: string }).preload).toBe(path.join(project, 'dist', 'electron', 'preload.cjs'));
      expect(window.webContents.getURL()).toBe('app://bundle/index.html');
      expect((await fakeElectron.protocol.fakeRequest('app://bundle/index.html')).status).toBe(200);
      window.close();
    } finally {
      restore();
    }
  });
});

describe('electron-builder', () => {
  let result: ReturnType<typeof spawnSync>;
  let unpacked: string;

  beforeAll(() => {
    const stub = path.join(work, 'electron-stub');
    mkdirSync(stub);
    writeFileSync(path.join(stub, 'electron'), fakeElectronExecutable());
    chmodSync(path.join(stub, 'electron'), 0o755);
    result = spawnSync(
      'npx',
      ['--no-install', 'electron-builder', '--projectDir', project, '--linux', 'dir', '--publish', 'never', `-c.electronDist=${stub}`],
      { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 170_000, env: { ...process.env, CI: 'true', ELECTRON_BUILDER_CACHE: path.join(work, 'cache') } },
    );
    unpacked = path.join(project, 'out', 'linux-unpacked');
  }, 180_000);

  const output = () => `${String(result.stdout)}\n${String(result.stderr)}`;

  it('packs for Linux and exits 0', () => {
    expect(result.error, output()).toBeUndefined();
    expect(result.status, output()).toBe(0);
  });

  it('puts the app into resources/app.asar, with no loose app folder next to it', () => {
    expect(existsSync(path.join(unpacked, 'resources', 'app.asar')), output()).toBe(true);
    expect(existsSync(path.join(unpacked, 'resources', 'app'))).toBe(false);
  });

  it('puts the bundles, the renderer and package.json in the asar, and no node_modules or source maps', () => {
    const files = asarFiles(path.join(unpacked, 'resources', 'app.asar'));
    expect(files).toEqual(['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'package.json']);
  });

  it('names the executable tokenscope and flips its fuses as configured', () => {
    const before = DEFAULT_FUSE_WIRE;
    const after = fuseWire(readFileSync(path.join(unpacked, 'tokenscope')));
    expect(before).toBe('10110001');
    // runAsNode 0, cookieEncryption 1, nodeOptions 0, nodeCliInspect 0, asarIntegrity 1, onlyLoadAppFromAsar 1,
    // browserV8Snapshot 0, grantFileProtocolExtraPrivileges 0.
    expect(after).toBe('01001100');
  });
});
