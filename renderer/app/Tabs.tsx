/**
 * An accessible tab strip (WAI-ARIA tabs pattern): arrow keys move between tabs, Home/End jump, the panel is
 * labelled by its tab. Inactive panels stay mounted (hidden) so a terminal or an editor keeps its state.
 */
import { useId, useRef, type ReactNode } from 'react';

export interface TabSpec {
  id: string;
  label: string;
  content: ReactNode;
}

interface Props {
  label: string;
  tabs: TabSpec[];
  active: string;
  onChange(id: string): void;
  /** Controls beside the tabs (outside the tab list, which may hold only tabs), such as a collapse button. */
  extra?: ReactNode;
  /** Only the tab strip shows; the panels stay mounted, hidden. */
  collapsed?: boolean;
}

export function Tabs({ label, tabs, active, onChange, extra, collapsed = false }: Props) {
  const base = useId();
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const move = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    onChange(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  return (
    <div className={collapsed ? 'tabs tabs-collapsed' : 'tabs'}>
      <div className="tab-bar">
        <div role="tablist" aria-label={label} className="tab-list">
          {tabs.map((tab, i) => (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) refs.current.set(tab.id, el);
                else refs.current.delete(tab.id);
              }}
              role="tab"
              type="button"
              id={`${base}-tab-${tab.id}`}
              aria-selected={tab.id === active}
              aria-controls={`${base}-panel-${tab.id}`}
              tabIndex={tab.id === active ? 0 : -1}
              data-testid={`tab-${tab.id}`}
              className={tab.id === active ? 'tab active' : 'tab'}
              onClick={() => onChange(tab.id)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowRight') move(i + 1);
                else if (e.key === 'ArrowLeft') move(i - 1);
                else if (e.key === 'Home') move(0);
                else if (e.key === 'End') move(tabs.length - 1);
                else return;
                e.preventDefault();
              }}
            >
              {tab.label}
            </button>
          ))}
        </div>
        {extra}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${base}-panel-${tab.id}`}
          aria-labelledby={`${base}-tab-${tab.id}`}
          hidden={collapsed || tab.id !== active}
          // Focusable, as the tabs pattern advises: a panel that scrolls can then be scrolled from the keyboard.
          tabIndex={0}
          className="tab-panel"
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
}
