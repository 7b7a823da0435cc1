/**
 * The moment in an animated GIF: an application extension (GIF89a §26) named "TOKENSCO" with the authentication code
 * "PE1", whose data sub-blocks hold the ExportMoment as UTF-8 JSON, and the caption in a comment extension (§24),
 * which image tools show. Viewers skip application extensions they do not know. Reading walks the file's blocks once,
 * left to right, each step moving forward, and gives up at the first block that is not where or what it should be.
 */
import type { Checked } from '../../validation/checked.ts';
import { utf8Decode, utf8Encode } from '../../text/utf8.ts';
import { formatLimit, overBudget } from '../../limits/input-budgets.ts';

const EXTENSION = 0x21;
const APPLICATION_LABEL = 0xff;
const COMMENT_LABEL = 0xfe;
const IMAGE_SEPARATOR = 0x2c;
const TRAILER = 0x3b;
const MOMENT_APPLICATION = 'TOKENSCOPE1';
const HEADER_BYTES = 6;
const SCREEN_DESCRIPTOR_BYTES = 7;
const IMAGE_DESCRIPTOR_BYTES = 10;
const MAX_SUB_BLOCK = 255;

export function hasGifSignature(bytes: Uint8Array): boolean {
  return bytes.length >= HEADER_BYTES && String.fromCharCode(...bytes.subarray(0, HEADER_BYTES)).match(/^GIF8[79]a$/) !== null;
}

/** Data cut into sub-blocks of at most 255 bytes, each after its length, then the zero-length terminator. */
function subBlocks(data: Uint8Array): Uint8Array {
  const count = Math.ceil(data.length / MAX_SUB_BLOCK);
  const out = new Uint8Array(data.length + count + 1);
  let at = 0;
  for (let from = 0; from < data.length; from += MAX_SUB_BLOCK) {
    const piece = data.subarray(from, from + MAX_SUB_BLOCK);
    out[at++] = piece.length;
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

function extension(label: number, head: Uint8Array, data: Uint8Array): Uint8Array {
  const body = subBlocks(data);
  const out = new Uint8Array(2 + head.length + body.length);
  out[0] = EXTENSION;
  out[1] = label;
  out.set(head, 2);
  out.set(body, 2 + head.length);
  return out;
}

/** The moment's application extension: block size 11, the name and code, then the JSON. */
export function gifMomentExtension(momentJson: string): Uint8Array {
  const head = new Uint8Array(12);
  head[0] = MOMENT_APPLICATION.length;
  for (let i = 0; i < MOMENT_APPLICATION.length; i++) head[i + 1] = MOMENT_APPLICATION.charCodeAt(i);
  return extension(APPLICATION_LABEL, head, utf8Encode(momentJson));
}

/** A comment extension; the GIF specification asks for 7-bit ASCII, so other characters become '?'. */
export function gifCommentExtension(comment: string): Uint8Array {
  return extension(COMMENT_LABEL, new Uint8Array(0), Uint8Array.from(comment, (c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : 0x3f)));
}

type Scan = { ok: true; next: number } | { ok: false; error: string };

const truncated = (bytes: Uint8Array, what: string): { ok: false; error: string } => ({ ok: false, error: `the GIF is truncated: it ends at byte ${bytes.length} inside ${what}` });

/** Just past the sub-blocks starting at `at` (past their terminator), each handed to `take` (false: stop reading). */
function skipSubBlocks(bytes: Uint8Array, at: number, what: string, take?: (block: Uint8Array) => boolean): Scan {
  let i = at;
  for (;;) {
    if (i >= bytes.length) return truncated(bytes, what);
    const size = bytes[i]!;
    if (size === 0) return { ok: true, next: i + 1 };
    if (i + 1 + size > bytes.length) return truncated(bytes, what);
    if (take && !take(bytes.subarray(i + 1, i + 1 + size))) return { ok: true, next: -1 };
    i += 1 + size;
  }
}

function colourTableBytes(packed: number): number {
  return packed & 0x80 ? 3 * (1 << ((packed & 0x07) + 1)) : 0;
}

/**
 * The moment's JSON text in a GIF: undefined when it has none; an error when the GIF's blocks are broken before it,
 * or when its text is longer than `maxBytes` (then it was not written by TokenScope).
 */
export function readGifMomentText(bytes: Uint8Array, maxBytes: number): Checked<string | undefined> {
  if (!hasGifSignature(bytes)) return { ok: false, error: 'not a GIF file (it does not start with GIF87a or GIF89a)' };
  if (bytes.length < HEADER_BYTES + SCREEN_DESCRIPTOR_BYTES) return { ok: false, error: 'the GIF is truncated: it ends inside its screen descriptor' };
  let at = HEADER_BYTES + SCREEN_DESCRIPTOR_BYTES + colourTableBytes(bytes[HEADER_BYTES + 4]!);
  for (;;) {
    if (at >= bytes.length) return truncated(bytes, 'its blocks (there is no trailer)');
    const block = bytes[at]!;
    let scan: Scan;
    if (block === TRAILER) return { ok: true, value: undefined };
    if (block === IMAGE_SEPARATOR) {
      if (at + IMAGE_DESCRIPTOR_BYTES + 1 > bytes.length) return truncated(bytes, `the image at byte ${at}`);
      // The descriptor, its colour table, the LZW code size, then the image data's sub-blocks.
      scan = skipSubBlocks(bytes, at + IMAGE_DESCRIPTOR_BYTES + colourTableBytes(bytes[at + 9]!) + 1, `the image at byte ${at}`);
    } else if (block === EXTENSION) {
      if (at + 2 >= bytes.length) return truncated(bytes, `the extension at byte ${at}`);
      const label = bytes[at + 1]!;
      const ours = label === APPLICATION_LABEL && bytes[at + 2] === MOMENT_APPLICATION.length && String.fromCharCode(...bytes.subarray(at + 3, at + 14)) === MOMENT_APPLICATION;
      if (ours) return readMoment(bytes, at + 14, maxBytes);
      scan = skipSubBlocks(bytes, at + 2, `the extension at byte ${at}`);
    } else {
      return { ok: false, error: `the GIF has a malformed block at byte ${at} (0x${block.toString(16).padStart(2, '0')} is neither an image, an extension nor the trailer)` };
    }
    if (!scan.ok) return scan;
    at = scan.next;
  }
}

function readMoment(bytes: Uint8Array, at: number, maxBytes: number): Checked<string | undefined> {
  const pieces: Uint8Array[] = [];
  let total = 0;
  const scan = skipSubBlocks(bytes, at, 'its TokenScope moment', (block) => {
    total += block.length;
    if (total > maxBytes) return false;
    pieces.push(block);
    return true;
  });
  if (!scan.ok) return scan;
  if (total > maxBytes) return { ok: false, error: overBudget("the GIF's TokenScope moment", `over ${formatLimit(maxBytes)} bytes`, `${formatLimit(maxBytes)} bytes`, 'it was not written by TokenScope') };
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const piece of pieces) {
    joined.set(piece, offset);
    offset += piece.length;
  }
  const text = utf8Decode(joined);
  if (!text.ok) return { ok: false, error: `the GIF's TokenScope moment is not valid UTF-8 (at byte ${text.byteIndex} of its text)` };
  return { ok: true, value: text.text };
}
