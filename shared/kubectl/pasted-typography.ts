/**
 * Characters that slides, chat and word processors put into a command where the learner meant plain ASCII: dashes
 * that are not hyphens, spaces the shell does not split on, invisible marks and curly quotes. A real shell passes
 * them to kubectl as ordinary characters, so `–namespace team` becomes two resource names and `-n\u00a0team` a
 * namespace called " team"; the simulated terminal names the character instead, at its column.
 */

const DASHES: Readonly<Record<string, string>> = {
  '\u2010': 'a Unicode hyphen (U+2010)',
  '\u2011': 'a non-breaking hyphen (U+2011)',
  '\u2012': 'a figure dash (U+2012)',
  '\u2013': 'an en dash (U+2013)',
  '\u2014': 'an em dash (U+2014)',
  '\u2015': 'a horizontal bar (U+2015)',
  '\u2212': 'a minus sign (U+2212)',
  '\ufe58': 'a small em dash (U+FE58)',
  '\ufe63': 'a small hyphen-minus (U+FE63)',
  '\uff0d': 'a full-width hyphen-minus (U+FF0D)',
};

const QUOTES = new Set(['\u2018', '\u2019', '\u201a', '\u201b', '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb']);

/** Unicode spaces (Zs) other than the ASCII space, which a POSIX shell does not split words on. */
const SPACES = /^[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]$/;
const INVISIBLE = /^[\u200b-\u200d\u2060\ufeff]$/;

export function isLookAlikeDash(char: string): boolean {
  return DASHES[char] !== undefined;
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * What is wrong with `char`, unquoted at 1-based `column`, or undefined when it is fine. `word` is the unquoted
 * text of the word it starts or belongs to, for a dash (`–namespace` → "type --namespace").
 */
export function pastedCharacterProblem(char: string, column: number, word: string): string | undefined {
  if (SPACES.test(char)) {
    const name = char === '\u00a0' ? 'a non-breaking space' : char === '\u202f' ? 'a narrow non-breaking space' : 'a Unicode space';
    return `${name} (${codePoint(char)}) at column ${column}: a shell does not split words on it, so it joins the words on either side; type a plain space`;
  }
  if (INVISIBLE.test(char)) {
    return `an invisible character (${codePoint(char)}) at column ${column}, probably copied along with the command; delete it (retyping the line removes it)`;
  }
  if (QUOTES.has(char)) {
    return `${char} at column ${column} is a typographic quote (${codePoint(char)}), which a shell reads as an ordinary character; type a plain " or '`;
  }
  const dash = DASHES[char];
  if (dash !== undefined) {
    const name = word.replace(/^[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]+/, '');
    const typed = name.length === 1 ? `-${name}` : name === '' ? '-' : `--${name}`;
    return `the character at column ${column} is ${dash}, not a hyphen: presentation and word-processing software turn typed dashes into it; type ${typed}`;
  }
  return undefined;
}
