/**
 * The moment in a video the app exported, read without decoding a frame. A WebM carries it as a Matroska SimpleTag
 * named TOKENSCOPE_MOMENT (Segment > Tags > Tag > SimpleTag > TagName, TagString); an MP4 as an item "tksm" in the
 * iTunes-style metadata list (moov > udta > meta > ilst > tksm > data), where players keep their title and comment.
 * Both containers are walked element by element (box by box), each step moving forward by the size the element
 * declares, into the few that can hold the moment and over everything else, so any file is read in one pass.
 */
import type { Checked } from '../../validation/checked.ts';
import { utf8Decode } from '../../text/utf8.ts';
import { formatLimit, overBudget } from '../../limits/input-budgets.ts';

export const WEBM_MOMENT_TAG = 'TOKENSCOPE_MOMENT';
export const MP4_MOMENT_ATOM = 'tksm';

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];
const SEGMENT = 0x18538067;
const TAGS = 0x1254c367;
const TAG = 0x7373;
const SIMPLE_TAG = 0x67c8;
const TAG_NAME = 0x45a3;
const TAG_STRING = 0x4487;
/** Containers the walk enters; every other element is stepped over whole. */
const WEBM_PATH = new Set([SEGMENT, TAGS, TAG]);

export function hasWebmSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && EBML_MAGIC.every((b, i) => bytes[i] === b);
}

export function hasMp4Signature(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && String.fromCharCode(bytes[4]!, bytes[5]!, bytes[6]!, bytes[7]!) === 'ftyp';
}

/** An EBML variable-length integer at `at`: its value (the marker bit removed for sizes) and its length in bytes. */
function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | undefined {
  const first = bytes[at];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23;
  if (at + length > bytes.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i]!;
    allOnes &&= bytes[at + i] === 0xff;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

const done = (value: string | undefined): Checked<string | undefined> => ({ ok: true, value });

function decodeMoment(data: Uint8Array, what: string, maxBytes: number): Checked<string | undefined> {
  if (data.length > maxBytes) return { ok: false, error: overBudget(`the ${what}'s TokenScope moment`, `${formatLimit(data.length)} bytes`, `${formatLimit(maxBytes)} bytes`, 'it was not written by TokenScope') };
  const text = utf8Decode(data);
  return text.ok ? done(text.text) : { ok: false, error: `the ${what}'s TokenScope moment is not valid UTF-8 (at byte ${text.byteIndex} of its text)` };
}

interface Element {
  id: number;
  /** Where its data starts, and where it ends (undefined: a size written as unknown). */
  body: number;
  end: number | undefined;
}

/** The element whose header starts at `at`, or a sentence saying how the file breaks there. */
function readElement(bytes: Uint8Array, at: number, limit: number): Element | string {
  const id = readVint(bytes, at, true);
  const size = id && readVint(bytes, at + id.length, false);
  if (!id || !size) return `the WebM is malformed or truncated at byte ${at}`;
  const body = at + id.length + size.length;
  if (size.unknown) return { id: id.value, body, end: undefined };
  if (body + size.value > limit) return `the WebM is truncated: the element at byte ${at} claims ${formatLimit(size.value)} bytes, more than its container holds`;
  return { id: id.value, body, end: body + size.value };
}

/** The moment's JSON text in a WebM: undefined when there is none; an error when the file breaks off before it. */
export function readWebmMomentText(bytes: Uint8Array, maxBytes: number): Checked<string | undefined> {
  if (!hasWebmSignature(bytes)) return { ok: false, error: 'not a WebM file (it does not start with an EBML header)' };
  let at = 0;
  while (at < bytes.length) {
    const element = readElement(bytes, at, bytes.length);
    if (typeof element === 'string') return { ok: false, error: element };
    if (element.end === undefined) {
      // Only a Segment or a Cluster written live has no size: step into a Segment; past a Cluster no tag can be found.
      if (element.id !== SEGMENT) return done(undefined);
      at = element.body;
    } else if (WEBM_PATH.has(element.id)) at = element.body;
    else if (element.id === SIMPLE_TAG) {
      let name: string | undefined;
      let value: Uint8Array | undefined;
      for (let child = element.body; child < element.end; ) {
        const field = readElement(bytes, child, element.end);
        if (typeof field === 'string' || field.end === undefined) return { ok: false, error: typeof field === 'string' ? field : `the WebM has a tag of unknown size at byte ${child}` };
        if (field.id === TAG_NAME && field.end - field.body <= 64) name = String.fromCharCode(...bytes.subarray(field.body, field.end));
        if (field.id === TAG_STRING) value = bytes.subarray(field.body, field.end);
        child = field.end;
      }
      if (name === WEBM_MOMENT_TAG && value) return decodeMoment(value, 'WebM', maxBytes);
      at = element.end;
    } else at = element.end;
  }
  return done(undefined);
}

/** Boxes the MP4 walk enters, with the bytes each has before its children (meta is a "full box": version and flags). */
const MP4_PATH: Record<string, number> = { moov: 0, udta: 0, meta: 4, ilst: 0, [MP4_MOMENT_ATOM]: 0 };
/** A metadata item's data box: its type (4 bytes) and locale (4 bytes), then the value. */
const DATA_HEADER_BYTES = 8;

/** The moment's JSON text in an MP4: undefined when there is none; an error when the file breaks off before it. */
export function readMp4MomentText(bytes: Uint8Array, maxBytes: number): Checked<string | undefined> {
  if (!hasMp4Signature(bytes)) return { ok: false, error: 'not an MP4 file (it has no ftyp box first)' };
  let at = 0;
  let inMoment = false;
  while (at + 8 <= bytes.length) {
    const view = new DataView(bytes.buffer, bytes.byteOffset + at, 8);
    let size = view.getUint32(0);
    const type = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
    let header = 8;
    if (size === 1) {
      if (at + 16 > bytes.length) break;
      const large = new DataView(bytes.buffer, bytes.byteOffset + at + 8, 8);
      size = large.getUint32(0) * 2 ** 32 + large.getUint32(4);
      header = 16;
    } else if (size === 0) size = bytes.length - at;
    if (size < header || at + size > bytes.length) return { ok: false, error: `the MP4 is malformed or truncated: the ${JSON.stringify(type)} box at byte ${at} claims ${formatLimit(size)} bytes` };
    if (inMoment && type === 'data') {
      if (size < header + DATA_HEADER_BYTES) return { ok: false, error: `the MP4's TokenScope moment box at byte ${at} is too short` };
      return decodeMoment(bytes.subarray(at + header + DATA_HEADER_BYTES, at + size), 'MP4', maxBytes);
    }
    const skip = MP4_PATH[type];
    if (skip !== undefined && Object.hasOwn(MP4_PATH, type)) {
      inMoment ||= type === MP4_MOMENT_ATOM;
      at += header + skip;
    } else at += size;
  }
  return done(undefined);
}
