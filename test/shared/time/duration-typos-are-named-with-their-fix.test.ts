/**
 * A scenario duration typed the way people write durations elsewhere (`5 m`, `1H`, `5mins`, `1e3s`, `1,5h`) is
 * refused with what is actually wrong and the spelling that works, not with a unit the reader never typed (" m",
 * "e", ","). kubectl's Go parser keeps Go's own texts byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { parseGoDuration, parseScenarioDuration } from '../../../shared/time/duration.ts';

function refusal(text: string): string {
  const result = parseScenarioDuration(text);
  if (result.ok) throw new Error(`${text} was accepted`);
  return result.error;
}

describe('scenario duration typos', () => {
  it('a space inside or around a duration is named as a space, with the duration written without it', () => {
    expect(refusal('5 m')).toBe('"5 m" has a space in it; write durations without spaces, such as 5m');
    expect(refusal('1h 30m')).toBe('"1h 30m" has a space in it; write durations without spaces, such as 1h30m');
    expect(refusal(' 1h')).toBe('" 1h" has a space in it; write durations without spaces, such as 1h');
    expect(refusal('1h ')).toBe('"1h " has a space in it; write durations without spaces, such as 1h');
    expect(refusal('1\th')).toMatch(/^"1\\th" has a space in it; write durations without spaces, such as 1h$/);
  });

  it('an upper-case unit or a unit spelt as a word suggests the unit that works', () => {
    expect(refusal('1H')).toBe('"1H" has an unknown unit "H" (did you mean 1h? units are lower case); use a number and a unit (ns, us, ms, s, m, h, d or y), e.g. 90s, 1h30m, 2d');
    expect(refusal('1H30M')).toMatch(/\(did you mean 1h30m\? units are lower case\)/);
    expect(refusal('5mins')).toMatch(/^"5mins" has an unknown unit "mins" \(did you mean 5m\?\)/);
    expect(refusal('2hrs')).toMatch(/\(did you mean 2h\?\)/);
    expect(refusal('30sec')).toMatch(/\(did you mean 30s\?\)/);
    expect(refusal('3days')).toMatch(/\(did you mean 3d\?\)/);
    expect(refusal('2w')).toMatch(/\(did you mean 14d\?\)/);
    expect(refusal('1 hour')).toBe('"1 hour" has a space in it; write durations without spaces, such as 1h');
    expect(refusal('5x')).toBe('"5x" has an unknown unit "x"; use a number and a unit (ns, us, ms, s, m, h, d or y), e.g. 90s, 1h30m, 2d');
  });

  it('exponent notation and a decimal comma are named, not read as units "e" and ","', () => {
    expect(refusal('1e3s')).toBe('"1e3s" is in exponent notation, which durations do not take; write the digits out, such as 1000s');
    expect(refusal('1e3')).toBe('"1e3" is in exponent notation, which durations do not take; write the digits out with a unit, such as 1000s');
    expect(refusal('1,5h')).toBe('"1,5h" has a decimal comma; durations take a decimal point, such as 1.5h');
  });

  it('kubectl keeps Go\'s error texts for the same inputs', () => {
    expect(parseGoDuration('5 m')).toEqual({ ok: false, error: 'time: unknown unit " m" in duration "5 m"' });
    expect(parseGoDuration('1H')).toEqual({ ok: false, error: 'time: unknown unit "H" in duration "1H"' });
    expect(parseGoDuration('1e3s')).toEqual({ ok: false, error: 'time: unknown unit "e" in duration "1e3s"' });
  });
});
