/**
 * All of a scenario's scenes at once, for class: a 16:9 PDF deck (one page per scene, the figure at the scene's moment
 * and window, the scene's note beneath it as the speaker text) or one numbered 1920×1080 PNG per scene (each carrying
 * its moment, so dropping it on the window reopens that scene). The figure of each scene is the export's usual one:
 * the same draw plan, theme, fonts and rasteriser, with the scene's spotlight drawn as presentation mode draws it. The simulation runs once, forward, stopping at each scene's moment
 * in time order; the slides keep the run-sheet's order. Bytes are deterministic: no clock, no randomness, dates from
 * the scenario's start.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { Simulation } from '../engine/simulation.ts';
import { summarizeScenario, summarizeToken } from '../host/engine-session.ts';
import type { ScenarioScene } from '../model/scene.ts';
import type { Scenario } from '../scenario/scenario-types.ts';
import { formatDuration } from '../time/duration.ts';
import { buildExportSource, type ExportSource } from './export-source.ts';
import { exportPng, type ExportDeps } from './export-file.ts';
import { rasterSvg } from './export-svg.ts';
import { exportCaptionOf } from './export-caption.ts';
import { exportFigure } from './export-figure.ts';
import type { ExportSettings } from './export-types.ts';
import { fontText, wrap } from './export-pdf.ts';

export interface DeckSlide {
  /** 1-based, in run-sheet order. */
  number: number;
  count: number;
  scene: ScenarioScene;
  source: ExportSource;
}

/** A 16:9 page in points (a 13.33 × 7.5 in slide, as presentation software makes them). */
export const DECK_PAGE_PT: [number, number] = [960, 540];
const MARGIN_PT = 30;
/** A slide PNG: the size a projector shows. */
export const SLIDE_PNG = { widthPx: 1920, heightPx: 1080 } as const;
const INK = rgb(0.07, 0.09, 0.15);
const MUTED = rgb(0.3, 0.33, 0.38);

/** Each scene's moment as an export source, from one forward run of the simulation. */
export function deckSlides(scenario: Scenario, scenarioText: string, sourceName: string): DeckSlide[] {
  const scenes = scenario.scenes;
  if (scenes.length === 0) throw new Error('this scenario has no scenes: add some (scenes: in the file, or Add scene in the app) to export a deck');
  const summary = summarizeScenario(scenario, sourceName, scenarioText);
  const sim = new Simulation(scenario, { snapshotEveryMs: 0 });
  const order = scenes.map((scene, index) => ({ scene, index })).sort((a, b) => a.scene.atMs - b.scene.atMs || a.index - b.index);
  const slides: DeckSlide[] = [];
  for (const { scene, index } of order) {
    try {
      sim.runUntil(scene.atMs);
    } catch (error) {
      throw new Error(`the simulation failed at ${formatDuration(sim.nowMs)}: ${(error as Error).message}`);
    }
    if (sim.halt && sim.halt.atMs < scene.atMs) throw new Error(`cannot export scene ${index + 1} at ${formatDuration(scene.atMs)}: ${sim.halt.message}`);
    const view = scene.window.kind === 'fit' ? { startMs: 0, endMs: scenario.durationMs } : { startMs: scene.window.fromMs, endMs: scene.window.toMs };
    const source = buildExportSource({
      scenario: summary,
      events: sim.events.slice(),
      tokens: sim.tokens.map(summarizeToken),
      nowMs: sim.nowMs,
      annotations: scenario.annotations,
      moment: { version: 1, scenarioText, sourceName, playheadMs: sim.nowMs, view },
    });
    if (scene.spotlight) source.spotlight = scene.spotlight;
    slides[index] = { number: index + 1, count: scenes.length, scene, source };
  }
  return slides;
}

/** The export settings of one scene's figure: the deck's look, the scene's window, a fixed page. */
export function slideSettings(base: ExportSettings, slide: DeckSlide, size: { widthPx: number; heightPx: number }): ExportSettings {
  const { window } = slide.scene;
  return {
    ...base,
    format: 'png',
    background: 'solid',
    widthPx: size.widthPx,
    heightPx: size.heightPx,
    ...(window.kind === 'range' ? { fromMs: window.fromMs, toMs: window.toMs } : { fromMs: undefined, toMs: undefined }),
  };
}

/** "Scene 3 of 7 · at 48 m": the line that names a slide. */
export function slideLabel(slide: DeckSlide): string {
  return `Scene ${slide.number} of ${slide.count} · at ${formatDuration(slide.scene.atMs)}`;
}

