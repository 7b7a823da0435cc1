/**
 * The timeline panel under jsdom, for DOM tests: jsdom has no layout and no 2D canvas, so element boxes are stubbed
 * to 1,000 × 300 px and painting is skipped. The snapshot is the side-by-side scenario run to its end.
 */
import { cleanup, render } from '@testing-library/react';
import { createElement } from 'react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import type { TimelineSnapshot } from '../../../renderer/state/timeline-store.ts';
import { fitAll } from '../../../shared/figure/time-view.ts';
import { TimelinePanel, type TimelinePanelProps } from '../../../renderer/timeline/TimelinePanel.tsx';
import { builtinScenario, snapshotOf } from '../../support/scenario-snapshot.ts';

export const H = 3_600_000;
const rect = { x: 0, y: 0, left: 0, top: 0, width: 1000, height: 300, right: 1000, bottom: 300, toJSON: () => ({}) };

/** Registers the stubs for the test file and answers with a renderer of the panel (props overridable). */
export function panelFixture(): { snapshot(): TimelineSnapshot; renderPanel(overrides?: Partial<TimelinePanelProps>): ReturnType<typeof render> & { props: TimelinePanelProps } } {
  let snapshot: TimelineSnapshot | undefined;
  beforeAll(() => {
    snapshot = snapshotOf(builtinScenario('side-by-side'));
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(() => rect);
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => null);
  });
  afterAll(() => vi.restoreAllMocks());
  afterEach(cleanup);
  const current = () => {
    if (!snapshot) throw new Error('the snapshot is made in beforeAll');
    return snapshot;
  };
  return {
    snapshot: current,
    renderPanel(overrides = {}) {
      const props: TimelinePanelProps = { snapshot: current(), view: fitAll(6 * H), onViewChange: vi.fn(), selectedToken: undefined, onSelectToken: vi.fn(), ...overrides };
      return { ...render(createElement(TimelinePanel, props)), props };
    },
  };
}
