/**
 * Subsets DejaVu Sans (regular and bold) into assets/fonts/ for exports: every exported SVG embeds them and the PNG
 * rasteriser renders with nothing else, so a figure looks the same whichever machine made it. The subset keeps Latin,
 * Latin-1 and Latin Extended-A, Greek, Cyrillic, general punctuation and the symbols the draw plan uses; it is
 * committed, so run this only when that set changes: `npm run build:fonts`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type SubsetFont = (font: Buffer, text: string, options: { targetFormat: 'truetype' }) => Promise<Buffer>;
// subset-font ships no type declarations; this is the one call we make.
const subsetFont = createRequire(import.meta.url)('subset-font') as SubsetFont;

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Inclusive code point ranges. */
const RANGES: readonly [number, number][] = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0xff], // Latin-1 Supplement
  [0x100, 0x17f], // Latin Extended-A
  [0x370, 0x3ff], // Greek
  [0x400, 0x4ff], // Cyrillic
  [0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
  [0x2030, 0x203a], // per mille, primes, angle quotes
  [0x20ac, 0x20ac], // euro sign
];

/** Symbols the timeline draws (arrows, ✓ ✗, ∞, ▼ ● ◆) and a few neighbours an annotation may well use. */
const SYMBOLS = '←↑→↓↔×·✗✓✔∞▼▲●◆−≤≥≈±…⌘°';

function exportFontText(): string {
  let text = SYMBOLS;
  for (const [from, to] of RANGES) for (let cp = from; cp <= to; cp++) text += String.fromCodePoint(cp);
  return text;
}

const EXPORT_FONT_FILES = [
  { source: 'DejaVuSans.ttf', target: 'dejavu-sans-export.ttf' },
  { source: 'DejaVuSans-Bold.ttf', target: 'dejavu-sans-bold-export.ttf' },
] as const;

async function main(): Promise<void> {
  const outDir = join(root, 'assets/fonts');
  mkdirSync(outDir, { recursive: true });
  const text = exportFontText();
  for (const { source, target } of EXPORT_FONT_FILES) {
    const input = readFileSync(join(root, 'node_modules/dejavu-fonts-ttf/ttf', source));
    const output = await subsetFont(input, text, { targetFormat: 'truetype' });
    writeFileSync(join(outDir, target), output);
    console.log(`${target}: ${(output.length / 1024).toFixed(1)} KiB (from ${source}, ${(input.length / 1024).toFixed(0)} KiB)`);
  }
  writeFileSync(join(outDir, 'LICENSE-DejaVu.txt'), readFileSync(join(root, 'node_modules/dejavu-fonts-ttf/LICENSE')));
}

await main();
