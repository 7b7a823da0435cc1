import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream, type PDFPage } from 'pdf-lib';
import { exportFile } from '../../../renderer/export/export-file.ts';
import { defaultHandoutTokens } from '../../../renderer/export/export-pdf.ts';
import { nodeExportDeps } from '../../../electron/cli/node-export-deps.ts';
import { settings, scenarioSource } from './export-fixtures.ts';

const H = 3_600_000;

/** The text a page shows: pdf-lib writes each line as a hex string (WinAnsi bytes) for the Tj operator. */
function pageText(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  let text = '';
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) continue;
    const ops = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
    for (const [, hex] of ops.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) text += `${Buffer.from(hex!, 'hex').toString('latin1')}\n`;
  }
  return text;
}

async function handout(tokens?: number[]) {
  const source = scenarioSource('side-by-side', 2 * H);
  const file = await exportFile(source, settings({ format: 'pdf', widthPx: 800 }), await nodeExportDeps(), tokens ? { tokens } : {});
  return { source, file, bytes: file.data as Uint8Array };
}

describe('PDF handout', () => {
  it('is a PDF whose pages show the figure, the decoded claims of each flow\'s current token and a glossary', async () => {
    const { source, file, bytes } = await handout();
    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).toBe('side-by-side-at-2h.pdf');
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
    const text = doc.getPages().map(pageText).join('');
    expect(text).toContain('One app, two clusters, six hours');
    expect(text).toContain(file.caption.slice(0, 40));
    // side-by-side at 2 h: the legacy pod holds token #3, the projected pod token #3 (written at 1 h 36 m).
    const picked = defaultHandoutTokens(source, settings());
    expect(picked.map((i) => source.tokens.find((t) => t.index === i)!.flow)).toEqual(['legacy', 'projected']);
    expect(text).toContain('Legacy flow · Kubernetes 1.20: token #3'.replace('·', '\xb7'));
    expect(text).toContain('Projected flow \xb7 Kubernetes 1.36: token #3');
    expect(text).toContain('kubernetes.io.pod.name');
    expect(text).toContain('system:serviceaccount:default:my-app');
    expect(text).toContain('who may accept it');
    expect(text).toContain('Glossary');
    expect(text).toContain('Bearer token');
  });

  it('decodes the tokens asked for, with NumericDates in UTC', async () => {
    const source = scenarioSource('side-by-side', 2 * H);
    const first = source.tokens.find((t) => t.flow === 'projected' && t.number === 1)!;
    const { bytes } = await handout([first.index]);
    const text = (await PDFDocument.load(bytes)).getPages().map(pageText).join('');
    expect(text).toContain('Projected flow \xb7 Kubernetes 1.36: token #1');
    expect(text).not.toContain('Legacy flow \xb7 Kubernetes 1.20: token #');
    expect(text).toMatch(/\d{10} \(2025-01-06 \d\d:\d\d:\d\d UTC\)/);
  });

  it('is deterministic: the same bytes twice, dated at the scenario start', async () => {
    const a = await handout();
    const b = await handout();
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const doc = await PDFDocument.load(a.bytes, { updateMetadata: false });
    expect(doc.getCreationDate()?.getTime()).toBe(a.source.startEpochMs);
    expect(doc.getModificationDate()?.getTime()).toBe(a.source.startEpochMs);
  });
});
