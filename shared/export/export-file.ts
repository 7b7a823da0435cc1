/**
 * One export, start to finish: settings + source → the file's bytes (or text), its type, a file name, and the caption
 * and alt text that go with it. The host only saves or copies what comes back; the font files and the rasteriser are
 * injected (the page loads them by URL, the CLI from disk), so this runs unchanged in both.
 */
import type { ExportSettings } from './export-types.ts';
import { PNG_MOMENT_KEYWORD } from './embedded-moment.ts';
import { insertPngTextChunk } from './png-text-chunk.ts';
import { exportFileName } from './export-file-name.ts';
import type { ExportSource } from './export-source.ts';
import type { ExportText } from './export-caption.ts';
import { exportSvg, rasterSvg, type ExportFonts } from './export-svg.ts';
import type { Rasterizer } from './resvg-rasterizer.ts';
import type { AnimationControl, AnimationDeps } from './animation/export-animation.ts';

export interface ExportDeps {
  fonts: ExportFonts;
  rasterizer: Rasterizer;
}

export interface ExportOptions {
  /** The caption and alt text as the user edited them (default: generated). */
  text?: ExportText;
  /** PDF only: the tokens whose claims the handout decodes (default: each flow's current token). */
  tokens?: readonly number[];
  /** Animation only: the page's video encoders, and progress, pausing and stopping between frames. */
  animation?: { videoEncoders?: AnimationDeps['videoEncoders']; control?: AnimationControl };
}

export interface ExportedFile extends ExportText {
  data: Uint8Array | string;
  mimeType: string;
  fileName: string;
}

const MIME: Record<Exclude<ExportSettings['format'], 'animation'>, string> = { png: 'image/png', svg: 'image/svg+xml', pdf: 'application/pdf' };

/**
 * A PNG of the figure with the moment in its "tokenscope" iTXt chunk, and the caption and alt text in the PNG
 * specification's own "Title" and "Description" keywords, which image tools and slide software show.
 */
export async function exportPng(source: ExportSource, settings: ExportSettings, deps: ExportDeps, text?: ExportText): Promise<ExportedFile> {
  const { svg, caption, altText } = rasterSvg(source, settings, text);
  const png = await deps.rasterizer.toPng(svg, settings.scale);
  const titled = insertPngTextChunk(insertPngTextChunk(png, 'Title', caption), 'Description', altText);
  const data = insertPngTextChunk(titled, PNG_MOMENT_KEYWORD, JSON.stringify(source.moment));
  return { data, mimeType: MIME.png, fileName: exportFileName(source, 'png'), caption, altText };
}

export async function exportFile(source: ExportSource, settings: ExportSettings, deps: ExportDeps, options: ExportOptions = {}): Promise<ExportedFile> {
  switch (settings.format) {
    case 'png':
      return exportPng(source, settings, deps, options.text);
    case 'svg': {
      const { svg, caption, altText } = exportSvg(source, settings, deps.fonts, options.text);
      return { data: svg, mimeType: MIME.svg, fileName: exportFileName(source, 'svg'), caption, altText };
    }
    case 'pdf': {
      // The handout prints on paper: always the theme's background, always 2× for a sharp print.
      const figureSettings: ExportSettings = { ...settings, format: 'png', scale: 2, background: 'solid' };
      const { svg, caption, altText, widthPx, heightPx } = rasterSvg(source, figureSettings, options.text);
      const png = await deps.rasterizer.toPng(svg, 2);
      // pdf-lib is big: the page loads it only for a PDF.
      const { exportPdf } = await import('./export-pdf.ts');
      const data = await exportPdf(source, settings, { png, widthPx, heightPx }, { caption, altText }, deps.fonts, options.tokens);
      return { data, mimeType: MIME.pdf, fileName: exportFileName(source, 'pdf'), caption, altText };
    }
    case 'animation': {
      // The encoders load only for an animation.
      const { exportAnimation } = await import('./animation/export-animation.ts');
      const { videoEncoders, control } = options.animation ?? {};
      return exportAnimation(source, settings, { rasterizer: deps.rasterizer, ...(videoEncoders ? { videoEncoders } : {}) }, { ...(options.text ? { text: options.text } : {}), ...(control ? { control } : {}) });
    }
  }
}
