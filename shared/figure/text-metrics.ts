/**
 * Text width without a DOM, so the draw plan stays pure and gives the canvas and the SVG painter the same decisions
 * ("does this label fit in this bar?"). The table errs wide (it is tuned on DejaVu Sans, the widest common UI
 * sans), so a label judged to fit never spills out of its bar in any of the fonts the theme names.
 */

const NARROW = new Set([...'ijl.,:;\'|!()[]·`']);
const SEMI = new Set([...'ftrI -/"*']);
const WIDE = new Set([...'mwMW%@']);
const SYMBOLS = new Set([...'#→←∞✓✗▼◆●—–+=<>~^&$€£']);

/** Estimated advance of `text` at `sizePx` (CSS px) and `weight`. */
export function estimateTextWidth(text: string, sizePx: number, weight: number = 400): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.34;
    else if (ch === ' ') em += 0.33;
    else if (SEMI.has(ch)) em += 0.45;
    else if (WIDE.has(ch)) em += 0.98;
    else if (SYMBOLS.has(ch)) em += 0.86;
    else if (ch >= '0' && ch <= '9') em += 0.64;
    else if (ch >= 'A' && ch <= 'Z') em += 0.74;
    else if (ch >= 'a' && ch <= 'z') em += 0.62;
    else em += 1;
  }
  return em * sizePx * (weight >= 600 ? 1.08 : 1);
}

/** The first candidate that fits in `maxWidthPx`, or undefined (Perfetto's rule: no label rather than a clipped one). */
export function fitLabel(candidates: readonly string[], maxWidthPx: number, sizePx: number, weight: number = 400): string | undefined {
  for (const text of candidates) if (estimateTextWidth(text, sizePx, weight) <= maxWidthPx) return text;
  return undefined;
}

/**
 * `text` broken at spaces into at most `maxLines` lines of `maxWidthPx`; the last line ends in "…" when the text does
 * not fit (a word longer than a line is cut). A takeaway on a slide reads better on two lines than cut off on one.
 */
export function wrapText(text: string, maxWidthPx: number, sizePx: number, weight: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter((w) => w !== '');
  for (let i = 0; i < words.length; i++) {
    const candidate = line === '' ? words[i]! : `${line} ${words[i]}`;
    if (estimateTextWidth(candidate, sizePx, weight) <= maxWidthPx || line === '') {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = words[i]!;
    if (lines.length === maxLines - 1) {
      line = words.slice(i).join(' ');
      break;
    }
  }
  if (line !== '') lines.push(line);
  const last = lines.length - 1;
  if (last >= 0) lines[last] = shortenToWidth(lines[last]!, maxWidthPx, sizePx, weight);
  return lines;
}

/** `text` whole if it fits in `maxWidthPx`, else cut short and ended with "…" (one character at least). */
export function shortenToWidth(text: string, maxWidthPx: number, sizePx: number, weight: number = 400): string {
  if (estimateTextWidth(text, sizePx, weight) <= maxWidthPx) return text;
  let s = text;
  while (s.length > 1 && estimateTextWidth(`${s}…`, sizePx, weight) > maxWidthPx) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}
