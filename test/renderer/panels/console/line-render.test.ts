/**
 * Redrawing the prompt and line, checked on a small terminal model (fake-screen.ts) rather than on escape codes:
 * whatever the previous draw, the screen shows the prompt and text wrapped at the terminal width, nothing left
 * over from a longer line, and the cursor in the cell of the character it is before. Also the wrap of a
 * double-width character, and finishing a line that exactly fills its row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellWidth, finishLine, FRESH_LINE, layoutCells, redrawLine, type DrawnLine } from '../../../../renderer/panels/console/line-render.ts';
import { FakeScreen } from './fake-screen.ts';

function draw(screen: FakeScreen, previous: DrawnLine, prompt: string, text: string, cursor: number): DrawnLine {
  const { output, drawn } = redrawLine(previous, prompt, text, cursor, screen.columns);
  screen.write(output);
  return drawn;
}

function rowsOf(line: string, columns: number): string[] {
  const rows: string[] = [];
  for (let i = 0; i < line.length; i += columns) rows.push(line.slice(i, i + columns));
  return rows.length === 0 ? [''] : rows;
}

describe('cellWidth', () => {
  it('counts ASCII as one cell, CJK and emoji as two, combining marks as none', () => {
    expect(cellWidth('a'.codePointAt(0) ?? 0)).toBe(1);
    expect(cellWidth('名'.codePointAt(0) ?? 0)).toBe(2);
    expect(cellWidth('🔑'.codePointAt(0) ?? 0)).toBe(2);
    expect(cellWidth(0x301)).toBe(0);
  });
});

describe('layoutCells', () => {
  it('wraps at the terminal width and marks the end of a full row as pending wrap', () => {
    const cells = layoutCells('abcdef', 3);
    expect(cells.get(2)).toEqual({ row: 0, column: 2 });
    expect(cells.get(3)).toEqual({ row: 1, column: 0 });
    expect(cells.get(6)).toEqual({ row: 1, column: 3 });
  });

  it('moves a double-width character that does not fit to the next row whole', () => {
    const cells = layoutCells('ab名', 3);
    expect(cells.get(2)).toEqual({ row: 1, column: 0 });
    expect(cells.get(3)).toEqual({ row: 1, column: 2 });
  });
});

describe('redrawLine', () => {
  it('draws the prompt and the text with the cursor before the character it points at', () => {
    const screen = new FakeScreen(40);
    draw(screen, FRESH_LINE, 'legacy (1.20) $ ', 'get pods', 4);
    expect(screen.text()).toBe('legacy (1.20) $ get pods');
    expect({ row: screen.row, column: screen.column }).toEqual({ row: 0, column: 20 });
  });

  it('erases what a longer line left behind, on every row it covered', () => {
    const screen = new FakeScreen(10);
    let drawn = draw(screen, FRESH_LINE, '$ ', 'create token my-app', 19);
    expect(screen.lines()).toEqual(['$ create t', 'oken my-ap', 'p']);
    drawn = draw(screen, drawn, '$ ', 'get', 3);
    expect(screen.text()).toBe('$ get');
    expect(drawn.cursorRow).toBe(0);
  });

  it('puts the cursor on a fresh row when the text exactly fills its last row', () => {
    const screen = new FakeScreen(5);
    const drawn = draw(screen, FRESH_LINE, '$ ', 'abc', 3);
    expect(screen.lines()).toEqual(['$ abc', '']);
    expect({ row: screen.row, column: screen.column, drawnRow: drawn.cursorRow }).toEqual({ row: 1, column: 0, drawnRow: 1 });
  });

  it('keeps the screen and the cursor right through any sequence of edits and widths (ASCII)', () => {
    const step = fc.record({ text: fc.string({ unit: fc.constantFrom('a', 'b', ' ', '-'), maxLength: 50 }), cursorShare: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 30 }), fc.array(step, { minLength: 1, maxLength: 8 }), (columns, steps) => {
        const screen = new FakeScreen(columns);
        const prompt = 'p $ ';
        let drawn = FRESH_LINE;
        for (const { text, cursorShare } of steps) {
          const cursor = Math.round(cursorShare * text.length);
          drawn = draw(screen, drawn, prompt, text, cursor);
          const expected = rowsOf(prompt + text, columns).map((row) => row.trimEnd());
          expect(screen.lines().slice(0, expected.length)).toEqual(expected);
          expect(screen.lines().slice(expected.length).every((row) => row === '')).toBe(true);
          const k = prompt.length + cursor;
          expect({ row: screen.row, column: screen.column }).toEqual({ row: Math.floor(k / columns), column: k % columns });
          expect(drawn.cursorRow).toBe(Math.floor(k / columns));
        }
      }),
    );
  });

  it('places the cursor after a double-width character that wrapped', () => {
    const screen = new FakeScreen(4);
    draw(screen, FRESH_LINE, '$ ', 'a名b', 2);
    expect(screen.lines()).toEqual(['$ a', '名b']);
    expect({ row: screen.row, column: screen.column }).toEqual({ row: 1, column: 2 });
  });
});

describe('finishLine', () => {
  it('moves to the row after the text, from any cursor position', () => {
    const screen = new FakeScreen(8);
    const drawn = draw(screen, FRESH_LINE, '$ ', 'get secrets', 0);
    screen.write(finishLine(drawn, '$ ', 'get secrets', 8));
    expect(screen.lines()).toEqual(['$ get se', 'crets', '']);
    expect({ row: screen.row, column: screen.column }).toEqual({ row: 2, column: 0 });
  });

  it('adds no blank row when the text exactly fills its row', () => {
    const screen = new FakeScreen(5);
    screen.write(finishLine(FRESH_LINE, '$ ', 'abc', 5));
    screen.write('out');
    expect(screen.lines()).toEqual(['$ abc', 'out']);
  });
});
