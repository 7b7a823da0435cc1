// A scenario file's bytes: text when they are a scenario's, otherwise a sentence naming what the file is.
import { describe, expect, it } from 'vitest';
import { decodeScenarioFile } from '../../../shared/export/decode-scenario-file.ts';
import { PNG_SIGNATURE } from '../../../shared/export/png-text-chunk.ts';
import { SCENARIO_MAX_CHARS } from '../../../shared/limits/input-budgets.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const HINT = 'drop it on the app';

describe('decodeScenarioFile', () => {
  it('gives the text without its byte-order mark', () => {
    expect(decodeScenarioFile(bytes('\ufeffname: x\n'), 's.yaml', HINT)).toEqual({ ok: true, value: 'name: x\n' });
  });

  it.each([
    ['a PNG', Uint8Array.from([...PNG_SIGNATURE, 0, 0]), 'f.yaml: a PNG image, not a scenario (YAML text); drop it on the app'],
    ['a GIF', bytes('GIF89a\u0001\u0000'), 'f.yaml: a GIF, not a scenario (YAML text); drop it on the app'],
    ['an SVG', bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'f.yaml: an SVG image, not a scenario (YAML text); drop it on the app'],
    ['a PDF, which carries no moment', bytes('%PDF-1.7\n'), 'f.yaml: a PDF, not a scenario (YAML text)'],
    ['UTF-16 (little-endian)', Uint8Array.of(0xff, 0xfe, 0x6e, 0), 'f.yaml: UTF-16 text, not UTF-8; save it as UTF-8'],
    ['UTF-16 (big-endian)', Uint8Array.of(0xfe, 0xff, 0, 0x6e), 'f.yaml: UTF-16 text, not UTF-8; save it as UTF-8'],
    ['Latin-1', Uint8Array.of(0x6e, 0x3a, 0x20, 0xe9, 0x0a), 'f.yaml: not UTF-8 text (it stops being UTF-8 at byte 5); save it as UTF-8'],
    ['binary with a NUL', bytes('name: x\n\u0000\u0000'), 'f.yaml: a binary file, not a scenario (YAML text): it holds a NUL byte at byte 9'],
  ])('names %s', (_what, input, error) => {
    expect(decodeScenarioFile(input, 'f.yaml', HINT)).toEqual({ ok: false, error });
  });

  it('refuses text over the budget, in the unit it counted', () => {
    const result = decodeScenarioFile(bytes('a'.repeat(SCENARIO_MAX_CHARS + 1)), 'big.yaml', HINT);
    expect(!result.ok && result.error).toMatch(/^big\.yaml: the scenario is 2,000,001 characters, over TokenScope's limit of 2,000,000 characters/);
  });
});
