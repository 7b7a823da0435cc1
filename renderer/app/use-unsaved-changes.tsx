/**
 * Nothing the user made is lost without a word: while the scenario has unsaved notes, leaving the page asks first
 * (the browser's own question on `beforeunload`; the desktop turns it into a dialog of its own, see
 * electron/main/unsaved-changes-guard.ts), and anything that would replace the scenario (another scenario, a file,
 * the lesson) asks through `confirmReplace`, which offers to save first.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ModalDialog } from '../a11y/ModalDialog.tsx';
import './unsaved-changes.css';
import { useLatest } from '../state/use-latest.ts';

interface Question {
  what: string;
  answer(proceed: boolean): void;
}

export interface UnsavedChanges {
  /** Resolves true at once when nothing is unsaved; otherwise asks, and resolves with the user's choice. */
  confirmReplace(what: string): Promise<boolean>;
  /** The question, while it is asked. */
  dialog: ReactNode;
}

/** `save` saves the scenario and answers whether it was saved (false when canceled or failed). */
export function useUnsavedChanges(dirty: boolean, scenarioTitle: string, save: () => Promise<boolean>): UnsavedChanges {
  const [question, setQuestion] = useState<Question | undefined>();
  const isDirty = useLatest(dirty);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show their question only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const confirmReplace = useCallback((what: string) => {
    if (!isDirty()) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      setQuestion({
        what,
        answer: (proceed) => {
          setQuestion(undefined);
          resolve(proceed);
        },
      });
    });
  }, [isDirty]);

  const dialog = question && (
    <ModalDialog title="Your notes are not saved" onClose={() => question.answer(false)} testId="unsaved-changes-dialog">
      <p>
        “{scenarioTitle}” has notes you have not saved. {question.what} replaces the scenario on screen, and the notes would go with it.
      </p>
      <div className="modal-actions">
        <button type="button" className="primary" data-testid="unsaved-save" onClick={() => void save().then((saved) => question.answer(saved))}>
          Save the scenario first
        </button>
        <button type="button" data-testid="unsaved-discard" onClick={() => question.answer(true)}>
          Discard the notes
        </button>
        <button type="button" data-testid="unsaved-cancel" onClick={() => question.answer(false)}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );

  return { confirmReplace, dialog };
}
