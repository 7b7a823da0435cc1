/**
 * What the export dialog's buttons do: make the file with the injected exporter and save it or copy it through the
 * host, copy the caption or the alt text, and save the event log. Each runs through the dialog's status, which says
 * how it ended; a failure says which step failed and why.
 */
import type { ExportText } from '../../shared/export/export-caption.ts';
import { exportFile, type ExportDeps } from '../../shared/export/export-file.ts';
import { exportFileName } from '../../shared/export/export-file-name.ts';
import type { ExportSource } from '../../shared/export/export-source.ts';
import type { ExportFormat, ExportSettings } from '../../shared/export/export-types.ts';
import type { AnimationControl, AnimationEncoderFactory } from '../../shared/export/animation/export-animation.ts';
import type { AnimationFormat } from '../../shared/export/animation/animation-settings.ts';
import { eventLogCsv, eventLogJson, eventsInExport } from '../../shared/export/event-log-export.ts';
import type { SaveFileMimeType } from '../../shared/ipc/ipc-contract.ts';
import type { HostServices } from '../host/host-services.ts';
import type { CheckedForm } from './export-form.ts';
import { fileKind, FORMAT_SHORT, sizeText } from './export-words.ts';
import { reason, type ExportStatus } from './use-export-status.ts';
import type { Derived } from './use-export-preview.ts';

const MIME: Record<Exclude<ExportFormat, 'animation'>, SaveFileMimeType> = { png: 'image/png', svg: 'image/svg+xml', pdf: 'application/pdf' };
const ANIMATION_MIME: Record<AnimationFormat, SaveFileMimeType> = { gif: 'image/gif', apng: 'image/apng', webm: 'video/webm', mp4: 'video/mp4' };

const mimeOf = (settings: ExportSettings): SaveFileMimeType => (settings.format === 'animation' ? ANIMATION_MIME[settings.animation!.format] : MIME[settings.format]);

/** The page's video encoders, loaded (with mediabunny) only when a video is made. */
const videoEncoder =
  (format: 'webm' | 'mp4'): AnimationEncoderFactory =>
  (init) =>
    import('./animation/video-encoders.ts').then((m) => m.pageVideoEncoders[format](init));
const VIDEO_ENCODERS = { webm: videoEncoder('webm'), mp4: videoEncoder('mp4') };

export interface ExportActionsInput {
  source: ExportSource;
  host: Pick<HostServices, 'saveFile' | 'copyToClipboard'>;
  loadDeps(): Promise<ExportDeps>;
  checked: CheckedForm;
  current: Derived | undefined;
  /** The caption and alt text as shown (edited or generated): what the file carries. */
  text: ExportText;
  run: ExportStatus['run'];
  /** An animation's progress and Cancel (see use-animation-run.ts). */
  animation: { start(): AnimationControl; stop(): void };
}

export interface ExportActions {
  saveImage(): void;
  copyImage(format: 'png' | 'svg'): void;
  copyText(what: string, data: string): void;
  saveEvents(kind: 'csv' | 'json'): void;
  /** Every scene of the run-sheet at once: a 16:9 PDF deck, or numbered PNGs in a ZIP. */
  saveScenes(kind: 'pdf' | 'zip'): void;
}

