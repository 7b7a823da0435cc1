// @vitest-environment jsdom
/**
 * The cheat sheet lists every shortcut of the table (so the key handler and the sheet cannot disagree), traps
 * focus while open, closes on Esc and gives focus back to where it was.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CheatSheet, groupShortcuts } from '../../../renderer/a11y/CheatSheet.tsx';
import { formatCombo, SHORTCUTS } from '../../../renderer/keyboard/shortcuts.ts';

afterEach(cleanup);

function openSheet(onClose = vi.fn()) {
  document.body.innerHTML = '<div id="root"><button id="before">before</button><div id="app"></div></div>';
  const before = document.getElementById('before')!;
  before.focus();
  const view = render(createElement(CheatSheet, { onClose }), { container: document.getElementById('app')! });
  return { before, onClose, view };
}

describe('the cheat sheet', () => {
  it('lists every shortcut of the table, each with its keys', () => {
    openSheet();
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const s of SHORTCUTS) {
      expect(dialog.textContent).toContain(s.description);
      for (const combo of s.combos) expect(dialog.textContent).toContain(formatCombo(combo));
    }
    expect(groupShortcuts().reduce((n, g) => n + g.shortcuts.length, 0)).toBe(SHORTCUTS.length);
  });

  it('takes focus, keeps Tab inside, makes the page behind inert, and closes on Esc', () => {
    const { onClose } = openSheet();
    const dialog = screen.getByRole('dialog');
    const close = screen.getByTestId('cheat-sheet-close');
    expect(document.activeElement).toBe(close);
    expect(document.getElementById('root')!.hasAttribute('inert')).toBe(true);
    fireEvent.keyDown(close, { key: 'Tab' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('gives focus back to where it was when it closes', () => {
    const { before, view } = openSheet();
    expect(document.activeElement).not.toBe(before);
    view.unmount();
    expect(document.getElementById('root')!.hasAttribute('inert')).toBe(false);
    expect(document.activeElement).toBe(before);
  });
});
