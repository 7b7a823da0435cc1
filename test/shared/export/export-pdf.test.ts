/**
 * The PDF handout, read back with poppler as a viewer or printer would: it shows the figure, the decoded claims and
 * a glossary; it embeds (subsets of) the same DejaVu fonts as the SVG and PNG exports, so it measures the same
 * everywhere; no word runs past the margins or sits on another word; it is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { exportFile } from '../../../shared/export/export-file.ts';
import { defaultHandoutTokens, PDF_MARGIN_PT } from '../../../shared/export/export-pdf.ts';
import { nodeExportDeps } from '../../../electron/cli/node-export-deps.ts';
import { settings, scenarioSource } from './export-fixtures.ts';
import { pdfFonts, pdfText, pdfWords, type PdfWord } from './pdf-tools.ts';

const H = 3_600_000;

const made = new Map<string, ReturnType<typeof makeHandout>>();

/** Each handout is made once per file: rasterising the figure is the slow part. */
function handout(scenario = 'side-by-side', atMs = 2 * H, tokens?: number[]) {
  const key = JSON.stringify([scenario, atMs, tokens]);
  if (!made.has(key)) made.set(key, makeHandout(scenario, atMs, tokens));
  return made.get(key)!;
}

async function makeHandout(scenario: string, atMs: number, tokens?: number[]) {
  const source = scenarioSource(scenario, atMs);
  const file = await exportFile(source, settings({ format: 'pdf', widthPx: 800 }), await nodeExportDeps(), tokens ? { tokens } : {});
  return { source, file, bytes: file.data as Uint8Array };
}

function overlap(a: PdfWord, b: PdfWord): number {
  const w = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
  const h = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
  return w > 0 && h > 0 ? w * h : 0;
}

describe('PDF handout', () => {
  it('is a PDF whose pages show the figure, the decoded claims of each flow\'s current token and a glossary', async () => {
    const { source, file, bytes } = await handout();
    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).toBe('side-by-side-at-2h.pdf');
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
    expect(doc.getTitle()).toBe('One app, two clusters, six hours');
    const text = pdfText(bytes).join('\n');
    expect(text).toContain(file.caption.slice(0, 40));
    // side-by-side at 2 h: the legacy pod holds token #3, the projected pod token #3 (written at 1 h 36 m).
    const picked = defaultHandoutTokens(source, settings());
    expect(picked.map((i) => source.tokens.find((t) => t.index === i)!.flow)).toEqual(['legacy', 'projected']);
    expect(text).toContain('Legacy flow · Kubernetes 1.20: token #3');
    expect(text).toContain('Projected flow · Kubernetes 1.36: token #3');
    expect(text).toContain('kubernetes.io.pod.name');
    expect(text).toContain('who may accept it');
    expect(text).toContain('Glossary');
    expect(text).toContain('Bearer token');
  });

  it('prints the title once: the figure carries it, and no text line repeats it above the figure', async () => {
    const { bytes } = await handout();
    const [first] = pdfText(bytes);
    // The alt text quotes the title; a heading would be a line of its own.
    expect(first!.split('\n').map((line) => line.trim())).not.toContain('One app, two clusters, six hours');
    expect(first).toContain('Timeline of "One app, two clusters, six hours"');
    expect((await PDFDocument.load(bytes, { updateMetadata: false })).getTitle()).toBe('One app, two clusters, six hours');
  });

  it('embeds every font it uses, as subsets of the export\'s DejaVu Sans, with Unicode text', async () => {
    const fonts = pdfFonts((await handout()).bytes);
    expect(fonts.map((f) => f.name).sort()).toEqual(['TSCPAA+DejaVuSans', 'TSCPAB+DejaVuSans-Bold']);
    for (const font of fonts) expect(font).toMatchObject({ embedded: true, subset: true });
    // Symbols the app writes (→, ✓, ∞) come out as themselves, not as ASCII stand-ins or question marks.
    const text = pdfText((await handout('side-by-side', 2 * H)).bytes).join('\n');
    expect(text).toContain('·');
    expect(text).not.toContain('?');
  });

  it.each([
    ['side-by-side', 2 * H],
    ['extended-expiration', 70 * 60_000],
    ['audience-mismatch', H],
    ['pod-deletion', H],
  ])('%s: every word is inside the margins and clear of every other word', async (scenario, atMs) => {
    const { bytes } = await handout(scenario, atMs);
    const { pages, words } = pdfWords(bytes);
    expect(words.length).toBeGreaterThan(200);
    const slackPt = 0.5;
    const outside = words.filter((w) => {
      const page = pages[w.page - 1]!;
      return w.xMin < PDF_MARGIN_PT - slackPt || w.xMax > page.width - PDF_MARGIN_PT + slackPt || w.yMin < PDF_MARGIN_PT - slackPt || w.yMax > page.height - PDF_MARGIN_PT + slackPt;
    });
    expect(outside.map((w) => `page ${w.page}: ${w.text} [${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)}, ${w.yMin.toFixed(1)}–${w.yMax.toFixed(1)}]`)).toEqual([]);
    const overlapping: string[] = [];
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length && words[j]!.page === words[i]!.page; j++) {
        if (overlap(words[i]!, words[j]!) > 0.25) overlapping.push(`page ${words[i]!.page}: "${words[i]!.text}" and "${words[j]!.text}"`);
      }
    }
    expect(overlapping).toEqual([]);
  });

  it('decodes the tokens asked for, with NumericDates in UTC', async () => {
    const source = scenarioSource('side-by-side', 2 * H);
    const first = source.tokens.find((t) => t.flow === 'projected' && t.number === 1)!;
    const { bytes } = await handout('side-by-side', 2 * H, [first.index]);
    const text = pdfText(bytes).join('\n');
    expect(text).toContain('Projected flow · Kubernetes 1.36: token #1');
    expect(text).not.toContain('Legacy flow · Kubernetes 1.20: token #');
    expect(text).toMatch(/\d{10} \(2025-01-06 \d\d:\d\d:\d\d UTC\)/);
  });

  it('is deterministic: the same bytes twice, dated at the scenario start', async () => {
    const a = await handout();
    const b = await makeHandout('side-by-side', 2 * H);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const doc = await PDFDocument.load(a.bytes, { updateMetadata: false });
    expect(doc.getCreationDate()?.getTime()).toBe(a.source.startEpochMs);
    expect(doc.getModificationDate()?.getTime()).toBe(a.source.startEpochMs);
  });
});
