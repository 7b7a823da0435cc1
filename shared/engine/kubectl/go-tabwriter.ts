/**
 * Go's `text/tabwriter`, which lays out every kubectl table and `describe` page. Cells end at a tab; the text after a
 * line's last tab is not part of any column. A column block is a run of consecutive lines that all have a cell in
 * that column, and each block is as wide as its widest cell plus the padding (never less than the minimum width).
 * A line without that column (a blank line, a `Containers:` heading) ends the block, which is why `describe` aligns
 * its sections separately. Only the flags kubectl uses are modelled: left-aligned, padded with spaces.
 */

export interface TabwriterOptions {
  minWidth: number;
  padding: number;
}

/** `printers.GetNewTabWriter`: what `kubectl get` and `auth whoami` print tables through. */
export const TABLE_TABWRITER: TabwriterOptions = { minWidth: 6, padding: 3 };
/** `describe.tabbedString`: `out.Init(buf, 0, 8, 2, ' ', 0)`. */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minWidth: 0, padding: 2 };

/** Width as tabwriter counts it: one per rune (UTF-8 sequence), not per UTF-16 unit. */
function runeCount(text: string): number {
  return [...text].length;
}

export function tabwrite(text: string, options: TabwriterOptions): string {
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((line) => line.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]!;
      let line = '';
      cells.forEach((cell, j) => {
        line += cell;
        const width = widths[j];
        if (width !== undefined) line += ' '.repeat(Math.max(0, width - runeCount(cell)));
      });
      out.push(line);
    }
  };

  // tabwriter.go `format`: recursive over columns, one block at a time.
  const format = (first: number, last: number): void => {
    const column = widths.length;
    let line0 = first;
    for (let current = first; current < last; current++) {
      if (column >= lines[current]!.length - 1) continue;
      writeLines(line0, current);
      line0 = current;
      let width = options.minWidth;
      for (; current < last; current++) {
        const cells = lines[current]!;
        if (column >= cells.length - 1) break;
        width = Math.max(width, runeCount(cells[column]!) + options.padding);
      }
      widths.push(width);
      format(line0, current);
      widths.pop();
      line0 = current;
    }
    writeLines(line0, last);
  };

  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}
