/**
 * The deck's folder is made a part at a time: missing parents are created, an existing folder is fine, a file in the
 * way is named, and a file system that will not create the folder (/proc) answers with an error instead of the endless
 * loop Node's recursive mkdir falls into there.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFolders } from '../../../electron/cli/make-folders.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tokenscope-folders-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('makeFolders', () => {
  it('creates the folder and its missing parents, and accepts one that exists', async () => {
    const deep = join(dir, 'a', 'b', 'deck');
    await makeFolders(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    await expect(makeFolders(deep)).resolves.toBeUndefined();
  });

  it('names a file in the way', async () => {
    writeFileSync(join(dir, 'file'), 'x');
    await expect(makeFolders(join(dir, 'file', 'deck'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it.runIf(existsSync('/proc/self'))('gives up under /proc with ENOENT rather than looping', async () => {
    await expect(makeFolders('/proc/tokenscope-deck/x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
