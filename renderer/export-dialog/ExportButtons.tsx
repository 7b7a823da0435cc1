/**
 * Save and copy the figure, save the event log, and the line that says how the last of them went: progress and
 * outcomes in a status (role=status), failures in an alert (role=alert), each kept until the next.
 */
import type { ReactNode } from 'react';
import type { ExportActions } from './export-actions.ts';
import type { ExportStatus } from './use-export-status.ts';

interface Props {
  /** What the Save button makes: "PNG", or the animation's container, "GIF". */
  kind: string;
  /** How many scenes the scenario has: with any, every scene can be exported at once. */
  sceneCount: number;
  ready: boolean;
  actions: ExportActions;
  status: ExportStatus;
  problem: string | undefined;
  /** Shown instead of the plain progress bar while an action runs (an animation's frames and Cancel). */
  working?: ReactNode;
}

export function ExportButtons({ kind, sceneCount, ready, actions, status: { status, busy, rememberError }, problem, working }: Props) {
  return (
    <>
      <div className="export-actions" role="group" aria-label="Export">
        <button type="button" className="primary" onClick={actions.saveImage} disabled={!ready} aria-disabled={busy || undefined} data-testid="export-save">
          Save {kind}…
        </button>
        <button type="button" onClick={() => actions.copyImage('png')} disabled={!ready} aria-disabled={busy || undefined} data-testid="export-copy-png">
          Copy PNG
        </button>
        <button type="button" onClick={() => actions.copyImage('svg')} disabled={!ready} aria-disabled={busy || undefined} data-testid="export-copy-svg">
          Copy SVG
        </button>
      </div>
      <div className="export-actions" role="group" aria-label="Event log up to the playhead">
        <span className="export-sublabel" aria-hidden="true">
          Event log
        </span>
        <button type="button" onClick={() => actions.saveEvents('csv')} aria-disabled={busy || undefined} data-testid="export-events-csv">
          Save CSV…
        </button>
        <button type="button" onClick={() => actions.saveEvents('json')} aria-disabled={busy || undefined} data-testid="export-events-json">
          Save JSON…
        </button>
      </div>
      {sceneCount > 0 && (
        <div className="export-actions" role="group" aria-label={`All ${sceneCount} scenes, each at its moment and window`}>
          <span className="export-sublabel" aria-hidden="true">
            All {sceneCount} scenes
          </span>
          <button type="button" onClick={() => actions.saveScenes('pdf')} aria-disabled={busy || undefined} data-testid="export-scenes-pdf">
            Save 16:9 PDF deck…
          </button>
          <button type="button" onClick={() => actions.saveScenes('zip')} aria-disabled={busy || undefined} data-testid="export-scenes-zip">
            Save PNGs (ZIP)…
          </button>
        </div>
      )}

      <div className="export-status" role="status" data-testid="export-status" data-tone={status?.tone ?? (problem ? 'problem' : 'none')}>
        {status?.tone === 'progress' && (working ?? <progress aria-label="Export in progress" />)}
        {status && status.tone !== 'error' && <span>{status.text}</span>}
        {problem && <span className="export-problem">{problem}</span>}
      </div>
      <div className="export-alert" role="alert" data-testid="export-alert">
        {status?.tone === 'error' && <p>{status.text}</p>}
        {rememberError && <p>{rememberError}</p>}
      </div>
    </>
  );
}
