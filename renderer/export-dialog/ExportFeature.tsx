/**
 * Everything export in one piece for the app to mount: the "Export…" button, the dialog (opened by the button, the
 * E key and the desktop menu's Export), and the memory of the dialog's settings and presets (kept by the host). The
 * way back in (opening or dropping an exported PNG or SVG) is the app's file opener, which the dialog also offers.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ExportDeps } from '../../shared/export/export-file.ts';
import type { ExportSource } from '../../shared/export/export-source.ts';
import type { HostServices } from '../host/host-services.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import type { TimeView } from '../../shared/figure/time-view.ts';
import { validateExportMemory, type ExportMemory } from '../../shared/export/export-types.ts';
import { comboMatches, SHORTCUTS } from '../keyboard/shortcuts.ts';
import { useExportMoment } from './use-export-moment.ts';
import type { FileOpener } from './use-file-opener.tsx';
import './export-dialog.css';
import { useLatest } from '../state/use-latest.ts';

// The dialog brings the exporters (and pdf-lib) with it: loaded when it is first opened, not with the app.
const ExportDialog = lazy(() => import('./ExportDialog.tsx').then((m) => ({ default: m.ExportDialog })));

const loadPageDeps = (): Promise<ExportDeps> => import('./browser-export-deps.ts').then((m) => m.browserExportDeps());

export interface ExportFeatureProps {
  snapshot: TimelineSnapshot;
  /** Remembers the dialog's settings, saves and copies the export, and brings its menu's Export… (the desktop's). */
  host: HostServices;
  /** The time window the timeline shows (exported as "the current view"). */
  view: TimeView;
  /** The export font and rasteriser; the page's by default. */
  loadDeps?: () => Promise<ExportDeps>;
  /** How files are opened (the dialog's "open a file" uses it; opening one closes the dialog). */
  opener: Pick<FileOpener, 'pick' | 'opened'>;
}

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable === true);
}

/** The export key from the shortcut table, which the cheat sheet lists. */
const EXPORT_COMBOS = SHORTCUTS.find((s) => 'handledBy' in s && s.handledBy === 'export-dialog')?.combos ?? [];

function sameMemory(a: ExportMemory | null, b: ExportMemory | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function ExportFeature({ snapshot, host, view, loadDeps = loadPageDeps, opener }: ExportFeatureProps) {
  const [source, setSource] = useState<ExportSource | undefined>();
  const [memory, setMemory] = useState<ExportMemory | null>(null);
  const memoryLoaded = useRef<Promise<void> | undefined>(undefined);
  const stored = useRef<ExportMemory | null>(null);
  const capture = useExportMoment(snapshot, view);
  const [notice, setNotice] = useState<{ tone: 'error'; text: string } | undefined>();

  useEffect(() => {
    let current = true;
    memoryLoaded.current = host.loadSettings().then((settings) => {
      const checked = settings.exportMemory === null ? undefined : validateExportMemory(settings.exportMemory);
      if (!current || !checked?.ok) return;
      stored.current = checked.value;
      setMemory(checked.value);
    });
    return () => {
      current = false;
    };
  }, [host]);

  const remember = useCallback(
    async (next: ExportMemory) => {
      const checked = validateExportMemory(next);
      if (!checked.ok) throw new Error(checked.error);
      setMemory(checked.value);
      if (sameMemory(stored.current, checked.value)) return;
      await host.saveSettings({ exportMemory: checked.value });
      stored.current = checked.value;
    },
    [host],
  );

  const openDialog = useCallback(async () => {
    const captured = capture();
    if (!captured) {
      setNotice({ tone: 'error', text: 'There is nothing to export yet: no scenario is loaded.' });
      return;
    }
    setNotice(undefined);
    await memoryLoaded.current;
    setSource(captured);
  }, [capture]);

  const closeDialog = useCallback(
    (last: ExportMemory) => {
      setSource(undefined);
      remember(last).catch((error: unknown) => setNotice({ tone: 'error', text: `Your export settings could not be remembered: ${error instanceof Error ? error.message : String(error)}` }));
    },
    [remember],
  );

  // A file opened while the dialog is up (its own "open a file", or a drop) replaces what it was exporting.
  const openedBefore = useRef(opener.opened);
  useEffect(() => {
    if (opener.opened === openedBefore.current) return;
    openedBefore.current = opener.opened;
    setSource(undefined);
  }, [opener.opened]);

  // The host menu's Export… item (the desktop's).
  useEffect(() => host.onMenuAction((action) => action === 'export' && void openDialog()), [host, openDialog]);

  // E opens the dialog, unless the key is text (a field, the terminal, the editor) or another dialog is up.
  const latestOpen = useLatest(openDialog);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || typingInField(e.target)) return;
      if (!EXPORT_COMBOS.some((combo) => comboMatches(combo, e))) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      e.preventDefault();
      void latestOpen()();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [latestOpen]);

  return (
    <>
      <button type="button" onClick={() => void openDialog()} disabled={!snapshot.scenario} data-testid="open-export" title="Export the timeline as PNG, SVG or PDF (E)">
        Export… <kbd>E</kbd>
      </button>
      {notice &&
        createPortal(
          <div className="export-open-messages" role="alert">
            <div className="export-open-status" data-tone="error" data-testid="open-notice">
              <p>{notice.text}</p>
              <button type="button" onClick={() => setNotice(undefined)} aria-label="Dismiss this message">
                ✕
              </button>
            </div>
          </div>,
          document.body,
        )}
      {source && (
        <Suspense fallback={<span role="status">Loading the export dialog…</span>}>
          <ExportDialog source={source} memory={memory} host={host} loadDeps={loadDeps} onRemember={remember} onClose={closeDialog} onOpenFile={opener.pick} />
        </Suspense>
      )}
    </>
  );
}
