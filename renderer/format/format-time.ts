import { formatDuration } from '../../shared/time/duration.ts';

/** Simulated and wall durations as people say them: "2 h 13 m 40 s", "3 d 4 h", "0 s". */
export function formatSpan(ms: number): string {
  const totalSec = Math.floor(Math.max(0, ms) / 1000);
  const d = Math.floor(totalSec / 86_400);
  const h = Math.floor((totalSec % 86_400) / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  const parts = d > 0 ? [`${d} d`, `${h} h`, `${m} m`] : h > 0 ? [`${h} h`, `${m} m`, `${s} s`] : m > 0 ? [`${m} m`, `${s} s`] : [`${s} s`];
  return parts.join(' ');
}

// One formatter for every call: toLocaleString builds a new one each time, and the transport bar asks on every frame of play.
const SPEED_NUMBER = new Intl.NumberFormat('en-US');

export function formatSpeed(speed: number): string {
  return `${SPEED_NUMBER.format(speed)}×`;
}

/** "1 s of class = 1 h of cluster" for the chosen speed. */
export function describeSpeed(speed: number): string {
  return `1 s of class = ${formatDuration(speed * 1000)} of cluster`;
}
