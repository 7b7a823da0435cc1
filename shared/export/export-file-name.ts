import type { ExportSource } from './export-source.ts';
import { trimChars } from '../text/format-count.ts';
import { formatDuration } from '../time/duration.ts';

/** "side-by-side": the scenario's file name without its extension, safe on every file system. */
export function exportBaseName(sourceName: string): string {
  return trimChars(sourceName.replace(/\.[A-Za-z0-9]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-'), '-').slice(0, 60) || 'tokenscope';
}

/** "side-by-side-at-2h.png": the scenario's file name and the moment, safe on every file system. */
export function exportFileName(source: Pick<ExportSource, 'moment'>, extension: string): string {
  const base = exportBaseName(source.moment.sourceName);
  const at = formatDuration(source.moment.playheadMs).replace(/ /g, '');
  return `${base}-at-${at}.${extension}`;
}
