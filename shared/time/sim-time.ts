/** Simulated time for tables and axes: `00:47:12`, `2d 03:00:00`, with milliseconds only when they are not zero. */
export function formatSimTime(ms: number): string {
  const totalSec = Math.floor(ms / 1000);
  const days = Math.floor(totalSec / 86_400);
  const h = Math.floor((totalSec % 86_400) / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  const rest = ms % 1000;
  const clock = [h, m, s].map((n) => String(n).padStart(2, '0')).join(':') + (rest ? `.${String(rest).padStart(3, '0')}` : '');
  return days > 0 ? `${days}d ${clock}` : clock;
}
