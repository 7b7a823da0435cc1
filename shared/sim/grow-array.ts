/**
 * Typed arrays that the engine's logs grow as they fill: the logs keep one column per field, so a run of half a
 * million events is a few flat buffers rather than half a million objects for the garbage collector to trace.
 */
type Column = Float64Array | Int32Array | Uint32Array | Uint8Array;

/** `column`, or a copy at least twice as long when `needed` elements do not fit. */
export function ensureLength<T extends Column>(column: T, needed: number): T {
  if (needed <= column.length) return column;
  const grown = new (column.constructor as new (length: number) => T)(Math.max(needed, column.length * 2));
  grown.set(column);
  return grown;
}
