/** How big: the width as typed, and whether the page is as tall as the lanes or a 16:9 slide. */
import { MAX_EXPORT_WIDTH_PX, MIN_EXPORT_WIDTH_PX } from '../../shared/export/export-types.ts';
import { withAspect, withWidthText, type ExportForm, type FormErrors } from './export-form.ts';
import { describedBy, FieldError, Group, Radio, type FormUpdate } from './form-controls.tsx';

export function SizeFields({ ids, form, errors, onForm }: { ids: string; form: ExportForm; errors: FormErrors; onForm: FormUpdate<ExportForm> }) {
  const aspect = form.style.heightPx === undefined ? 'fit' : '16:9';
  return (
    <>
      <div className="export-line">
        <label className="export-line-label" htmlFor={`${ids}-width`}>
          Width
        </label>
        <div className="export-options">
          <input
            id={`${ids}-width`}
            className="export-number"
            inputMode="numeric"
            value={form.widthText}
            onChange={(e) => onForm((f) => withWidthText(f, e.target.value))}
            aria-invalid={errors.width ? true : undefined}
            aria-describedby={describedBy(`${ids}-width-hint`, !!errors.width && `${ids}-width-error`)}
            data-testid="export-width"
          />
          <span id={`${ids}-width-hint`} className="export-hint">
            CSS px, {MIN_EXPORT_WIDTH_PX} to {MAX_EXPORT_WIDTH_PX}.
          </span>
          <FieldError id={`${ids}-width-error`} error={errors.width} />
        </div>
      </div>

      <Group legend="Page">
        <Radio name={`${ids}-aspect`} value="fit" checked={aspect} onChange={(value) => onForm((f) => withAspect(f, value))} testId="export-aspect-fit">
          As tall as the lanes
        </Radio>
        <Radio name={`${ids}-aspect`} value="16:9" checked={aspect} onChange={(value) => onForm((f) => withAspect(f, value))} testId="export-aspect-16-9">
          16:9 slide (the figure fitted in)
        </Radio>
      </Group>
    </>
  );
}
