import { describe, expect, it } from 'vitest';
import { parseKubectl } from '../../../shared/kubectl/parse-kubectl.ts';
import type { KubectlParseResult } from '../../../shared/kubectl/parse-kubectl.ts';

const CTX = { kubectlCreateToken: true, nodeBoundTokens: true };

function refusal(line: string): { stderr: string; column: number | undefined } {
  const result: KubectlParseResult = parseKubectl(line, CTX);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.command)}`);
  return { stderr: result.stderr, column: result.column };
}

describe('a dash that only looks like a hyphen is named, not read as a resource name', () => {
  it.each<[string, string, number, string]>([
    ['kubectl get pods –namespace team', 'an en dash (U+2013)', 18, '--namespace'],
    ['kubectl get pods —namespace team', 'an em dash (U+2014)', 18, '--namespace'],
    ['kubectl get pods −n team', 'a minus sign (U+2212)', 18, '-n'],
    ['kubectl get pods -–namespace team', 'an en dash (U+2013)', 19, '--namespace'],
  ])('%j', (line, what, column, typed) => {
    const { stderr, column: at } = refusal(line);
    expect(stderr).toContain(`column ${column} is ${what}, not a hyphen`);
    expect(stderr).toContain(`type ${typed}`);
    expect(stderr).not.toContain('one NAME at a time');
    expect(stderr).not.toContain("'â'");
    expect(at).toBe(column);
  });

  it('leaves a dash inside quotes alone: the user typed it on purpose', () => {
    expect(parseKubectl("kubectl create token app --audience 'a–b'", CTX)).toMatchObject({ ok: true, command: { audiences: ['a–b'] } });
  });
});

describe('a space the shell does not split on is named, not folded into a word', () => {
  it('a non-breaking space between words', () => {
    const { stderr, column } = refusal('kubectl\u00a0get pods');
    expect(stderr).toContain('a non-breaking space (U+00A0) at column 8');
    expect(stderr).not.toContain('unknown command');
    expect(column).toBe(8);
  });

  it('a non-breaking space before a namespace no longer becomes part of its name', () => {
    const { stderr, column } = refusal('kubectl get pods -n\u00a0team');
    expect(stderr).toContain('a non-breaking space (U+00A0) at column 20');
    expect(column).toBe(20);
  });

  it('an invisible byte-order mark or zero-width space', () => {
    expect(refusal('\ufeffkubectl get pods').stderr).toContain('an invisible character (U+FEFF) at column 1');
    expect(refusal('kubectl get pods\u200b').stderr).toContain('an invisible character (U+200B) at column 17');
  });
});

describe('typographic quotes are named instead of becoming part of a name', () => {
  it('“app”', () => {
    const { stderr, column } = refusal('kubectl get pod “app”');
    expect(stderr).toContain('“ at column 17 is a typographic quote (U+201C)');
    expect(column).toBe(17);
  });
});
