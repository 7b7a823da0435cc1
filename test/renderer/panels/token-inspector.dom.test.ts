// @vitest-environment jsdom
/**
 * The token inspector rendered in jsdom against a real engine session (side-by-side scenario at 2 h 13 m 40 s, as in
 * the sketch): heading, claims with raw values, explanations and three time forms, ✓/✗ verification with the exact
 * Kubernetes error, inspect-token requests throttled to two a second, the JWT copy button, the token's events newest
 * first, and the empty state.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement, type ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenInspectorProps } from '../../../renderer/panels/inspector-model.ts';
import type { TimelineSnapshot } from '../../../renderer/state/timeline-store.ts';
import * as inspectorModule from '../../../renderer/panels/TokenInspector.tsx';
import { loadScenario, type EngineFixture } from './engine-fixture.ts';

const { TokenInspector } = inspectorModule as { TokenInspector: (props: TokenInspectorProps) => ReactElement };

const AT_MS = (2 * 3600 + 13 * 60 + 40) * 1000;

let fixture: EngineFixture;

beforeEach(async () => {
  fixture = await loadScenario('assets/scenarios/side-by-side.yaml', AT_MS);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function tokenIndex(snapshot: TimelineSnapshot, flow: string, number: number): number {
  const token = snapshot.tokens.find((t) => t.flow === flow && t.number === number);
  if (!token) throw new Error(`no token #${number} in ${flow}`);
  return token.index;
}

function view(snapshot: TimelineSnapshot, index: number | undefined) {
  return createElement(TokenInspector, { snapshot, tokenIndex: index, client: fixture.client });
}

function claimRow(name: string): HTMLElement {
  const row = screen.getByTestId('token-inspector').querySelector<HTMLElement>(`[data-claim="${name}"]`);
  if (!row) throw new Error(`no row for claim ${name}`);
  return row;
}

function claimValue(name: string): string {
  return within(claimRow(name)).getByTestId('claim-value').textContent ?? '';
}

describe('TokenInspector', () => {
  it('shows the empty state when nothing is selected, and sends nothing', () => {
    render(view(fixture.store.getSnapshot(), undefined));
    expect(screen.getByTestId('token-inspector').textContent).toMatch(/No token selected/);
    expect(fixture.client.sent).toEqual([]);
  });

  it('shows a projected token like the sketch: heading, claims with raw values, explanations and times', () => {
    const snapshot = fixture.store.getSnapshot();
    const index = tokenIndex(snapshot, 'projected', 3);
    render(view(snapshot, index));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Token #3 · projected · pod app');
    expect(screen.getByTestId('token-inspector').textContent).toContain('Kubernetes 1.36');

    const token = snapshot.tokens[index]!;
    const claims = token.claims as { aud: string[]; exp: number; iat: number; jti: string };
    expect(claimValue('aud')).toBe('["https://kubernetes.default.svc"]');
    expect(claimValue('exp')).toBe(String(claims.exp));
    expect(claimValue('iss')).toBe('https://kubernetes.default.svc');
    expect(claimValue('sub')).toBe('system:serviceaccount:default:my-app');
    expect(claimValue('jti')).toBe(claims.jti);
    expect(claimValue('kubernetes.io.pod.name')).toBe('app');
    expect(claimValue('kubernetes.io.node.name')).toBe('node-1');

    // iat is in the past and exp in the future of the simulated clock, in three forms each.
    const iatTimes = within(claimRow('iat')).getByTestId('claim-times').textContent ?? '';
    expect(iatTimes).toMatch(/^simulated 1 h \d+ m · \d+ m( \d+ s)? ago · 2025-01-06 \d\d:\d\d:\d\d UTC$/);
    const expTimes = within(claimRow('exp')).getByTestId('claim-times').textContent ?? '';
    expect(expTimes).toMatch(/^simulated 2 h \d+ m · in \d+ m( \d+ s)? · 2025-01-06 \d\d:\d\d:\d\d UTC$/);

    expect(claimRow('aud').textContent).toContain('who may accept it');
    expect(claimRow('jti').textContent).toContain('1.30');
    expect(claimRow('kubernetes.io.pod.name').textContent).toContain('dies with this pod');
    const header = screen.getByTestId('token-inspector').querySelector('[data-header="kid"]');
    expect(header?.textContent).toContain(token.header.kid);
  });

  it('requests verification, then shows ✓ accepted at the simulated time', async () => {
    const snapshot = fixture.store.getSnapshot();
    const index = tokenIndex(snapshot, 'projected', 3);
    const { rerender } = render(view(snapshot, index));
    expect(fixture.client.sent).toEqual([{ type: 'inspect-token', token: index, requestId: expect.any(Number) }]);
    expect(screen.getByTestId('verification').textContent).toMatch(/Checking/);

    await fixture.client.answer();
    rerender(view(fixture.store.getSnapshot(), index));
    const verification = screen.getByTestId('verification');
    expect(verification.dataset.ok).toBe('true');
    expect(verification.textContent).toContain('✓ Accepted by the API server at 2 h 13 m');
    expect(verification.textContent).toContain('system:serviceaccount:default:my-app');

    const jwt = screen.getByTestId<HTMLTextAreaElement>('jwt');
    expect(jwt.value.split('.')).toHaveLength(3);
  });

  it('shows ✗ with the exact Kubernetes error for an expired token', async () => {
    const snapshot = fixture.store.getSnapshot();
    const index = tokenIndex(snapshot, 'projected', 1);
    const { rerender } = render(view(snapshot, index));
    await fixture.client.answer();
    rerender(view(fixture.store.getSnapshot(), index));
    expect(screen.getByTestId('verification').dataset.ok).toBe('false');
    expect(screen.getByTestId('verification').textContent).toContain('✗ Rejected by the API server at 2 h 13 m');
    expect(screen.getByTestId('verification-error').textContent).toBe('service account token has expired');
  });

  it('shows a legacy token’s claims and the never-expires warning', async () => {
    const snapshot = fixture.store.getSnapshot();
    const index = tokenIndex(snapshot, 'legacy', 1);
    const { rerender } = render(view(snapshot, index));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/^Token #1 · legacy · Secret default-token-/);
    expect(claimValue('iss')).toBe('kubernetes/serviceaccount');
    expect(claimRow('iss').textContent).toContain('marks a legacy token');
    expect(claimValue('kubernetes.io/serviceaccount/namespace')).toBe('default');
    expect(screen.getByTestId('token-inspector').querySelector('[data-claim="exp"]')).toBeNull();
    expect(screen.getByTestId('claim-warnings').textContent).toMatch(/never expires/);
    await fixture.client.answer();
    rerender(view(fixture.store.getSnapshot(), index));
    expect(screen.getByTestId('verification').dataset.ok).toBe('true');
  });

  it('lists the events that concern the token, newest first', () => {
    const snapshot = fixture.store.getSnapshot();
    const index = tokenIndex(snapshot, 'projected', 1);
    render(view(snapshot, index));
    const items = [...screen.getByTestId('token-events').querySelectorAll<HTMLElement>('li')];
    const seqs = items.map((li) => Number(li.dataset.seq));
    const expected = snapshot.events.filter((e) => e.refs.token === index).map((e) => e.seq).reverse();
    expect(seqs).toEqual(expected);
    expect(items.at(-1)?.textContent).toContain('token issued');
    expect(items.some((li) => li.textContent?.includes('request denied'))).toBe(true);
  });

  it('asks again when the clock moves, at most twice a second', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    const snapshot = fixture.store.getSnapshot();
    const index = tokenIndex(snapshot, 'projected', 3);
    const { rerender } = render(view(snapshot, index));
    // Two seconds of playback: 20 progress batches a second.
    for (let i = 1; i <= 40; i++) {
      act(() => {
        vi.advanceTimersByTime(50);
      });
      rerender(view({ ...snapshot, nowMs: snapshot.nowMs + i * 3_000, version: snapshot.version + i }, index));
    }
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    const requests = fixture.client.sent.filter((c) => c.type === 'inspect-token');
    expect(requests.length).toBeGreaterThanOrEqual(4);
    expect(requests.length).toBeLessThanOrEqual(6);
    expect(new Set(requests.map((r) => (r.type === 'inspect-token' ? r.requestId : -1))).size).toBe(requests.length);
  });

  it('copies the compact JWT', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const snapshot = fixture.store.getSnapshot();
    const index = tokenIndex(snapshot, 'projected', 3);
    const { rerender } = render(view(snapshot, index));
    await fixture.client.answer();
    rerender(view(fixture.store.getSnapshot(), index));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy JWT' }));
    });
    expect(writeText).toHaveBeenCalledWith(fixture.store.getSnapshot().tokenDetails.get(index)?.jwt);
    expect(screen.getByText('Copied the JWT to the clipboard.')).toBeTruthy();
  });

  it('says when the selected token does not exist yet at this point of the simulation', () => {
    render(view(fixture.store.getSnapshot(), 9_999));
    expect(screen.getByTestId('token-inspector').textContent).toMatch(/not been issued yet/);
    expect(fixture.client.sent).toEqual([]);
  });
});
