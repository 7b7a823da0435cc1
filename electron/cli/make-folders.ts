/**
 * Creates a folder and any missing parents, one `mkdir` at a time. Node's `mkdir(…, { recursive: true })` loops for
 * ever on a file system that answers ENOENT for a folder it will not create (under /proc, say); a step at a time, that
 * answer comes back as an error after at most one try per part of the path.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

const code = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

export async function makeFolders(path: string): Promise<void> {
  const missing: string[] = [];
  for (let at = resolve(path); ; at = dirname(at)) {
    try {
      if ((await stat(at)).isDirectory()) break;
      throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR' });
    } catch (error) {
      if (code(error) !== 'ENOENT') throw error;
    }
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    await mkdir(folder).catch((error: unknown) => {
      if (code(error) !== 'EEXIST') throw error;
    });
  }
}
