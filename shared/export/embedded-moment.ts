/**
 * Reads the moment back out of a dropped or opened image or video: a PNG or APNG (its "tokenscope" iTXt chunk), a GIF
 * (its TokenScope application extension), a WebM or MP4 video (a metadata tag, see video-moment.ts) or an SVG (its
 * <metadata>), told apart by their first bytes rather than by the file name. Every way a file can fail to be ours gets
 * its own sentence, since the user only sees that sentence.
 */
import { validateExportMoment, type ExportMoment } from './export-types.ts';
import type { Checked } from '../validation/checked.ts';
import { hasPngSignature, readPngTextChunk } from './png-text-chunk.ts';
import { readSvgMomentText } from './svg-moment.ts';
import { hasGifSignature, readGifMomentText } from './animation/gif-moment.ts';
import { hasMp4Signature, hasWebmSignature, readMp4MomentText, readWebmMomentText } from './animation/video-moment.ts';
import { findJsonSyntaxError } from '../jwt/json-syntax.ts';
import { utf8Decode } from '../text/utf8.ts';
import { DROPPED_FILE_MAX_BYTES, EMBEDDED_MOMENT_MAX_CHARS, formatBytes, overBudget, SVG_MAX_BYTES } from '../limits/input-budgets.ts';

/** The iTXt keyword of the moment in an exported PNG. */
export const PNG_MOMENT_KEYWORD = 'tokenscope';

/** How far into the file the <svg> root must start: a prolog, a doctype and a few comments fit well within it. */
const SVG_HEAD_CHARS = 4096;

const isXmlSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * True when the text looks like an SVG document: optional BOM, XML prolog, comments or doctype, then <svg. A scan
 * from left to right (a regex with nested repetition here backtracked exponentially on a 300-byte file).
 */
function looksLikeSvg(text: string): boolean {
  const head = text.slice(text.startsWith('\ufeff') ? 1 : 0, SVG_HEAD_CHARS);
  let at = 0;
  const skipSpace = () => {
    while (isXmlSpace(head[at])) at++;
  };
  const skipPast = (closer: string): boolean => {
    const end = head.indexOf(closer, at);
    if (end < 0) return false;
    at = end + closer.length;
    return true;
  };
  skipSpace();
  if (head.startsWith('<?xml', at) && !skipPast('?>')) return false;
  for (;;) {
    skipSpace();
    if (head.startsWith('<!--', at)) {
      at += 4;
      if (!skipPast('-->')) return false;
    } else if (head.startsWith('<!DOCTYPE', at)) {
      if (!skipPast('>')) return false;
    } else {
      const after = head[at + 4];
      return head.startsWith('<svg', at) && (after === '>' || isXmlSpace(after));
    }
  }
}

/** The file's first bytes as text, for the SVG sniff, without decoding (or failing on) the rest. */
function headText(bytes: Uint8Array): string | undefined {
  let end = Math.min(bytes.length, SVG_HEAD_CHARS);
  // Never cut a character in two: back up over continuation bytes to the start of the last whole one.
  if (end < bytes.length) while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  const head = utf8Decode(bytes.subarray(0, end));
  return head.ok ? head.text : undefined;
}

/**
 * The moment's JSON, checked: every carrier (a PNG chunk, SVG metadata, a shared link) ends here, so each restores
 * the same thing through the same validation. `who` names the carrier in the error ("rotation.png", "The link").
 */
export function parseMomentJson(json: string, who: string, where: string): Checked<ExportMoment> {
  const syntax = findJsonSyntaxError(json);
  if (syntax) return { ok: false, error: `${who}: the TokenScope moment in its ${where} is not valid JSON: ${syntax.problem} at character ${syntax.index + 1}` };
  const checked = validateExportMoment(JSON.parse(json) as unknown);
  return checked.ok ? checked : { ok: false, error: `${who}: ${checked.error}` };
}

const PDF_SIGNATURE = '%PDF-';

const hasPdfSignature = (bytes: Uint8Array) => bytes.length >= PDF_SIGNATURE.length && [...PDF_SIGNATURE].every((c, i) => bytes[i] === c.charCodeAt(0));

