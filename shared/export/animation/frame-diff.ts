/**
 * What changed between two frames: both encoders store, after the first frame, only the rectangle around the pixels
 * that differ from the frame before.
 */

/** Four bytes a pixel, as 32-bit words (copied when the bytes do not start on a word boundary). */
export function pixelWords(data: Uint8Array): Uint32Array {
  const aligned = data.byteOffset % 4 === 0 ? data : data.slice();
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >>> 2);
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The smallest rectangle holding every pixel that differs (undefined: none does). */
export function changedBox(previous: Uint32Array, current: Uint32Array, width: number, height: number): Box | undefined {
  let y0 = -1;
  let y1 = -1;
  let x0 = width;
  let x1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let first = -1;
    for (let x = 0; x < width; x++) {
      if (previous[row + x] !== current[row + x]) {
        first = x;
        break;
      }
    }
    if (first < 0) continue;
    if (y0 < 0) y0 = y;
    y1 = y;
    if (first < x0) x0 = first;
    for (let x = width - 1; x > x1; x--) {
      if (previous[row + x] !== current[row + x]) {
        x1 = x;
        break;
      }
    }
  }
  return y0 < 0 ? undefined : { x0, y0, x1: Math.max(x1, x0), y1 };
}