export function exportActions({ source, host, loadDeps, checked, current, text, run, animation }: ExportActionsInput): ExportActions {
  const makeFile = async (settings: ExportSettings, control?: AnimationControl) => {
    let deps: ExportDeps;
    try {
      deps = await loadDeps();
    } catch (error) {
      throw new Error(`The exporter could not be loaded, so nothing was made: ${reason(error)}`);
    }
    try {
      return await exportFile(source, settings, deps, { text, animation: { videoEncoders: VIDEO_ENCODERS, ...(control ? { control } : {}) } });
    } catch (error) {
      if (error instanceof Error && error.name === 'AnimationCanceled') throw error;
      throw new Error(`The ${fileKind(settings)} could not be made: ${reason(error)}`);
    }
  };

  const saveImage = () => {
    if (!checked.ok || !current) return;
    const settings = checked.settings;
    const kind = fileKind(settings);
    const what = `${kind} (${sizeText(current.size)})`;
    void run(`Making the ${what}…`, async () => {
      let file;
      try {
        file = await makeFile(settings, settings.format === 'animation' ? animation.start() : undefined);
      } catch (error) {
        if (error instanceof Error && error.name === 'AnimationCanceled') return { tone: 'info', text: `The ${kind} was not made: ${error.message}.` };
        throw error;
      } finally {
        animation.stop();
      }
      const result = await host.saveFile({ suggestedName: file.fileName, mimeType: mimeOf(settings), data: file.data });
      if (result.saved) return { tone: 'ok', text: `Saved the ${what}: ${result.where}` };
      if (result.canceled) return { tone: 'info', text: `The ${kind} was not saved: the save dialog was closed.` };
      return { tone: 'error', text: `The ${kind} was not saved: ${result.error}` };
    });
  };

  const copyImage = (format: 'png' | 'svg') => {
    if (!checked.ok) return;
    const settings: ExportSettings = { ...checked.settings, format };
    void run(`Making the ${FORMAT_SHORT[format]} for the clipboard…`, async () => {
      const file = await makeFile(settings);
      const result = typeof file.data === 'string' ? await host.copyToClipboard({ mimeType: 'image/svg+xml', data: file.data }) : await host.copyToClipboard({ mimeType: 'image/png', data: file.data });
      return result.ok ? { tone: 'ok', text: `Copied the ${FORMAT_SHORT[format]} to the clipboard.` } : { tone: 'error', text: `The ${FORMAT_SHORT[format]} was not copied: ${result.error}` };
    });
  };

  const copyText = (what: string, data: string) =>
    void run(`Copying the ${what}…`, async () => {
      const result = await host.copyToClipboard({ mimeType: 'text/plain', data });
      return result.ok ? { tone: 'ok', text: `Copied the ${what}.` } : { tone: 'error', text: `The ${what} was not copied: ${result.error}` };
    });

  const saveEvents = (kind: 'csv' | 'json') => {
    const events = checked.ok ? eventsInExport(source.events, checked.settings) : source.events;
    const label = kind === 'csv' ? 'CSV' : 'JSON';
    void run(`Writing the event log as ${label}…`, async () => {
      const suggestedName = exportFileName(source, kind).replace(/\.(csv|json)$/, `-events.${kind}`);
      const result = await host.saveFile({ suggestedName, mimeType: kind === 'csv' ? 'text/csv' : 'application/json', data: kind === 'csv' ? eventLogCsv(events) : eventLogJson(events) });
      if (result.saved) return { tone: 'ok', text: `Saved ${events.length} events as ${label}: ${result.where}` };
      if (result.canceled) return { tone: 'info', text: `The event log was not saved: the save dialog was closed.` };
      return { tone: 'error', text: `The event log was not saved: ${result.error}` };
    });
  };

  const saveScenes = (kind: 'pdf' | 'zip') => {
    if (!checked.ok) return;
    const what = kind === 'pdf' ? 'PDF deck of the scenes' : 'scene PNGs (ZIP)';
    void run(`Making the ${what}…`, async () => {
      let deps: ExportDeps;
      try {
        deps = await loadDeps();
      } catch (error) {
        throw new Error(`The exporter could not be loaded, so nothing was made: ${reason(error)}`);
      }
      // The deck replays the scenario to each scene's moment itself: the engine and PDF writer load only for it.
      const { sceneDeckFile } = await import('./scene-deck-file.ts');
      const file = await sceneDeckFile(source.moment, checked.settings, deps, kind);
      const result = await host.saveFile(file);
      if (result.saved) return { tone: 'ok', text: `Saved the ${what}: ${result.where}` };
      if (result.canceled) return { tone: 'info', text: `The ${what} was not saved: the save dialog was closed.` };
      return { tone: 'error', text: `The ${what} was not saved: ${result.error}` };
    });
  };

  return { saveImage, copyImage, copyText, saveEvents, saveScenes };
}
