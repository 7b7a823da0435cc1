/** The custom speed box: what people type is read as simulated seconds per second, or refused with a reason. */
import { describe, expect, it } from 'vitest';
import { parseSpeedInput } from '../../../renderer/format/parse-speed-input.ts';

describe('parseSpeedInput', () => {
  it.each([
    ['600', 600],
    [' 600× ', 600],
    ['600x', 600],
    ['1,000,000', 1_000_000],
    ['0.5', 0.5],
    ['10000000', 10_000_000],
  ])('reads %j as %d×', (text, speed) => {
    expect(parseSpeedInput(text)).toEqual({ ok: true, speed });
  });

  it.each([
    ['20000000', /20,000,000× is too fast: the speed goes from 0\.1× to 10,000,000×/],
    ['0', /0× is too slow/],
    ['0.01', /too slow/],
    ['-5', /"-5" is not a number/],
    ['fast', /"fast" is not a number: type a speed from 0\.1× to 10,000,000×, for example 600/],
    ['1e9', /"1e9" is not a number/],
    ['', /Type a speed from 0\.1× to 10,000,000×/],
    ['9'.repeat(40), /That is not a speed/],
    ['1,00', /"1,00" is not a number/],
  ])('refuses %j with a message', (text, message) => {
    const parsed = parseSpeedInput(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});
