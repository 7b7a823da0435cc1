/**
 * What xterm.js hands us (`onData`: typed characters, the escape sequences of special keys, pasted text) turned
 * into the keys the console understands. The sequences are xterm's defaults in normal cursor mode, with the SS3
 * forms of application mode accepted too, so a terminal setting never leaves an arrow key dead.
 */

export type KeyName =
  | 'enter'
  | 'tab'
  | 'backspace'
  | 'delete'
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'home'
  | 'end'
  | 'word-left'
  | 'word-right'
  /** Ctrl+W: back to the previous whitespace (readline's unix-word-rubout), so `--flag=value` goes in one press. */
  | 'delete-word-back'
  | 'delete-word-forward'
  | 'kill-to-start'
  | 'kill-to-end'
  | 'yank'
  | 'clear-screen'
  | 'interrupt'
  /** Ctrl+D: deletes the character under the cursor; on an empty line it does nothing (there is no shell to leave). */
  | 'eof';

export type ConsoleKey = { kind: 'text'; text: string } | { kind: 'key'; name: KeyName };

const CONTROL_KEYS: Readonly<Record<string, KeyName>> = {
  '\x01': 'home', // Ctrl+A
  '\x02': 'left', // Ctrl+B
  '\x03': 'interrupt', // Ctrl+C
  '\x04': 'eof', // Ctrl+D
  '\x05': 'end', // Ctrl+E
  '\x06': 'right', // Ctrl+F
  '\x08': 'backspace', // Ctrl+H, and Ctrl+Backspace in xterm.js
  '\t': 'tab',
  '\x0b': 'kill-to-end', // Ctrl+K
  '\x0c': 'clear-screen', // Ctrl+L
  '\r': 'enter',
  '\n': 'enter',
  '\x0e': 'down', // Ctrl+N
  '\x10': 'up', // Ctrl+P
  '\x15': 'kill-to-start', // Ctrl+U
  '\x17': 'delete-word-back', // Ctrl+W
  '\x19': 'yank', // Ctrl+Y
  '\x7f': 'backspace',
};

/** Alt+key as xterm.js sends it (ESC then the key). */
const META_KEYS: Readonly<Record<string, KeyName>> = {
  b: 'word-left',
  f: 'word-right',
  d: 'delete-word-forward',
  '\x7f': 'delete-word-back',
  '\x08': 'delete-word-back',
};

/** CSI sequences by final byte (arrows, Home/End) or by `N~` (the editing keypad). */
const CSI_FINAL: Readonly<Record<string, KeyName>> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const CSI_TILDE: Readonly<Record<string, KeyName>> = { '1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete' };

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

export function decodeInput(data: string): ConsoleKey[] {
  const keys: ConsoleKey[] = [];
  let text = '';
  const flushText = (): void => {
    if (text !== '') keys.push({ kind: 'text', text });
    text = '';
  };
  const push = (name: KeyName): void => {
    flushText();
    keys.push({ kind: 'key', name });
  };

  let i = 0;
  while (i < data.length) {
    if (data.startsWith(PASTE_START, i)) {
      flushText();
      const end = data.indexOf(PASTE_END, i + PASTE_START.length);
      const body = data.slice(i + PASTE_START.length, end === -1 ? data.length : end);
      for (const key of pastedKeys(body)) keys.push(key);
      i = end === -1 ? data.length : end + PASTE_END.length;
      continue;
    }
    const char = data[i] ?? '';
    if (char === '\x1b') {
      const sequence = readEscape(data, i);
      if (sequence.key !== undefined) push(sequence.key);
      i = sequence.next;
      continue;
    }
    if (char === '\r' && data[i + 1] === '\n') {
      push('enter');
      i += 2;
      continue;
    }
    const control = CONTROL_KEYS[char];
    if (control !== undefined) {
      push(control);
      i++;
      continue;
    }
    if (isPrintable(char)) text += char;
    i++;
  }
  flushText();
  return keys;
}

/**
 * Pasted text as keys: every line but the last is typed and entered, one after the other, and the last one (after
 * the final line break, often empty) is left on the line to edit, as bash does. Tabs become spaces so a paste never
 * triggers completion, and other control characters are dropped.
 */
export function pastedKeys(pasted: string): ConsoleKey[] {
  const keys: ConsoleKey[] = [];
  const lines = pasted.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const text = [...line.replace(/\t/g, ' ')].filter(isPrintable).join('');
    if (text !== '') keys.push({ kind: 'text', text });
    if (index < lines.length - 1) keys.push({ kind: 'key', name: 'enter' });
  });
  return keys;
}

function readEscape(data: string, start: number): { key?: KeyName; next: number } {
  const introducer = data[start + 1];
  if (introducer === undefined) return { next: start + 1 }; // a lone Escape press
  if (introducer === '[') {
    let j = start + 2;
    while (j < data.length && /[0-9;?]/.test(data[j] ?? '')) j++;
    const final = data[j];
    if (final === undefined) return { next: data.length };
    const params = data.slice(start + 2, j);
    const next = j + 1;
    if (final === '~') {
      const [code, modifier] = params.split(';');
      const key = CSI_TILDE[code ?? ''];
      if (key === 'delete' && isCtrlOrAlt(modifier)) return { key: 'delete-word-forward', next };
      return key === undefined ? { next } : { key, next };
    }
    const key = CSI_FINAL[final];
    if (key === undefined) return { next };
    // `ESC [1;5D` is Ctrl+←, `ESC [1;3D` Alt+←: move by words.
    const modifier = params.split(';')[1];
    if (isCtrlOrAlt(modifier) && (key === 'left' || key === 'right')) return { key: key === 'left' ? 'word-left' : 'word-right', next };
    return { key, next };
  }
  if (introducer === 'O') {
    const key = CSI_FINAL[data[start + 2] ?? ''];
    return key === undefined ? { next: Math.min(data.length, start + 3) } : { key, next: start + 3 };
  }
  const meta = META_KEYS[introducer];
  return meta === undefined ? { next: start + 2 } : { key: meta, next: start + 2 };
}

/** xterm modifier parameters: 1 + (shift 1 | alt 2 | ctrl 4 | meta 8). */
function isCtrlOrAlt(modifier: string | undefined): boolean {
  if (modifier === undefined) return false;
  const bits = Number(modifier) - 1;
  return Number.isInteger(bits) && bits > 0 && (bits & 0b110) !== 0;
}

function isPrintable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code <= 0x9f);
}
