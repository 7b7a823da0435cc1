/**
 * JSON text as the API server's JWT payload has it. go-jose's JWT builder (`jwt/builder.go`, `normalize` then
 * `json.Marshal` of a `map[string]interface{}`) turns the claims struct into nested maps before marshalling, and Go
 * writes map keys sorted, so keys come out in code-point order at every level, not in struct order. Strings are
 * escaped the way Go's encoding/json does by default (go-jose's `json` package is a fork of it): `<`, `>`, `&`,
 * U+2028 and U+2029 as \u escapes, control characters other than \n \r \t as \u00XX.
 */

/** Go compares strings bytewise in UTF-8, which orders by code point; JS `<` orders by UTF-16 unit. */
export function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const difference = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

function hex4(code: number): string {
  return '\\u' + code.toString(16).padStart(4, '0');
}

export function goJsonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) out += '\\"';
    else if (code === 0x5c) out += '\\\\';
    else if (code === 0x0a) out += '\\n';
    else if (code === 0x0d) out += '\\r';
    else if (code === 0x09) out += '\\t';
    else if (code < 0x20 || code === 0x3c || code === 0x3e || code === 0x26 || code === 0x2028 || code === 0x2029) out += hex4(code);
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i]! + text[i + 1]!;
        i++;
      } else {
        out += '\\ufffd';
      }
    } else if (code >= 0xdc00 && code <= 0xdfff) out += '\\ufffd';
    else out += text[i]!;
  }
  return out + '"';
}

/**
 * Serializes plain JSON data (objects, arrays, strings, finite numbers, booleans, null). Object members whose value
 * is `undefined` are left out, as Go leaves out `omitempty` fields. Anything else is a programming error and throws.
 * Members are sorted, as Go marshals a map; `sortKeys: false` keeps them as given, as Go marshals a struct.
 */
export function goJson(value: unknown, sortKeys = true): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return goJsonString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // encoding/json refuses NaN and ±Inf ("json: unsupported value").
      if (!Number.isFinite(value)) throw new TypeError(`cannot encode ${value} as JSON`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return '[' + value.map((item) => (item === undefined ? 'null' : goJson(item, sortKeys))).join(',') + ']';
      const entries = Object.entries(value as Record<string, unknown>).filter(([, member]) => member !== undefined);
      if (sortKeys) entries.sort(([a], [b]) => compareCodePoints(a, b));
      return '{' + entries.map(([key, member]) => goJsonString(key) + ':' + goJson(member, sortKeys)).join(',') + '}';
    }
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
    default:
      throw new TypeError(`cannot encode a ${typeof value} as JSON`);
  }
}