/** Which of the kinds of file TokenScope exports the bytes are, told by their first bytes; undefined for any other. */
export function exportedFileKind(bytes: Uint8Array): 'a PNG image' | 'a GIF' | 'a WebM video' | 'an MP4 video' | 'an SVG image' | 'a PDF' | undefined {
  if (hasPngSignature(bytes)) return 'a PNG image';
  if (hasGifSignature(bytes)) return 'a GIF';
  if (hasWebmSignature(bytes)) return 'a WebM video';
  if (hasMp4Signature(bytes)) return 'an MP4 video';
  if (hasPdfSignature(bytes)) return 'a PDF';
  const head = headText(bytes);
  return head !== undefined && looksLikeSvg(head) ? 'an SVG image' : undefined;
}

export function readEmbeddedMoment(bytes: Uint8Array, fileName: string): Checked<ExportMoment> {
  if (bytes.length === 0) return { ok: false, error: `${fileName}: the file is empty (0 bytes); it may not have finished copying or downloading` };
  if (hasPdfSignature(bytes)) {
    return { ok: false, error: `${fileName}: a PDF carries no TokenScope moment to reopen; open its scenario, or a PNG, SVG, GIF, APNG, WebM or MP4 that TokenScope exported` };
  }
  if (bytes.length > DROPPED_FILE_MAX_BYTES) {
    return { ok: false, error: `${fileName}: ${overBudget('the file', formatBytes(bytes.length), formatBytes(DROPPED_FILE_MAX_BYTES), 'TokenScope reopens only the images and animations it exported, which are far smaller')}` };
  }
  if (hasPngSignature(bytes)) {
    const text = readPngTextChunk(bytes, PNG_MOMENT_KEYWORD, EMBEDDED_MOMENT_MAX_CHARS);
    if (!text.ok) return { ok: false, error: `${fileName}: ${text.error}` };
    if (text.value === undefined) return { ok: false, error: `${fileName}: this image was not exported by TokenScope (no tokenscope chunk)` };
    return parseMomentJson(text.value, fileName, 'PNG text chunk');
  }
  const container = hasGifSignature(bytes)
    ? { kind: 'GIF', read: readGifMomentText, where: 'GIF extension' }
    : hasWebmSignature(bytes)
      ? { kind: 'WebM video', read: readWebmMomentText, where: 'WebM tag' }
      : hasMp4Signature(bytes)
        ? { kind: 'MP4 video', read: readMp4MomentText, where: 'MP4 metadata' }
        : undefined;
  if (container) {
    const text = container.read(bytes, EMBEDDED_MOMENT_MAX_CHARS);
    if (!text.ok) return { ok: false, error: `${fileName}: ${text.error}` };
    if (text.value === undefined) return { ok: false, error: `${fileName}: this ${container.kind} was not exported by TokenScope (it carries no TokenScope moment)` };
    return parseMomentJson(text.value, fileName, container.where);
  }
  const head = headText(bytes);
  if (head === undefined || !looksLikeSvg(head)) return { ok: false, error: `${fileName}: not an image TokenScope exports (PNG, APNG, GIF, SVG, WebM or MP4)` };
  if (bytes.length > SVG_MAX_BYTES) {
    return { ok: false, error: `${fileName}: ${overBudget('this SVG', formatBytes(bytes.length), formatBytes(SVG_MAX_BYTES), 'SVGs TokenScope exports are far smaller, so this one was not exported by it')}` };
  }
  const decoded = utf8Decode(bytes);
  if (!decoded.ok) return { ok: false, error: `${fileName}: the SVG is not valid UTF-8 (at byte ${decoded.byteIndex})` };
  const text = readSvgMomentText(decoded.text);
  if (!text.ok) return { ok: false, error: `${fileName}: ${text.error}` };
  if (text.value === undefined) return { ok: false, error: `${fileName}: this image was not exported by TokenScope (no tokenscope metadata)` };
  return parseMomentJson(text.value, fileName, 'SVG metadata');
}
