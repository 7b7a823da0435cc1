/**
 * Reads a PDF the way a viewer and a printer do, with poppler's own tools (poppler-utils, installed by .ci/run):
 * pdffonts for the fonts and whether each is embedded, pdftotext -bbox for every word and where it is drawn.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPageSize {
  width: number;
  height: number;
}

function poppler(tool: string, args: string[], bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-pdf-'));
  try {
    const file = join(dir, 'handout.pdf');
    writeFileSync(file, bytes);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} is not installed: install poppler-utils (apt-get install poppler-utils)`);
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdffonts' table, one entry per font the document uses. */
export function pdfFonts(bytes: Uint8Array): PdfFont[] {
  const lines = poppler('pdffonts', [], bytes).trim().split('\n').slice(2);
  return lines.map((line) => {
    // name, type (may hold spaces), encoding, then emb sub uni (yes/no) and the object id (two numbers).
    const words = line.trim().split(/\s+/);
    const [emb, sub] = words.slice(-5, -3);
    if (words.length < 8 || !words.slice(-5, -2).every((w) => w === 'yes' || w === 'no')) throw new Error(`unexpected pdffonts line: ${line}`);
    return { name: words[0]!, type: words.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes' };
  });
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every word with its box, in points from the top left of its page; and each page's size. */
export function pdfWords(bytes: Uint8Array): { pages: PdfPageSize[]; words: PdfWord[] } {
  const html = poppler('pdftotext', ['-bbox'], bytes);
  const pages: PdfPageSize[] = [];
  const words: PdfWord[] = [];
  for (const [, width, height, body] of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    pages.push({ width: Number(width), height: Number(height) });
    for (const [, xMin, yMin, xMax, yMax, text] of body!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: pages.length, text: unescape(text!), xMin: Number(xMin), yMin: Number(yMin), xMax: Number(xMax), yMax: Number(yMax) });
    }
  }
  return { pages, words };
}

/** The text of each page as pdftotext reads it (in reading order). */
export function pdfText(bytes: Uint8Array): string[] {
  return poppler('pdftotext', [], bytes).split('\f').filter((page, i, all) => i < all.length - 1 || page.trim() !== '');
}
