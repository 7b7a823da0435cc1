/**
 * The pasted token's own timeline as numbers: the axis breaks only where one gap dwarfs the rest, the kubelet's
 * refresh rule (80 % of the lifetime it asked for, less 0–9 s of jitter, capped at a day), offsets read exactly under
 * a day and roughly beyond, and labels never overlap within a row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildTimeline,
  kubeletRefresh,
  markOffset,
  piecewiseScale,
  placeLabels,
  roughDuration,
} from '../../../../renderer/panels/paste-token/paste-timeline.ts';

const IAT = 1_736_154_001;
const YEAR = 31_536_000;

describe('piecewiseScale', () => {
  it('is linear when no gap dwarfs the others, with a margin at each end', () => {
    const scale = piecewiseScale([0, 100, 400]);
    expect(scale.breaks).toEqual([]);
    expect(scale.toX(0)).toBeCloseTo(0.05);
    expect(scale.toX(400)).toBeCloseTo(0.95);
    expect(scale.toX(100)).toBeCloseTo(0.05 + 0.9 / 4);
    expect(scale.toX(250)).toBeCloseTo(0.05 + 0.9 * (250 / 400));
  });

  it('breaks a year that follows an hour, and keeps the hour whole and proportional', () => {
    const scale = piecewiseScale([IAT, IAT + 2877, IAT + 3607, IAT + YEAR], [IAT, IAT + 3607]);
    expect(scale.breaks).toEqual([{ fromSec: IAT + 3607, toSec: IAT + YEAR, fromX: expect.closeTo(0.79), toX: expect.closeTo(0.95) }]);
    const hourWidth = scale.toX(IAT + 3607) - scale.toX(IAT);
    expect(hourWidth).toBeCloseTo(0.9 - 0.16);
    expect((scale.toX(IAT + 2877) - scale.toX(IAT)) / hourWidth).toBeCloseTo(2877 / 3607);
  });

  it('without a span to keep whole, even the hour could break: 2877 s is more than 3 × 730 s', () => {
    expect(piecewiseScale([IAT, IAT + 2877, IAT + 3607, IAT + YEAR]).breaks.map((b) => b.toSec - b.fromSec)).toEqual([2877, YEAR - 3607]);
  });

  it('breaks several gaps, longest first, while each is more than 3× all the shorter ones together', () => {
    const scale = piecewiseScale([0, 60, 86_400, 1e12]);
    expect(scale.breaks.map((b) => [b.fromSec, b.toSec])).toEqual([[60, 86_400], [86_400, 1e12]]);
  });

  it('a single gap, or a single instant, is never broken', () => {
    expect(piecewiseScale([0, YEAR]).breaks).toEqual([]);
    expect(piecewiseScale([5]).toX(5)).toBe(0.5);
    expect(piecewiseScale([]).breaks).toEqual([]);
  });

  it('keeps every instant inside [0, 1] and in order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2e12 }), { minLength: 2, maxLength: 7 }), (instants) => {
        const scale = piecewiseScale(instants);
        const sorted = [...new Set(instants)].sort((a, b) => a - b);
        const xs = sorted.map((t) => scale.toX(t));
        for (const x of xs) expect(x >= 0 && x <= 1).toBe(true);
        for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]!);
      }),
    );
  });
});

describe('kubeletRefresh: the kubelet token manager’s rule', () => {
  it('a 3607 s token is due at an age of 2886 s, or 2877 s with the most jitter', () => {
    expect(kubeletRefresh(IAT, IAT + 3607, undefined)).toEqual({
      lifetimeSec: 3607,
      dueAgeSec: 2886,
      earliestDueAgeSec: 2877,
      fromSec: IAT + 2877,
      untilSec: IAT + 3607,
    });
  });

  it('an extended token is planned from warnafter, not from the year in exp', () => {
    expect(kubeletRefresh(IAT, IAT + YEAR, IAT + 3607)).toMatchObject({ lifetimeSec: 3607, dueAgeSec: 2886, untilSec: IAT + 3607 });
  });

  it('uses integer division for the 20 % (⌊E·20/100⌋) and caps the age at 24 h', () => {
    expect(kubeletRefresh(IAT, IAT + 601, undefined)?.dueAgeSec).toBe(601 - 120);
    expect(kubeletRefresh(IAT, IAT + 48 * 3600, undefined)).toMatchObject({ dueAgeSec: 86_400, earliestDueAgeSec: 86_391 });
  });

  it('has nothing to say without a lifetime', () => {
    expect(kubeletRefresh(IAT, undefined, undefined)).toBeUndefined();
    expect(kubeletRefresh(IAT, IAT - 1, undefined)).toBeUndefined();
  });
});

describe('durations on the marks', () => {
  it('exact to the second under a day, with the 7 s of 3607 kept', () => {
    expect(markOffset(3607)).toBe('+1 h 0 m 7 s');
    expect(markOffset(2877)).toBe('+47 m 57 s');
    expect(markOffset(7200)).toBe('+2 h');
    expect(markOffset(45)).toBe('+45 s');
    expect(markOffset(-120)).toBe('−2 m');
  });

  it('rounded to one unit beyond a day, promoting 365 d to a year', () => {
    expect(markOffset(YEAR)).toBe('+1 y');
    expect(roughDuration(YEAR - 3607)).toBe('≈ 1 y');
    expect(roughDuration(3 * 86_400 - 3607)).toBe('≈ 3 d');
    expect(roughDuration(1.7e12)).toBe('≈ 53,907 y');
    expect(roughDuration(0)).toBe('≈ 0 s');
  });
});

describe('buildTimeline', () => {
  it('names a legacy token’s missing times in its text twin', () => {
    const timeline = buildTimeline({ podBound: false, legacy: true, nowSec: IAT });
    expect(timeline.description).toBe('no iat and no exp: valid from when its Secret was made until the Secret is deleted; now 2025-01-06 09:00:01 UTC.');
  });

  it('describes an extended pod token mark by mark, now included', () => {
    const timeline = buildTimeline({ iat: IAT, nbf: IAT, exp: IAT + YEAR, warnAfter: IAT + 3607, podBound: true, legacy: false, nowSec: IAT + 600 });
    expect(timeline.description).toBe(
      'iat = nbf 2025-01-06 09:00:01 UTC; refresh due 2025-01-06 09:47:58 UTC (47 m 57 s after iat); ' +
        'warnafter 2025-01-06 10:00:08 UTC (1 h 0 m 7 s after iat); exp 2026-01-06 09:00:01 UTC (1 y after iat); ' +
        'kubelet refresh due from 2,877 s of age; now 2025-01-06 09:10:01 UTC.',
    );
    expect(timeline.now.detail).toBe('10 m after iat');
  });

  it('a token without iat places now against exp', () => {
    expect(buildTimeline({ exp: IAT, podBound: false, legacy: false, nowSec: IAT - 300 }).now.detail).toBe('5 m before exp');
  });

  it('a token not bound to a pod has no refresh window, and says who must renew it', () => {
    const timeline = buildTimeline({ iat: IAT, nbf: IAT, exp: IAT + 3600, podBound: false, legacy: false, nowSec: IAT });
    expect(timeline.spans.map((s) => s.kind)).toEqual(['valid']);
    expect(timeline.kubeletNote).toMatch(/Whoever made it must ask for a new one/);
  });
});

describe('placeLabels', () => {
  it('puts labels side by side when they fit, and stacks them when they would touch', () => {
    expect(placeLabels([{ anchorX: 50, width: 40 }, { anchorX: 200, width: 40 }], 400, 10, 3)).toEqual([
      { left: 30, row: 0 },
      { left: 180, row: 0 },
    ]);
    expect(placeLabels([{ anchorX: 100, width: 80 }, { anchorX: 130, width: 80 }, { anchorX: 160, width: 80 }], 400, 10, 3).map((p) => p.row)).toEqual([0, 1, 2]);
  });

  it('keeps labels inside the width', () => {
    expect(placeLabels([{ anchorX: 0, width: 60 }, { anchorX: 400, width: 60 }], 400, 10, 3)).toEqual([
      { left: 0, row: 0 },
      { left: 340, row: 0 },
    ]);
  });

  it('never overlaps two labels in one row below the row limit (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ anchorX: fc.integer({ min: 0, max: 800 }), width: fc.integer({ min: 10, max: 200 }) }), { maxLength: 6 }), (boxes) => {
        const sorted = [...boxes].sort((a, b) => a.anchorX - b.anchorX);
        const placed = placeLabels(sorted, 800, 8, 6);
        for (let i = 0; i < placed.length; i++) {
          for (let j = 0; j < i; j++) {
            if (placed[i]!.row !== placed[j]!.row) continue;
            const a = { l: placed[j]!.left, r: placed[j]!.left + sorted[j]!.width };
            const b = { l: placed[i]!.left, r: placed[i]!.left + sorted[i]!.width };
            expect(b.l >= a.r + 8 || a.l >= b.r + 8).toBe(true);
          }
        }
      }),
    );
  });
});
