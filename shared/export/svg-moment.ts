/**
 * The moment an exported SVG carries, in a <metadata> element: the ExportMoment as JSON, XML-escaped. JSON can hold
 * characters XML 1.0 forbids (U+FFFE, U+FFFF) or that editors mangle (C1 controls); those are written as JSON \u
 * escapes, so the element is always well-formed and reads back to the same moment.
 */
import type { Checked, ExportMoment } from './export-types.ts';

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

function unescapeXmlText(text: string): string | { badEntity: string } {
  let bad: string | undefined;
  const out = text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|&/g, (whole, name: string | undefined) => {
    if (name === undefined) {
      bad ??= '&';
      return whole;
    }
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) {
        bad ??= whole;
        return whole;
      }
      return String.fromCodePoint(code);
    }
    const value = ENTITIES[name];
    if (value === undefined) bad ??= whole;
    return value ?? whole;
  });
  return bad === undefined ? out : { badEntity: bad };
}

/**
 * The raw JSON text of the moment in an SVG document: undefined when it has none; an error when the element is there
 * but its text cannot be unescaped. The JSON itself is checked by the caller.
 */
export function readSvgMomentText(svg: string): Checked<string | undefined> {
  const open = new RegExp(`<metadata\\b[^>]*\\bid\\s*=\\s*["']${SVG_MOMENT_ID}["'][^>]*>`).exec(svg);
  if (!open) return { ok: true, value: undefined };
  const start = open.index + open[0].length;
  const end = svg.indexOf('</metadata>', start);
  if (end < 0) return { ok: false, error: 'the SVG\'s TokenScope metadata element is never closed' };
  let body = svg.slice(start, end).trim();
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(body);
  if (cdata) body = cdata[1]!;
  else {
    const text = unescapeXmlText(body);
    if (typeof text !== 'string') return { ok: false, error: `the SVG's TokenScope metadata has a malformed character reference ${JSON.stringify(text.badEntity)}` };
    body = text;
  }
  return { ok: true, value: body };
}
