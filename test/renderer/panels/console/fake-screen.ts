/**
 * A tiny terminal for tests: it interprets exactly the bytes the console writes (text with auto-wrap and xterm's
 * pending-wrap rule, CR, LF, cursor up/forward, erase below, clear screen, SGR ignored), so a test can read what a
 * learner would see and where the cursor is, instead of comparing escape sequences.
 */
import { cellWidth } from '../../../../renderer/panels/console/line-render.ts';

export class FakeScreen {
  private rows: string[][] = [[]];
  row = 0;
  /** A column equal to `columns` is the pending-wrap state (the cursor waits at the end of a full row). */
  column = 0;

  constructor(readonly columns: number) {}

  write(data: string): void {
    let i = 0;
    while (i < data.length) {
      const char = data[i] ?? '';
      if (char === '\x1b') {
        i = this.escape(data, i);
        continue;
      }
      if (char === '\r') this.column = 0;
      else if (char === '\n') this.moveTo(this.row + 1, Math.min(this.column, this.columns - 1));
      else if (char >= ' ') {
        const codePoint = data.codePointAt(i) ?? 0;
        const printed = String.fromCodePoint(codePoint);
        this.print(printed, cellWidth(codePoint));
        i += printed.length;
        continue;
      }
      i++;
    }
  }

  /** The screen as text, one line per row, trailing blanks removed. */
  lines(): string[] {
    return this.rows.map((cells) => cells.join('').trimEnd());
  }

  text(): string {
    return this.lines().join('\n').trimEnd();
  }

  /** The row the cursor is on, as text. */
  currentLine(): string {
    return this.lines()[this.row] ?? '';
  }

  private print(char: string, width: number): void {
    if (width === 0) return;
    if (this.column + width > this.columns) this.moveTo(this.row + 1, 0);
    const cells = this.cells(this.row);
    cells[this.column] = char;
    if (width === 2) cells[this.column + 1] = '';
    this.column += width;
  }

  private cells(row: number): string[] {
    while (this.rows.length <= row) this.rows.push([]);
    const cells = this.rows[row] as string[];
    while (cells.length < this.columns) cells.push(' ');
    return cells;
  }

  private moveTo(row: number, column: number): void {
    this.row = Math.max(0, row);
    this.column = column;
    this.cells(this.row);
  }

  private escape(data: string, start: number): number {
    if (data[start + 1] !== '[') return start + 2;
    let j = start + 2;
    while (j < data.length && /[0-9;?]/.test(data[j] ?? '')) j++;
    const params = data.slice(start + 2, j);
    const final = data[j];
    const n = params === '' ? 1 : Number(params.split(';')[0]);
    const column = Math.min(this.column, this.columns - 1);
    switch (final ?? '') {
      case 'A':
        this.moveTo(this.row - n, column);
        break;
      case 'C':
        this.moveTo(this.row, Math.min(column + n, this.columns - 1));
        break;
      case 'H':
        this.moveTo(0, 0);
        break;
      case 'J':
        if (params === '' || params === '0') {
          const cells = this.cells(this.row);
          for (let c = column; c < this.columns; c++) cells[c] = ' ';
          this.rows.length = this.row + 1;
        } else {
          this.rows = this.rows.map(() => []);
          if (params === '3') this.rows = [[]];
          this.cells(this.row);
        }
        break;
      default:
        break; // SGR (m), bracketed paste mode (h) and the like change nothing a test reads.
    }
    return j + 1;
  }
}
