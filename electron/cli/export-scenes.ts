/**
 * `tokenscope export SCENARIO --scenes --out deck.pdf`: every scene of the scenario's run-sheet at once, as the app's
 * export dialog makes it. `--out` says which: a `.pdf` is a 16:9 deck (one page per scene, its note under the figure);
 * a folder (`deck/`) or a numbered name (`slides/scene-%02d.png`) gets one 1920×1080 PNG per scene. The look defaults
 * to a projected slide's (the projector theme, without the detail lanes); --theme, --flows, --hide, --no-legend and
 * --no-annotations change it. Each scene sets its own moment and window, so --at, --from and --to do not apply.
 */
import { join } from 'node:path';
import { DEFAULT_EXPORT_SETTINGS, EXPORT_THEMES, validateExportSettings, type ExportSettings } from '../../shared/export/export-types.ts';
import { flowsFlag, hideFlag } from './export-flags.ts';
import { makeFolders } from './make-folders.ts';
import { fileErrorReason } from './file-error.ts';
import { deckSlides, exportDeckPdf, exportScenePngs } from '../../shared/export/export-deck.ts';
import type { ExportDeps } from '../../shared/export/export-file.ts';
import type { Scenario } from '../../shared/scenario/scenario-types.ts';

export interface SceneArgs {
  out?: string;
  theme?: string;
  flows?: string;
  hide?: string;
  legend: boolean;
  annotations: boolean;
}

/** Flags that a deck cannot honour, with why. */
export const NOT_WITH_SCENES: Readonly<Record<string, string>> = {
  at: 'each scene has its own moment',
  from: 'each scene has its own window',
  to: 'each scene has its own window',
  width: 'slides are 16:9 (1920×1080 PNGs, 960×540 pt PDF pages)',
  height: 'slides are 16:9 (1920×1080 PNGs, 960×540 pt PDF pages)',
  scale: 'slide PNGs are 1920×1080',
  format: 'the format follows --out: a .pdf deck, or a folder or scene-%02d.png name for PNGs',
  events: 'the event log belongs to one moment; export it with a single figure',
  transparent: 'a slide is always solid',
  duration: 'a deck is of stills; animate one range with --out FILE.gif or FILE.apng',
  fps: 'a deck is of stills; animate one range with --out FILE.gif or FILE.apng',
  loop: 'a deck is of stills; animate one range with --out FILE.gif or FILE.apng',
};

export type DeckTarget = { kind: 'pdf'; path: string } | { kind: 'pngs'; dir: string; pattern: string };

/** What --out asks for, or what is wrong with it. */
export function deckTarget(out: string): DeckTarget | string {
  if (/\.pdf$/i.test(out)) return { kind: 'pdf', path: out };
  if (/[/\\]$/.test(out)) return { kind: 'pngs', dir: out, pattern: 'scene-%02d.png' };
  const slash = Math.max(out.lastIndexOf('/'), out.lastIndexOf('\\'));
  const name = out.slice(slash + 1);
  if (/%\d*d/.test(name) && /\.png$/i.test(name)) return { kind: 'pngs', dir: slash < 0 ? '' : out.slice(0, slash + 1), pattern: name };
  return `--out with --scenes: give a .pdf for a deck, a folder ending in / (deck/) or a numbered name such as scene-%02d.png for one PNG per scene; got ${JSON.stringify(out)}`;
}

/** The deck's look from the flags, or what is wrong. */
export function deckSettings(args: SceneArgs, flows: readonly string[]): ExportSettings | string {
  const theme = (args.theme ?? 'projector').toLowerCase();
  if (!EXPORT_THEMES.includes(theme as (typeof EXPORT_THEMES)[number])) return `--theme: expected ${EXPORT_THEMES.join(', ')}, got "${args.theme}"`;
  const chosen = flowsFlag(args.flows, flows);
  if (chosen !== undefined && 'error' in chosen) return chosen.error;
  const hiddenLanes = hideFlag(args.hide, ['kubectl', 'secrets']);
  if ('error' in hiddenLanes) return hiddenLanes.error;
  const checked = validateExportSettings({ ...DEFAULT_EXPORT_SETTINGS, theme, hiddenLanes, legend: args.legend, annotations: args.annotations, ...(chosen ? { flows: chosen } : {}) });
  return checked.ok ? checked.value : checked.error;
}

export interface DeckOutput {
  write(path: string, data: Uint8Array): Promise<void>;
  makeDirectory?(path: string): Promise<void>;
}

/** Makes and writes the deck; answers the lines to print. */
export async function writeDeck(scenario: Scenario, text: string, sourceName: string, target: DeckTarget, settings: ExportSettings, deps: ExportDeps, output: DeckOutput): Promise<string> {
  const slides = deckSlides(scenario, text, sourceName);
  if (target.kind === 'pdf') {
    const data = await exportDeckPdf(slides, settings, deps);
    await output.write(target.path, data);
    return `wrote ${target.path} (application/pdf, ${slides.length} scenes, ${data.length.toLocaleString('en-US')} bytes)\n`;
  }
  if (target.dir !== '') {
    await (output.makeDirectory ?? makeFolders)(target.dir).catch((error: unknown) => {
      throw new Error(`cannot create the folder ${target.dir}: ${fileErrorReason(error, target.dir, 'write')}`);
    });
  }
  const files = await exportScenePngs(slides, settings, deps, target.pattern);
  let report = '';
  for (const file of files) {
    const path = target.dir === '' ? file.fileName : join(target.dir, file.fileName);
    await output.write(path, file.data);
    report += `wrote ${path} (image/png, ${file.data.length.toLocaleString('en-US')} bytes)\n`;
  }
  return report;
}
