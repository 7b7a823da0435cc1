/**
 * Copies plain data (objects, arrays, primitives), which is all the engine state holds. `structuredClone` would do,
 * but it belongs to the DOM and Node libraries, which `shared/` does not assume.
 */
export function deepClone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(deepClone) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = deepClone((value as Record<string, unknown>)[key]);
  return out as T;
}
