// The golden files pin the exported SVG for each theme. The fonts are swapped for a placeholder there (they are
// 250 KB of base64 that only change with `npm run build:fonts`); a separate test checks the real ones are embedded.
process.env.TZ = 'UTC';
process.env.LANG = 'C';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportSvg } from '../../../shared/export/export-svg.ts';
import { bytesToBase64 } from '../../../shared/text/base64.ts';
import { readEmbeddedMoment } from '../../../shared/export/embedded-moment.ts';
import { EXPORT_THEMES } from '../../../shared/export/export-types.ts';
import { SMALL_MOMENT, settings, smallSource } from './export-fixtures.ts';

const fontFile = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../assets/fonts/${name}`, import.meta.url))));
const FONTS = { regular: fontFile('dejavu-sans-export.ttf'), bold: fontFile('dejavu-sans-bold-export.ttf') };
const PLACEHOLDER = { regular: new TextEncoder().encode('regular'), bold: new TextEncoder().encode('bold') };

describe('exportSvg', () => {
  for (const theme of EXPORT_THEMES) {
    it(`paints the small figure in the ${theme} theme exactly as its golden file`, async () => {
      const { svg } = exportSvg(smallSource(), settings({ format: 'svg', theme, widthPx: 1200 }), PLACEHOLDER);
      await expect(svg).toMatchFileSnapshot(`./__snapshots__/small-export.${theme}.svg`);
    });
  }

  it('embeds both export font files as @font-face data: URIs in the DejaVu Sans family, and sets every text in it', () => {
    const { svg } = exportSvg(smallSource(), settings({ format: 'svg' }), FONTS);
    expect(svg).toContain(`@font-face{font-family:'DejaVu Sans';font-style:normal;font-weight:400;src:url(data:font/ttf;base64,${bytesToBase64(FONTS.regular)}) format('truetype')}`);
    expect(svg).toContain(`font-weight:700;src:url(data:font/ttf;base64,${bytesToBase64(FONTS.bold)})`);
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*font-family="DejaVu Sans"/);
    expect(svg.length).toBeGreaterThan(FONTS.regular.length);
  });

  it('is self-contained: no external references, text kept as text, caption as <title>, alt text as <desc>', () => {
    const { svg, caption, altText } = exportSvg(smallSource(), settings({ format: 'svg' }), FONTS);
    expect(svg).not.toMatch(/<image|<script|@import|xlink:href|href="http/);
    expect(svg).toContain('>token #1</text>');
    expect(svg).toContain(`<title>${caption}</title>`);
    expect(svg).toContain('<desc>');
    expect(altText).toContain('here the kubelet refreshes');
  });

  it('uses the caption and alt text the user edited, escaped', () => {
    const { svg } = exportSvg(smallSource(), settings({ format: 'svg' }), PLACEHOLDER, { caption: 'Rotation <live> & "well"', altText: 'Two flows.\nThe </desc> second line' });
    expect(svg).toContain('<title>Rotation &lt;live&gt; &amp; &quot;well&quot;</title>\n<desc>Two flows.\nThe &lt;/desc&gt; second line</desc>\n<metadata id="tokenscope-moment">');
    expect(readEmbeddedMoment(new TextEncoder().encode(svg), 'figure.svg').ok).toBe(true);
  });

  it('carries the moment in its metadata, read back exactly', () => {
    const { svg } = exportSvg(smallSource(), settings({ format: 'svg' }), PLACEHOLDER);
    expect(readEmbeddedMoment(new TextEncoder().encode(svg), 'figure.svg')).toEqual({ ok: true, value: SMALL_MOMENT });
  });

  it('leaves out the page background when transparent and keeps it when solid', () => {
    const solid = exportSvg(smallSource(), settings({ background: 'solid' }), PLACEHOLDER);
    const clear = exportSvg(smallSource(), settings({ background: 'transparent' }), PLACEHOLDER);
    const page = `<rect width="${solid.widthPx}" height="${solid.heightPx}" fill="#ffffff"/>`;
    expect(solid.svg).toContain(page);
    expect(clear.svg).not.toContain(page);
  });
});
