import { expect } from 'vitest';
import type { InputError } from '../../shared/scenario/scenario-types.ts';

/** Asserts an error points inside `text` (1-based; the column may sit one past the end of its line, at EOF). */
export function expectWithinText(text: string, error: InputError): void {
  expect(error.message.length).toBeGreaterThan(0);
  if (error.line === undefined && error.column === undefined) return;
  expect(error.line).toBeDefined();
  expect(error.column).toBeDefined();
  const lines = text.split('\n');
  const line = error.line ?? 0;
  const column = error.column ?? 0;
  expect(line).toBeGreaterThanOrEqual(1);
  expect(line).toBeLessThanOrEqual(lines.length);
  expect(column).toBeGreaterThanOrEqual(1);
  expect(column).toBeLessThanOrEqual((lines[line - 1] ?? '').length + 1);
  expect(error.message).toContain(`(line ${line}, column ${column})`);
}
