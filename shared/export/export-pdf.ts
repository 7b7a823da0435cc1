/**
 * The PDF handout: page 1 the timeline (the export's PNG at 2×, which carries the scenario's title) with its caption
 * and what it shows; then the decoded claims of the chosen tokens, each with a few words on what it means; then a
 * glossary (the ideas of the app's glossary, shared/explain/glossary.ts, so the two cannot drift apart). Text is set in
 * the DejaVu Sans subsets the SVG and PNG exports use, embedded (and subset again to the characters used), so the
 * handout looks and measures the same in every viewer and on every printer; lines are
 * wrapped to the page with the embedded font's own metrics, and table columns are as wide as their content allows.
 * Bytes are deterministic: dates come from the scenario's start, nothing is random.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ExportSource } from './export-source.ts';
import { exportLanes } from './export-figure.ts';
import type { ExportText } from './export-caption.ts';
import type { ExportFonts } from './export-svg.ts';
import type { ExportSettings } from './export-types.ts';
import { explainClaim, flattenClaims, formatUtc, rawClaimValue, TIME_CLAIMS } from '../explain/claim-explanations.ts';
import { formatDuration } from '../time/duration.ts';
import { GLOSSARY_IDEAS } from '../explain/glossary.ts';

/** Spellings for characters the export font subset lacks (it has arrows, ✓ ✗ and ∞; a pasted emoji it has not). */
const SPELLED: Record<string, string> = { '⇒': '=>', '⇐': '<=', '≠': '!=', '✅': '✓', '❌': '✗', '\u00ad': '' };

export function fontText(font: PDFFont): (text: string) => string {
  const known = new Set(font.getCharacterSet());
  return (text) => {
    let out = '';
    for (const ch of text.replace(/\r\n?|\t|\n/g, ' ')) out += known.has(ch.codePointAt(0)!) ? ch : (SPELLED[ch] ?? '?');
    return out;
  };
}

/** Where a word too long for its line may break: after a slash, dot, dash, underscore, colon or comma. */
function pieces(word: string): string[] {
  return word.split(/(?<=[/.\-_:,])/);
}

/**
 * Words broken into lines that fit `widthPt`. A word longer than a line (a claim path, a UID) breaks after its
 * punctuation where it can, and is cut where it must be.
 */
