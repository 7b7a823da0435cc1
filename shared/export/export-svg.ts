/**
 * The exported SVG: the figure painted by the same painter as the golden tests, made self-contained — the export
 * font embedded as @font-face data: URIs, presentation attributes rather than external styles, text kept as text —
 * with the caption as its <title>, the alt text as its <desc>, and the moment in its <metadata>.
 */
import { paintSvg } from '../figure/svg-painter.ts';
import { svgMomentElement } from './svg-moment.ts';
import { bytesToBase64 } from '../text/base64.ts';
import type { ExportSettings } from './export-types.ts';
import type { ExportSource } from './export-source.ts';
import { EXPORT_FONT_FAMILY, exportFigure } from './export-figure.ts';
import { exportCaptionOf, type ExportText } from './export-caption.ts';

/** The export font's files (assets/fonts/, made by `npm run build:fonts`). */
export interface ExportFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** The <style> that carries the export font, regular and bold (the plan's 600 resolves to the bold face). */
export function fontFaceStyle(fonts: ExportFonts): string {
  const face = (weight: number, bytes: Uint8Array) =>
    `@font-face{font-family:'${EXPORT_FONT_FAMILY}';font-style:normal;font-weight:${weight};src:url(data:font/ttf;base64,${bytesToBase64(bytes)}) format('truetype')}`;
  return `<style>${face(400, fonts.regular)}${face(700, fonts.bold)}</style>`;
}

export interface ExportSvgResult extends ExportText {
  svg: string;
  widthPx: number;
  heightPx: number;
}

/**
 * The self-contained SVG for these settings. `text` replaces the generated caption and alt text (the dialog lets the
 * user edit them). A transparent background leaves out the page rectangle; the flow cards keep their fill.
 */
export function exportSvg(source: ExportSource, settings: ExportSettings, fonts: ExportFonts, text?: ExportText): ExportSvgResult {
  return svgDocument(source, settings, fonts, text);
}

/**
 * The SVG the PNG is rasterised from: the same document without the @font-face rules, which resvg does not read (it
 * is handed the same font files directly) and which would only cost it time to parse.
 */
export function rasterSvg(source: ExportSource, settings: ExportSettings, text?: ExportText): ExportSvgResult {
  return svgDocument(source, settings, undefined, text);
}

function svgDocument(source: ExportSource, settings: ExportSettings, fonts: ExportFonts | undefined, text: ExportText | undefined): ExportSvgResult {
  const figure = exportFigure(source, settings);
  const { caption, altText } = text ?? exportCaptionOf(figure.lanes, { annotations: figure.annotations }, figure.view);
  const plan = settings.background === 'transparent' ? { ...figure.plan, background: undefined } : figure.plan;
  const painted = paintSvg(plan, { idPrefix: 'tokenscope', title: caption, description: altText, frame: figure.frame });
  // Our elements go after paintSvg's <svg> tag, <title> and <desc> (escaped text: it cannot contain "</desc>").
  const afterTag = painted.indexOf('\n') + 1;
  const afterText = altText ? painted.indexOf('</desc>\n', afterTag) + 8 : caption ? painted.indexOf('</title>\n', afterTag) + 9 : afterTag;
  const added = [svgMomentElement(source.moment), ...(fonts ? [fontFaceStyle(fonts)] : [])].map((line) => `${line}\n`).join('');
  const svg = `${painted.slice(0, afterText)}${added}${painted.slice(afterText)}`;
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, caption, altText, widthPx: figure.frame.width, heightPx: figure.frame.height };
}
