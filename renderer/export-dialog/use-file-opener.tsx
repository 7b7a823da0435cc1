/**
 * Opening a file, one way for every door: the header's Open…, Ctrl/⌘+O, the desktop's File > Open, the export
 * dialog's "open a file", and a drop on the window. A scenario (.yaml) is loaded; an image TokenScope exported
 * (.png, .svg) reopens its moment; anything else is refused with a sentence saying why. Before a file replaces a
 * scenario with unsaved notes, the user is asked. The outcome is said in a status line at the foot of the window.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import type { TimeView } from '../../shared/figure/time-view.ts';
import type { HostServices } from '../host/host-services.ts';
import { useReopenMoment } from './use-reopen-moment.ts';
import type { OpenRequest } from './open-exported-file.ts';
import { OPENABLE_FILE_TYPES } from './openable-file-types.ts';
import { DropTarget } from './DropTarget.tsx';
import { useLatest } from '../state/use-latest.ts';

/** Reading a file (an image's embedded moment among it) loads with the first file opened, not with the app. */
const fileReaders = () => import('./open-exported-file.ts');

/** How long a success line stays; an error stays until it is dismissed or replaced. */
const OK_STATUS_MS = 10_000;

export interface FileOpenerOptions {
  snapshot: TimelineSnapshot;
  client: EngineClient;
  /** Its own Open dialog (the desktop's native one) if it has one; otherwise the page's file input is used. */
  host: Pick<HostServices, 'openScenarioFile'>;
  onViewChange(view: TimeView): void;
  /** Asks before unsaved edits are replaced; answers true to go ahead. */
  confirmReplace(what: string): Promise<boolean>;
}

export interface FileOpener {
  /** Shows the file picker (the OS dialog on the desktop); call it from a click or a key press. */
  pick(): void;
  /** Opens a dropped or chosen file; `otherFiles` were dropped with it and are left alone. */
  openFile(file: File, otherFiles: number): Promise<void>;
  /** Carries out a request made elsewhere (a shared link), asking first as a file would. */
  openRequest(request: OpenRequest): Promise<void>;
  /** Counts the files that were opened (not refused, not canceled): the export dialog closes when it changes. */
  opened: number;
  /** The drop target, the hidden file input and the status lines; render it once. */
  view: ReactNode;
}

export function useFileOpener({ snapshot, client, onViewChange, confirmReplace, host }: FileOpenerOptions): FileOpener {
  const reopen = useReopenMoment({ snapshot, client, onViewChange });
  const { status, dismiss } = reopen;
  const [notice, setNotice] = useState<{ tone: 'error'; text: string } | undefined>();
  const [opened, setOpened] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const confirm = useLatest(confirmReplace);

  const open = useCallback(
    async (request: OpenRequest) => {
      if (request.kind !== 'refused') {
        const name = request.kind === 'moment' ? request.fileName : request.sourceName;
        if (!(await confirm()(`Opening ${name}`))) return;
        setOpened((n) => n + 1);
      }
      reopen.open(request);
    },
    [reopen, confirm],
  );

  const openFile = useCallback(
    async (file: File, otherFiles: number) => {
      const request = await (await fileReaders()).openRequestForFile(file);
      setNotice(otherFiles > 0 && request.kind !== 'refused' ? { tone: 'error', text: `Only ${file.name} was opened: drop one file at a time.` } : undefined);
      await open(request);
    },
    [open],
  );

  const pick = useCallback(() => {
    if (!host.openScenarioFile) {
      fileInput.current?.click();
      return;
    }
    void Promise.all([host.openScenarioFile(), fileReaders()]).then(
      ([result, { openRequestForDialogResult }]) => {
        if (!result.ok) return setNotice({ tone: 'error', text: `The file could not be opened: ${result.error}` });
        const request = openRequestForDialogResult(result.value);
        if (request) void open(request);
      },
      (error: unknown) => setNotice({ tone: 'error', text: `The file could not be opened: ${error instanceof Error ? error.message : String(error)}` }),
    );
  }, [host, open]);

  useEffect(() => {
    if (status?.tone !== 'ok') return;
    const timer = setTimeout(dismiss, OK_STATUS_MS);
    return () => clearTimeout(timer);
  }, [status, dismiss]);

  const toast = (message: { tone: string; text: string }, onDismiss: () => void, testId: string) => (
    <div className="export-open-status" data-tone={message.tone} data-testid={testId}>
      {message.tone === 'progress' && <progress aria-label="Opening" />}
      <p>{message.text}</p>
      <button type="button" onClick={onDismiss} aria-label="Dismiss this message">
        ✕
      </button>
    </div>
  );
  const quiet = status && status.tone !== 'error' ? status : undefined;
  const loud = status?.tone === 'error' ? status : undefined;

  const view = (
    <>
      <DropTarget onFile={(file, others) => void openFile(file, others)} />
      {/* The status lines are in the page's body, outside the app's root, so a dialog making the app inert does not hide them. */}
      {createPortal(
        <>
          <div className="export-open-messages">
            <div role="status">{quiet && toast(quiet, dismiss, 'open-status')}</div>
            <div role="alert">
              {loud && toast(loud, dismiss, 'open-status')}
              {notice && toast(notice, () => setNotice(undefined), 'open-notice')}
            </div>
          </div>
          <input
            ref={fileInput}
            type="file"
            accept={OPENABLE_FILE_TYPES}
            hidden
            data-testid="open-file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void openFile(file, 0);
            }}
          />
        </>,
        document.body,
      )}
    </>
  );

  return { pick, openFile, openRequest: open, opened, view };
}
