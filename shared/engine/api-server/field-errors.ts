/**
 * apimachinery's `field.Error` as the API server prints it (`pkg/util/validation/field/errors.go` `Error()` and
 * `ErrorBody()`), and `errors.NewInvalid`'s aggregate of a list of them. Kept apart so every validator prints the
 * same `<path>: <type>[: <value>][: <detail>]` shape.
 */
import type { ApiError } from './api-error.ts';

export interface FieldError {
  field: string;
  text: string;
}

/** Go's `%v` of an int or `%q` of a string, as `ErrorBody` prints a bad value. */
function goValue(value: string | number): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function invalid(field: string, value: string | number, detail: string): FieldError {
  return { field, text: `Invalid value: ${goValue(value)}: ${detail}` };
}

export function required(field: string, detail = ''): FieldError {
  return { field, text: detail ? `Required value: ${detail}` : 'Required value' };
}

export function forbidden(field: string, detail: string): FieldError {
  return { field, text: `Forbidden: ${detail}` };
}

/**
 * `errors.NewInvalid(kind, name, errs)`: `<Kind> "<name>" is invalid: <aggregate>`. `ErrorList.ToAggregate` drops an
 * error whose text repeats an earlier one, and an aggregate of one error prints bare, of more in `[a, b]`.
 */
export function invalidObject(kind: string, name: string, problems: readonly FieldError[]): ApiError | undefined {
  const detail = [...new Set(problems.map((p) => `${p.field}: ${p.text}`))];
  if (detail.length === 0) return undefined;
  return {
    status: 422,
    reason: 'Invalid',
    field: problems[0]!.field,
    message: `${kind} ${JSON.stringify(name)} is invalid: ${detail.length === 1 ? detail[0] : `[${detail.join(', ')}]`}`,
  };
}
