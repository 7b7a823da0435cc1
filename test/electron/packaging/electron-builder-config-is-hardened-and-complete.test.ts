import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { icnsTypes, icoSizes, pngSize, PROJECT_ROOT } from './packaging-support.ts';

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  npmRebuild: boolean;
  directories: { output: string };
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; category: string; maintainer: string; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
}

interface PackageJson {
  main: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
}

const config = parse(readFileSync(path.join(PROJECT_ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as PackageJson;
const fromRoot = (p: string) => path.join(PROJECT_ROOT, p);

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('TokenScope');
  });

  it('packs only the bundles and package.json, into app.asar, written to out/', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json', '!node_modules{,/**/*}']));
    expect(config.asar).toBe(true);
    expect(config.directories.output).toBe('out');
  });

  it('flips the fuses that close Electron’s back doors', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds an AppImage and a deb in the Education category on Linux', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Education');
    // deb refuses to build without a maintainer, and package.json has no author e-mail to default to.
    expect(config.linux.maintainer).toMatch(/^[^<]*<[^@\s]+@[^>\s]+>$/);
  });

  it('builds an NSIS installer on Windows and a DMG on macOS', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('does not rebuild or download native modules (there are none in the package)', () => {
    expect(config.npmRebuild).toBe(false);
  });
});

describe('the icons', () => {
  it('has a 512×512 PNG master icon', () => {
    expect(pngSize(readFileSync(fromRoot('assets/icons/icon.png')))).toEqual({ width: 512, height: 512 });
  });

  it('has a Linux icon set whose file names match their sizes', () => {
    const dir = fromRoot(config.linux.icon);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(readFileSync(path.join(dir, `${size}x${size}.png`)))).toEqual({ width: size, height: size });
    }
  });

  it('has a Windows .ico with every size up to 256', () => {
    expect(config.win.icon).toBe('assets/icons/icon.ico');
    expect(icoSizes(readFileSync(fromRoot(config.win.icon)))).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('has a macOS .icns up to 512×512', () => {
    expect(config.mac.icon).toBe('assets/icons/icon.icns');
    expect(icnsTypes(readFileSync(fromRoot(config.mac.icon)))).toMatchObject({ ic07: { width: 128, height: 128 }, ic08: { width: 256, height: 256 }, ic09: { width: 512, height: 512 } });
  });
});

describe('package.json', () => {
  it('starts Electron from the bundled main process', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('builds the renderer and the Electron bundles before starting or packaging', () => {
    // npm start checks Electron's binary first (electron/tools/start-desktop.ts), then builds both, then starts it.
    expect(pkg.scripts.start).toBe('tsx electron/tools/start-desktop.ts');
    expect(readFileSync(fromRoot('electron/tools/start-desktop.ts'), 'utf8')).toContain("for (const script of ['build:renderer', 'build:electron'])");
    expect(pkg.scripts['build:electron']).toBe('tsx electron/tools/build-electron.ts');
    expect(pkg.scripts.dist).toMatch(/^npm run build:renderer && npm run build:electron && electron-builder\b/);
    expect(existsSync(fromRoot('electron/tools/build-electron.ts'))).toBe(true);
  });

  it('pins the Electron version electron-builder packs', () => {
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
