/** Words the export dialog's parts share. */
import type { ExportFormat, ExportSettings } from '../../shared/export/export-types.ts';
import type { AnimationFormat } from '../../shared/export/animation/animation-settings.ts';

export const FORMAT_SHORT: Record<ExportFormat, string> = { png: 'PNG', svg: 'SVG', pdf: 'PDF', animation: 'animation' };
export const ANIMATION_SHORT: Record<AnimationFormat, string> = { gif: 'GIF', apng: 'APNG', webm: 'WebM', mp4: 'MP4' };

/** "PNG", or the animation's container: "GIF". */
export function fileKind(settings: Pick<ExportSettings, 'format' | 'animation'>): string {
  return settings.format === 'animation' && settings.animation ? ANIMATION_SHORT[settings.animation.format] : FORMAT_SHORT[settings.format];
}

export const sizeText = (size: { widthPx: number; heightPx: number }) => `${size.widthPx} × ${size.heightPx} px`;
