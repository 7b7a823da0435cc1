/**
 * The PDF handout: page 1 the timeline (the export's PNG at 2×) under the scenario's title, with its caption and what
 * it shows; then the decoded claims of the chosen tokens, each with a few words on what it means; then a glossary.
 * The PDF's standard fonts (Helvetica, Courier) keep it small; they only know WinAnsi characters, so arrows and the
 * like are spelled in ASCII. Bytes are deterministic: dates come from the scenario's start, nothing is random.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ExportSource } from './export-source.ts';
import { exportLanes } from './export-figure.ts';
import type { ExportText } from './export-caption.ts';
import type { ExportSettings } from '../../shared/export/export-types.ts';
import { explainClaim, flattenClaims, formatUtc, rawClaimValue, TIME_CLAIMS } from '../panels/claim-explanations.ts';
import { formatDuration } from '../../shared/time/duration.ts';

/** The handout's glossary, in the order a learner meets the ideas. */
export const GLOSSARY: readonly { term: string; meaning: string }[] = [
  { term: 'ServiceAccount', meaning: 'An identity for software running in the cluster, the way a user account is an identity for a person. RBAC grants it permissions; a token proves you are it.' },
  { term: 'Bearer token', meaning: 'A credential that works for whoever presents it: the API server checks the token, not who sent it. A copied token is as good as the original.' },
  { term: 'JWT', meaning: 'JSON Web Token: a header, a set of claims and a signature, each base64url-encoded and joined by dots. Anyone can read the claims; only the signing key can produce a valid signature.' },
  { term: 'Claim', meaning: 'One field in a JWT payload, such as iss (who issued it), sub (who it stands for), aud (who should accept it) or exp (when it stops working).' },
  { term: 'Legacy token', meaning: 'A token kept in a Secret by the tokens controller and mounted into pods before Kubernetes 1.21. It has no exp and no audience, so it works until its Secret is deleted.' },
  { term: 'Projected token', meaning: 'A token the kubelet asks the TokenRequest API for and writes into the pod through a projected volume. It names an audience, is bound to the pod and expires (an hour by default).' },
  { term: 'TokenRequest', meaning: 'The API that mints a short-lived token for a ServiceAccount on demand; kubectl create token uses it too. Durations under ten minutes are refused.' },
  { term: 'Rotation', meaning: 'The kubelet replaces a projected token once 80 % of its lifetime has passed (or after 24 hours), rewriting the file in place so the app just reads the new one.' },
  { term: 'Leeway', meaning: 'The API server keeps accepting a token for 60 seconds after its exp, to tolerate small clock differences between machines.' },
  { term: 'Bound object', meaning: 'The pod (or Secret, or node) a token is tied to. Deleting that object invalidates the token at once, even before its exp.' },
  { term: 'Audience', meaning: 'The services a token is meant for. A server rejects a token whose aud does not name it, so a token minted for one service cannot be replayed against another.' },
  { term: 'Extended expiration', meaning: 'A migration aid: with --service-account-extend-token-expiration the API server writes an exp a year away into kubelet tokens, while the kubelet still refreshes them hourly and warnafter marks copies used too long.' },
];

/** ASCII spellings for the symbols the app's texts use that the PDF's standard fonts cannot show. */
const SPELLED: Record<string, string> = { '→': '->', '←': '<-', '↔': '<->', '≥': '>=', '≤': '<=', '−': '-', '∞': 'infinity', '✓': 'ok', '✔': 'ok', '✗': 'x', '▼': 'v', '▲': '^', '●': '*', '◆': '*', '≈': '~', '⌘': 'Cmd' };

function winAnsi(font: PDFFont): (text: string) => string {
  const known = new Set(font.getCharacterSet());
  return (text) => {
    let out = '';
    for (const ch of text.replace(/\r\n?|\t/g, ' ')) out += known.has(ch.codePointAt(0)!) ? ch : (SPELLED[ch] ?? '?');
    return out;
  };
}

