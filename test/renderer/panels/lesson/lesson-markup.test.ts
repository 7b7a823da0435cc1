/** The lesson text markup: paragraphs, lists, fenced blocks and inline code and bold, as plain data. */
import { describe, expect, it } from 'vitest';
import { parseBlocks, parseInlines } from '../../../../renderer/panels/lesson/lesson-markup.ts';

describe('lesson markup', () => {
  it('joins the lines of a paragraph and splits paragraphs on blank lines', () => {
    expect(parseBlocks('one\ntwo\n\nthree')).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'one two' }] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'three' }] },
    ]);
  });

  it('reads `code` and **bold** inline, leaving unmatched marks as text', () => {
    expect(parseInlines('run `kubectl get sa` **now**, or `later')).toEqual([
      { kind: 'text', text: 'run ' },
      { kind: 'code', text: 'kubectl get sa' },
      { kind: 'text', text: ' ' },
      { kind: 'strong', text: 'now' },
      { kind: 'text', text: ', or `later' },
    ]);
  });

  it('keeps fenced blocks verbatim, dedented, and runs an unclosed fence to the end', () => {
    expect(parseBlocks('before\n```\n  spec:\n    a: 1\n```\nafter\n```\nopen')).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'before' }] },
      { kind: 'code', text: 'spec:\n  a: 1' },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'after' }] },
      { kind: 'code', text: 'open' },
    ]);
  });

  it('makes one list of consecutive "- " items, with or without blank lines between them', () => {
    expect(parseBlocks('- a\n  more\n- b\n\n- c\n\ntail')).toEqual([
      { kind: 'list', items: [[{ kind: 'text', text: 'a more' }], [{ kind: 'text', text: 'b' }], [{ kind: 'text', text: 'c' }]] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'tail' }] },
    ]);
  });
});
