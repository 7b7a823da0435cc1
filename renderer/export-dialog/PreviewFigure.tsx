/** The preview of the file (dimmed while it lags behind the settings) and its size in pixels. */
import type { ExportFormat } from '../../shared/export/export-types.ts';
import { fileKind, sizeText } from './export-words.ts';
import type { Derived } from './use-export-preview.ts';

interface Props {
  format: ExportFormat;
  transparent: boolean;
  shown: Derived | undefined;
  current: Derived | undefined;
  caption: string;
}

export function PreviewFigure({ format, transparent, shown, current, caption }: Props) {
  const sizeLine = current ? `${sizeText(current.size)}, ${format === 'pdf' ? 'PDF (figure size)' : fileKind(current.settings)}` : 'Size unknown until the settings are fixed';
  return (
    <figure className={`export-preview${transparent && format === 'png' ? ' transparent' : ''}`}>
      {shown ? (
        <img src={shown.preview} alt={`Preview of the export: ${caption}`} className={current ? undefined : 'stale'} data-testid="export-preview" />
      ) : (
        <div className="export-preview-empty">No preview</div>
      )}
      <figcaption>
        <span className="export-size" data-testid="export-size" aria-live="polite">
          {sizeLine}
        </span>
        {current && format === 'png' && <span className="export-hint"> ({current.settings.widthPx} px wide at {current.settings.scale}×)</span>}
      </figcaption>
    </figure>
  );
}
