import { describe, expect, it } from 'vitest';
import { tokenizeShellLine } from '../../../shared/kubectl/kubectl-tokenize.ts';

function words(line: string): Array<[string, number]> {
  const result = tokenizeShellLine(line);
  if (!result.ok) throw new Error(result.error);
  return result.words.map((word) => [word.text, word.column]);
}

describe('tokenizeShellLine splits like a POSIX shell', () => {
  it.each<[string, Array<[string, number]>]>([
    ['get pods', [['get', 1], ['pods', 5]]],
    ['  get\t pods  ', [['get', 3], ['pods', 8]]],
    ["create token 'my app'", [['create', 1], ['token', 8], ['my app', 14]]],
    ['exec app -- sh -c "cat $HOME/x"', [['exec', 1], ['app', 6], ['--', 10], ['sh', 13], ['-c', 16], ['cat $HOME/x', 19]]],
    ['a"b"\'c\'d', [['abcd', 1]]],
    ['say "a \\"quoted\\" \\\\ word"', [['say', 1], ['a "quoted" \\ word', 5]]],
    ['say "keep \\n as is"', [['say', 1], ['keep \\n as is', 5]]],
    ['say \\"x\\ y', [['say', 1], ['"x y', 5]]],
    ["--audience ''", [['--audience', 1], ['', 12]]],
    ['get pods # a comment', [['get', 1], ['pods', 5]]],
    ['get pods#not-a-comment', [['get', 1], ['pods#not-a-comment', 5]]],
    ['get \\\npods', [['get', 1], ['pods', 7]]],
    ['', []],
  ])('%j', (line, expected) => {
    expect(words(line)).toEqual(expected);
  });

  it.each<[string, string, number]>([
    ["get 'pods", "the ' quote at column 5 is never closed", 5],
    ['get "pods', 'the " quote at column 5 is never closed', 5],
    ['get pods\\', 'the \\ at column 9 escapes nothing (it ends the line)', 9],
    ['get pods; rm', "; at column 9 is a command separator; TokenScope's terminal runs one kubectl command", 9],
    ['get pods && x', "& at column 10 is a background or && operator; TokenScope's terminal runs one kubectl command", 10],
    ['get $(whoami)', "$( at column 5 is command substitution; TokenScope's terminal runs one kubectl command", 5],
    ['get "`id`"', "command substitution at column 6 is not supported; TokenScope's terminal runs one kubectl command", 6],
  ])('%j fails: %s', (line, error, column) => {
    expect(tokenizeShellLine(line)).toEqual({ ok: false, error, column });
  });
});

describe('tokenizeShellLine reads one here-document operator', () => {
  it.each<[string, string[], { delimiter: string; stripTabs: boolean; column: number }]>([
    ['apply -f - <<EOF', ['apply', '-f', '-'], { delimiter: 'EOF', stripTabs: false, column: 12 }],
    ["apply -f - <<'EOF'", ['apply', '-f', '-'], { delimiter: 'EOF', stripTabs: false, column: 12 }],
    ['apply -f - << "END" ', ['apply', '-f', '-'], { delimiter: 'END', stripTabs: false, column: 12 }],
    ['apply -f - <<-EOF', ['apply', '-f', '-'], { delimiter: 'EOF', stripTabs: true, column: 12 }],
    ['apply <<E"O"F -f -', ['apply', '-f', '-'], { delimiter: 'EOF', stripTabs: false, column: 7 }],
    ['apply -f -<<\\EOF', ['apply', '-f', '-'], { delimiter: 'EOF', stripTabs: false, column: 11 }],
  ])('%j', (line, expectedWords, heredoc) => {
    const result = tokenizeShellLine(line);
    if (!result.ok) throw new Error(result.error);
    expect(result.words.map((word) => word.text)).toEqual(expectedWords);
    expect(result.heredoc).toEqual(heredoc);
  });

  it('a << inside quotes is a word, not an operator', () => {
    expect(tokenizeShellLine("say '<<EOF'")).toEqual({ ok: true, words: [{ text: 'say', column: 1 }, { text: '<<EOF', column: 5 }] });
  });
});
