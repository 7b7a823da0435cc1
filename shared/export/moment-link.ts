/**
 * A moment as a link: the same ExportMoment an exported PNG or SVG carries (the scenario's whole text, so its notes and
 * scenes too, the playhead and the window), as JSON, zlib-compressed and base64url-encoded into the URL's fragment
 * (`#tokenscope=1.…`), which browsers never send to a server. Reading one back is held to the same budgets and the same
 * validation as an image (parseMomentJson), and every way a link can fail to be ours gets its own sentence.
 *
 * The compressed data is read in small pieces, and inflating stops as soon as the output passes its budget: a link
 * that would inflate to gigabytes (a "deflate bomb") is refused having produced a few megabytes, never its full size.
 */
import { Inflate, zlibSync } from 'fflate';
import { base64url } from 'jose';
import type { ExportMoment } from './export-types.ts';
import type { Checked } from '../validation/checked.ts';
import { parseMomentJson } from './embedded-moment.ts';
import { base64UrlDecode } from '../jwt/base64url.ts';
import { utf8Decode, utf8Encode } from '../text/utf8.ts';
import { EMBEDDED_MOMENT_MAX_CHARS, formatLimit, MOMENT_LINK_MAX_CHARS, overBudget } from '../limits/input-budgets.ts';

/** The fragment's key: what tells a TokenScope link from any other `#…`. */
export const MOMENT_LINK_KEY = 'tokenscope';
/** The layout of what follows the key; a reader refuses formats it does not know. */
export const MOMENT_LINK_FORMAT = 1;
const PREFIX = `${MOMENT_LINK_KEY}=${MOMENT_LINK_FORMAT}.`;

/**
 * Chat tools and mail clients cut, fold or refuse messages well before a browser's URL limit; past about 8 kB a link
 * is better shared as the scenario file or an exported image, which carry the same moment.
 */
export const CHAT_LINK_MAX_CHARS = 8 * 1024;

/** Compressed bytes handed to the inflater at a time: one piece inflates to at most about a megabyte (1032:1). */
const INFLATE_PIECE_BYTES = 1024;

/** The fragment (without '#') that carries `moment`; the same moment always gives the same text. */
export function momentFragment(moment: ExportMoment): string {
  // Fields written in a fixed order, whatever order the object was built in.
  const json = JSON.stringify({
    version: moment.version,
    scenarioText: moment.scenarioText,
    sourceName: moment.sourceName,
    playheadMs: moment.playheadMs,
    view: { startMs: moment.view.startMs, endMs: moment.view.endMs },
  });
  return PREFIX + base64url.encode(zlibSync(utf8Encode(json), { level: 9 }));
}

/** `base` (a page's address; any fragment it has is replaced) with the moment in its fragment. */
export function momentLink(base: string, moment: ExportMoment): string {
  const hash = base.indexOf('#');
  return `${hash < 0 ? base : base.slice(0, hash)}#${momentFragment(moment)}`;
}

export type MomentLinkReading = { kind: 'none' } | { kind: 'moment'; moment: ExportMoment } | { kind: 'refused'; error: string };

const refused = (error: string): MomentLinkReading => ({ kind: 'refused', error });

