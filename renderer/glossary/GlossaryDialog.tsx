/**
 * The glossary as a dialog: a search field that filters the terms as you type, the list of terms (grouped by kind
 * when there is no search, best matches first when there is), and the chosen term's meaning beside it. The field keeps
 * the focus: ↑/↓, Page Up/Down move through the list (a combobox whose active option screen readers announce), Esc
 * clears the search and then closes. Opened from the cheat sheet, and at a term from wherever the term is used.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ModalDialog } from '../a11y/ModalDialog.tsx';
import { GLOSSARY, GLOSSARY_SECTION_TITLES, type GlossaryEntry } from '../../shared/explain/glossary.ts';
import { GLOSSARY_QUERY_MAX_CHARS, searchGlossary } from './glossary-search.ts';
import './glossary.css';

interface Props {
  /** The entry to show first (shared/explain/glossary.ts ids); the first entry when absent or unknown. */
  initialEntryId?: string | undefined;
  onClose(): void;
}

const PAGE = 8;

/** What one entry is, beside it in a list of search results. */
const KIND_OF_ENTRY: Readonly<Record<GlossaryEntry['section'], string>> = { idea: 'Idea', header: 'JWT header field', claim: 'JWT claim', event: 'Event kind' };

/** Claim names and event types are code; ideas are words. */
const isCode = (entry: GlossaryEntry) => entry.section !== 'idea';

export function GlossaryDialog({ initialEntryId, onClose }: Props) {
  const base = useId();
  const field = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const results = useMemo(() => searchGlossary(GLOSSARY, query), [query]);
  const [chosenId, setChosenId] = useState(() => (GLOSSARY.some((e) => e.id === initialEntryId) ? initialEntryId! : GLOSSARY[0]!.id));
  const activeIndex = Math.max(0, results.findIndex((e) => e.id === chosenId));
  const active = results[activeIndex];
  const optionId = (index: number) => `${base}-option-${index}`;
  const listId = `${base}-list`;

  useEffect(() => {
    document.getElementById(`${base}-option-${activeIndex}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [base, activeIndex, results]);

  const move = (to: number) => {
    const next = results[Math.max(0, Math.min(results.length - 1, to))];
    if (next) setChosenId(next.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      PageDown: () => move(activeIndex + PAGE),
      PageUp: () => move(activeIndex - PAGE),
    };
    if (e.key === 'Escape' && query !== '') {
      e.preventDefault();
      e.stopPropagation();
      setQuery('');
      return;
    }
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const grouped = query.trim() === '';
  const indexOf = new Map(results.map((entry, i) => [entry.id, i]));
  const option = (entry: GlossaryEntry) => {
    const index = indexOf.get(entry.id)!;
    return (
      <li
        key={entry.id}
        id={optionId(index)}
        role="option"
        aria-selected={index === activeIndex}
        className="glossary-option"
        data-entry={entry.id}
        // Keep the focus in the search field, so typing goes on where it left off.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setChosenId(entry.id)}
      >
        <span className={isCode(entry) ? 'glossary-option-term glossary-code' : 'glossary-option-term'}>{entry.term}</span>
        <span className="glossary-option-summary">
          {grouped ? '' : `${KIND_OF_ENTRY[entry.section]}: `}
          {entry.summary}
        </span>
      </li>
    );
  };

  const sections = grouped ? (Object.keys(GLOSSARY_SECTION_TITLES) as GlossaryEntry['section'][]) : [];

  return (
    <ModalDialog title="Glossary" onClose={onClose} initialFocus={field} className="glossary" testId="glossary">
      <div className="glossary-body">
        <div>
          <label htmlFor={`${base}-search`} className="visually-hidden">
            Search the glossary
          </label>
          <input
            ref={field}
            id={`${base}-search`}
            type="search"
            className="glossary-search"
            placeholder="Search: a claim, an event, an idea…"
            value={query}
            maxLength={GLOSSARY_QUERY_MAX_CHARS}
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={active ? optionId(activeIndex) : undefined}
            data-testid="glossary-search"
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <p className="glossary-count" role="status" data-testid="glossary-count">
            {grouped ? `${GLOSSARY.length} terms` : results.length === 0 ? 'No term matches.' : `${results.length} of ${GLOSSARY.length} terms match`}
          </p>
          <div className="glossary-list" id={listId} role="listbox" aria-label="Terms" data-testid="glossary-list">
            {grouped
              ? sections.map((section) => {
                  const members = results.filter((e) => e.section === section);
                  if (members.length === 0) return null;
                  const titleId = `${base}-group-${section}`;
                  return (
                    <div key={section} role="group" aria-labelledby={titleId}>
                      <div id={titleId} className="glossary-group-title">
                        {GLOSSARY_SECTION_TITLES[section]}
                      </div>
                      <ul className="glossary-group" role="presentation">
                        {members.map(option)}
                      </ul>
                    </div>
                  );
                })
              : (
                <ul className="glossary-group" role="presentation">
                  {results.map(option)}
                </ul>
              )}
          </div>
        </div>
        <section className="glossary-detail" aria-label="Meaning" data-testid="glossary-detail" data-entry={active?.id}>
          {active ? (
            <>
              <h3 className={isCode(active) ? 'glossary-detail-term glossary-code' : 'glossary-detail-term'}>{active.term}</h3>
              <p className="glossary-detail-section">
                {KIND_OF_ENTRY[active.section]} · {active.summary}
              </p>
              {active.paragraphs.map((paragraph, i) => (
                <p key={i}>{paragraph}</p>
              ))}
            </>
          ) : (
            <p>Nothing in the glossary matches “{query.trim()}”. Try fewer words, or part of a word.</p>
          )}
        </section>
      </div>
      <div className="glossary-foot">
        <p className="glossary-count">Type to search · ↑/↓ to choose · Esc clears, then closes</p>
        <button type="button" onClick={onClose} data-testid="glossary-close">
          Close <kbd>Esc</kbd>
        </button>
      </div>
    </ModalDialog>
  );
}
