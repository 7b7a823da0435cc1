/**
 * The bottom panel's height: by default what the story leaves (never more than a set share of the main area, nor less than
 * a couple of rows unless a short window needs them for the story at tight density, nor ever less than the panel's minimum), clamped so the timelines keep a strip, and remembered per window size, newest last, within
 * the settings' budget.
 */
import { describe, expect, it } from 'vitest';
import { MAX_REMEMBERED_PANEL_SIZES, validateSettingsPatch } from '../../../shared/ipc/ipc-contract.ts';
import {
  clampBottomPx,
  defaultBottomPx,
  MAX_DEFAULT_SHARE,
  maxBottomPx,
  MIN_BOTTOM_PX,
  MIN_TIMELINES_PX,
  rememberBottomPx,
  ROOMY_BOTTOM_PX,
  STORY_PX,
  TIGHT_STORY_PX,
  windowSizeKey,
} from '../../../renderer/app/panel-layout.ts';

describe('the default height', () => {
  it('gives the timelines the story’s room first and the bottom panel the rest', () => {
    expect(defaultBottomPx(800)).toBe(800 - STORY_PX);
  });

  it('takes at most its share of a tall main area', () => {
    expect(MAX_DEFAULT_SHARE).toBeLessThan(0.5);
    expect(defaultBottomPx(1400)).toBe(Math.round(1400 * MAX_DEFAULT_SHARE));
  });

  it('keeps a couple of rows while the story fits at tight density beside them (1366×768)', () => {
    expect(defaultBottomPx(TIGHT_STORY_PX + ROOMY_BOTTOM_PX + 7)).toBe(ROOMY_BOTTOM_PX);
  });

  it('on a short window (1280×720) shrinks towards its minimum, so the story fits at tight density', () => {
    const mainPx = TIGHT_STORY_PX + MIN_BOTTOM_PX + 10;
    expect(defaultBottomPx(mainPx)).toBe(MIN_BOTTOM_PX + 10);
    expect(mainPx - defaultBottomPx(mainPx)).toBe(TIGHT_STORY_PX);
    expect(MIN_BOTTOM_PX).toBeLessThan(ROOMY_BOTTOM_PX);
  });

  it('never goes under the panel’s minimum, even when the story needs more than there is', () => {
    expect(defaultBottomPx(500)).toBe(MIN_BOTTOM_PX);
  });
});

describe('a chosen height', () => {
  it('is clamped between the panel’s minimum and what leaves the timelines their strip', () => {
    expect(clampBottomPx(10, 700)).toBe(MIN_BOTTOM_PX);
    expect(clampBottomPx(5_000, 700)).toBe(700 - MIN_TIMELINES_PX);
    expect(clampBottomPx(321.4, 700)).toBe(321);
    expect(maxBottomPx(100)).toBe(MIN_BOTTOM_PX);
  });

  it('is remembered by window size, the newest last, forgetting the oldest sizes past the budget', () => {
    let heights: Record<string, number> = {};
    for (let i = 0; i < MAX_REMEMBERED_PANEL_SIZES + 3; i++) heights = rememberBottomPx(heights, windowSizeKey(1000 + i, 700), 200 + i);
    expect(Object.keys(heights)).toHaveLength(MAX_REMEMBERED_PANEL_SIZES);
    expect(heights['1000x700']).toBeUndefined();
    heights = rememberBottomPx(heights, '1010x700', 333);
    expect(Object.entries(heights).at(-1)).toEqual(['1010x700', 333]);
    expect(validateSettingsPatch({ bottomPanelPx: heights }).ok).toBe(true);
  });

  it('keys a window by its size in whole CSS px', () => {
    expect(windowSizeKey(1366, 768)).toBe('1366x768');
    expect(windowSizeKey(1365.6, 767.5)).toBe('1366x768');
  });
});
