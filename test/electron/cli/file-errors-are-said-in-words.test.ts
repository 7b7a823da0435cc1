// A file-system error as the CLI words it: no error code, no system call, no temporary file name.
import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileErrorReason } from '../../../electron/cli/file-error.ts';

const failure = (code: string, message = `${code}: something, open '/x/.y.png.1d3f6383f291.tmp'`) => Object.assign(new Error(message), { code });

describe('fileErrorReason', () => {
  it.each([
    ['EACCES', 'read', '/x/y.yaml', 'permission denied: you may not read it'],
    ['EPERM', 'write', '/x/y.png', 'permission denied: you may not write in /x'],
    ['EROFS', 'write', '/x/y.png', 'the file system is read-only'],
    ['ENOSPC', 'write', '/x/y.png', 'the disk is full'],
    ['EISDIR', 'read', '/x', 'it is a folder, not a file'],
    ['ENOENT', 'read', '/x/y.yaml', 'there is no such file'],
    ['ENOENT', 'write', '/no-such-folder-here/y.png', 'there is no folder /no-such-folder-here; create it first, or give another --out'],
  ] as const)('%s on %s of %s → %s', (code, action, path, reason) => {
    expect(fileErrorReason(failure(code), path, action)).toBe(reason);
  });

  it('does not call a folder that exists missing when it refuses a new file', () => {
    expect(fileErrorReason(failure('ENOENT'), join(tmpdir(), 'y.png'), 'write')).toBe(`${tmpdir()} does not take new files`);
  });

  it('keeps the message of an error it has no words for', () => {
    expect(fileErrorReason(failure('EIO', 'i/o error'), '/x', 'read')).toBe('i/o error');
  });
});
