/**
 * A term where it is used (a claim's name, an event's kind) that opens its glossary entry when clicked: a button that
 * looks like the text it replaces, with a dotted underline. Plain text when there is no glossary to open or no entry.
 */
import type { ReactNode } from 'react';
import { glossaryEntry } from '../../shared/explain/glossary.ts';
import { useOpenGlossary } from './use-glossary.ts';
import './glossary-link.css';

interface Props {
  entryId: string;
  children: ReactNode;
  /** -1 inside a widget with one tab stop of its own (the events grid), where a key opens the entry instead. */
  tabIndex?: number;
}

export function GlossaryLink({ entryId, children, tabIndex }: Props) {
  const open = useOpenGlossary();
  const entry = glossaryEntry(entryId);
  if (!open || !entry) return <>{children}</>;
  return (
    <button
      type="button"
      className="glossary-link"
      tabIndex={tabIndex}
      title={`What “${entry.term}” means (glossary)`}
      data-glossary={entryId}
      onClick={(e) => {
        e.stopPropagation();
        open(entryId);
      }}
    >
      {children}
    </button>
  );
}
