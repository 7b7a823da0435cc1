/** Which stretch of simulated time: the whole scenario, the view on screen, or a range typed as "30m" to "2h". */
import { axisTime, type ExportForm, type FormContext, type FormErrors, type WindowChoice } from './export-form.ts';
import { describedBy, FieldError, Group, Radio, type FormUpdate } from './form-controls.tsx';

export function WindowFieldset({ ids, form, context, errors, onForm }: { ids: string; form: ExportForm; context: FormContext; errors: FormErrors; onForm: FormUpdate<ExportForm> }) {
  const windowLabel = (choice: WindowChoice) =>
    choice === 'whole'
      ? `Whole scenario (0 s to ${axisTime(context.durationMs)})`
      : choice === 'view'
        ? `The current view (${axisTime(context.view.startMs)} to ${axisTime(context.view.endMs)})`
        : 'From – to:';
  return (
    <Group legend="Time window">
      {(['whole', 'view'] as const).map((w) => (
        <Radio key={w} name={`${ids}-window`} value={w} checked={form.window} onChange={(value) => onForm((f) => ({ ...f, window: value }))} testId={`export-window-${w}`}>
          {windowLabel(w)}
        </Radio>
      ))}
      <span className="export-range">
        <Radio name={`${ids}-window`} value="range" checked={form.window} onChange={(value) => onForm((f) => ({ ...f, window: value }))} testId="export-window-range">
          {windowLabel('range')}
        </Radio>
        <label className="visually-hidden" htmlFor={`${ids}-from`}>
          From (a time such as 30m)
        </label>
        <input
          id={`${ids}-from`}
          className="export-number"
          value={form.fromText}
          onChange={(e) => onForm((f) => ({ ...f, window: 'range', fromText: e.target.value }))}
          aria-invalid={errors.from ? true : undefined}
          aria-describedby={describedBy(!!errors.from && `${ids}-from-error`)}
          placeholder="30m"
          data-testid="export-from"
        />
        <span aria-hidden="true">–</span>
        <label className="visually-hidden" htmlFor={`${ids}-to`}>
          To (a time such as 2h)
        </label>
        <input
          id={`${ids}-to`}
          className="export-number"
          value={form.toText}
          onChange={(e) => onForm((f) => ({ ...f, window: 'range', toText: e.target.value }))}
          aria-invalid={errors.to ? true : undefined}
          aria-describedby={describedBy(!!errors.to && `${ids}-to-error`)}
          placeholder="2h"
          data-testid="export-to"
        />
      </span>
      <FieldError id={`${ids}-from-error`} error={errors.from} />
      <FieldError id={`${ids}-to-error`} error={errors.to} />
    </Group>
  );
}
