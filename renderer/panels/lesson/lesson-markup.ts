/**
 * The small markup lesson texts use: paragraphs separated by blank lines, items starting with "- " (consecutive
 * items make one list), blocks fenced with ``` for commands and manifests, `code` and **bold** inline. Parsed into plain data and rendered as React elements, never as HTML, so
 * a lesson file cannot inject markup into the page.
 */

export type Inline = { kind: 'text' | 'code' | 'strong'; text: string };

export type Block = { kind: 'paragraph'; inlines: Inline[] } | { kind: 'list'; items: Inline[][] } | { kind: 'code'; text: string };

export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length === 0) return;
    const text = paragraph.join(' ');
    paragraph = [];
    if (!text.startsWith('- ')) {
      blocks.push({ kind: 'paragraph', inlines: parseInlines(text) });
      return;
    }
    const item = parseInlines(text.slice(2));
    const previous = blocks[blocks.length - 1];
    if (previous?.kind === 'list') previous.items.push(item);
    else blocks.push({ kind: 'list', items: [item] });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim().startsWith('```')) {
      flush();
      const code: string[] = [];
      // An unclosed fence runs to the end of the text rather than swallowing nothing.
      while (++i < lines.length && !lines[i]!.trim().startsWith('```')) code.push(lines[i]!);
      blocks.push({ kind: 'code', text: dedent(code).join('\n') });
    } else if (line.trim() === '') {
      flush();
    } else {
      // A new item ends the previous one even without a blank line between them.
      if (line.trim().startsWith('- ')) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

export function parseInlines(text: string): Inline[] {
  const inlines: Inline[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) inlines.push({ kind: 'text', text: text.slice(last, at) });
    if (match[1] !== undefined) inlines.push({ kind: 'code', text: match[1] });
    else inlines.push({ kind: 'strong', text: match[2]! });
    last = at + match[0].length;
  }
  if (last < text.length) inlines.push({ kind: 'text', text: text.slice(last) });
  return inlines;
}

function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(common, l.length - l.trimStart().length)));
}
