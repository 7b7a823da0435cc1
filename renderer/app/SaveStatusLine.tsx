import type { SaveStatus } from './use-scenario-save.ts';

/** What the last save said: a status for a success, an alert for a failure, with a button to close it. */
export function SaveStatusLine({ status, onClose }: { status: SaveStatus | undefined; onClose(): void }) {
  if (!status) return undefined;
  return (
    <p className={status.ok ? 'save-status' : 'save-status save-failed'} role={status.ok ? 'status' : 'alert'} data-testid="save-status">
      <span>{status.text}</span>
      <button type="button" onClick={onClose} aria-label="Close this message" data-testid="close-save-status">
        ✕
      </button>
    </p>
  );
}
