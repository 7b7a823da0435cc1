/**
 * xterm.js input decoding: the escape sequences of the editing keys (both cursor modes), the Ctrl and Alt
 * combinations the console binds, and bracketed paste turning a multi-line block into lines run one by one.
 */
import { describe, expect, it } from 'vitest';
import { decodeInput, pastedKeys, type ConsoleKey, type KeyName } from '../../../../renderer/panels/console/input-keys.ts';

const key = (name: KeyName): ConsoleKey => ({ kind: 'key', name });
const text = (t: string): ConsoleKey => ({ kind: 'text', text: t });

describe('decodeInput', () => {
  it.each([
    ['\x1b[D', 'left'],
    ['\x1b[C', 'right'],
    ['\x1b[A', 'up'],
    ['\x1b[B', 'down'],
    ['\x1bOD', 'left'],
    ['\x1bOA', 'up'],
    ['\x1b[H', 'home'],
    ['\x1bOH', 'home'],
    ['\x1b[1~', 'home'],
    ['\x1b[F', 'end'],
    ['\x1bOF', 'end'],
    ['\x1b[4~', 'end'],
    ['\x1b[3~', 'delete'],
    ['\x7f', 'backspace'],
    ['\x08', 'backspace'],
    ['\r', 'enter'],
    ['\t', 'tab'],
    ['\x01', 'home'],
    ['\x05', 'end'],
    ['\x15', 'kill-to-start'],
    ['\x0b', 'kill-to-end'],
    ['\x17', 'delete-word-back'],
    ['\x0c', 'clear-screen'],
    ['\x03', 'interrupt'],
    ['\x19', 'yank'],
    ['\x04', 'eof'],
    ['\x10', 'up'],
    ['\x0e', 'down'],
    ['\x1b[1;5D', 'word-left'],
    ['\x1b[1;5C', 'word-right'],
    ['\x1b[1;3D', 'word-left'],
    ['\x1bb', 'word-left'],
    ['\x1bf', 'word-right'],
    ['\x1bd', 'delete-word-forward'],
    ['\x1b\x7f', 'delete-word-back'],
  ] as const)('decodes %j as %s', (data, name) => {
    expect(decodeInput(data)).toEqual([key(name)]);
  });

  it('keeps Shift+arrow as a plain arrow (shift is not a word modifier)', () => {
    expect(decodeInput('\x1b[1;2D')).toEqual([key('left')]);
  });

  it('groups typed characters into one text key and splits them around special keys', () => {
    expect(decodeInput('get pods\x1b[Dx\r')).toEqual([text('get pods'), key('left'), text('x'), key('enter')]);
  });

  it('treats CR LF as one Enter, and a lone LF as Enter', () => {
    expect(decodeInput('a\r\nb\nc')).toEqual([text('a'), key('enter'), text('b'), key('enter'), text('c')]);
  });

  it('ignores a lone Escape, unknown sequences (F-keys, Page Up) and unbound control characters', () => {
    expect(decodeInput('\x1b')).toEqual([]);
    expect(decodeInput('\x1b[5~\x1bOP\x1b[15~a\x07\x1b[Zb')).toEqual([text('ab')]);
  });

  it('keeps characters outside the BMP and accented letters as text', () => {
    expect(decodeInput('é🔑')).toEqual([text('é🔑')]);
  });

  it('turns a bracketed multi-line paste into lines entered one after the other, the last one left to edit', () => {
    const data = '\x1b[200~create sa my-app\rcreate token my-app\r\nget sa\x1b[201~';
    expect(decodeInput(data)).toEqual([text('create sa my-app'), key('enter'), text('create token my-app'), key('enter'), text('get sa')]);
  });

  it('never completes or interprets control keys inside a paste: tabs become spaces, other controls are dropped', () => {
    expect(decodeInput('\x1b[200~get\tpods\x03\x1b[201~')).toEqual([text('get pods')]);
  });

  it('reads keys typed after the end of a paste normally', () => {
    expect(decodeInput('\x1b[200~a\x1b[201~\x1b[D')).toEqual([text('a'), key('left')]);
  });

  it('takes an unterminated paste to the end of the data', () => {
    expect(decodeInput('\x1b[200~x\ny')).toEqual([text('x'), key('enter'), text('y')]);
  });
});

describe('pastedKeys', () => {
  it('runs every complete line and leaves nothing to edit when the paste ends with a line break', () => {
    expect(pastedKeys('a\nb\n')).toEqual([text('a'), key('enter'), text('b'), key('enter')]);
  });

  it('enters blank lines as they are (an empty Enter just shows a new prompt)', () => {
    expect(pastedKeys('a\n\nb')).toEqual([text('a'), key('enter'), key('enter'), text('b')]);
  });

  it('leaves a single-line paste on the line without running it', () => {
    expect(pastedKeys('delete pod app')).toEqual([text('delete pod app')]);
  });
});
