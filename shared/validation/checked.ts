/**
 * What every validator of input that is not ours (an IPC payload, a settings or progress file, an embedded moment)
 * gives back, and the first question it asks of that input.
 */

/** The value, typed, or why it was refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** A plain object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
