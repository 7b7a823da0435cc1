import { useEffect } from 'react';
import { shortcutForKey, type AppAction, type ShortcutContext } from './shortcuts.ts';
import { useLatest } from '../state/use-latest.ts';

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable === true);
}

/** Space presses a focused button, tab or link; the app must not take it from them. */
function ownsSpace(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest?.('button, a[href], summary, [role="button"], [role="tab"], [role="checkbox"], [role="switch"], [role="option"]');
}

export interface KeyboardShortcutOptions extends ShortcutContext {
  /** While a modal dialog is open the dialog owns the keyboard (Esc closes it, Tab stays inside). */
  dialogOpen: boolean;
  /** The screen is blanked: any key brings it back and does nothing else. */
  blanked?: boolean;
  onUnblank?(): void;
  onAction(action: AppAction): void;
}

/**
 * App-wide keys, dispatched from the shortcut table (shortcuts.ts). Presentation-mode keys are taken in the capture
 * phase, so S (spotlight) and A (annotate) win over the focused timeline's S/A zoom and pan there; keys that work
 * everywhere are taken in the bubble phase, after the focused component (a tab's Home, a table's arrows) had its say.
 */
export function useKeyboardShortcuts(options: KeyboardShortcutOptions): void {
  const latest = useLatest(options);
  useEffect(() => {
    const handle = (capture: boolean) => (e: KeyboardEvent) => {
      const { dialogOpen, presenting, spotlightOn, hasScenes, blanked, onUnblank, onAction } = latest();
      if (blanked && capture) {
        // A remote's blank key pressed again, or any other key: the picture comes back, and the key is spent on that.
        e.preventDefault();
        e.stopPropagation();
        onUnblank?.();
        return;
      }
      if (dialogOpen || e.defaultPrevented || e.isComposing) return;
      const shortcut = shortcutForKey(e, { presenting, spotlightOn, hasScenes });
      if (!shortcut || (shortcut.scope === 'everywhere') === capture) return;
      // In a text field the keys that type or edit are the field's (Esc there cancels the form); function keys and
      // Ctrl/⌘ combinations, which type nothing, are still ours.
      if (typingInField(e.target) && (shortcut.textFieldsKeep || (!/^F\d+$/.test(e.key) && !e.ctrlKey && !e.metaKey))) return;
      if (shortcut.action === 'play-pause' && ownsSpace(e.target)) return;
      e.preventDefault();
      e.stopPropagation();
      onAction(shortcut.action);
    };
    const onCapture = handle(true);
    const onBubble = handle(false);
    window.addEventListener('keydown', onCapture, { capture: true });
    window.addEventListener('keydown', onBubble);
    return () => {
      window.removeEventListener('keydown', onCapture, { capture: true });
      window.removeEventListener('keydown', onBubble);
    };
  }, [latest]);
}
