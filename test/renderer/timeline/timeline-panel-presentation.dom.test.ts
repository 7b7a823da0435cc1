// @vitest-environment jsdom
/**
 * The timeline panel in presentation mode: large type reaches the DOM labels (through the scaled theme) and the
 * layout, the spotlight frames one lane and dims the rest (named in words, not only by brightness), and notes from
 * the scenario are counted on each flow they are drawn in.
 */
import { cleanup, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TimelinePanelProps } from '../../../renderer/timeline/TimelinePanel.tsx';
import { H, panelFixture } from './panel-fixture.ts';

const fixture = panelFixture();
const renderPanel = (overrides: Partial<TimelinePanelProps> = {}) => fixture.renderPanel({ theme: 'projector', ...overrides });

const laneNameSize = () => (document.querySelector('.tl-panel') as HTMLElement).style.getPropertyValue('--tl-lane-label');

describe('TimelinePanel in presentation mode', () => {
  it('grows type and lanes with the font scale', () => {
    renderPanel();
    const normal = laneNameSize();
    const normalHeight = (document.querySelector('.tl-lane-labels') as HTMLElement).style.height;
    cleanup();
    renderPanel({ fontScalePercent: 200 });
    expect(normal).toBe('24px');
    expect(laneNameSize()).toBe('48px');
    expect(parseFloat((document.querySelector('.tl-lane-labels') as HTMLElement).style.height)).toBeGreaterThan(parseFloat(normalHeight) * 1.8);
    expect(document.querySelector('.tl-panel')!.getAttribute('data-font-scale')).toBe('200');
  });

  it('has no spotlight unless asked', () => {
    renderPanel();
    expect(screen.queryByTestId('spotlight')).toBeNull();
    expect(document.querySelector('.tl-panel')!.hasAttribute('data-spotlight-lane')).toBe(false);
  });

  it('frames and names the spotlit lane, dims the rest of its flow and all of the other flow', () => {
    renderPanel({ spotlight: 1 });
    expect(document.querySelector('.tl-panel')!.getAttribute('data-spotlight-lane')).toBe('legacy:attacker:attacker:2:1');
    const legacy = screen.getByTestId('timeline-flow-legacy');
    const projected = screen.getByTestId('timeline-flow-projected');
    expect(legacy.querySelector('[data-testid="spotlight-frame"]')!.textContent).toBe('spotlight: attacker');
    expect(legacy.querySelectorAll('.tl-spotlight-dim')).toHaveLength(2);
    expect(projected.querySelector('.tl-spotlight-dim-flow')).not.toBeNull();
    expect(projected.querySelector('[data-testid="spotlight"]')).toBeNull();
  });

  it('wraps the spotlight from the last lane back to the first', () => {
    renderPanel({ spotlight: -1 });
    const last = document.querySelector('.tl-panel')!.getAttribute('data-spotlight-lane');
    expect(last).toMatch(/^projected:/);
    cleanup();
    renderPanel({ spotlight: 0 });
    expect(document.querySelector('.tl-panel')!.getAttribute('data-spotlight-lane')).toBe('legacy:pod:default/app');
  });

  it('counts the notes drawn in each flow', () => {
    const snapshot = fixture.snapshot();
    const scenario = { ...snapshot.scenario!, annotations: [{ atMs: 48 * 60_000, text: 'here the kubelet refreshes' }, { atMs: H, untilMs: 2 * H, flow: 'projected', text: 'stolen copy dies' }] };
    renderPanel({ snapshot: { ...snapshot, scenario, version: snapshot.version + 1 } });
    expect(screen.getByTestId('timeline-flow-legacy').dataset.annotations).toBe('1');
    expect(screen.getByTestId('timeline-flow-projected').dataset.annotations).toBe('2');
  });
});
