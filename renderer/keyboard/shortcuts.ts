/**
 * Every keyboard shortcut of the app, in one table: the app-wide key handler (use-keyboard-shortcuts.ts) dispatches
 * from it and the cheat sheet (`?`) is generated from it, so the sheet cannot list a key that does nothing or miss
 * one that does. Keys that a focused component handles itself (the timeline's zoom and pan, the events table, tabs,
 * dialogs) are in the table too, marked `handledBy`, so they are listed; tests check those components against it.
 */

export type AppAction =
  | 'play-pause'
  | 'step'
  | 'back-to-start'
  | 'toggle-presentation'
  | 'leave-presentation'
  | 'open-cheat-sheet'
  | 'save-scenario'
  | 'font-bigger'
  | 'font-smaller'
  | 'font-reset'
  | 'toggle-spotlight'
  | 'spotlight-next'
  | 'spotlight-previous'
  | 'toggle-laser'
  | 'toggle-detail-lanes'
  | 'zoom-to-fit'
  | 'annotate-at-playhead'
  | 'annotate-range'
  | 'undo'
  | 'redo'
  | 'open-file'
  | 'copy-link'
  | 'open-link'
  | 'search-events'
  | 'next-scene'
  | 'previous-scene'
  | 'blank-screen'
  | 'present-from-here'
  | 'add-scene';

export interface KeyCombo {
  /** KeyboardEvent.key; a single letter matches either case (Shift is then checked through `shift`). */
  key: string;
  /** Ctrl (Windows, Linux) or ⌘ (macOS). */
  mod?: boolean;
  shift?: boolean;
}

/** Where a shortcut works. */
export type ShortcutScope = 'everywhere' | 'presentation' | 'scenes' | 'spotlight' | 'timeline' | 'events' | 'tabs' | 'annotations' | 'dialog';

interface ShortcutBase {
  combos: readonly KeyCombo[];
  description: string;
  scope: ShortcutScope;
}

/** A key the app-wide handler acts on. */
export interface AppShortcut extends ShortcutBase {
  action: AppAction;
  /** In a text field the key is the field's (its own undo), even with Ctrl/⌘ held. */
  textFieldsKeep?: true;
}

/** A key a focused component handles itself; listed on the cheat sheet. */
export interface ComponentShortcut extends ShortcutBase {
  handledBy: 'timeline' | 'events-table' | 'tabs' | 'dialog' | 'annotation-list' | 'export-dialog' | 'link-paste';
}

export type Shortcut = AppShortcut | ComponentShortcut;

