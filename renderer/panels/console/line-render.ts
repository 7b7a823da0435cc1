/**
 * Drawing the prompt and the line being edited. Every edit redraws the whole line from the prompt, which stays
 * correct however the line wraps: go up to the prompt's row, erase to the end of the screen, write prompt and
 * text, then move the cursor to its cell. Cell positions are laid out the way the terminal wraps (a double-width
 * character that does not fit moves to the next row whole), so the cursor lands where the text is.
 */

/** Where the terminal cursor is, in rows below the prompt's row, after the last redraw. */
export interface DrawnLine {
  cursorRow: number;
}

export const FRESH_LINE: DrawnLine = { cursorRow: 0 };

/** SGR bold for the prompt, so it stands apart from output without depending on colour. */
const PROMPT_ON = '\x1b[1m';
const STYLE_OFF = '\x1b[0m';

/** Cells a code point takes: 2 for East Asian wide characters and most emoji, 0 for combining marks, else 1. */
export function cellWidth(codePoint: number): number {
  if ((codePoint >= 0x300 && codePoint <= 0x36f) || (codePoint >= 0x200b && codePoint <= 0x200f) || codePoint === 0xfe0f) return 0;
  if (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf && codePoint !== 0x303f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1f64f) ||
    (codePoint >= 0x1f900 && codePoint <= 0x1f9ff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export interface Cell {
  row: number;
  column: number;
}

/**
 * The cell where each UTF-16 index of `prompt + text` starts, plus the cell after the last character. A final
 * column equal to `columns` is the terminal's "pending wrap" state: the cursor waits at the end of the full row.
 */
export function layoutCells(chars: string, columns: number): Map<number, Cell> {
  const cells = new Map<number, Cell>();
  const width = Math.max(1, columns);
  let row = 0;
  let column = 0;
  let index = 0;
  for (const char of chars) {
    const cellsWide = cellWidth(char.codePointAt(0) ?? 0);
    if (column + cellsWide > width) {
      row++;
      column = 0;
    }
    cells.set(index, { row, column });
    column += cellsWide;
    index += char.length;
  }
  cells.set(index, { row, column });
  return cells;
}

/**
 * The bytes that redraw `prompt` + `text` with the cursor at `cursor` (an index into `text`), starting from where
 * the previous draw left the terminal cursor, and where this one leaves it.
 */
export function redrawLine(previous: DrawnLine, prompt: string, text: string, cursor: number, columns: number): { output: string; drawn: DrawnLine } {
  const cells = layoutCells(prompt + text, columns);
  const end = cells.get(prompt.length + text.length) ?? { row: 0, column: 0 };
  const target = cells.get(prompt.length + cursor) ?? end;
  let output = previous.cursorRow > 0 ? `\x1b[${previous.cursorRow}A` : '';
  output += `\r\x1b[J${PROMPT_ON}${prompt}${STYLE_OFF}${text}`;
  let row = end.row;
  let column = end.column;
  if (column >= columns) {
    // Leave the pending-wrap state explicitly, so the cursor really is on the next row.
    output += '\r\n';
    row++;
    column = 0;
  }
  const targetRow = target.column >= columns ? target.row + 1 : target.row;
  const targetColumn = target.column >= columns ? 0 : target.column;
  if (targetRow < row) output += `\x1b[${row - targetRow}A`;
  if (targetColumn !== column) output += targetColumn === 0 ? '\r' : `\r\x1b[${targetColumn}C`;
  return { output, drawn: { cursorRow: targetRow } };
}

/**
 * The bytes that end the line when it is run: the cursor goes to the end of the text and down to a new row, and
 * the next draw starts from there.
 */
export function finishLine(previous: DrawnLine, prompt: string, text: string, columns: number): string {
  const { output } = redrawLine(previous, prompt, text, text.length, columns);
  const end = layoutCells(prompt + text, columns).get(prompt.length + text.length) ?? { row: 0, column: 0 };
  // When the text filled its last row exactly, the redraw already moved to a fresh row.
  return end.column >= columns ? output : `${output}\r\n`;
}
