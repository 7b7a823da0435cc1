/** The export form's small controls: a radio, a checkbox, a labelled group of them, and a field's error line. */
import type { ReactNode } from 'react';

export function Radio<T extends string | number>(props: { name: string; value: T; checked: T; onChange(value: T): void; children: ReactNode; testId?: string; disabled?: boolean }) {
  return (
    <label className="export-choice">
      <input
        type="radio"
        name={props.name}
        value={String(props.value)}
        checked={props.value === props.checked}
        onChange={() => props.onChange(props.value)}
        disabled={props.disabled}
        data-testid={props.testId}
      />
      {props.children}
    </label>
  );
}

export function Check(props: { checked: boolean; onChange(checked: boolean): void; children: ReactNode; testId?: string }) {
  return (
    <label className="export-choice">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} data-testid={props.testId} />
      {props.children}
    </label>
  );
}

/** A labelled group of choices: its legend on the left, the choices wrapping beside it. */
export function Group(props: { legend: string; disabled?: boolean; describedBy?: string; children: ReactNode }) {
  return (
    <fieldset disabled={props.disabled} aria-describedby={props.describedBy}>
      <legend className="export-line-label">{props.legend}</legend>
      <div className="export-options">{props.children}</div>
    </fieldset>
  );
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="export-field-error">
      {error}
    </p>
  ) : null;
}

/** An aria-describedby of the ids given (false: left out), or none. */
export function describedBy(...parts: (string | false)[]): string | undefined {
  return parts.filter(Boolean).join(' ') || undefined;
}

/** How a field updates the form: a step from the form as it is to the next. */
export type FormUpdate<F> = (update: (form: F) => F) => void;
