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

/**
 * A refused value in words for the end of a message ("got the string \"2\""): its type shows, unlike in JSON
 * (2 and "2"), and nothing prints as JavaScript's own "undefined", "null" for NaN, or "[object Object]".
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}`;
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN (not a number)' : `the number ${String(value)}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (isRecord(value)) return 'an object';
  return `a ${typeof value}`;
}
