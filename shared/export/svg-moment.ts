/**
 * The moment an exported SVG carries, in a <metadata> element: the ExportMoment as JSON, XML-escaped. JSON can hold
 * characters XML 1.0 forbids (U+FFFE, U+FFFF) or that editors mangle (C1 controls); those are written as JSON \u
 * escapes, so the element is always well-formed and reads back to the same moment.
 */
import type { Checked } from '../validation/checked.ts';
import type { ExportMoment } from './export-types.ts';
import { EMBEDDED_MOMENT_MAX_CHARS, formatLimit, overBudget } from '../limits/input-budgets.ts';

/** The element's id: how a reader finds our metadata among others an editor may add. */
export const SVG_MOMENT_ID = 'tokenscope-moment';

const UNSAFE_IN_XML = /[\u007f-\u009f\ufffe\uffff]/g;

function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<metadata id="tokenscope-moment">{…}</metadata>`, ready to go inside the <svg> element. */
export function svgMomentElement(moment: ExportMoment): string {
  const json = JSON.stringify(moment).replace(UNSAFE_IN_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<metadata id="${SVG_MOMENT_ID}">${escapeXmlText(json)}</metadata>`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Longer than any reference XML defines (`&#x10FFFF;`, `&quot;`): past it, an '&' cannot start one. */
const MAX_REFERENCE_CHARS = 12;

function referenceValue(name: string): string | undefined {
  if (!name.startsWith('#')) return Object.hasOwn(ENTITIES, name) ? ENTITIES[name] : undefined;
  const hex = name[1] === 'x';
  const digits = name.slice(hex ? 2 : 1);
  if (digits === '' || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return undefined;
  const code = parseInt(digits, hex ? 16 : 10);
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) return undefined;
  return String.fromCodePoint(code);
}

/** Character and entity references replaced, in one pass over the text. */
function unescapeXmlText(text: string): string | { badEntity: string } {
  let out = '';
  let from = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', from)) {
    out += text.slice(from, amp);
    const semicolon = text.indexOf(';', amp + 1);
    const name = semicolon < 0 || semicolon - amp - 1 > MAX_REFERENCE_CHARS ? undefined : text.slice(amp + 1, semicolon);
    const value = name === undefined ? undefined : referenceValue(name);
    if (value === undefined) return { badEntity: name === undefined ? '&' : `&${name};` };
    out += value;
    from = semicolon + 1;
  }
  return out + text.slice(from);
}

/** Where the markup construct opened at `at` ends (just past it), or -1 when it is never closed. */
function skipMarkup(svg: string, at: number): number {
  const close = (opener: string, closer: string): number | undefined => {
    if (!svg.startsWith(opener, at)) return undefined;
    const end = svg.indexOf(closer, at + opener.length);
    return end < 0 ? -1 : end + closer.length;
  };
  return close('<!--', '-->') ?? close('<![CDATA[', ']]>') ?? close('<?', '?>') ?? close('<!', '>') ?? -1;
}

interface StartTag {
  name: string;
  attributes: Map<string, string>;
  /** Just past its '>'. */
  end: number;
}

const isNameEnd = (c: string | undefined) => c === undefined || c === '>' || c === '/' || c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** The start tag at `at` (which holds '<'), read left to right once; undefined when it is malformed. */
function readStartTag(svg: string, at: number): StartTag | undefined {
  let i = at + 1;
  while (!isNameEnd(svg[i])) i++;
  const name = svg.slice(at + 1, i);
  const attributes = new Map<string, string>();
  for (;;) {
    while (isSpace(svg[i])) i++;
    const c = svg[i];
    if (c === undefined) return undefined;
    if (c === '>') return { name, attributes, end: i + 1 };
    if (c === '/') {
      i++;
      continue;
    }
    const nameStart = i;
    while (!isNameEnd(svg[i]) && svg[i] !== '=') i++;
    const attribute = svg.slice(nameStart, i);
    while (isSpace(svg[i])) i++;
    if (svg[i] !== '=' || attribute === '') return undefined;
    i++;
    while (isSpace(svg[i])) i++;
    const quote = svg[i];
    if (quote !== '"' && quote !== "'") return undefined;
    const close = svg.indexOf(quote, i + 1);
    if (close < 0) return undefined;
    attributes.set(attribute, svg.slice(i + 1, close));
    i = close + 1;
  }
}

/** The first <metadata id="tokenscope-moment"> start tag that is markup, not text inside a comment, CDATA or PI. */
function findMomentElement(svg: string): StartTag | undefined {
  for (let at = svg.indexOf('<'); at >= 0; ) {
    if (svg[at + 1] === '!' || svg[at + 1] === '?') {
      const end = skipMarkup(svg, at);
      if (end < 0) return undefined;
      at = svg.indexOf('<', end);
      continue;
    }
    const tag = svg[at + 1] === '/' ? undefined : readStartTag(svg, at);
    if (tag?.name === 'metadata' && tag.attributes.get('id') === SVG_MOMENT_ID) return tag;
    at = svg.indexOf('<', tag?.end ?? at + 1);
  }
  return undefined;
}

const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';

/**
 * The raw JSON text of the moment in an SVG document: undefined when it has none; an error when the element is there
 * but its text cannot be unescaped. The JSON itself is checked by the caller. One pass over the document, however it
 * is built: the text may come from any file dropped on the window.
 */
export function readSvgMomentText(svg: string): Checked<string | undefined> {
  const open = findMomentElement(svg);
  if (!open) return { ok: true, value: undefined };
  const end = svg.indexOf('</metadata>', open.end);
  if (end < 0) return { ok: false, error: 'the SVG\'s TokenScope metadata element is never closed' };
  let body = svg.slice(open.end, end).trim();
  if (body.length > EMBEDDED_MOMENT_MAX_CHARS) {
    return { ok: false, error: overBudget('the SVG\'s TokenScope metadata', `${formatLimit(body.length)} characters`, `${formatLimit(EMBEDDED_MOMENT_MAX_CHARS)} characters`, 'it was not written by TokenScope') };
  }
  if (body.startsWith(CDATA_OPEN) && body.endsWith(CDATA_CLOSE) && body.length >= CDATA_OPEN.length + CDATA_CLOSE.length) {
    body = body.slice(CDATA_OPEN.length, body.length - CDATA_CLOSE.length);
  } else {
    const text = unescapeXmlText(body);
    if (typeof text !== 'string') return { ok: false, error: `the SVG's TokenScope metadata has a malformed character reference ${JSON.stringify(text.badEntity)}` };
    body = text;
  }
  return { ok: true, value: body };
}
