import { promises as fsPromises } from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically, type AsyncAtomicFs } from '../../../electron/main/atomic-file.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tokenscope-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Real file handles whose write or sync fails part-way, as a crash or a full disk would. */
function failingHandles(failOn: 'write' | 'sync'): AsyncAtomicFs {
  return {
    open: async (...args: Parameters<typeof fsPromises.open>) => {
      const handle = await fsPromises.open(...args);
      return new Proxy(handle, {
        get(target, key) {
          if (key === failOn) {
            return async (...callArgs: unknown[]) => {
              if (failOn === 'write') await (target.write as (...a: unknown[]) => Promise<unknown>).call(target, (callArgs[0] as Uint8Array).subarray(0, 3));
              throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
            };
          }
          const value = Reflect.get(target, key) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
    rename: fsPromises.rename,
    unlink: fsPromises.unlink,
  };
}

describe('writeFileAtomically (files the user saves)', () => {
  it('writes the bytes and leaves no temporary file behind', async () => {
    const target = path.join(dir, 'rotation.png');
    await writeFileAtomically(target, new Uint8Array([1, 2, 3, 4]));
    expect([...readFileSync(target)]).toEqual([1, 2, 3, 4]);
    expect(readdirSync(dir)).toEqual(['rotation.png']);
  });

  it('replaces an existing file whole', async () => {
    const target = path.join(dir, 'events.csv');
    writeFileSync(target, 'old,contents,that,are,longer\n');
    await writeFileAtomically(target, Buffer.from('new\n'));
    expect(readFileSync(target, 'utf8')).toBe('new\n');
  });

  it.each(['write', 'sync'] as const)('keeps the old file and removes the temporary one when %s fails half-way', async (failOn) => {
    const target = path.join(dir, 'handout.pdf');
    writeFileSync(target, 'the old handout');
    await expect(writeFileAtomically(target, Buffer.from('a new handout, only partly written'), failingHandles(failOn))).rejects.toThrow('EIO');
    expect(readFileSync(target, 'utf8')).toBe('the old handout');
    expect(readdirSync(dir)).toEqual(['handout.pdf']);
  });

  it('fails with the system’s reason when the folder does not exist', async () => {
    await expect(writeFileAtomically(path.join(dir, 'gone', 'x.svg'), Buffer.from('<svg/>'))).rejects.toThrow(/ENOENT/);
  });
});