export function wrap(text: string, font: PDFFont, size: number, widthPt: number): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= widthPt;
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const piece of pieces(word)) {
      if (fits(line + piece)) {
        line += piece;
        continue;
      }
      if (line) lines.push(line);
      let rest = piece;
      while (!fits(rest) && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

export const A4_PORTRAIT: [number, number] = [595.28, 841.89];
export const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
/** Every mark on every page stays this far from each edge (points; 40 pt is 14 mm, inside any printer's reach). */
export const PDF_MARGIN_PT = 40;
const MARGIN = PDF_MARGIN_PT;
const COLUMN_GAP = 10;
const INK = rgb(0.07, 0.09, 0.15);
const MUTED = rgb(0.3, 0.33, 0.38);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  clean: (text: string) => string;
}

export interface TableColumn {
  /** The cells' text, header first. */
  texts: string[];
  font: PDFFont;
}

/**
 * Column widths for a table `totalPt` wide, as HTML's automatic table layout does it: every column gets at least its
 * longest unbreakable piece of text (so nothing is cut mid-word when it can be helped) and shares what is left in proportion to how much
 * wider its longest line would like to be. Columns that fit on one line keep exactly their width; the last column
 * takes what is left over.
 */
export function columnWidths(columns: readonly TableColumn[], size: number, totalPt: number): number[] {
  const avail = totalPt - COLUMN_GAP * (columns.length - 1);
  const widest = (font: PDFFont, parts: string[]) => Math.max(0, ...parts.map((p) => font.widthOfTextAtSize(p, size)));
  const natural = columns.map((c) => widest(c.font, c.texts) + 1);
  // A single word may be a 36-character UID: no column's minimum takes more than half the table.
  const minimum = columns.map((c, i) => Math.min(natural[i]!, widest(c.font, c.texts.flatMap((t) => t.split(' ').flatMap(pieces))) + 1, avail / 2));
  const sumNatural = natural.reduce((a, b) => a + b, 0);
  if (sumNatural <= avail) return natural.map((w, i) => (i === natural.length - 1 ? w + avail - sumNatural : w));
  const sumMin = minimum.reduce((a, b) => a + b, 0);
  if (sumMin >= avail) return minimum.map((w) => (w * avail) / sumMin);
  const share = (avail - sumMin) / (sumNatural - sumMin);
  return minimum.map((min, i) => min + (natural[i]! - min) * share);
}

/** Flows text down pages, starting a new portrait page when the current one is full. */
class PageWriter {
  page: PDFPage;
  y: number;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.page = doc.addPage(A4_PORTRAIT);
    this.y = this.page.getHeight() - MARGIN;
  }

  get width(): number {
    return this.page.getWidth() - 2 * MARGIN;
  }

  ensure(heightPt: number): void {
    if (this.y - heightPt >= MARGIN) return;
    this.page = this.doc.addPage(A4_PORTRAIT);
    this.y = this.page.getHeight() - MARGIN;
  }

  heading(text: string, size: number): void {
    const lines = wrap(this.fonts.clean(text), this.fonts.bold, size, this.width);
    // A heading never ends a page: it moves on with the first lines of what it heads.
    this.ensure(lines.length * size * 1.25 + size * 0.6 + 30);
    for (const line of lines) {
      this.y -= size * 1.25;
      this.page.drawText(line, { x: MARGIN, y: this.y, size, font: this.fonts.bold, color: INK });
    }
    this.y -= size * 0.6;
  }

  paragraph(text: string, size: number, font: PDFFont = this.fonts.regular, color = INK): void {
    for (const line of wrap(this.fonts.clean(text), font, size, this.width)) {
      this.ensure(size * 1.35);
      this.y -= size * 1.35;
      this.page.drawText(line, { x: MARGIN, y: this.y, size, font, color });
    }
  }

  /** A table: the columns sized to their content, each row wrapped in its cells and moved to the next page whole. */
  table(header: readonly string[], rows: readonly { text: string; color?: ReturnType<typeof rgb> }[][], fonts: readonly PDFFont[], size: number): void {
    const cleanRows = rows.map((row) => row.map((cell) => ({ ...cell, text: this.fonts.clean(cell.text) })));
    const columns = header.map((title, i) => ({ texts: [this.fonts.clean(title), ...cleanRows.map((row) => row[i]!.text)], font: fonts[i]! }));
    const widths = columnWidths(columns, size, this.width);
    const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b + COLUMN_GAP, 0));
    const drawRow = (cells: { text: string; font: PDFFont; color?: ReturnType<typeof rgb> }[]) => {
      const wrapped = cells.map((c, i) => wrap(c.text, c.font, size, widths[i]!));
      const lineH = size * 1.3;
      const height = Math.max(...wrapped.map((w) => w.length)) * lineH + 4;
      this.ensure(height);
      cells.forEach((c, i) => wrapped[i]!.forEach((line, k) => this.page.drawText(line, { x: xs[i]!, y: this.y - (k + 1) * lineH, size, font: c.font, color: c.color ?? INK })));
      this.y -= height;
    };
    drawRow(columns.map((c) => ({ text: c.texts[0]!, font: this.fonts.bold })));
    for (const row of cleanRows) drawRow(row.map((cell, i) => ({ ...cell, font: fonts[i]! })));
  }
}

/** The token each exported flow's first pod held at the moment (what its file contained), else its latest token. */
export function defaultHandoutTokens(source: ExportSource, settings: Pick<ExportSettings, 'flows' | 'hiddenLanes'>): number[] {
  const flows = exportLanes(source.lanes, settings).flows.map((f) => f.flowId);
  const picked: number[] = [];
  for (const flow of flows) {
    let token: number | undefined;
    for (const e of source.events) if (e.type === 'token.file-written' && e.flow === flow && e.atMs <= source.lanes.nowMs) token = e.token;
    token ??= [...source.tokens].reverse().find((t) => t.flow === flow)?.index;
    if (token !== undefined) picked.push(token);
  }
  return picked;
}

function claimValue(path: string, value: unknown): string {
  const raw = rawClaimValue(value);
  if (TIME_CLAIMS.includes(path) && typeof value === 'number') return `${raw} (${formatUtc(value * 1000)})`;
  return raw;
}

export interface HandoutFigure {
  /** The figure as a PNG, and its size in CSS px (the PNG is larger by its scale). */
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
}

