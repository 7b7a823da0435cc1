/**
 * The keyboard cheat sheet (`?` or F1): every shortcut, grouped by where it works, generated from the same table the
 * key handler dispatches from (renderer/app/shortcuts.ts), so it is always complete and never lists a dead key. Its
 * foot leads on to the glossary, the other half of the help.
 */
import { useRef } from 'react';
import { formatCombo, SCOPE_TITLES, SHORTCUTS, spokenCombo, type Shortcut, type ShortcutScope } from '../keyboard/shortcuts.ts';
import { ModalDialog } from './ModalDialog.tsx';

export function groupShortcuts(table: readonly Shortcut[] = SHORTCUTS): { scope: ShortcutScope; title: string; shortcuts: Shortcut[] }[] {
  const scopes = Object.keys(SCOPE_TITLES) as ShortcutScope[];
  return scopes.map((scope) => ({ scope, title: SCOPE_TITLES[scope], shortcuts: table.filter((s) => s.scope === scope) })).filter((g) => g.shortcuts.length > 0);
}

export function CheatSheet({ onClose, onGlossary }: { onClose(): void; onGlossary?: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog title="Keyboard shortcuts" onClose={onClose} initialFocus={closeButton} className="cheat-sheet" testId="cheat-sheet">
      <div className="cheat-sheet-groups">
        {groupShortcuts().map((group) => (
          <section key={group.scope} aria-labelledby={`cheat-${group.scope}`}>
            <h3 id={`cheat-${group.scope}`}>{group.title}</h3>
            <dl>
              {group.shortcuts.map((s) => (
                <div key={`${s.scope}:${s.description}`} className="cheat-row">
                  <dt>
                    <span className="visually-hidden">{s.combos.map(spokenCombo).join(' or ')}</span>
                    <span aria-hidden="true">
                      {s.combos.map((combo, i) => (
                        <span key={i}>
                          {i > 0 && <span className="cheat-or"> or </span>}
                          <kbd>{formatCombo(combo)}</kbd>
                        </span>
                      ))}
                    </span>
                  </dt>
                  <dd>{s.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="cheat-sheet-foot">
        {onGlossary && (
          <button type="button" onClick={onGlossary} data-testid="cheat-sheet-glossary">
            Glossary: what the terms mean…
          </button>
        )}
        <button type="button" ref={closeButton} onClick={onClose} data-testid="cheat-sheet-close">
          Close <kbd>Esc</kbd>
        </button>
      </p>
    </ModalDialog>
  );
}
