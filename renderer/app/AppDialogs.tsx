/**
 * What the app draws over either screen: the open modal dialog (the shortcut sheet, or the glossary, loaded on first
 * use), the dialogs other features hand in (unsaved changes, opening a file, links), and the status line that says
 * what Undo or Redo did.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { CheatSheet } from '../a11y/CheatSheet.tsx';
import { LoadingNote } from '../a11y/LoadingNote.tsx';
import type { AppDialogs as Dialogs } from './use-app-dialogs.ts';

// Loaded on first use (G, F1 or a link to an entry), so it does not delay the first timeline.
const GlossaryDialog = lazy(() => import('../glossary/GlossaryDialog.tsx').then((m) => ({ default: m.GlossaryDialog })));

interface Props {
  dialogs: Dialogs;
  /** What the last Undo or Redo did. */
  editStatus: string;
  children: ReactNode;
}

export function AppDialogs({ dialogs, editStatus, children }: Props) {
  return (
    <>
      {dialogs.dialog === 'cheat-sheet' && <CheatSheet onClose={dialogs.close} onGlossary={() => dialogs.openGlossary()} />}
      {dialogs.dialog === 'glossary' && (
        <Suspense fallback={<LoadingNote>Opening the glossary…</LoadingNote>}>
          <GlossaryDialog initialEntryId={dialogs.glossaryEntry} onClose={dialogs.close} />
        </Suspense>
      )}
      {children}
      <p className="visually-hidden" role="status" data-testid="edit-status">
        {editStatus}
      </p>
    </>
  );
}