export const SHORTCUTS: readonly Shortcut[] = [
  // Before 'step': in presentation mode '.' blanks the screen, as presenter remotes expect.
  { action: 'blank-screen', combos: [{ key: 'b' }, { key: '.' }], description: 'Blank the screen (any key or click brings it back)', scope: 'presentation' },
  { action: 'play-pause', combos: [{ key: ' ' }], description: 'Play or pause', scope: 'everywhere' },
  { action: 'step', combos: [{ key: '.' }], description: 'Step to the next event', scope: 'everywhere' },
  { action: 'back-to-start', combos: [{ key: 'Home' }], description: 'Back to the start', scope: 'everywhere' },
  { action: 'toggle-presentation', combos: [{ key: 'F5' }], description: 'Present from the first scene (full screen, no chrome); again to leave', scope: 'everywhere' },
  { action: 'present-from-here', combos: [{ key: 'F5', shift: true }], description: 'Present from here: the playhead and the window stay, the scenes go on from the one the playhead is in', scope: 'everywhere' },
  { action: 'add-scene', combos: [{ key: 's', shift: true }], description: 'Add a scene: the playhead, the window and the spotlight as they are now', scope: 'everywhere' },
  { action: 'open-cheat-sheet', combos: [{ key: '?' }, { key: 'F1' }], description: 'Show this list of shortcuts', scope: 'everywhere' },
  { action: 'save-scenario', combos: [{ key: 's', mod: true }], description: 'Save the scenario with its annotations', scope: 'everywhere' },
  { action: 'open-file', combos: [{ key: 'o', mod: true }], description: 'Open a scenario, or an image TokenScope exported', scope: 'everywhere' },
  { action: 'undo', combos: [{ key: 'z', mod: true }], description: 'Undo the last change to the notes (in a text field: undo typing)', scope: 'everywhere', textFieldsKeep: true },
  { action: 'redo', combos: [{ key: 'z', mod: true, shift: true }, { key: 'y', mod: true }], description: 'Redo the change to the notes that was undone', scope: 'everywhere', textFieldsKeep: true },
  { handledBy: 'export-dialog', combos: [{ key: 'e' }, { key: 'e', mod: true }], description: 'Export the timeline (PNG, SVG, PDF, event log)', scope: 'everywhere' },
  { action: 'copy-link', combos: [{ key: 'c', mod: true, shift: true }], description: 'Copy a link to this moment: the scenario with its notes, the playhead and the window', scope: 'everywhere', textFieldsKeep: true },
  { action: 'search-events', combos: [{ key: '/' }], description: 'Search the events (the timeline marks what is found; Esc clears)', scope: 'everywhere' },
  { action: 'leave-presentation', combos: [{ key: 'Escape' }], description: 'Leave presentation mode', scope: 'presentation' },
  { action: 'next-scene', combos: [{ key: 'PageDown' }], description: 'Next scene (the key a presenter remote sends)', scope: 'presentation' },
  { action: 'previous-scene', combos: [{ key: 'PageUp' }], description: 'Previous scene', scope: 'presentation' },
  { action: 'next-scene', combos: [{ key: 'ArrowRight' }], description: 'Next scene (drag the timeline to pan)', scope: 'scenes' },
  { action: 'previous-scene', combos: [{ key: 'ArrowLeft' }], description: 'Previous scene', scope: 'scenes' },
  { action: 'font-bigger', combos: [{ key: '=', mod: true }, { key: '+', mod: true }], description: 'Larger type (up to 250 %)', scope: 'presentation' },
  { action: 'font-smaller', combos: [{ key: '-', mod: true }], description: 'Smaller type (down to 100 %)', scope: 'presentation' },
  { action: 'font-reset', combos: [{ key: '0', mod: true }], description: 'Type back to 100 %', scope: 'presentation' },
  { action: 'toggle-spotlight', combos: [{ key: 's' }], description: 'Spotlight one lane, dimming the others', scope: 'presentation' },
  { action: 'spotlight-next', combos: [{ key: 'ArrowDown' }, { key: ']' }], description: 'Spotlight the next lane', scope: 'spotlight' },
  { action: 'spotlight-previous', combos: [{ key: 'ArrowUp' }, { key: '[' }], description: 'Spotlight the previous lane', scope: 'spotlight' },
  { action: 'toggle-laser', combos: [{ key: 'l' }], description: 'Laser pointer: a large dot that follows the pointer', scope: 'presentation' },
  { action: 'toggle-detail-lanes', combos: [{ key: 'd' }], description: 'Show or hide the detail lanes (kubectl commands, other Secrets)', scope: 'presentation' },
  { action: 'annotate-at-playhead', combos: [{ key: 'a' }], description: 'Add an annotation at the playhead', scope: 'presentation' },
  { action: 'annotate-range', combos: [{ key: 'a', shift: true }], description: 'Add an annotation over a time range (the visible window)', scope: 'presentation' },
  // After font-reset: in presentation mode the same keys reset the type size, as browsers' zoom keys do.
  { action: 'zoom-to-fit', combos: [{ key: '0', mod: true }], description: 'Fit the whole run on the timeline (in presentation mode: type back to 100 %)', scope: 'everywhere' },
  { handledBy: 'timeline', combos: [{ key: 'w' }, { key: '+' }, { key: '=' }], description: 'Zoom in', scope: 'timeline' },
  { handledBy: 'timeline', combos: [{ key: 's' }, { key: '-' }], description: 'Zoom out (in presentation mode: − only, S is the spotlight)', scope: 'timeline' },
  { handledBy: 'timeline', combos: [{ key: 'a' }, { key: 'ArrowLeft' }], description: 'Pan to earlier times (in presentation mode: ← only, A annotates; with scenes, ← is the previous scene and dragging pans)', scope: 'timeline' },
  { handledBy: 'timeline', combos: [{ key: 'd' }, { key: 'ArrowRight' }], description: 'Pan to later times (in presentation mode: → only, D shows the detail lanes; with scenes, → is the next scene and dragging pans)', scope: 'timeline' },
  { handledBy: 'timeline', combos: [{ key: 'f' }, { key: '0' }], description: 'Fit the whole run', scope: 'timeline' },
  { handledBy: 'link-paste', combos: [{ key: 'v', mod: true }], description: 'Open the TokenScope link on the clipboard', scope: 'timeline' },
  { handledBy: 'events-table', combos: [{ key: 'ArrowUp' }, { key: 'ArrowDown' }], description: 'Move through the events', scope: 'events' },
  { handledBy: 'events-table', combos: [{ key: 'Enter' }], description: 'Select the event and its token', scope: 'events' },
  { handledBy: 'events-table', combos: [{ key: 'g' }], description: 'Explain the kind of the focused event in the glossary', scope: 'events' },
  { handledBy: 'tabs', combos: [{ key: 'ArrowLeft' }, { key: 'ArrowRight' }, { key: 'Home' }, { key: 'End' }], description: 'Move between tabs', scope: 'tabs' },
  { handledBy: 'annotation-list', combos: [{ key: 'Enter' }], description: 'Jump the playhead to the focused note', scope: 'annotations' },
  { handledBy: 'annotation-list', combos: [{ key: 'e' }], description: 'Edit the focused note (Enter in the form saves it)', scope: 'annotations' },
  { handledBy: 'annotation-list', combos: [{ key: 'Delete' }, { key: 'Backspace' }], description: 'Delete the focused note', scope: 'annotations' },
  { handledBy: 'dialog', combos: [{ key: 'Escape' }], description: 'Close a dialog or cancel a form', scope: 'dialog' },
];

