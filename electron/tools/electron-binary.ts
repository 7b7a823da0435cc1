/**
 * Where the electron package keeps its app binary, and whether it is there, found the way the package itself finds
 * it (node_modules/electron/path.txt names the file under dist/, or ELECTRON_OVERRIDE_DIST_PATH replaces dist/) but
 * without requiring the package: requiring it tries to download the binary, and where that is blocked it throws
 * two stack traces instead of saying what is wrong.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

export interface BinaryLookup {
  /** The electron package's folder (node_modules/electron). */
  packageDir: string;
  env: Readonly<Record<string, string | undefined>>;
  exists?: (file: string) => boolean;
  readText?: (file: string) => string | undefined;
}

function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function findElectronBinary({ packageDir, env, exists = existsSync, readText = readIfThere }: BinaryLookup): ElectronBinary {
  const named = readText(path.join(packageDir, 'path.txt'))?.trim();
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const file = path.join(override, named || 'electron');
    return exists(file) ? { ok: true, path: file } : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH names ${override}, which has no Electron binary` };
  }
  if (!named) return { ok: false, reason: "Electron's binary was never downloaded (node_modules/electron/path.txt is missing; its download failed or was skipped)" };
  const file = path.join(packageDir, 'dist', named);
  return exists(file) ? { ok: true, path: file } : { ok: false, reason: `Electron's binary is missing (${path.relative(process.cwd(), file) || file} does not exist; its download failed or was skipped)` };
}

/** The one line `npm start` prints when the desktop app cannot start. */
export function missingElectronMessage(reason: string): string {
  return `npm start: ${reason}. \`npm run web\` runs the same app in your browser; or run \`npm rebuild electron\` where downloads from GitHub are allowed.`;
}
