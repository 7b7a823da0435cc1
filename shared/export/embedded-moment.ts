/**
 * Reads the moment back out of a dropped or opened image: a PNG (its "tokenscope" iTXt chunk) or an SVG (its
 * <metadata>), told apart by their first bytes rather than by the file name. Every way a file can fail to be ours
 * gets its own sentence, since the user only sees that sentence.
 */
import { validateExportMoment, type Checked, type ExportMoment } from './export-types.ts';
import { hasPngSignature, readPngTextChunk } from './png-text-chunk.ts';
import { readSvgMomentText } from './svg-moment.ts';
import { findJsonSyntaxError } from '../jwt/json-syntax.ts';
import { utf8Decode } from '../jwt/utf8.ts';

/** The iTXt keyword of the moment in an exported PNG. */
export const PNG_MOMENT_KEYWORD = 'tokenscope';

/** True when the text looks like an SVG document: optional BOM, XML prolog, comments or doctype, then <svg. */
function looksLikeSvg(text: string): boolean {
  const head = text.replace(/^\ufeff/, '').slice(0, 4096);
  return /^\s*(?:<\?xml[\s\S]*?\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*<svg[\s>]/.test(head);
}

function parseMomentJson(json: string, fileName: string, where: string): Checked<ExportMoment> {
  const syntax = findJsonSyntaxError(json);
  if (syntax) return { ok: false, error: `${fileName}: the TokenScope moment in its ${where} is not valid JSON: ${syntax.problem} at character ${syntax.index + 1}` };
  const checked = validateExportMoment(JSON.parse(json) as unknown);
  return checked.ok ? checked : { ok: false, error: `${fileName}: ${checked.error}` };
}

export function readEmbeddedMoment(bytes: Uint8Array, fileName: string): Checked<ExportMoment> {
  if (hasPngSignature(bytes)) {
    const text = readPngTextChunk(bytes, PNG_MOMENT_KEYWORD);
    if (!text.ok) return { ok: false, error: `${fileName}: ${text.error}` };
    if (text.value === undefined) return { ok: false, error: `${fileName}: this image was not exported by TokenScope (no tokenscope chunk)` };
    return parseMomentJson(text.value, fileName, 'PNG text chunk');
  }
  const decoded = utf8Decode(bytes);
  if (!decoded.ok || !looksLikeSvg(decoded.text)) return { ok: false, error: `${fileName}: not a PNG or SVG image` };
  const text = readSvgMomentText(decoded.text);
  if (!text.ok) return { ok: false, error: `${fileName}: ${text.error}` };
  if (text.value === undefined) return { ok: false, error: `${fileName}: this image was not exported by TokenScope (no tokenscope metadata)` };
  return parseMomentJson(text.value, fileName, 'SVG metadata');
}
