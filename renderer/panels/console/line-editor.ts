/**
 * The command line being typed, as a pure state machine: each editing key maps one state to the next, readline
 * style (Emacs keys). The cursor is a UTF-16 index that only ever rests between whole code points, so an emoji or a
 * character outside the BMP is moved over and deleted as one.
 */
import type { ConsoleKey } from './input-keys.ts';

export interface LineState {
  text: string;
  cursor: number;
  /** What the last Ctrl+U/K/W (or Alt+D/Backspace) removed, for Ctrl+Y. */
  killed: string;
}

export const EMPTY_LINE: LineState = { text: '', cursor: 0, killed: '' };

export function lineWith(text: string, killed = ''): LineState {
  return { text, cursor: text.length, killed };
}

/** The next state, or undefined when the key is not an editing key (Enter, Tab, ↑/↓… belong to the console). */
export function editLine(state: LineState, key: ConsoleKey): LineState | undefined {
  const { text, cursor } = state;
  if (key.kind === 'text') return { ...state, text: text.slice(0, cursor) + key.text + text.slice(cursor), cursor: cursor + key.text.length };
  switch (key.name) {
    case 'left':
      return { ...state, cursor: previousBoundary(text, cursor) };
    case 'right':
      return { ...state, cursor: nextBoundary(text, cursor) };
    case 'home':
      return { ...state, cursor: 0 };
    case 'end':
      return { ...state, cursor: text.length };
    case 'word-left':
      return { ...state, cursor: wordStartBefore(text, cursor) };
    case 'word-right':
      return { ...state, cursor: wordEndAfter(text, cursor) };
    case 'backspace':
      return remove(state, previousBoundary(text, cursor), cursor, false);
    case 'delete':
    case 'eof':
      return remove(state, cursor, nextBoundary(text, cursor), false);
    case 'kill-to-start':
      return remove(state, 0, cursor, true);
    case 'kill-to-end':
      return remove(state, cursor, text.length, true);
    case 'delete-word-back':
      return remove(state, whitespaceWordStartBefore(text, cursor), cursor, true);
    case 'delete-word-forward':
      return remove(state, cursor, wordEndAfter(text, cursor), true);
    case 'yank':
      return { ...state, text: text.slice(0, cursor) + state.killed + text.slice(cursor), cursor: cursor + state.killed.length };
    case 'clear-screen':
    case 'down':
    case 'enter':
    case 'interrupt':
    case 'tab':
    case 'up':
      return undefined;
  }
}

function remove(state: LineState, from: number, to: number, kill: boolean): LineState {
  if (from >= to) return state;
  const killed = kill ? state.text.slice(from, to) : state.killed;
  return { text: state.text.slice(0, from) + state.text.slice(to), cursor: from, killed };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function previousBoundary(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= 2 && isLowSurrogate(text.charCodeAt(index - 1)) && isHighSurrogate(text.charCodeAt(index - 2))) return index - 2;
  return index - 1;
}

function nextBoundary(text: string, index: number): number {
  if (index >= text.length) return text.length;
  if (isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1))) return index + 2;
  return index + 1;
}

/** readline's words are runs of letters and digits: Alt+B stops at each part of `--bound-object-kind`. */
function isWordChar(char: string): boolean {
  return /[\p{L}\p{N}]/u.test(char);
}

function wordStartBefore(text: string, index: number): number {
  let i = index;
  while (i > 0 && !isWordChar(text[i - 1] ?? '')) i--;
  while (i > 0 && isWordChar(text[i - 1] ?? '')) i--;
  return i;
}

function wordEndAfter(text: string, index: number): number {
  let i = index;
  while (i < text.length && !isWordChar(text[i] ?? '')) i++;
  while (i < text.length && isWordChar(text[i] ?? '')) i++;
  return i;
}

function whitespaceWordStartBefore(text: string, index: number): number {
  let i = index;
  while (i > 0 && /\s/.test(text[i - 1] ?? '')) i--;
  while (i > 0 && !/\s/.test(text[i - 1] ?? '')) i--;
  return i;
}
