// @vitest-environment jsdom
/**
 * The paste-token panel in jsdom with real tokens from the CLI: pasting shows every claim with its explanation and
 * times, the verdict, the warnings and the timeline; a bad paste shows what and where; Clear wipes the text; and
 * nothing is ever written to localStorage, sessionStorage or cookies, nor sent over the network.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PasteTokenPanel } from '../../../../renderer/panels/paste-token/PasteTokenPanel.tsx';
import { loadRealTokens, type RealTokens } from './paste-fixtures.ts';

let real: RealTokens;
let fetchSpy: ReturnType<typeof vi.fn>;

beforeAll(() => {
  real = loadRealTokens();
}, 60_000);

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  fetchSpy = vi.fn(() => Promise.reject(new Error('no network in this test')));
  vi.stubGlobal('fetch', fetchSpy);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function input(): HTMLTextAreaElement {
  return screen.getByTestId<HTMLTextAreaElement>('paste-token-input');
}

function paste(text: string): void {
  fireEvent.change(input(), { target: { value: text } });
}

function claimRow(path: string): HTMLElement {
  const row = screen.getByTestId('paste-token').querySelector<HTMLElement>(`[data-claim="${path}"]`);
  if (!row) throw new Error(`no row for claim ${path}`);
  return row;
}

function claimValue(path: string): string {
  return within(claimRow(path)).getByTestId('claim-value').textContent ?? '';
}

function iatOf(token: { claims: Record<string, unknown> }): number {
  return token.claims.iat as number;
}

describe('PasteTokenPanel', () => {
  it('says plainly that the token stays on this computer, and offers nothing to remember the text', () => {
    render(createElement(PasteTokenPanel, { nowEpochMs: 0 }));
    expect(screen.getByTestId('paste-token-privacy').textContent).toMatch(/Stays on this computer\..*never saved and never sent anywhere/);
    const area = input();
    expect(area.getAttribute('autocomplete')).toBe('off');
    expect(area.getAttribute('spellcheck')).toBe('false');
    expect(area.getAttribute('autocorrect')).toBe('off');
    expect(area.getAttribute('autocapitalize')).toBe('off');
    expect(area.getAttribute('data-gramm')).toBe('false');
    expect(area.hasAttribute('name')).toBe(false);
    expect(area.closest('form')).toBeNull();
    expect(area.getAttribute('aria-describedby')).toContain(screen.getByTestId('paste-token-privacy').id);
    expect(screen.queryByTestId('paste-token-result')).toBeNull();
    expect(screen.queryByTestId('paste-token-error')).toBeNull();
  });

  it('reads a token pasted as a terminal wrapped it, and says it took the line breaks out', () => {
    const iat = iatOf(real.projected130);
    render(createElement(PasteTokenPanel, { nowEpochMs: (iat + 600) * 1000 }));
    const jwt = real.projected130.jwt;
    paste(`${jwt.slice(0, 120)}\n${jwt.slice(120, 240)}\n${jwt.slice(240)}`);
    expect(screen.queryByTestId('paste-token-error')).toBeNull();
    expect(screen.getByTestId('paste-token-status').getAttribute('data-verdict')).toBe('valid');
    expect(screen.getByTestId('paste-token-unwrapped').textContent).toMatch(/Removed 2 line breaks from inside the token/);
  });

  it('pasting a real 1.30 projected token shows every claim, explained, with times against the given clock', () => {
    const iat = iatOf(real.projected130);
    render(createElement(PasteTokenPanel, { nowEpochMs: (iat + 600) * 1000 }));
    paste(`Bearer ${real.projected130.jwt}`);

    const panel = screen.getByTestId('paste-token');
    const rows = [...panel.querySelectorAll('[data-claim]')].map((r) => r.getAttribute('data-claim'));
    expect(rows).toEqual([
      'iss', 'sub', 'aud', 'iat', 'nbf', 'exp', 'jti',
      'kubernetes.io.namespace', 'kubernetes.io.serviceaccount.name', 'kubernetes.io.serviceaccount.uid',
      'kubernetes.io.pod.name', 'kubernetes.io.pod.uid', 'kubernetes.io.node.name', 'kubernetes.io.node.uid',
    ]);
    expect(claimValue('sub')).toBe('system:serviceaccount:default:my-app');
    expect(claimValue('aud')).toBe('["https://kubernetes.default.svc"]');
    expect(claimValue('exp')).toBe(String(real.projected130.claims.exp));
    expect(within(claimRow('exp')).getByTestId('claim-times').textContent).toBe(
      '2025-01-06 10:00:08 UTC · in 50 m 7 s · 1 h 0 m 7 s, 3,607 s after iat',
    );
    expect(claimRow('kubernetes.io.pod.name').textContent).toContain('dies with this pod');
    expect(claimRow('exp').querySelector('details summary')?.textContent).toBe('Why exp matters');
    expect(claimRow('exp').textContent).toContain('when it stops working. The expiry time, in seconds since 1970 (UTC).');
    expect(panel.querySelector('[data-header="alg"]')?.textContent).toContain('RS256');

    const status = screen.getByTestId('paste-token-status');
    expect(status.getAttribute('data-verdict')).toBe('valid');
    expect(status.textContent).toContain('✓ Valid by its times: expires in 50 m 7 s');
    expect(status.textContent).toContain('The signature is not checked here');
    expect(screen.getByTestId('paste-token-result').getAttribute('data-kind')).toBe('pod');
    expect(screen.queryByTestId('paste-token-warnings')).toBeNull();

    const timeline = screen.getByTestId('paste-token-timeline');
    expect([...timeline.querySelectorAll('[data-mark]')].map((m) => m.getAttribute('data-mark'))).toEqual(['iat nbf', 'refresh', 'exp', 'now']);
    expect(timeline.querySelector('desc')?.textContent).toContain('refresh due 2025-01-06 09:47:58 UTC (47 m 57 s after iat)');
    expect(timeline.textContent).toContain('the kubelet’s refresh window (vertical hatch)');
  });

  it('writes nothing to localStorage, sessionStorage or cookies, and sends nothing, while pasting and clearing', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const xhrOpen = vi.spyOn(XMLHttpRequest.prototype, 'open');
    render(createElement(PasteTokenPanel, { nowEpochMs: real.startEpochMs }));
    for (const token of [real.projected130, real.legacy120, real.extended130]) paste(token.jwt);
    paste('not a token');
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));

    expect(setItem).not.toHaveBeenCalled();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(document.cookie).toBe('');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(xhrOpen).not.toHaveBeenCalled();
    expect(document.title).not.toContain('eyJ');
    expect(window.location.href).not.toContain('eyJ');
  });

  it('Clear wipes the text and the result, and puts the cursor back in the box', () => {
    render(createElement(PasteTokenPanel, { nowEpochMs: real.startEpochMs }));
    paste(real.projected130.jwt);
    expect(screen.getByTestId('paste-token-result')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(input().value).toBe('');
    expect(screen.queryByTestId('paste-token-result')).toBeNull();
    expect(document.activeElement).toBe(input());
    expect(screen.getByTestId('paste-token').textContent).not.toContain(real.projected130.claims.jti as string);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Clear' }).disabled).toBe(true);
  });

  it('a bad character: says what and where, shows it under a caret, and can select it in the text', () => {
    const [h, p, s] = real.projected130.jwt.split('.') as [string, string, string];
    render(createElement(PasteTokenPanel, { nowEpochMs: 0 }));
    paste(`Bearer ${h}.${p.slice(0, 20)}+${p.slice(21)}.${s}`);

    const error = screen.getByTestId('paste-token-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.getAttribute('data-column')).toBe('119');
    expect(error.getAttribute('data-part')).toBe('payload');
    expect(error.textContent).toContain("part 2 (payload) is not valid base64url at column 119: '+' belongs to standard base64; base64url uses '-'");
    expect(error.querySelector('mark')?.textContent).toBe('+');
    expect(error.querySelector('pre')?.textContent).toContain('^ column 119');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('paste-token-result')).toBeNull();

    fireEvent.click(within(error).getByRole('button', { name: 'Select column 119 in the text' }));
    expect(document.activeElement).toBe(input());
    expect([input().selectionStart, input().selectionEnd]).toEqual([118, 119]);
  });

  it('a payload that is not JSON names the part', () => {
    const [h, , s] = real.projected130.jwt.split('.') as [string, string, string];
    render(createElement(PasteTokenPanel, { nowEpochMs: 0 }));
    paste(`${h}.${Buffer.from('{"iss": kubernetes}').toString('base64url')}.${s}`);
    expect(screen.getByTestId('paste-token-error').textContent).toContain("part 2 (payload) is not valid JSON at column 102: unexpected 'k'");
  });

  it('an extended pod token: the warning, the warned exp row, and a break before the year', () => {
    const iat = iatOf(real.extended130);
    render(createElement(PasteTokenPanel, { nowEpochMs: (iat + 1800) * 1000 }));
    paste(real.extended130.jwt);
    const warnings = screen.getByTestId('paste-token-warnings');
    expect([...warnings.querySelectorAll('[data-warning]')].map((w) => w.getAttribute('data-warning'))).toEqual(['extended-expiry']);
    expect(claimRow('exp').getAttribute('data-warned')).toBe('true');
    expect(claimRow('kubernetes.io.warnafter').textContent).toContain('when its real hour ends');
    const timeline = screen.getByTestId('paste-token-timeline');
    expect(timeline.querySelector('[data-break]')?.getAttribute('data-break')).toBe('≈ 1 y');
    expect(timeline.querySelector('[data-mark="warnafter"]')).not.toBeNull();
    expect(timeline.querySelector('[data-span="stale"]')).not.toBeNull();
    expect(screen.getByTestId('paste-token-result').textContent).toContain('Projected pod token, stretched to a year');
  });

  it('a legacy token: never expires, no times, one open-ended bar', () => {
    render(createElement(PasteTokenPanel, { nowEpochMs: real.startEpochMs }));
    paste(real.legacy120.jwt);
    expect(screen.getByTestId('paste-token-status').getAttribute('data-verdict')).toBe('never-expires');
    expect(screen.queryAllByTestId('claim-times')).toEqual([]);
    expect(screen.getByTestId('paste-token-timeline').querySelectorAll('[data-span="valid"]')).toHaveLength(1);
  });

  it('without nowEpochMs it follows the wall clock, once a second', () => {
    const iat = iatOf(real.projected130);
    vi.useFakeTimers({ now: (iat + 3600) * 1000, toFake: ['Date', 'setInterval', 'clearInterval'] });
    render(createElement(PasteTokenPanel));
    paste(real.projected130.jwt);
    expect(screen.getByTestId('paste-token-status').textContent).toContain('expires in 7 s');
    act(() => {
      vi.advanceTimersByTime(70_000);
    });
    expect(screen.getByTestId('paste-token-status').getAttribute('data-verdict')).toBe('expired');
    expect(screen.getByTestId('paste-token-status').textContent).toContain('Expired 1 m 3 s ago');
  });
});
