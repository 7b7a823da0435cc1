/**
 * Copies data (objects, arrays, primitives), which is all the engine state holds, keeping each object's prototype.
 * `structuredClone` would not keep them, and belongs to the DOM and Node libraries, which `shared/` does not assume.
 */
export function deepClone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(deepClone) as T;
  // A few state objects spell a field from others when it is read (a volume's data directory), on their prototype.
  const out = Object.create(Object.getPrototypeOf(value) as object) as Record<string, unknown>;
  for (const key of Object.keys(value)) out[key] = deepClone((value as Record<string, unknown>)[key]);
  return out as T;
}
