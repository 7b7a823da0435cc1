// @vitest-environment jsdom
/**
 * The timeline panel in jsdom: both flows stacked with their test ids and counts, canvases as described images,
 * the shared axis, keyboard zoom/pan/fit and click-to-select through the draw plan's hit regions. jsdom has no
 * layout and no 2D canvas, so element boxes are stubbed to 1,000 px wide and painting is skipped.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fitAll, type TimeView } from '../../../shared/figure/time-view.ts';
import { TimelinePanel, type TimelinePanelProps } from '../../../renderer/timeline/TimelinePanel.tsx';
import { H, panelFixture } from './panel-fixture.ts';

const fixture = panelFixture();
const renderPanel = fixture.renderPanel;

describe('TimelinePanel', () => {
  it('stacks legacy above projected, each titled, with token and rotation counts for E2E tests', () => {
    renderPanel();
    const legacy = screen.getByTestId('timeline-flow-legacy');
    const projected = screen.getByTestId('timeline-flow-projected');
    expect(legacy.compareDocumentPosition(projected) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Legacy flow · Kubernetes 1.20' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Projected flow · Kubernetes 1.36' })).toBeTruthy();
    expect(legacy.dataset.tokenBars).toBe('3');
    expect(projected.dataset.tokenBars).toBe('8');
    expect(legacy.dataset.rotations).toBe('0');
    expect(Number(projected.dataset.rotations)).toBeGreaterThanOrEqual(1);
    expect(Number(projected.dataset.firstTokenX)).toBeGreaterThan(0);
    expect(Number(projected.dataset.firstTokenY)).toBeGreaterThan(0);
  });

  it('describes each canvas in words: legacy never expires, projected rotates', () => {
    renderPanel();
    const [legacy, projected] = screen.getAllByRole('img').filter((e) => e.tagName === 'CANVAS');
    expect(legacy!.getAttribute('aria-label')).toMatch(/no exp claim, it never expires/);
    expect(projected!.getAttribute('aria-label')).toMatch(/the kubelet rotated it 7 times/);
    expect(legacy!.tabIndex).toBe(0);
  });

  it('labels lanes in the DOM', () => {
    renderPanel();
    const legacy = screen.getByTestId('timeline-flow-legacy');
    const names = [...legacy.querySelectorAll('.tl-lane-name')].map((e) => e.textContent);
    expect(names).toEqual(['pod app', 'attacker', 'kubectl', 'other Secrets']);
    expect([...legacy.querySelectorAll('.tl-strip-label')].map((e) => e.textContent)).toContain('app-client calls');
  });

  it('shows one shared axis with the view, ticks in simulated time and a now badge', () => {
    renderPanel();
    const axis = screen.getByTestId('time-axis');
    expect(axis.dataset.view).toBe(`0-${6 * H}`);
    const labels = [...axis.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['0 h', '3 h', '6 h', 'now']));
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toContain('no exp: never expires');
  });

  it('zooms, pans and fits from the keyboard, for both flows at once', () => {
    const { props } = renderPanel({ view: { startMs: H, endMs: 3 * H } });
    const canvas = screen.getByTestId('timeline-flow-projected').querySelector('canvas')!;
    fireEvent.keyDown(canvas, { key: 'w' });
    expect(props.onViewChange).toHaveBeenLastCalledWith({ startMs: H + H / 3, endMs: 3 * H - H / 3 });
    fireEvent.keyDown(canvas, { key: 'f' });
    expect(props.onViewChange).toHaveBeenLastCalledWith({ startMs: 0, endMs: 6 * H });
    const calls = (props.onViewChange as ReturnType<typeof vi.fn>).mock.calls.length;
    fireEvent.keyDown(canvas, { key: 'x' });
    expect((props.onViewChange as ReturnType<typeof vi.fn>).mock.calls.length).toBe(calls);
  });

  it('zooms with Ctrl + wheel over a canvas', () => {
    const { props } = renderPanel();
    const canvas = screen.getByTestId('timeline-flow-legacy').querySelector('canvas')!;
    fireEvent.wheel(canvas, { deltaY: -120, ctrlKey: true, clientX: 500 });
    const [view] = (props.onViewChange as ReturnType<typeof vi.fn>).mock.calls.at(-1) as [TimeView];
    expect(view.endMs - view.startMs).toBeLessThan(6 * H);
  });

  it('selects the token under a click, using the first-token coordinates it publishes', () => {
    const { props } = renderPanel();
    for (const id of ['legacy', 'projected']) {
      const flow = screen.getByTestId(`timeline-flow-${id}`);
      const canvas = flow.querySelector('canvas')!;
      const x = Number(flow.dataset.firstTokenX);
      const y = Number(flow.dataset.firstTokenY);
      act(() => {
        fireEvent.pointerDown(canvas, { clientX: x, clientY: y, button: 0, pointerId: 1, pointerType: 'mouse' });
        fireEvent.pointerUp(canvas, { clientX: x, clientY: y, button: 0, pointerId: 1, pointerType: 'mouse' });
      });
    }
    const snapshot = fixture.snapshot();
    const legacyPodToken = snapshot.tokens.find((t) => t.flow === 'legacy' && t.secretName?.startsWith('my-app'))!.index;
    const projectedFirst = snapshot.tokens.find((t) => t.flow === 'projected' && t.number === 1)!.index;
    expect((props.onSelectToken as ReturnType<typeof vi.fn>).mock.calls).toEqual([[legacyPodToken], [projectedFirst]]);
  });

  it('paints each canvas once per change of plan, in an animation frame, not on every render', async () => {
    let paints = 0;
    const recorded: Record<string, unknown> = {};
    const ctx = new Proxy(recorded, {
      get: (target, key) => {
        if (key === 'clearRect') return () => void paints++; // once per paint (pattern tiles never clear)
        if (key in target) return target[key as string];
        return key === 'createPattern' ? () => null : () => undefined;
      },
      set: (target, key, value) => ((target[key as string] = value), true),
    });
    const getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => ctx as unknown as CanvasRenderingContext2D);
    const frame = () => new Promise((resolve) => setTimeout(resolve, 50));
    const snapshot = fixture.snapshot();
    const props: TimelinePanelProps = { snapshot, view: fitAll(6 * H), onViewChange: vi.fn(), selectedToken: undefined, onSelectToken: vi.fn() };
    const { rerender } = render(createElement(TimelinePanel, props));
    await act(frame);
    expect(paints).toBe(2);
    rerender(createElement(TimelinePanel, { ...props, onSelectToken: vi.fn() }));
    await act(frame);
    expect(paints).toBe(2);
    rerender(createElement(TimelinePanel, { ...props, view: { startMs: H, endMs: 2 * H } }));
    await act(frame);
    expect(paints).toBe(4);
    getContext.mockImplementation(() => null);
  });

  it('says what to do before a scenario is loaded', () => {
    renderPanel({ snapshot: { ...fixture.snapshot(), scenario: undefined, events: [], tokens: [] } });
    expect(screen.getByText('Load a scenario to see its timelines.')).toBeTruthy();
  });
});
