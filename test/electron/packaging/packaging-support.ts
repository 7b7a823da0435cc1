/** Readers for the binary formats the packaging tests inspect: PNG, ICO, ICNS, asar, and Electron's fuse wire. */
import { readFileSync } from 'node:fs';

export const PROJECT_ROOT = new URL('../../../', import.meta.url).pathname;

export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = bytes.subarray(0, 8).toString('hex');
  if (signature !== '89504e470d0a1a0a') throw new Error('not a PNG');
  if (bytes.subarray(12, 16).toString('ascii') !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export function icoSizes(bytes: Buffer): number[] {
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) throw new Error('not an ICO');
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const size = bytes[entry] === 0 ? 256 : bytes[entry]!;
    const png = bytes.subarray(bytes.readUInt32LE(entry + 12), bytes.readUInt32LE(entry + 12) + bytes.readUInt32LE(entry + 8));
    if (pngSize(png).width !== size) throw new Error(`ICO entry ${i} says ${size} but holds ${pngSize(png).width}`);
    return size;
  });
}

export function icnsTypes(bytes: Buffer): Record<string, { width: number; height: number }> {
  if (bytes.subarray(0, 4).toString('ascii') !== 'icns') throw new Error('not an ICNS');
  if (bytes.readUInt32BE(4) !== bytes.length) throw new Error('ICNS length does not match the file');
  const types: Record<string, { width: number; height: number }> = {};
  for (let offset = 8; offset < bytes.length; ) {
    const type = bytes.subarray(offset, offset + 4).toString('ascii');
    const length = bytes.readUInt32BE(offset + 4);
    types[type] = pngSize(bytes.subarray(offset + 8, offset + length));
    offset += length;
  }
  return types;
}

/** The file paths inside an asar archive, from its JSON header. */
export function asarFiles(asarPath: string): string[] {
  const bytes = readFileSync(asarPath);
  const headerLength = bytes.readUInt32LE(12);
  const header = JSON.parse(bytes.subarray(16, 16 + headerLength).toString('utf8')) as AsarDir;
  const out: string[] = [];
  const walk = (dir: AsarDir, prefix: string) => {
    for (const [name, entry] of Object.entries(dir.files)) {
      if ('files' in entry) walk(entry, `${prefix}${name}/`);
      else out.push(`${prefix}${name}`);
    }
  };
  walk(header, '');
  return out.sort();
}

interface AsarDir {
  files: Record<string, AsarDir | { size: number }>;
}

/** Electron marks its fuse wire with this sentinel (see @electron/fuses); a version byte and a length follow. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults, in wire order: runAsNode, cookieEncryption, nodeOptions, nodeCliInspect,
 * asarIntegrity, onlyLoadAppFromAsar, browserV8Snapshot, grantFileProtocolExtraPrivileges. */
export const DEFAULT_FUSE_WIRE = '10110001';

/** A stand-in for the Electron binary: a shell script that exits, carrying a fuse wire for electron-builder to flip. */
export function fakeElectronExecutable(): Buffer {
  return Buffer.concat([
    Buffer.from('#!/bin/sh\n# Stand-in for Electron in packaging tests; never meant to run an app.\nexit 0\n# ', 'utf8'),
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, DEFAULT_FUSE_WIRE.length]),
    Buffer.from(DEFAULT_FUSE_WIRE, 'ascii'),
    Buffer.from('\n', 'ascii'),
  ]);
}

export function fuseWire(executable: Buffer): string {
  const at = executable.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error('no fuse sentinel');
  const start = at + FUSE_SENTINEL.length;
  return executable.subarray(start + 2, start + 2 + executable[start + 1]!).toString('ascii');
}
