/**
 * Output on its way to the terminal: stdout then stderr, exactly, with CR LF line ends and a final line end, and
 * control characters shown instead of obeyed. And the one sentence the live region says about a result.
 */
import { describe, expect, it } from 'vitest';
import { announceResult, outputForTerminal } from '../../../../renderer/panels/console/terminal-text.ts';

describe('outputForTerminal', () => {
  it('prints stdout then stderr with CR LF line ends', () => {
    expect(outputForTerminal('NAME\napp\n', 'warning: x\n')).toBe('NAME\r\napp\r\nwarning: x\r\n');
  });

  it('ends unterminated output on a fresh line, and prints nothing for no output', () => {
    expect(outputForTerminal('eyJhbGciOi.x.y', '')).toBe('eyJhbGciOi.x.y\r\n');
    expect(outputForTerminal('', '')).toBe('');
  });

  it('keeps tabs and treats a CR LF from the engine as one line end', () => {
    expect(outputForTerminal('a\tb\r\nc', '')).toBe('a\tb\r\nc\r\n');
  });

  it('shows escape and other control characters instead of letting them act on the terminal', () => {
    expect(outputForTerminal('pod/\x1b[31mred\x07\x7f\r', '\x9b')).toBe('pod/^[[31mred^G^?\ufffd\r\n');
  });
});

describe('announceResult', () => {
  it('says where the command ran and its first line of output', () => {
    expect(announceResult('legacy', 'create sa my-app', 0, 'serviceaccount/my-app created\n', '')).toBe(
      'Ran on legacy: create sa my-app. serviceaccount/my-app created',
    );
  });

  it('says a command failed with its exit code and first error line', () => {
    const stderr = 'error: failed to create token: TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes\n';
    const said = announceResult('projected', 'create token my-app --duration 5m', 1, '', stderr);
    expect(said.startsWith('Failed on projected, exit code 1: create token my-app --duration 5m. error: failed to create token')).toBe(true);
    expect(said.length).toBeLessThanOrEqual(240);
    expect(said.endsWith('…')).toBe(true);
  });

  it('names a token instead of reading it out', () => {
    const jwt = `eyJhbGciOiJSUzI1NiJ9.${'a'.repeat(300)}.${'b'.repeat(342)}`;
    expect(announceResult('projected', 'create token my-app', 0, `${jwt}\n`, '')).toBe(`Ran on projected: create token my-app. a token of ${jwt.length} characters`);
  });

  it('says when there was no output', () => {
    expect(announceResult('legacy', 'delete pod app', 0, '', '')).toBe('Ran on legacy: delete pod app. no output');
  });
});
