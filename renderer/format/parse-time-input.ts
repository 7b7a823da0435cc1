/**
 * What a person types into "jump to": `47m`, `2d`, `1h30m`, `1:30:00`, `90s`. Returns simulated ms or a message.
 */
import { parseScenarioDuration } from '../../shared/time/duration.ts';

export function parseTimeInput(text: string): { ok: true; ms: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  const clock = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(trimmed);
  if (clock) {
    const [, a, b, c] = clock;
    const ms = c === undefined ? (Number(a) * 60 + Number(b)) * 60_000 : ((Number(a) * 60 + Number(b)) * 60 + Number(c)) * 1000;
    return { ok: true, ms };
  }
  const parsed = parseScenarioDuration(trimmed.replace(/\s+/g, ''));
  if (!parsed.ok) return { ok: false, error: `"${trimmed}" is not a time: try 47m, 2h30m, 2d or 1:30:00` };
  return { ok: true, ms: parsed.ms };
}
