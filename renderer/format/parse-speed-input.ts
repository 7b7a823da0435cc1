/**
 * What a person types into the custom speed box: simulated seconds per wall second, as `600`, `600×`, `600x` or
 * `1,000,000`. Returns the speed, or a message that says what is wrong and what would be accepted.
 */
import { MAX_SPEED } from '../../shared/rpc/engine-protocol.ts';
import { formatSpeed } from './format-time.ts';
import { MIN_SPEED } from '../../shared/time/speed.ts';

/** The slowest speed the box takes: the transport's own minimum. */
export const MIN_CUSTOM_SPEED = MIN_SPEED;
/** More than enough digits for any speed; a longer entry is refused before it is read. */
const MAX_INPUT_CHARS = 24;

export function parseSpeedInput(text: string): { ok: true; speed: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  const range = `from ${formatSpeed(MIN_CUSTOM_SPEED)} to ${formatSpeed(MAX_SPEED)}`;
  if (trimmed === '') return { ok: false, error: `Type a speed ${range}, for example 600` };
  if (trimmed.length > MAX_INPUT_CHARS) return { ok: false, error: `That is not a speed: type a number ${range}` };
  const digits = trimmed.replace(/[×xX]$/, '').trimEnd().replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(digits)) return { ok: false, error: `"${trimmed}" is not a number: type a speed ${range}, for example 600` };
  const speed = Number(digits);
  if (speed < MIN_CUSTOM_SPEED) return { ok: false, error: `${formatSpeed(speed)} is too slow: the speed goes ${range}` };
  if (speed > MAX_SPEED) return { ok: false, error: `${formatSpeed(speed)} is too fast: the speed goes ${range}` };
  return { ok: true, speed };
}