export const SCOPE_TITLES: Record<ShortcutScope, string> = {
  everywhere: 'Everywhere',
  presentation: 'In presentation mode',
  scenes: 'In presentation mode, when the scenario has scenes',
  spotlight: 'While the spotlight is on',
  timeline: 'Timeline focused (click it or Tab to it)',
  events: 'Events table focused',
  tabs: 'Tabs focused',
  annotations: 'Annotation list focused',
  dialog: 'Dialogs and forms',
};

const KEY_NAMES: Record<string, string> = {
  ' ': 'Space',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  PageDown: 'Page Down',
  PageUp: 'Page Up',
  '-': '−',
};

/** How a combo is written on the cheat sheet: "Ctrl/⌘ + =", "Shift + A", "Space". */
export function formatCombo(combo: KeyCombo): string {
  const key = KEY_NAMES[combo.key] ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key);
  return [combo.mod ? 'Ctrl/⌘' : undefined, combo.shift ? 'Shift' : undefined, key].filter((part) => part !== undefined).join(' + ');
}

/** How a spoken name for a combo reads for a screen reader (kbd glyphs such as ↑ are read poorly). */
export function spokenCombo(combo: KeyCombo): string {
  const names: Record<string, string> = { ArrowUp: 'Up arrow', ArrowDown: 'Down arrow', ArrowLeft: 'Left arrow', ArrowRight: 'Right arrow', '-': 'minus', '=': 'equals', '+': 'plus', '.': 'period', '?': 'question mark', '/': 'slash', '[': 'left bracket', ']': 'right bracket' };
  return formatCombo({ ...combo, key: names[combo.key] ?? combo.key }).replace('Ctrl/⌘', 'Control or Command');
}

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function comboMatches(combo: KeyCombo, e: KeyInput): boolean {
  if (e.altKey) return false;
  if (!!combo.mod !== (e.ctrlKey || e.metaKey)) return false;
  const letter = /^[a-z]$/i.test(combo.key);
  if (letter) return e.key.toLowerCase() === combo.key.toLowerCase() && !!combo.shift === e.shiftKey;
  // Named keys (F5, Page Down) type nothing, so Shift is theirs to check: Shift + F5 is not F5.
  if (combo.key.length > 1) return e.key === combo.key && !!combo.shift === e.shiftKey;
  // Symbols come from Shift on many layouts ("?" is Shift + / in US English), so Shift is not checked for them.
  return e.key === combo.key;
}

/** What the app is showing, which decides the scopes that are live. */
export interface ShortcutContext {
  presenting: boolean;
  spotlightOn: boolean;
  /** The loaded scenario has scenes (→ and ← then step them in presentation mode). */
  hasScenes?: boolean;
}

function scopeLive(scope: ShortcutScope, context: ShortcutContext): boolean {
  if (scope === 'everywhere') return true;
  if (scope === 'presentation') return context.presenting;
  if (scope === 'scenes') return context.presenting && context.hasScenes === true;
  if (scope === 'spotlight') return context.presenting && context.spotlightOn;
  return false;
}

/** The app shortcut for a key press, or undefined when the app-wide handler should leave the key alone. */
export function shortcutForKey(e: KeyInput, context: ShortcutContext, table: readonly Shortcut[] = SHORTCUTS): AppShortcut | undefined {
  for (const shortcut of table) {
    if (!('action' in shortcut) || !scopeLive(shortcut.scope, context)) continue;
    if (shortcut.combos.some((combo) => comboMatches(combo, e))) return shortcut;
  }
  return undefined;
}
