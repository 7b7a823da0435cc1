/**
 * File → Open Link… on the desktop: a small dialog to paste a link into. The link is read before the dialog closes, so
 * a cut, changed or foreign one is refused right there with a sentence saying why, the text still in the field to fix
 * or replace; a good one closes the dialog and opens its moment.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { ModalDialog } from '../a11y/ModalDialog.tsx';
import { findMomentFragment, readMomentFragment, type MomentLinkReading } from '../../shared/export/moment-link.ts';
import { MOMENT_LINK_MAX_CHARS } from '../../shared/limits/input-budgets.ts';

interface Props {
  onClose(): void;
  /** A link that reads as a moment. */
  onOpen(reading: Extract<MomentLinkReading, { kind: 'moment' }>): void;
}

export function OpenLinkDialog({ onClose, onOpen }: Props) {
  const ids = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fragment = findMomentFragment(text);
    const reading = fragment === undefined ? undefined : readMomentFragment(fragment);
    if (reading?.kind === 'moment') return onOpen(reading);
    setError(
      reading?.kind === 'refused'
        ? `${reading.error}${reading.error.endsWith('.') ? '' : '.'} Nothing was opened.`
        : text.trim() === ''
          ? 'Paste a link first.'
          : 'That is not a TokenScope link: a link to a moment has #tokenscope= in it.',
    );
    field.current?.focus();
  };

  return (
    <ModalDialog title="Open a link" onClose={onClose} initialFocus={field} testId="open-link-dialog">
      <form onSubmit={submit}>
        <label htmlFor={`${ids}-link`}>Paste a link to a TokenScope moment (someone copied it with Copy link):</label>
        <textarea
          ref={field}
          id={`${ids}-link`}
          className="open-link-field"
          value={text}
          maxLength={MOMENT_LINK_MAX_CHARS + 10_000}
          spellCheck={false}
          aria-invalid={error !== undefined}
          aria-describedby={error ? `${ids}-error` : undefined}
          data-testid="open-link-field"
          onChange={(e) => {
            setText(e.target.value);
            setError(undefined);
          }}
          onKeyDown={(e) => {
            // Enter opens (a link is one line); Shift+Enter is still a new line for whoever wants one.
            if (e.key === 'Enter' && !e.shiftKey) submit(e);
          }}
        />
        <p id={`${ids}-error`} role="alert" className="open-link-error" data-testid="open-link-error">
          {error}
        </p>
        <div className="open-link-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" data-testid="open-link-open">
            Open
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