/** RFC 1950 §8.2's Adler-32, as the zlib trailer holds it. */
function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 is the longest run for which the sums cannot overflow before they are reduced (zlib's NMAX).
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(i + 5552, bytes.length);
    for (; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** A zlib header TokenScope could have written: deflate, a window of at most 32 kB, no preset dictionary. */
function plainZlibHeader(cmf: number, flg: number): boolean {
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && (cmf * 256 + flg) % 31 === 0 && (flg & 0x20) === 0;
}

/** The deflate data inflated piece by piece, stopping as soon as the output passes `maxBytes`. */
function inflateCapped(deflated: Uint8Array, maxBytes: number): Checked<Uint8Array> {
  const pieces: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((data) => {
    total += data.length;
    if (total <= maxBytes) pieces.push(data);
  });
  try {
    let at = 0;
    do {
      const end = Math.min(at + INFLATE_PIECE_BYTES, deflated.length);
      inflater.push(deflated.subarray(at, end), end === deflated.length);
      if (total > maxBytes) {
        return { ok: false, error: overBudget("The link's moment, inflated,", `more than ${formatLimit(maxBytes)} bytes`, `${formatLimit(maxBytes)} bytes`, 'TokenScope never makes such a link') };
      }
      at = end;
    } while (at < deflated.length);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: /EOF/i.test(message) ? 'The link is cut short or damaged: its compressed moment ends too early; copy the whole link again' : `The link is damaged: its moment cannot be decompressed (${message})` };
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
  }
  return { ok: true, value: out };
}

/** The payload after the prefix: base64url of a zlib stream of the moment's JSON. */
function readPayload(payload: string): MomentLinkReading {
  if (payload === '') return refused('The link is cut short: it has no moment after #tokenscope=1.');
  // A parameter added after the moment (`&utm_source=…`) is no damage to it: say what to remove.
  const extra = payload.search(/[&?;]/);
  if (extra > 0) {
    const added = payload.slice(extra);
    return refused(`The link has something added after its moment: remove ${JSON.stringify(added.length > 40 ? `${added.slice(0, 40)}…` : added)} from its end`);
  }
  const decoded = base64UrlDecode(payload);
  if (!decoded.ok) {
    return decoded.index === payload.length - 1 && payload.length % 4 === 1
      ? refused('The link is cut short: its moment ends in the middle of a character')
      : refused(`The link is damaged: character ${formatLimit(PREFIX.length + decoded.index + 1)} of its #… part is not one a TokenScope link uses`);
  }
  const bytes = decoded.bytes;
  if (bytes.length < 6) return refused('The link is cut short: its moment is only a few characters long');
  if (!plainZlibHeader(bytes[0]!, bytes[1]!)) return refused('The link is damaged: its moment is not compressed the way TokenScope writes it');
  const inflated = inflateCapped(bytes.subarray(2, bytes.length - 4), EMBEDDED_MOMENT_MAX_CHARS);
  if (!inflated.ok) return refused(inflated.error);
  const t = bytes.length - 4;
  const stored = ((bytes[t]! << 24) | (bytes[t + 1]! << 16) | (bytes[t + 2]! << 8) | bytes[t + 3]!) >>> 0;
  if (stored !== adler32(inflated.value)) return refused('The link was changed on its way: its moment does not match its checksum');
  const text = utf8Decode(inflated.value);
  if (!text.ok) return refused(`The link's moment is not UTF-8 text (at byte ${formatLimit(text.byteIndex)})`);
  const moment = parseMomentJson(text.text, 'The link', '#… part');
  return moment.ok ? { kind: 'moment', moment: moment.value } : refused(moment.error);
}

/**
 * What a page's fragment asks for (`location.hash`, with or without its '#'): nothing (none), a moment, or a refusal
 * that says why. Never throws; linear in the fragment's length.
 */
export function readMomentFragment(hash: string): MomentLinkReading {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (fragment === '') return { kind: 'none' };
  if (fragment.length > MOMENT_LINK_MAX_CHARS) {
    return refused(overBudget("The link's #… part", `${formatLimit(fragment.length)} characters`, `${formatLimit(MOMENT_LINK_MAX_CHARS)} characters`, 'no browser opens a link that long; share the scenario file instead'));
  }
  if (!fragment.startsWith(`${MOMENT_LINK_KEY}=`)) return refused(`The link's #… part is not a TokenScope moment (those start with #${MOMENT_LINK_KEY}=)`);
  const dot = fragment.indexOf('.', MOMENT_LINK_KEY.length + 1);
  const format = fragment.slice(MOMENT_LINK_KEY.length + 1, dot < 0 ? undefined : dot);
  if (!/^[0-9]{1,6}$/.test(format)) return refused(`The link's #… part is not a TokenScope moment (no link format after #${MOMENT_LINK_KEY}=)`);
  if (Number(format) !== MOMENT_LINK_FORMAT) {
    return refused(`The link was made by another version of TokenScope (link format ${format}); this one reads format ${MOMENT_LINK_FORMAT}`);
  }
  return readPayload(dot < 0 ? '' : fragment.slice(dot + 1));
}

/** Characters that end a link inside pasted text: white space, and the quotes and brackets that wrap links. */
const LINK_END = /[\s"'<>()[\]{}]/;

/**
 * The fragment of the first TokenScope link in pasted text (a whole URL, or the `#tokenscope=…` part alone), or
 * undefined when the text holds none.
 */
export function findMomentFragment(text: string): string | undefined {
  const start = text.indexOf(`#${MOMENT_LINK_KEY}=`);
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < text.length && !LINK_END.test(text[end]!)) end++;
  return text.slice(start + 1, end);
}
