/** The button that hides or shows a panel (the side panel, the bottom panel): a disclosure, with its state in words. */
import type { ReactNode } from 'react';

interface Props {
  open: boolean;
  onToggle(): void;
  /** The id of the panel it hides. */
  controls: string;
  testId: string;
  /** "side panel", "bottom panel". */
  panel: string;
  /** What hiding it gives the timelines ("its width"). */
  gives: string;
  /** The arrow shown while the panel is open, and while it is closed. */
  glyphs: [string, string];
  /** Shown beside the arrow while the panel is closed. */
  closedLabel?: ReactNode;
}

export function PanelToggle({ open, onToggle, controls, testId, panel, gives, glyphs, closedLabel }: Props) {
  return (
    <button
      type="button"
      className="panel-toggle"
      onClick={onToggle}
      aria-expanded={open}
      aria-controls={controls}
      data-testid={testId}
      aria-label={`${open ? 'Hide' : 'Show'} the ${panel}`}
      title={open ? `Hide the ${panel}: the timelines get ${gives}` : `Show the ${panel}`}
    >
      <span aria-hidden="true">{open ? glyphs[0] : glyphs[1]}</span>
      {!open && closedLabel}
    </button>
  );
}
