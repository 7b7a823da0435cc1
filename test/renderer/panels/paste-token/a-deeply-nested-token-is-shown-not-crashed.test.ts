// @vitest-environment jsdom
/**
 * A legal token can nest its claims 10,000 levels deep (Go's encoding/json stops there, and so does the decoder).
 * Explaining it once recursed until the stack overflowed during render and blanked the whole app; now the panel shows
 * it, with the deep part as cut-short raw JSON.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { PasteTokenPanel } from '../../../../renderer/panels/paste-token/PasteTokenPanel.tsx';
import { analyzePastedToken } from '../../../../renderer/panels/paste-token/paste-token-model.ts';
import { claimJson, flattenClaims, RAW_CLAIM_MAX_CHARS } from '../../../../shared/explain/claim-explanations.ts';
import { CLAIM_DISPLAY_MAX_DEPTH, PASTED_TOKEN_MAX_CHARS } from '../../../../shared/limits/input-budgets.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const token = (claims: string) => `${b64('{"alg":"RS256","kid":"k"}')}.${b64(claims)}.c2ln`;
const DEEP_OBJECTS = `{"sub":"system:serviceaccount:default:app","deep":${'{"a":'.repeat(9000)}1${'}'.repeat(9000)}}`;
const DEEP_ARRAYS = `{"sub":"system:serviceaccount:default:app","aud":${'['.repeat(9000)}"x"${']'.repeat(9000)}}`;

afterEach(cleanup);

describe('a token nested thousands of levels deep', () => {
  it('is analysed: objects are laid out to a fixed depth, the rest shown as raw JSON cut short', () => {
    for (const claims of [DEEP_OBJECTS, DEEP_ARRAYS]) {
      const analysis = analyzePastedToken(token(claims), Date.UTC(2025, 0, 6));
      expect(analysis.state).toBe('decoded');
      if (analysis.state !== 'decoded') continue;
      const deepest = analysis.token.claims.find((row) => row.path.startsWith('deep') || row.path === 'aud')!;
      expect(deepest.path.split('.').length).toBeLessThanOrEqual(CLAIM_DISPLAY_MAX_DEPTH);
      expect(deepest.raw.length).toBeLessThan(RAW_CLAIM_MAX_CHARS + 100);
      expect(deepest.raw).toMatch(/… \(cut: longer than 10,000 characters\)$/);
    }
  });

  it('renders in the panel instead of blanking the app', () => {
    render(createElement(PasteTokenPanel));
    fireEvent.change(screen.getByTestId('paste-token-input'), { target: { value: token(DEEP_ARRAYS) } });
    expect(screen.getByTestId('paste-token').querySelector('[data-claim="aud"]')?.textContent).toContain('[[[[');
  });

  it('writes ordinary values exactly as JSON.stringify does', () => {
    for (const value of [{ a: [1, 'two', null, true, { b: {} }], 'k"ey': -0.5 }, [], {}, 'é\n"', 3, null]) {
      expect(claimJson(value)).toBe(JSON.stringify(value));
    }
    expect(flattenClaims({ 'kubernetes.io': { pod: { name: 'a' } }, aud: ['x'] }).map((c) => c.path)).toEqual(['aud', 'kubernetes.io.pod.name']);
  });

  it('a pasted text over the 1 MiB header budget is refused with the limit, whatever it holds', () => {
    const analysis = analyzePastedToken('a'.repeat(PASTED_TOKEN_MAX_CHARS + 1), Date.UTC(2025, 0, 6));
    expect(analysis.state === 'error' && analysis.error.message).toBe(
      "the text is 1,048,577 characters, over TokenScope's limit of 1,048,576 characters; a ServiceAccount token is about a kilobyte: paste just the token",
    );
  });
});
