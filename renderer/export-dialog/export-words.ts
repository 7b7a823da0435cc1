/** Words the export dialog's parts share. */
import type { ExportFormat } from '../../shared/export/export-types.ts';

export const FORMAT_SHORT: Record<ExportFormat, string> = { png: 'PNG', svg: 'SVG', pdf: 'PDF' };

export const sizeText = (size: { widthPx: number; heightPx: number }) => `${size.widthPx} × ${size.heightPx} px`;
