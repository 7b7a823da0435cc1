import { describe, expect, it } from 'vitest';
import { formatSimTick, simTimeTicks, tickStepFor } from '../../../shared/figure/axis.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('time axis', () => {
  it('labels simulated time the way people say it', () => {
    expect(formatSimTick(0, H)).toBe('0 h');
    expect(formatSimTick(90 * M, 30 * M)).toBe('1 h 30 m');
    expect(formatSimTick(2 * D, D)).toBe('2 d');
    expect(formatSimTick(D + 6 * H, 6 * H)).toBe('1 d 6 h');
    expect(formatSimTick(45 * S, 15 * S)).toBe('45 s');
    expect(formatSimTick(90 * S, 30 * S)).toBe('1 m 30 s');
    expect(formatSimTick(0, S, 's')).toBe('0 s');
  });

  it('puts hourly ticks on a six-hour scenario', () => {
    const ticks = simTimeTicks({ startMs: 0, endMs: 6 * H }, 1000, 110);
    expect(ticks.map((t) => t.label)).toEqual(['0 h', '1 h', '2 h', '3 h', '4 h', '5 h', '6 h']);
  });

  it('picks steps people count in, never closer than the minimum spacing', () => {
    expect(tickStepFor({ startMs: 0, endMs: 6 * H }, 400, 110)).toBe(2 * H);
    expect(tickStepFor({ startMs: 0, endMs: 10 * M }, 1000, 110)).toBe(2 * M);
    expect(tickStepFor({ startMs: 0, endMs: 10 * M }, 1200, 110)).toBe(M);
    expect(tickStepFor({ startMs: 0, endMs: 30 * D }, 1000, 110)).toBe(7 * D);
    expect(tickStepFor({ startMs: 0, endMs: 10 * 365 * D }, 1000, 110)).toBe(2 * 365 * D);
  });

  it('writes zero in the unit the axis reaches', () => {
    expect(simTimeTicks({ startMs: 0, endMs: 5 * M }, 1000, 110)[0]!.label).toBe('0 m');
    expect(simTimeTicks({ startMs: 0, endMs: 3 * D }, 1000, 110)[0]!.label).toBe('0 d');
  });
});
