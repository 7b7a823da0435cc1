/**
 * A zlib "bomb": a small stream that inflates to a huge run of zeros. Built from zlib's own output for 4 MiB of zeros,
 * whose body is a long run of identical bytes (each one a few back-references of 258 zeros); making that run longer
 * adds the same again per byte, so the bomb costs its own size to build, not what it inflates to.
 */
import { zlibSync } from 'fflate';

const ZEROS = 4 * 1024 * 1024;

export function zlibBomb(extraBytes: number): { bytes: Uint8Array; inflatedBytes: number } {
  const base = zlibSync(new Uint8Array(ZEROS), { level: 9 });
  let runAt = 0;
  let runLength = 0;
  for (let i = 0; i < base.length; ) {
    let j = i;
    while (j < base.length && base[j] === base[i]) j++;
    if (j - i > runLength) [runAt, runLength] = [i, j - i];
    i = j;
  }
  // Each byte of the run stands for the same stretch of zeros: measure it from the run's length.
  const insertAt = runAt + Math.floor(runLength / 2);
  const bytes = new Uint8Array(base.length + extraBytes);
  bytes.set(base.subarray(0, insertAt));
  bytes.fill(base[runAt]!, insertAt, insertAt + extraBytes);
  bytes.set(base.subarray(insertAt), insertAt + extraBytes);
  return { bytes, inflatedBytes: ZEROS + extraBytes * 4 * 258 };
}
