/**
 * The export dialog's "All scenes" files: the scenario the moment carries (its text, so the scenes as last edited),
 * replayed to each scene's moment and drawn with the dialog's theme, flows and lanes, as a 16:9 PDF deck or as
 * numbered PNGs in one ZIP. Loaded only when asked for (it brings the engine and the PDF writer).
 */
import { zipSync } from 'fflate';
import { deckSlides, exportDeckPdf, exportScenePngs } from '../../shared/export/export-deck.ts';
import type { ExportDeps } from '../../shared/export/export-file.ts';
import { exportBaseName } from '../../shared/export/export-file-name.ts';
import type { ExportMoment, ExportSettings } from '../../shared/export/export-types.ts';
import type { SaveFileRequest } from '../../shared/ipc/ipc-contract.ts';
import { parseScenario } from '../../shared/scenario/parse-scenario.ts';

/** A fixed date for the ZIP's entries (ZIP times start in 1980), so the same deck gives the same archive. */
const ZIP_ENTRY_DATE = new Date(1980, 0, 1);

export async function sceneDeckFile(moment: ExportMoment, settings: ExportSettings, deps: ExportDeps, kind: 'pdf' | 'zip'): Promise<SaveFileRequest> {
  const parsed = parseScenario(moment.scenarioText);
  if (!parsed.ok) throw new Error(`the scenario does not load: ${parsed.errors[0]?.message ?? 'unknown error'}`);
  const slides = deckSlides(parsed.value, moment.scenarioText, moment.sourceName);
  const base = exportBaseName(moment.sourceName);
  if (kind === 'pdf') return { suggestedName: `${base}-scenes.pdf`, mimeType: 'application/pdf', data: await exportDeckPdf(slides, settings, deps) };
  const pngs = await exportScenePngs(slides, settings, deps);
  // PNGs are compressed already: stored, not deflated again.
  const zip = zipSync(Object.fromEntries(pngs.map((png) => [png.fileName, [png.data, { level: 0, mtime: ZIP_ENTRY_DATE }]])));
  return { suggestedName: `${base}-scenes.zip`, mimeType: 'application/zip', data: zip };
}
