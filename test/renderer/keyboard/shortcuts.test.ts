/**
 * The shortcut table is the one source for the key handler and the cheat sheet: keys map to the right actions in
 * the right mode, no two live app shortcuts share a key, and every key listed for the timeline really moves it.
 */
import { describe, expect, it } from 'vitest';
import { comboMatches, formatCombo, SHORTCUTS, shortcutForKey, spokenCombo, type KeyInput } from '../../../renderer/keyboard/shortcuts.ts';
import { viewForKey } from '../../../renderer/timeline/view-input.ts';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
const normal = { presenting: false, spotlightOn: false };
const presenting = { presenting: true, spotlightOn: false };
const spotlit = { presenting: true, spotlightOn: true };
const withScenes = { presenting: true, spotlightOn: false, hasScenes: true };

describe('shortcutForKey', () => {
  it.each([
    [key(' '), normal, 'play-pause'],
    [key('.'), normal, 'step'],
    [key('.'), presenting, 'blank-screen'],
    [key('b'), presenting, 'blank-screen'],
    [key('PageDown'), presenting, 'next-scene'],
    [key('PageUp'), withScenes, 'previous-scene'],
    [key('ArrowRight'), withScenes, 'next-scene'],
    [key('ArrowLeft'), withScenes, 'previous-scene'],
    [key('F5', { shiftKey: true }), normal, 'present-from-here'],
    [key('S', { shiftKey: true }), presenting, 'add-scene'],
    [key('S', { shiftKey: true }), normal, 'add-scene'],
    [key('Home'), normal, 'back-to-start'],
    [key('F5'), normal, 'toggle-presentation'],
    [key('F5'), presenting, 'toggle-presentation'],
    [key('?', { shiftKey: true }), normal, 'open-cheat-sheet'],
    [key('F1'), presenting, 'open-cheat-sheet'],
    [key('s', { ctrlKey: true }), normal, 'save-scenario'],
    [key('s', { metaKey: true }), presenting, 'save-scenario'],
    [key('Escape'), presenting, 'leave-presentation'],
    [key('=', { ctrlKey: true }), presenting, 'font-bigger'],
    [key('+', { metaKey: true, shiftKey: true }), presenting, 'font-bigger'],
    [key('-', { ctrlKey: true }), presenting, 'font-smaller'],
    [key('0', { ctrlKey: true }), presenting, 'font-reset'],
    [key('s'), presenting, 'toggle-spotlight'],
    [key('S', { shiftKey: false }), presenting, 'toggle-spotlight'],
    [key('ArrowDown'), spotlit, 'spotlight-next'],
    [key(']'), spotlit, 'spotlight-next'],
    [key('ArrowUp'), spotlit, 'spotlight-previous'],
    [key('['), spotlit, 'spotlight-previous'],
    [key('l'), presenting, 'toggle-laser'],
    [key('a'), presenting, 'annotate-at-playhead'],
    [key('A', { shiftKey: true }), presenting, 'annotate-range'],
    [key('C', { ctrlKey: true, shiftKey: true }), normal, 'copy-link'],
    [key('c', { metaKey: true, shiftKey: true }), presenting, 'copy-link'],
    [key('/'), normal, 'search-events'],
  ] as const)('%o in %o is %s', (input, context, action) => {
    expect(shortcutForKey(input, context)?.action).toBe(action);
  });

  it('leaves Ctrl/⌘+C (copy) alone: only Shift makes it Copy link', () => {
    expect(shortcutForKey(key('c', { ctrlKey: true }), normal)).toBeUndefined();
  });

  it('leaves the timeline its own keys outside presentation mode', () => {
    for (const k of ['s', 'a', 'w', 'd', 'l', 'Escape', 'ArrowDown', 'ArrowUp']) expect(shortcutForKey(key(k), normal)).toBeUndefined();
  });

  it('leaves ← and → to the timeline (panning) unless the scenario has scenes', () => {
    expect(shortcutForKey(key('ArrowRight'), presenting)).toBeUndefined();
    expect(shortcutForKey(key('ArrowLeft'), { ...withScenes, presenting: false })).toBeUndefined();
  });

  it('moves the spotlight only while it is on', () => {
    expect(shortcutForKey(key('ArrowDown'), presenting)).toBeUndefined();
    expect(shortcutForKey(key(']'), presenting)).toBeUndefined();
  });

  it('does not take Ctrl + = (browser zoom) or Alt combinations outside presentation mode', () => {
    expect(shortcutForKey(key('=', { ctrlKey: true }), normal)).toBeUndefined();
    expect(shortcutForKey(key('s', { altKey: true }), presenting)).toBeUndefined();
  });

  it('never has two live app shortcuts on the same key in any mode', () => {
    for (const context of [normal, presenting, spotlit, withScenes]) {
      const seen = new Map<string, string>();
      for (const s of SHORTCUTS) {
        if (!('action' in s)) continue;
        for (const combo of s.combos) {
          const probe = key(combo.key, { ctrlKey: !!combo.mod, shiftKey: !!combo.shift });
          const found = shortcutForKey(probe, context);
          if (found === undefined) continue;
          const id = `${formatCombo(combo)}`;
          expect(seen.get(id) ?? found.action, `${id} in ${JSON.stringify(context)}`).toBe(found.action);
          seen.set(id, found.action);
        }
      }
    }
  });
});

describe('the keys the table says the focused timeline handles', () => {
  it('each move the view', () => {
    const timeline = SHORTCUTS.filter((s) => 'handledBy' in s && s.handledBy === 'timeline');
    expect(timeline.length).toBeGreaterThanOrEqual(5);
    const view = { startMs: 3_600_000, endMs: 7_200_000 };
    for (const s of timeline) for (const combo of s.combos) expect(viewForKey({ key: combo.key }, view, 6 * 3_600_000), combo.key).toBeDefined();
  });
});

describe('how combos are written', () => {
  it('shows and speaks keys the way people name them', () => {
    expect(formatCombo({ key: '=', mod: true })).toBe('Ctrl/⌘ + =');
    expect(formatCombo({ key: 'a', shift: true })).toBe('Shift + A');
    expect(formatCombo({ key: ' ' })).toBe('Space');
    expect(formatCombo({ key: 'ArrowDown' })).toBe('↓');
    expect(spokenCombo({ key: 'ArrowDown' })).toBe('Down arrow');
    expect(spokenCombo({ key: '-', mod: true })).toBe('Control or Command + minus');
  });

  it('tells Shift + A from A', () => {
    expect(comboMatches({ key: 'a' }, key('A', { shiftKey: true }))).toBe(false);
    expect(comboMatches({ key: 'a', shift: true }, key('A', { shiftKey: true }))).toBe(true);
  });
});

describe('Ctrl/⌘+0', () => {
  it('fits the whole run, except in presentation mode, where it resets the type size', () => {
    const key: KeyInput = { key: '0', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false };
    expect(shortcutForKey(key, { presenting: false, spotlightOn: false })?.action).toBe('zoom-to-fit');
    expect(shortcutForKey(key, { presenting: true, spotlightOn: false })?.action).toBe('font-reset');
  });
});
