/**
 * The line editor's keys, readline style: moving, deleting, killing and yanking, word motion that stops inside
 * `--bound-object-kind`, characters outside the BMP moved over whole, and (as a property) a cursor that always
 * stays inside the text and never splits a surrogate pair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_LINE, editLine, lineWith, type LineState } from '../../../../renderer/panels/console/line-editor.ts';
import type { ConsoleKey, KeyName } from '../../../../renderer/panels/console/input-keys.ts';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const key = (name: KeyName): ConsoleKey => ({ kind: 'key', name });

function press(state: LineState, ...keys: (KeyName | { text: string })[]): LineState {
  let current = state;
  for (const k of keys) {
    const next = editLine(current, typeof k === 'string' ? key(k) : { kind: 'text', text: k.text });
    if (next === undefined) throw new Error(`${JSON.stringify(k)} is not an editing key`);
    current = next;
  }
  return current;
}

/** The line with a `|` where the cursor is. */
function show(state: LineState): string {
  return `${state.text.slice(0, state.cursor)}|${state.text.slice(state.cursor)}`;
}

describe('editLine', () => {
  it('inserts typed text at the cursor', () => {
    expect(show(press(lineWith('get pods'), 'home', { text: 'kubectl ' }))).toBe('kubectl |get pods');
  });

  it('moves left and right one character, stopping at the ends', () => {
    expect(show(press(lineWith('ab'), 'left', 'left', 'left'))).toBe('|ab');
    expect(show(press(lineWith('ab'), 'right'))).toBe('ab|');
  });

  it('goes to the start and the end with Home/End (and Ctrl+A/E, decoded to the same keys)', () => {
    expect(show(press(lineWith('get sa'), 'home'))).toBe('|get sa');
    expect(show(press(lineWith('get sa'), 'home', 'end'))).toBe('get sa|');
  });

  it('deletes before the cursor with Backspace and under it with Delete, doing nothing at the edges', () => {
    expect(show(press(lineWith('pods'), 'backspace'))).toBe('pod|');
    expect(show(press(lineWith('pods'), 'home', 'backspace'))).toBe('|pods');
    expect(show(press(lineWith('pods'), 'home', 'delete'))).toBe('|ods');
    expect(show(press(lineWith('pods'), 'delete'))).toBe('pods|');
  });

  it('deletes under the cursor with Ctrl+D and leaves an empty line alone', () => {
    expect(show(press(lineWith('xget'), 'home', 'eof'))).toBe('|get');
    expect(press(EMPTY_LINE, 'eof')).toEqual(EMPTY_LINE);
  });

  it('kills to the start with Ctrl+U and to the end with Ctrl+K, and Ctrl+Y yanks the last kill back', () => {
    const start = press(lineWith('get pods app'), 'left', 'left', 'left');
    const killedStart = press(start, 'kill-to-start');
    expect(show(killedStart)).toBe('|app');
    expect(killedStart.killed).toBe('get pods ');
    expect(show(press(killedStart, 'end', 'yank'))).toBe('appget pods |');
    const killedEnd = press(start, 'kill-to-end');
    expect(show(killedEnd)).toBe('get pods |');
    expect(killedEnd.killed).toBe('app');
  });

  it('deletes back to the previous whitespace with Ctrl+W, taking a whole --flag=value', () => {
    expect(show(press(lineWith('create token my-app --duration=10m'), 'delete-word-back'))).toBe('create token my-app |');
    expect(show(press(lineWith('get pods   '), 'delete-word-back'))).toBe('get |');
  });

  it('moves by words of letters and digits with Alt+B/F (Ctrl+←/→), stopping inside --bound-object-kind', () => {
    const line = lineWith('token --bound-object-kind Pod');
    expect(show(press(line, 'word-left'))).toBe('token --bound-object-kind |Pod');
    expect(show(press(line, 'word-left', 'word-left'))).toBe('token --bound-object-|kind Pod');
    expect(show(press(line, 'home', 'word-right'))).toBe('token| --bound-object-kind Pod');
    expect(show(press(line, 'home', 'word-right', 'word-right'))).toBe('token --bound|-object-kind Pod');
  });

  it('deletes the next word with Alt+D, keeping it for yank', () => {
    const state = press(lineWith('get secret my-app-token'), 'home', 'delete-word-forward');
    expect(show(state)).toBe('| secret my-app-token');
    expect(state.killed).toBe('get');
  });

  it('moves over and deletes a character outside the BMP as one', () => {
    expect(show(press(lineWith('a🔑b'), 'left', 'left'))).toBe('a|🔑b');
    expect(show(press(lineWith('a🔑'), 'backspace'))).toBe('a|');
    expect(show(press(lineWith('a🔑b'), 'home', 'right', 'delete'))).toBe('a|b');
  });

  it('leaves non-editing keys to the console', () => {
    for (const name of ['enter', 'tab', 'up', 'down', 'clear-screen', 'interrupt'] as const) {
      expect(editLine(lineWith('x'), key(name))).toBeUndefined();
    }
  });

  it('keeps the cursor inside the text and off the middle of a surrogate pair, whatever is pressed', () => {
    const names: KeyName[] = [
      'left', 'right', 'home', 'end', 'word-left', 'word-right', 'backspace', 'delete', 'eof', 'kill-to-start',
      'kill-to-end', 'delete-word-back', 'delete-word-forward', 'yank',
    ];
    const keyArb = fc.oneof(
      fc.constantFrom(...names).map(key),
      fc.constantFrom('a', ' ', '-', '🔑', 'é', '--x=1').map((t): ConsoleKey => ({ kind: 'text', text: t })),
    );
    fc.assert(
      fc.property(fc.array(keyArb, { maxLength: 60 }), (keys) => {
        let state = EMPTY_LINE;
        for (const k of keys) state = editLine(state, k) ?? state;
        expect(state.cursor).toBeGreaterThanOrEqual(0);
        expect(state.cursor).toBeLessThanOrEqual(state.text.length);
        const before = state.text.charCodeAt(state.cursor - 1);
        expect(before >= 0xd800 && before <= 0xdbff).toBe(false);
        expect(state.text).not.toMatch(LONE_SURROGATE);
      }),
    );
  });
});
