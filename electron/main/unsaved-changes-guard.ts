/**
 * Closing or reloading a window whose page has unsaved notes. The page says so with a `beforeunload` handler; in a
 * browser that shows the browser's own question, but Electron only cancels the close, silently, and fires
 * `will-prevent-unload` instead. Here that event asks the user, and lets the window go when they choose to leave.
 */
import type { MessageBoxSyncOptions, WebContents } from 'electron';

/** The question; button 0 leaves, button 1 (the default, and Esc) stays. */
export const UNSAVED_CHANGES_BOX: MessageBoxSyncOptions = {
  type: 'question',
  buttons: ['Leave without saving', 'Stay'],
  defaultId: 1,
  cancelId: 1,
  title: 'Unsaved notes',
  message: 'This scenario has notes you have not saved.',
  detail: 'Leave now and they are kept only as a draft, offered back the next time TokenScope starts. Stay to save them first (Ctrl/⌘ + S).',
};

/** `askLeave` answers true when the user chose to leave; the page's refusal to unload is then overridden. */
export function guardUnsavedChanges(webContents: Pick<WebContents, 'on'>, askLeave: () => boolean): void {
  webContents.on('will-prevent-unload', (event) => {
    if (askLeave()) event.preventDefault();
  });
}
