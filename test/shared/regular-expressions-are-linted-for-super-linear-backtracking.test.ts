/**
 * Text from files, pastes and drops meets our regular expressions, so none may backtrack super-linearly: the lint
 * (eslint-plugin-regexp, run by `npm test`) refuses such a pattern anywhere in the project. It cannot prove every
 * pattern linear (it missed the SVG sniff that froze the renderer), so the readers of dropped files scan instead of
 * matching, and the fuzzers bound their time. This checks that the rules are on, and that the helpers written
 * instead of flagged patterns give the results the patterns gave.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { formatCount, groupDigits, trimChars } from '../../shared/text/format-count.ts';
import { formatSeconds } from '../../shared/time/duration.ts';

describe('the regular-expression lint', () => {
  it('refuses exponential and quadratic patterns, in shared, renderer and electron code alike', async () => {
    // The example files are not on disk, so no TypeScript project holds them: the type-aware rules are left out.
    const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });
    const code = "export const nested = (t: string) => /^(a+)+$/.test(t);\nexport const trailing = (t: string) => t.replace(/-+$/g, '');\n";
    for (const filePath of ['shared/export/example.ts', 'renderer/example.ts', 'electron/example.ts']) {
      const [result] = await eslint.lintText(code, { filePath });
      const rules = result!.messages.map((m) => m.ruleId);
      expect(rules).toContain('regexp/no-super-linear-backtracking');
      expect(rules).toContain('regexp/no-super-linear-move');
    }
  }, 60_000);
});

describe('the scans that replaced quadratic patterns', () => {
  it('group digits and trim characters as the patterns did', () => {
    expect(['0', '12', '123', '1234', '1234567', '12345678901'].map(groupDigits)).toEqual(['0', '12', '123', '1,234', '1,234,567', '12,345,678,901']);
    expect(formatCount(-2881)).toBe('-2,881');
    expect(formatSeconds(31_536_000)).toBe('31,536,000 s');
    expect(formatSeconds(2.5)).toBe('2.5 s');
    expect(formatSeconds(1234.125)).toBe('1,234.125 s');
    expect(formatSeconds(0.1)).toBe('0.1 s');
    expect(trimChars('--a-b--', '-')).toBe('a-b');
    expect(trimChars('.-x.', '-.')).toBe('x');
    expect(trimChars('----', '-')).toBe('');
  });

  it('stay linear on long runs of the characters they trim', () => {
    const start = performance.now();
    trimChars(`${'-'.repeat(200_000)}x${'-'.repeat(200_000)}`, '-');
    groupDigits('9'.repeat(200_000));
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
