/**
 * Why a file could not be read or written, in words: Node's messages carry the error code and the system call
 * ("ENOENT: no such file or directory, open '…'") and, for a write, the name of the temporary file the atomic write
 * made beside the target, which the user never asked for.
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

type Action = 'read' | 'write';

const denied = (path: string, action: Action) => (action === 'read' ? 'permission denied: you may not read it' : `permission denied: you may not write in ${dirname(path)}`);

const REASONS: Readonly<Record<string, (path: string, action: Action) => string>> = {
  ENOENT: (path, action) => {
    if (action === 'read') return 'there is no such file';
    // A folder that exists yet answers ENOENT (/proc, a folder removed meanwhile) is not "missing".
    return existsSync(dirname(path)) ? `${dirname(path)} does not take new files` : `there is no folder ${dirname(path)}; create it first, or give another --out`;
  },
  EISDIR: () => 'it is a folder, not a file',
  ENOTDIR: () => 'a part of the path is a file, not a folder',
  EEXIST: () => 'a file of that name is in the way',
  EACCES: denied,
  EPERM: denied,
  EROFS: () => 'the file system is read-only',
  ENOSPC: () => 'the disk is full',
  ENAMETOOLONG: () => 'the file name is too long for this file system',
};

export function fileErrorReason(error: unknown, path: string, action: Action): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code !== undefined && Object.hasOwn(REASONS, code) ? REASONS[code] : undefined;
  if (reason) return reason(path, action);
  return error instanceof Error ? error.message : String(error);
}