/** Words broken into lines that fit `widthPt`; a word longer than a line (a UID, a JWT) is cut where it must be. */
function wrap(text: string, font: PDFFont, size: number, widthPt: number): string[] {
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
    let rest = word;
    while (!fits(rest) && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

const A4_PORTRAIT: [number, number] = [595.28, 841.89];
const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
const MARGIN = 40;
const INK = rgb(0.07, 0.09, 0.15);
const MUTED = rgb(0.3, 0.33, 0.38);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
  clean: (text: string) => string;
}

/** Flows text down pages, starting a new portrait page when the current one is full. */
class PageWriter {
  page: PDFPage;
  y: number;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
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
    this.ensure(size * 2.2);
    this.y -= size * 1.2;
    this.page.drawText(this.fonts.clean(text), { x: MARGIN, y: this.y, size, font: this.fonts.bold, color: INK });
    this.y -= size * 0.6;
  }

  paragraph(text: string, size: number, font: PDFFont = this.fonts.regular, color = INK, x = MARGIN, width = this.width): void {
    for (const line of wrap(this.fonts.clean(text), font, size, width)) {
      this.ensure(size * 1.35);
      this.y -= size * 1.35;
      this.page.drawText(line, { x, y: this.y, size, font, color });
    }
  }

  /** One row of columns, each wrapped in its own width; the row moves to the next page whole. */
  row(cells: { text: string; font: PDFFont; x: number; width: number; color?: ReturnType<typeof rgb> }[], size: number): void {
    const wrapped = cells.map((c) => wrap(this.fonts.clean(c.text), c.font, size, c.width));
    const lines = Math.max(...wrapped.map((w) => w.length));
    const lineH = size * 1.3;
    this.ensure(lines * lineH + 4);
    cells.forEach((c, i) => {
      wrapped[i]!.forEach((line, k) => this.page.drawText(line, { x: c.x, y: this.y - (k + 1) * lineH, size, font: c.font, color: c.color ?? INK }));
    });
    this.y -= lines * lineH + 4;
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

export async function exportPdf(source: ExportSource, settings: ExportSettings, figure: HandoutFigure, text: ExportText, tokenIndexes?: readonly number[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const fonts: Fonts = { regular, bold: await doc.embedFont(StandardFonts.HelveticaBold), mono: await doc.embedFont(StandardFonts.Courier), clean: winAnsi(regular) };
  const title = source.lanes.title || source.moment.sourceName || 'TokenScope timeline';
  const date = new Date(source.startEpochMs);
  doc.setTitle(title);
  doc.setSubject(text.caption);
  doc.setKeywords(['Kubernetes', 'ServiceAccount tokens', 'TokenScope']);
  doc.setProducer('TokenScope');
  doc.setCreator('TokenScope');
  doc.setCreationDate(date);
  doc.setModificationDate(date);

  // Page 1: the figure across a landscape page, the caption and what it shows under it.
  const first = doc.addPage(A4_LANDSCAPE);
  const pageW = first.getWidth() - 2 * MARGIN;
  let y = first.getHeight() - MARGIN - 16;
  first.drawText(fonts.clean(title), { x: MARGIN, y, size: 16, font: fonts.bold, color: INK });
  y -= 12;
  const image = await doc.embedPng(figure.png);
  const fit = Math.min(pageW / figure.widthPx, (y - MARGIN - 90) / figure.heightPx);
  const imgW = figure.widthPx * fit;
  const imgH = figure.heightPx * fit;
  y -= imgH;
  first.drawImage(image, { x: MARGIN + (pageW - imgW) / 2, y, width: imgW, height: imgH });
  y -= 6;
  for (const [body, font, size, color] of [
    [text.caption, fonts.bold, 10, INK],
    [`At ${formatDuration(source.lanes.nowMs)} of simulated time. ${text.altText}`, fonts.regular, 7.5, MUTED],
  ] as const) {
    for (const line of wrap(fonts.clean(body), font, size, pageW)) {
      if (y - size * 1.3 < MARGIN - 10) break;
      y -= size * 1.3;
      first.drawText(line, { x: MARGIN, y, size, font, color });
    }
    y -= 4;
  }

  // The decoded claims of the chosen tokens.
  const writer = new PageWriter(doc, fonts);
  writer.heading('Decoded claims', 16);
  writer.paragraph('The payload of each token below is what any holder of the token can read (the signature protects it from edits, not from reading). Times are NumericDates: seconds since 1970, shown in UTC.', 9, fonts.regular, MUTED);
  const columns = { name: MARGIN, value: MARGIN + 150, note: MARGIN + 355 };
  for (const index of tokenIndexes ?? defaultHandoutTokens(source, settings)) {
    const token = source.tokens.find((t) => t.index === index);
    const claims = source.claimsOf(index);
    if (!token || !claims) continue;
    const flow = source.lanes.flows.find((f) => f.flowId === token.flow);
    writer.heading(`${flow?.title ?? token.flow}: token #${token.number}`, 12);
    const holder = token.boundObject ? `bound to ${token.boundObject.kind} ${token.boundObject.name}` : token.secretName ? `kept in Secret ${token.secretName}` : 'not bound to an object';
    writer.paragraph(`ServiceAccount ${token.namespace}/${token.serviceAccount}, issued at ${formatDuration(token.issuedAtMs)} of simulated time, ${holder}.`, 9, fonts.regular, MUTED);
    writer.y -= 4;
    writer.row([
      { text: 'claim', font: fonts.bold, x: columns.name, width: 145 },
      { text: 'value', font: fonts.bold, x: columns.value, width: 200 },
      { text: 'what it means', font: fonts.bold, x: columns.note, width: writer.width - 355 },
    ], 9);
    for (const { path, value } of flattenClaims(claims)) {
      const explanation = explainClaim(path, { legacy: token.kind === 'legacy', ...(token.boundObject ? { boundTo: token.boundObject.kind } : {}) });
      writer.row([
        { text: path, font: fonts.bold, x: columns.name, width: 145 },
        { text: claimValue(path, value), font: fonts.mono, x: columns.value, width: 200 },
        { text: explanation?.short ?? 'not a claim Kubernetes sets', font: fonts.regular, x: columns.note, width: writer.width - 355, color: MUTED },
      ], 8.5);
    }
    writer.y -= 8;
  }

  writer.y -= 6;
  writer.heading('Glossary', 16);
  for (const { term, meaning } of GLOSSARY) {
    writer.row([
      { text: term, font: fonts.bold, x: MARGIN, width: 120 },
      { text: meaning, font: fonts.regular, x: MARGIN + 125, width: writer.width - 125 },
    ], 9);
  }
  writer.y -= 10;
  writer.paragraph(`Made with TokenScope from ${source.moment.sourceName || 'a scenario'}; the simulation is deterministic, so the same scenario always gives this handout.`, 8, fonts.regular, MUTED);
  return doc.save();
}