export async function exportPdf(
  source: ExportSource,
  settings: ExportSettings,
  figure: HandoutFigure,
  text: ExportText,
  fontFiles: ExportFonts,
  tokenIndexes?: readonly number[],
): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  // Subset fonts are named with a six-letter tag and "+" (PDF 32000-1, 9.6.4), which tells viewers and pdffonts so;
  // fixed tags keep the bytes deterministic.
  const regular = await doc.embedFont(fontFiles.regular, { subset: true, customName: 'TSCPAA+DejaVuSans' });
  const bold = await doc.embedFont(fontFiles.bold, { subset: true, customName: 'TSCPAB+DejaVuSans-Bold' });
  const fonts: Fonts = { regular, bold, clean: fontText(regular) };
  const title = source.lanes.title || source.moment.sourceName || 'TokenScope timeline';
  const date = new Date(source.startEpochMs);
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setSubject(text.caption);
  doc.setKeywords(['Kubernetes', 'ServiceAccount tokens', 'TokenScope']);
  doc.setProducer('TokenScope');
  doc.setCreator('TokenScope');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setLanguage('en');

  // Page 1: the figure (its own header names the scenario), then the caption and what it shows, all of which fit:
  // the figure is scaled down to leave the text its room.
  const first = doc.addPage(A4_LANDSCAPE);
  const pageW = first.getWidth() - 2 * MARGIN;
  const notes = [
    { lines: wrap(fonts.clean(text.caption), fonts.bold, 10, pageW), font: fonts.bold, size: 10, color: INK },
    { lines: wrap(fonts.clean(`At ${formatDuration(source.lanes.nowMs)} of simulated time. ${text.altText}`), fonts.regular, 7.5, pageW), font: fonts.regular, size: 7.5, color: MUTED },
  ];
  const notesH = notes.reduce((h, n) => h + n.lines.length * n.size * 1.3 + 4, 6);
  const image = await doc.embedPng(figure.png);
  const top = first.getHeight() - MARGIN;
  const fit = Math.min(pageW / figure.widthPx, Math.max(40, top - MARGIN - notesH) / figure.heightPx);
  const imgW = figure.widthPx * fit;
  const imgH = figure.heightPx * fit;
  let y = top - imgH;
  first.drawImage(image, { x: MARGIN + (pageW - imgW) / 2, y, width: imgW, height: imgH });
  y -= 6;
  for (const { lines, font, size, color } of notes) {
    for (const line of lines) {
      y -= size * 1.3;
      first.drawText(line, { x: MARGIN, y, size, font, color });
    }
    y -= 4;
  }

  // The decoded claims of the chosen tokens.
  const writer = new PageWriter(doc, fonts);
  writer.heading('Decoded claims', 16);
  writer.paragraph('The payload of each token below is what any holder of the token can read (the signature protects it from edits, not from reading). Times are NumericDates: seconds since 1970, shown in UTC.', 9, fonts.regular, MUTED);
  for (const index of tokenIndexes ?? defaultHandoutTokens(source, settings)) {
    const token = source.tokens.find((t) => t.index === index);
    const claims = source.claimsOf(index);
    if (!token || !claims) continue;
    const flow = source.lanes.flows.find((f) => f.flowId === token.flow);
    writer.y -= 6;
    writer.heading(`${flow?.title ?? token.flow}: token #${token.number}`, 12);
    const holder = token.boundObject ? `bound to ${token.boundObject.kind} ${token.boundObject.name}` : token.secretName ? `kept in Secret ${token.secretName}` : 'not bound to an object';
    writer.paragraph(`ServiceAccount ${token.namespace}/${token.serviceAccount}, issued at ${formatDuration(token.issuedAtMs)} of simulated time, ${holder}.`, 9, fonts.regular, MUTED);
    writer.y -= 4;
    const rows = flattenClaims(claims).map(({ path, value }) => {
      const explanation = explainClaim(path, { legacy: token.kind === 'legacy', ...(token.boundObject ? { boundTo: token.boundObject.kind } : {}) });
      return [{ text: path }, { text: claimValue(path, value) }, { text: explanation?.short ?? 'not a claim Kubernetes sets', color: MUTED }];
    });
    writer.table(['claim', 'value', 'what it means'], rows, [fonts.bold, fonts.regular, fonts.regular], 8.5);
  }

  writer.y -= 12;
  writer.heading('Glossary', 16);
  writer.table(['term', 'meaning'], GLOSSARY_IDEAS.map(({ term, meaning }) => [{ text: term }, { text: meaning }]), [fonts.bold, fonts.regular], 9);
  writer.y -= 10;
  writer.paragraph(`Made with TokenScope from ${source.moment.sourceName || 'a scenario'}; the simulation is deterministic, so the same scenario always gives this handout.`, 8, fonts.regular, MUTED);
  return doc.save();
}
