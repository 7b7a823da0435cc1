import { describe, expect, it } from 'vitest';
import { exportCaption } from '../../../shared/export/export-caption.ts';
import { settings, scenarioSource, smallSource } from './export-fixtures.ts';

const H = 3_600_000;

describe('export caption and alt text', () => {
  it('sums up side-by-side at 2 h in one line: rotations, the legacy token, the stolen copies', () => {
    const { caption } = exportCaption(scenarioSource('side-by-side', 2 * H), settings());
    expect(caption).toBe('Projected token rotated at 48 m and 1 h 36 m; legacy token still valid after 2 h; stolen token usable for 31 m (projected) vs forever (legacy)');
  });

  it('tells an expiry during a kubelet outage apart from a rotation', () => {
    expect(exportCaption(scenarioSource('kubelet-outage', 4 * H), settings()).caption).toBe(
      'Projected token expired at 1 h while the kubelet was down, replaced at 3 h, then rotated at 3 h 49 m; legacy token still valid after 4 h',
    );
    // The default scenario's kubelet never stops: six hours are rotations only, counted rather than listed.
    expect(exportCaption(scenarioSource('side-by-side', 6 * H), settings()).caption).toMatch(/^Projected token rotated 7 times from 48 m; legacy token still valid after 6 h; /);
  });

  it('describes each flow, the window and the moment in the alt text', () => {
    const { altText } = exportCaption(scenarioSource('side-by-side', 2 * H), settings({ fromMs: 0.5 * H, toMs: 3 * H }));
    expect(altText).toMatch(/^Timeline of "One app, two clusters, six hours": 2 flows, simulated time from 30 m to 3 h, shown at 2 h\. /);
    expect(altText).toContain('Legacy flow · Kubernetes 1.20. pod app holds token #3: no exp claim, it never expires.');
    expect(altText).toContain('An attacker copied token #1 at 30 m: the copy stopped working at exp + 60 s leeway, at 1 h 1 m');
    expect(altText).toContain('the kubelet rotated it 2 times');
  });

  it('speaks only of the flows exported', () => {
    const { caption, altText } = exportCaption(scenarioSource('side-by-side', 2 * H), settings({ flows: ['legacy'] }));
    expect(caption).toBe('Legacy token still valid after 2 h; stolen legacy token usable forever');
    expect(altText).not.toContain('Projected flow');
  });

  it('leaves out hidden lanes: no attacker lane, no stolen copy in the caption', () => {
    const { caption } = exportCaption(scenarioSource('side-by-side', 2 * H), settings({ hiddenLanes: ['attacker'] }));
    expect(caption).not.toContain('stolen');
  });

  it('reads the annotations in the alt text, unless annotations are switched off', () => {
    expect(exportCaption(smallSource(), settings()).altText).toMatch(/Notes: at 48 m: here the kubelet refreshes\.$/);
    expect(exportCaption(smallSource(), settings({ annotations: false })).altText).not.toContain('Notes:');
  });
});
