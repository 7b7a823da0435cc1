/**
 * Client-side `kubectl apply` to an object that exists: kubectl sends a strategic merge patch from the manifest to the
 * live object (k8s.io/kubectl/pkg/cmd/apply/patcher.go): fields the manifest sets are written, and fields someone else
 * set (admission's token volume, the tokens controller's `secrets`) are left alone. An empty patch prints `unchanged`;
 * anything else `configured`. Real kubectl also removes fields that its previous apply set and this manifest dropped,
 * which it learns from the `kubectl.kubernetes.io/last-applied-configuration` annotation; the simulated objects do
 * not carry that annotation (it would show in every get and describe), so nothing is removed here.
 *
 * Lists of objects merge by their strategic merge key (`name` for containers, volumes, env and the like; `mountPath`
 * for volume mounts; `containerPort` for ports); other lists are replaced whole, as their patch strategy says.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const MERGE_KEYS = ['name', 'mountPath', 'containerPort'] as const;

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Plain JSON data (drops `undefined` members, as Go drops omitted fields). */
export function plainJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameJson(a[key], b[key]));
  }
  return false;
}

/** Go's json.Marshal of a value: compact, map keys sorted; the identity of a merge key's value. */
function goJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${goJson(value[key] ?? null)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function mergeKey(items: readonly Json[]): string | undefined {
  if (items.length === 0 || !items.every(isObject)) return undefined;
  return MERGE_KEYS.find((key) => items.every((item) => isObject(item) && item[key] !== undefined));
}

/** `current` after the patch that sets what `modified` (the manifest) sets; lists with a merge key merge by it. */
export function mergePatch(modified: Json, current: Json | undefined): Json {
  if (isObject(modified) && isObject(current)) {
    const result: Record<string, Json> = { ...current };
    for (const [key, value] of Object.entries(modified)) result[key] = mergePatch(value, current[key]);
    return result;
  }
  if (Array.isArray(modified) && Array.isArray(current)) {
    const key = mergeKey(modified);
    if (key !== undefined && mergeKey(current) === key) {
      const keyOf = (item: Json): string => goJson((item as Record<string, Json>)[key] ?? null);
      const wanted = new Map(modified.map((item) => [keyOf(item), item]));
      const merged = current.map((item) => {
        const next = wanted.get(keyOf(item));
        return next === undefined ? item : mergePatch(next, item);
      });
      const present = new Set(current.map(keyOf));
      return [...merged, ...modified.filter((item) => !present.has(keyOf(item)))];
    }
  }
  return modified;
}
