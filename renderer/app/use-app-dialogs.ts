/**
 * The app's modal dialogs, one at a time: the shortcut sheet and the glossary (opened at an entry, or at its start).
 * While one is open the app-wide shortcuts are off.
 */
import { useCallback, useState } from 'react';

export type AppDialog = 'cheat-sheet' | 'glossary';

export interface AppDialogs {
  dialog: AppDialog | undefined;
  /** The glossary entry the glossary opens at. */
  glossaryEntry: string | undefined;
  openGlossary(entryId?: string): void;
  openCheatSheet(): void;
  close(): void;
}

export function useAppDialogs(): AppDialogs {
  const [dialog, setDialog] = useState<AppDialog | undefined>(undefined);
  const [glossaryEntry, setGlossaryEntry] = useState<string | undefined>();
  const openGlossary = useCallback((entryId?: string) => {
    setGlossaryEntry(entryId);
    setDialog('glossary');
  }, []);
  const openCheatSheet = useCallback(() => setDialog('cheat-sheet'), []);
  const close = useCallback(() => setDialog(undefined), []);
  return { dialog, glossaryEntry, openGlossary, openCheatSheet, close };
}
