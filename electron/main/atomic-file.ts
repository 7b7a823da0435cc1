/**
 * Files written so that a crash or a power cut mid-write leaves either the old file or the new one, never half of
 * each: write a temporary file in the same folder, fsync it, rename it over the target, fsync the folder. Used for
 * the settings and lesson-progress files (small, synchronous, one writer) and for files the user saves (large,
 * asynchronous, so a 60 MB PNG does not stall the engines that share the main process).
 */
import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { formatBytes } from '../../shared/limits/input-budgets.ts';

export type AtomicFs = Pick<
  typeof nodeFs,
  'readFileSync' | 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'mkdirSync'
>;

/** Makes a rename durable on POSIX; Windows cannot open a folder for fsync and does not need to. */
function syncDirectorySync(fs: AtomicFs, dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Best effort: the data itself is already synced.
  }
}

/**
 * For the app's own files. The caller holds the single-instance lock, so a fixed temp name (`<file>.tmp`) is safe
 * and a crash leaves at most one stray file, which the next write replaces.
 */
export function writeFileAtomicallySync(fs: AtomicFs, filePath: string, data: Uint8Array, mode = 0o600): void {
  const dir = path.dirname(filePath);
  const tempPath = `${filePath}.tmp`;
  fs.mkdirSync(dir, { recursive: true });
  try {
    const fd = fs.openSync(tempPath, 'w', mode);
    try {
      let offset = 0;
      while (offset < data.length) offset += fs.writeSync(fd, data, offset, data.length - offset);
      // Without this, the rename can reach the disk before the data, and a crash leaves an empty file.
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tempPath, filePath);
  } catch (error) {
    try {
      fs.unlinkSync(tempPath);
    } catch {
      // Already gone, or never created.
    }
    throw error;
  }
  syncDirectorySync(fs, dir);
}

export type JsonFileRead =
  | { kind: 'missing' }
  | { kind: 'loaded'; value: Record<string, unknown>; text: string }
  | { kind: 'corrupt'; reason: string; keptAs: string | null }
  | { kind: 'unreadable'; reason: string };

/** `<name>.<what>-<now>.json` beside the file: where a copy of it is kept before anything replaces it. */
export function asideName(filePath: string, what: string, now: () => number): string {
  return path.join(path.dirname(filePath), `${path.basename(filePath, '.json')}.${what}-${now()}.json`);
}

/**
 * Reads a JSON object. A file that is not one, or is larger than `maxBytes` (no file we write comes near it), is
 * moved aside (`<name>.corrupt-<now>.json`), not overwritten by the next write, so what the user had can still be
 * recovered by hand.
 */
export function readJsonObjectFile(fs: AtomicFs, filePath: string, now: () => number, log: (message: string) => void, maxBytes = Number.POSITIVE_INFINITY): JsonFileRead {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: (error as Error).message };
  }
  let parsed: unknown;
  let reason: string;
  if (text.length > maxBytes) {
    reason = `it is ${formatBytes(text.length)}, over the ${formatBytes(maxBytes)} such a file can be`;
  } else {
    try {
      parsed = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return { kind: 'loaded', value: parsed as Record<string, unknown>, text };
      reason = 'the file does not hold a JSON object';
    } catch (error) {
      reason = (error as Error).message;
    }
  }
  const keptAs = asideName(filePath, 'corrupt', now);
  try {
    fs.renameSync(filePath, keptAs);
    return { kind: 'corrupt', reason, keptAs };
  } catch (error) {
    log(`cannot move the corrupt file ${filePath} aside: ${(error as Error).message}`);
    return { kind: 'corrupt', reason, keptAs: null };
  }
}

export type AsyncAtomicFs = Pick<typeof nodeFs.promises, 'open' | 'rename' | 'unlink'>;
export type NoClobberFs = AsyncAtomicFs & Pick<typeof nodeFs.promises, 'link' | 'copyFile'>;

/** A unique temp file next to `filePath` (same file system, so a rename or link stays atomic), written and synced. */
async function writeTempBeside(filePath: string, data: Uint8Array, fs: AsyncAtomicFs): Promise<string> {
  const tempPath = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(tempPath, 'wx', 0o666);
    try {
      let offset = 0;
      while (offset < data.length) offset += (await handle.write(data, offset, data.length - offset)).bytesWritten;
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await fs.unlink(tempPath).catch(() => {});
    throw error;
  }
  return tempPath;
}

async function syncDirectory(dir: string, fs: AsyncAtomicFs): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort, as above.
  }
}

/**
 * For a file the user chose in the save dialog. The temp name is unique (several saves may run at once) and created
 * exclusively, next to the target so the rename stays on one file system. The new file gets the usual 0o666 less the
 * umask, as any file the user saves does.
 */
export async function writeFileAtomically(filePath: string, data: Uint8Array, fs: AsyncAtomicFs = nodeFs.promises): Promise<void> {
  const tempPath = await writeTempBeside(filePath, data, fs);
  try {
    await fs.rename(tempPath, filePath);
  } catch (error) {
    await fs.unlink(tempPath).catch(() => {});
    throw error;
  }
  await syncDirectory(path.dirname(filePath), fs);
}

export class FileExistsError extends Error {}

/**
 * Like writeFileAtomically, but never replaces an existing file: the finished temp file is hard-linked to the name,
 * which fails if the name is taken (a file system without hard links gets an exclusive copy instead).
 */
export async function writeNewFileAtomically(filePath: string, data: Uint8Array, fs: NoClobberFs = nodeFs.promises): Promise<void> {
  const tempPath = await writeTempBeside(filePath, data, fs);
  try {
    try {
      await fs.link(tempPath, filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new FileExistsError(`${filePath} already exists`);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
      await fs.copyFile(tempPath, filePath, nodeFs.constants.COPYFILE_EXCL).catch((copyError: NodeJS.ErrnoException) => {
        throw copyError.code === 'EEXIST' ? new FileExistsError(`${filePath} already exists`) : copyError;
      });
    }
  } finally {
    await fs.unlink(tempPath).catch(() => {});
  }
  await syncDirectory(path.dirname(filePath), fs);
}
