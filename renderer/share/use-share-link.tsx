/**
 * Links to a moment, app-wide. Copying: Ctrl/⌘+Shift+C makes the link to the moment on screen (the scenario with its
 * notes, the playhead, the window), and says in the window's message area how it went. Opening, one way for every
 * door: the page's own address when it loads and whenever its `#…` changes (browser build), a link pasted on the
 * timeline (Ctrl/⌘+V), and File → Open Link… on the desktop, which asks for the link in a small dialog. Never a
 * system-wide protocol handler: a link opens only where the user put it. A link that is not a good one is refused
 * with a sentence and changes nothing; a good one is opened like an exported image, asking first before unsaved notes
 * are replaced.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ClipboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { MomentLinkReading } from '../../shared/export/moment-link.ts';
import type { TimeView } from '../../shared/figure/time-view.ts';
import type { HostServices } from '../host/host-services.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import type { FileOpener } from '../export-dialog/use-file-opener.tsx';
import type { OpenRequest } from '../export-dialog/open-exported-file.ts';
import { exportMomentOf } from '../../shared/export/export-source.ts';
import { useLatest } from '../state/use-latest.ts';
import { loadMomentLinks, useCopyLink } from './use-copy-link.ts';
import { LoadingNote } from '../a11y/LoadingNote.tsx';
import './share.css';

// The messages about links and the prompt for one load on first use, so they do not delay the first timeline.
const LinkOutcome = lazy(() => import('./LinkOutcome.tsx').then((m) => ({ default: m.LinkOutcome })));
const OpenLinkDialog = lazy(() => import('./OpenLinkDialog.tsx').then((m) => ({ default: m.OpenLinkDialog })));

/** What the reopening messages call a link ("Reopening the moment in the link…"). */
export const LINK_SOURCE_NAME = 'the link';

/** How long "Link copied" stays up; every other outcome stays until it is dismissed or replaced. */
const COPIED_MESSAGE_MS = 10_000;

export interface ShareLinkOptions {
  host: Pick<HostServices, 'kind' | 'copyToClipboard'>;
  snapshot: TimelineSnapshot;
  view: TimeView;
  opener: Pick<FileOpener, 'openRequest'>;
  /** Saves the scenario through the app (so its notes count as saved): offered when a link is too long to share. */
  saveScenario(): Promise<boolean>;
}

export interface ShareLink {
  /** Copies the link to the moment on screen. */
  copyLink(): void;
  /** Asks for a link to open (the desktop's File → Open Link…). */
  promptForLink(): void;
  /** The timeline's paste handler: a TokenScope link in the pasted text opens its moment. */
  onPaste(e: ClipboardEvent<HTMLElement>): void;
  /** The link prompt is up (a modal dialog: the app's shortcuts are off meanwhile). */
  dialogOpen: boolean;
  /** The messages and the prompt; render it once. */
  view: ReactNode;
}

/** The request a reading of a link makes: undefined when there is nothing to open. */
export function openRequestForLink(reading: MomentLinkReading): OpenRequest | undefined {
  if (reading.kind === 'none') return undefined;
  return reading.kind === 'moment' ? { kind: 'moment', fileName: LINK_SOURCE_NAME, moment: reading.moment } : { kind: 'refused', error: reading.error };
}

export function useShareLink({ host, snapshot, view, opener, saveScenario }: ShareLinkOptions): ShareLink {
  const { outcome, copy, copyAnyway, dismiss } = useCopyLink(host);
  const [prompting, setPrompting] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const latest = useLatest({ snapshot, view, opener });

  const open = useCallback(
    (reading: MomentLinkReading) => {
      const request = openRequestForLink(reading);
      if (request) void latest().opener.openRequest(request);
    },
    [latest],
  );

  // The page's own address: once when it loads, then whenever its #… changes (a link pasted in the address bar).
  const openedOnLoad = useRef(false);
  useEffect(() => {
    if (typeof window === 'undefined') return;
    const openHash = () => {
      const { hash } = window.location;
      // No fragment, nothing to read: the link code is not fetched for it.
      if (hash.length > 1) void loadMomentLinks().then(({ readMomentFragment }) => open(readMomentFragment(hash)));
    };
    if (!openedOnLoad.current) {
      openedOnLoad.current = true;
      openHash();
    }
    window.addEventListener('hashchange', openHash);
    return () => window.removeEventListener('hashchange', openHash);
  }, [open]);

  const copyLink = useCallback(() => {
    const { snapshot: current, view: shown } = latest();
    setNotice(undefined);
    if (!current.scenario) return setNotice('There is no moment to link to yet: no scenario is loaded.');
    copy(exportMomentOf(current.scenario, current.nowMs, shown));
  }, [copy, latest]);

  const onPaste = useCallback(
    (e: ClipboardEvent<HTMLElement>) => {
      const text = e.clipboardData.getData('text/plain');
      e.preventDefault();
      void loadMomentLinks().then(({ findMomentFragment, readMomentFragment }) => {
        const fragment = findMomentFragment(text);
        if (fragment !== undefined) return open(readMomentFragment(fragment));
        open({ kind: 'refused', error: text.trim() === '' ? 'The clipboard holds no text, so no link to open' : 'The pasted text is not a TokenScope link (one has #tokenscope= in it)' });
      });
    },
    [open],
  );

  useEffect(() => {
    if (outcome?.kind !== 'copied') return;
    const timer = setTimeout(dismiss, COPIED_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [outcome, dismiss]);

  const toast = outcome && (
    <div className="export-open-status" data-tone={outcome.kind === 'failed' ? 'error' : 'ok'} data-testid="share-link-toast">
      <Suspense fallback={<p>{outcome.kind === 'copying' ? 'Copying the link…' : 'One moment…'}</p>}>
        <LinkOutcome outcome={outcome} onSaveScenario={() => void saveScenario()} onCopyAnyway={copyAnyway} />
      </Suspense>
      <button type="button" onClick={dismiss} aria-label="Dismiss this message">
        ✕
      </button>
    </div>
  );

  const shown = (
    <>
      {/* In the page's body, outside the app's root, so a dialog making the app inert does not hide them. */}
      {typeof document !== 'undefined' &&
        createPortal(
          <div className="export-open-messages">
            <div role="status">{outcome?.kind === 'copied' || outcome?.kind === 'copying' ? toast : null}</div>
            <div role="alert">
              {outcome && outcome.kind !== 'copied' && outcome.kind !== 'copying' ? toast : null}
              {notice && (
                <div className="export-open-status" data-tone="error" data-testid="share-link-notice">
                  <p>{notice}</p>
                  <button type="button" onClick={() => setNotice(undefined)} aria-label="Dismiss this message">
                    ✕
                  </button>
                </div>
              )}
            </div>
          </div>,
          document.body,
        )}
      {prompting && (
        <Suspense fallback={<LoadingNote>Opening the link prompt…</LoadingNote>}>
          <OpenLinkDialog
            onClose={() => setPrompting(false)}
            onOpen={(reading) => {
              setPrompting(false);
              open(reading);
            }}
          />
        </Suspense>
      )}
    </>
  );

  return { copyLink, promptForLink: () => setPrompting(true), onPaste, dialogOpen: prompting, view: shown };
}
