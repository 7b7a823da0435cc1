/**
 * kubectl's `-o yaml` and `-o json` printers. kubectl get receives objects as unstructured maps, so both printers
 * write keys sorted at every level (`-o json` of a typed object, such as `create token`'s TokenRequest, keeps the Go
 * struct's field order instead: `printTypedJson`): the YAML one through sigs.k8s.io/yaml (go-yaml v2, YAML 1.1 rules: timestamps,
 * `yes`/`no`/`on`/`off` and the like are quoted; sequences are not indented under their key; long strings stay on
 * one line), the JSON one through `json.MarshalIndent(obj, "", "    ")`, which escapes `<`, `>` and `&`.
 *
 * Token markers (`{{jwt:N}}`, see token-markers.ts) pass through both printers as they are, so hosts can resolve
 * them into the JWT bytes a real cluster would print.
 */
import { stringify } from 'yaml';
import { goJsonString } from '../../jwt/go-json.ts';
import { compareCodePoints } from './kubectl-output.ts';

const MARKER = /\{\{(jwt|jwt-base64):(\d+)\}\}/g;
/** A plain YAML scalar that stands in for a marker while the YAML library decides on quoting. */
const STAND_IN = /TOKENSCOPEMARKER(JWT|JWTBASE64)X(\d+)X/g;

/** Plain JSON data: drops `undefined` members, as Go drops `omitempty` fields. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

function mapStrings(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === 'string') return change(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, change));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, member]) => [key, mapStrings(member, change)]));
  }
  return value;
}

export function printYaml(object: object): string {
  // A JWT or its base64 is a plain scalar, but the marker's braces would make the YAML library quote it.
  const standIns = mapStrings(plain(object), (text) => text.replace(MARKER, (_, form: string, index: string) => `TOKENSCOPEMARKER${form === 'jwt' ? 'JWT' : 'JWTBASE64'}X${index}X`));
  const text = stringify(standIns, { version: '1.1', indentSeq: false, lineWidth: 0, sortMapEntries: (a, b) => compareCodePoints(String(a.key), String(b.key)) });
  return text.replace(STAND_IN, (_, form: string, index: string) => `{{${form === 'JWT' ? 'jwt' : 'jwt-base64'}:${index}}}`);
}

function indentedJson(value: unknown, indent: string, sortKeys = true): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${indentedJson(item, inner, sortKeys)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (sortKeys) entries.sort(([a], [b]) => compareCodePoints(a, b));
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, member]) => `${inner}${goJsonString(key)}: ${indentedJson(member, inner, sortKeys)}`).join(',\n')}\n${indent}}`;
}

export function printJson(object: object): string {
  return `${indentedJson(plain(object), '')}\n`;
}

/** `json.MarshalIndent` of a typed Go object: members in the order given (the struct's), `omitempty` ones left out. */
export function printTypedJson(object: object): string {
  return `${indentedJson(plain(object), '', false)}\n`;
}
