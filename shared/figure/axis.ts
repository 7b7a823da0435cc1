/**
 * The shared time axis: tick positions at durations people count in ("every 30 m", "every 6 h", "every 2 d"),
 * labelled as simulated time since the scenario began ("0 h", "1 h 30 m", "2 d"). No wall-clock dates, so nothing
 * depends on the time zone or the locale.
 */
import type { TimeView } from './time-view.ts';

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

/** Tick steps in ms, smallest first. */
export const TICK_STEPS: readonly number[] = [
  1, 2, 5, 10, 20, 50, 100, 200, 500,
  S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S,
  M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M,
  H, 2 * H, 3 * H, 6 * H, 12 * H,
  D, 2 * D, 7 * D, 14 * D, 30 * D, 60 * D, 90 * D, 180 * D, 365 * D,
];

export interface AxisTick {
  ms: number;
  label: string;
}

/** The smallest step that keeps ticks at least `minSpacingPx` apart on a `widthPx`-wide view. */
export function tickStepFor(view: TimeView, widthPx: number, minSpacingPx: number): number {
  const span = Math.max(1, view.endMs - view.startMs);
  const maxTicks = Math.max(1, Math.floor(widthPx / Math.max(1, minSpacingPx)));
  const wanted = span / maxTicks;
  for (const step of TICK_STEPS) if (step >= wanted) return step;
  // Beyond a year: 1, 2 or 5 × 10^k years.
  const years = wanted / (365 * D);
  const power = 10 ** Math.floor(Math.log10(years));
  const nice = [1, 2, 5, 10].map((m) => m * power).find((step) => step >= years) ?? 10 * power;
  return Math.max(1, nice) * 365 * D;
}

/** Ticks inside the view, on multiples of the chosen step. */
export function simTimeTicks(view: TimeView, widthPx: number, minSpacingPx: number): AxisTick[] {
  const step = tickStepFor(view, widthPx, minSpacingPx);
  const first = Math.ceil(view.startMs / step) * step;
  const unit = leadingUnit(Math.max(Math.abs(view.startMs), Math.abs(view.endMs)), step);
  const ticks: AxisTick[] = [];
  for (let ms = first; ms <= view.endMs + 1e-6 && ticks.length < 1000; ms += step) ticks.push({ ms, label: formatSimTick(ms, step, unit) });
  return ticks;
}

const UNITS: readonly [string, number][] = [
  ['d', D],
  ['h', H],
  ['m', M],
  ['s', S],
  ['ms', 1],
];

/** The unit a zero tick is written in: the biggest one the axis reaches, but not below the step's own unit. */
function leadingUnit(maxMs: number, step: number): string {
  for (const [name, size] of UNITS) if (maxMs >= size || step >= size) return name;
  return 'ms';
}

/**
 * Simulated time as an axis label: whole units from days down to the step's unit, zero parts left out
 * ("1 h 30 m", "2 d", "1 d 6 h", "45 s", "1 m 30 s"). Zero is written in the axis' leading unit ("0 h").
 */
export function formatSimTick(ms: number, stepMs: number, zeroUnit = 'h'): string {
  if (Math.abs(ms) < 0.5) return `0 ${zeroUnit}`;
  const sign = ms < 0 ? '−' : '';
  let rest = Math.round(Math.abs(ms));
  const parts: string[] = [];
  for (const [name, size] of UNITS) {
    if (size < 1 || (size > stepMs && parts.length === 0 && rest < size)) continue;
    const whole = Math.floor(rest / size);
    rest -= whole * size;
    if (whole > 0) parts.push(`${whole} ${name}`);
    if (size <= stepMs && rest === 0) break;
  }
  if (parts.length === 0) parts.push(`${Math.round(Math.abs(ms))} ms`);
  return sign + parts.join(' ');
}