/** The speaker text of a slide: the scene's note, or the figure's own caption when the scene has none. */
export function slideText(slide: DeckSlide, settings: ExportSettings): string {
  if (slide.scene.note) return slide.scene.note;
  const figure = exportFigure(slide.source, settings);
  return exportCaptionOf(figure.lanes, { annotations: figure.annotations }, figure.view).caption;
}

export interface SlidePng {
  fileName: string;
  data: Uint8Array;
}

/**
 * `scene-01.png`, `scene-02.png`…: the number put into the name as printf's %d or %02d would (a zero-padded width is
 * widened when there are more scenes than it holds, so a file browser still lists them in run-sheet order).
 */
export function slideFileName(number: number, count: number, pattern = 'scene-%02d.png'): string {
  const digits = Math.max(2, String(count).length);
  return pattern.replace(/%0?(\d*)d/, (_, width: string) => String(number).padStart(width === '' ? 1 : Math.max(Number(width), digits), '0'));
}

export async function exportScenePngs(slides: readonly DeckSlide[], base: ExportSettings, deps: ExportDeps, pattern?: string): Promise<SlidePng[]> {
  const files: SlidePng[] = [];
  for (const slide of slides) {
    const settings: ExportSettings = { ...slideSettings(base, slide, SLIDE_PNG), scale: 1 };
    const figure = exportFigure(slide.source, settings);
    const generated = exportCaptionOf(figure.lanes, { annotations: figure.annotations }, figure.view);
    const file = await exportPng(slide.source, settings, deps, { caption: `${slideLabel(slide)}: ${slideText(slide, settings)}`, altText: generated.altText });
    files.push({ fileName: slideFileName(slide.number, slide.count, pattern), data: file.data as Uint8Array });
  }
  return files;
}

/** The deck as one PDF: a 16:9 page per scene, the figure on top, the scene's label and note under it. */
export async function exportDeckPdf(slides: readonly DeckSlide[], base: ExportSettings, deps: ExportDeps): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(deps.fonts.regular, { subset: true, customName: 'TSCPAA+DejaVuSans' });
  const bold = await doc.embedFont(deps.fonts.bold, { subset: true, customName: 'TSCPAB+DejaVuSans-Bold' });
  const clean = fontText(regular);
  const first = slides[0]!.source;
  const title = first.lanes.title || first.moment.sourceName || 'TokenScope scenes';
  const date = new Date(first.startEpochMs);
  doc.setTitle(`${title}: scenes`, { showInWindowTitleBar: true });
  doc.setSubject(`${slides.length} scenes of ${first.moment.sourceName}`);
  doc.setKeywords(['Kubernetes', 'ServiceAccount tokens', 'TokenScope', 'scenes']);
  doc.setProducer('TokenScope');
  doc.setCreator('TokenScope');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setLanguage('en');

  const [pageW, pageH] = DECK_PAGE_PT;
  const textW = pageW - 2 * MARGIN_PT;
  for (const slide of slides) {
    const page = doc.addPage(DECK_PAGE_PT);
    const textSettings = slideSettings(base, slide, { widthPx: 1600, heightPx: 900 });
    const label = { lines: [clean(slideLabel(slide))], font: bold, size: 10, color: MUTED };
    const note = { lines: wrap(clean(slideText(slide, textSettings)), regular, 13, textW), font: regular, size: 13, color: INK };
    const textH = [label, note].reduce((h, t) => h + t.lines.length * t.size * 1.3, 8);
    // The figure takes the page's width and what height the text leaves, drawn at that aspect so nothing is squeezed.
    const figureH = pageH - 2 * MARGIN_PT - textH;
    const widthPx = 1600;
    const heightPx = Math.max(360, Math.round((widthPx * figureH) / textW));
    const settings = slideSettings(base, slide, { widthPx, heightPx });
    const { svg } = rasterSvg(slide.source, settings);
    const png = await deps.rasterizer.toPng(svg, 2);
    const image = await doc.embedPng(png);
    const fit = Math.min(textW / widthPx, figureH / heightPx);
    const imgW = widthPx * fit;
    const imgH = heightPx * fit;
    let y = pageH - MARGIN_PT - imgH;
    page.drawImage(image, { x: MARGIN_PT + (textW - imgW) / 2, y, width: imgW, height: imgH });
    y -= 8;
    for (const { lines, font, size, color } of [label, note]) {
      for (const line of lines) {
        y -= size * 1.3;
        page.drawText(line, { x: MARGIN_PT, y, size, font, color });
      }
    }
  }
  return doc.save();
}
