/**
 * Everything export in one piece for the app to mount: the "Export…" button, the dialog (opened by the button, the
 * E key and the desktop menu's Export), the memory of the dialog's settings and presets (kept by the host), and the
 * way back in — dropping or opening an exported PNG or SVG reopens its scenario at its playhead and window, and a
 * dropped scenario file is loaded. Its outcome is said in a status line at the foot of the window.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { ExportDeps } from '../export/export-file.ts';
import type { ExportSource } from '../export/export-source.ts';
import type { HostServices } from '../host/host-services.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import type { TimeView } from '../state/time-view.ts';
import { validateExportMemory, type ExportMemory } from '../../shared/export/export-types.ts';
import type { TokenScopeBridge } from '../../shared/ipc/ipc-contract.ts';
import { comboMatches, SHORTCUTS } from '../app/shortcuts.ts';
import { useExportMoment } from './use-export-moment.ts';
import { useReopenMoment } from './use-reopen-moment.ts';
import { OPENABLE_FILE_TYPES, openRequestForDialogResult, openRequestForFile } from './open-exported-file.ts';
import { DropTarget } from './DropTarget.tsx';
import './export-dialog.css';

// The dialog brings the exporters (and pdf-lib) with it: loaded when it is first opened, not with the app.
const ExportDialog = lazy(() => import('./ExportDialog.tsx').then((m) => ({ default: m.ExportDialog })));

const loadPageDeps = (): Promise<ExportDeps> => import('../export/browser-export-deps.ts').then((m) => m.browserExportDeps());

/** How long a success line stays; an error stays until it is dismissed or replaced. */
const OK_STATUS_MS = 10_000;

export interface ExportFeatureProps {
  snapshot: TimelineSnapshot;
  client: EngineClient;
  host: HostServices;
  /** The time window the timeline shows (exported as "the current view", restored from an exported file). */
  view: TimeView;
  onViewChange(view: TimeView): void;
  /** The export font and rasteriser; the page's by default. */
  loadDeps?: () => Promise<ExportDeps>;
  /** The desktop's bridge (menu actions, the native Open dialog); absent in the browser build. */
  bridge?: Pick<TokenScopeBridge, 'onMenuAction' | 'openScenarioFile'>;
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

export function ExportFeature({ snapshot, client, host, view, onViewChange, loadDeps = loadPageDeps, bridge = globalThis.window?.tokenscope }: ExportFeatureProps) {
  const [source, setSource] = useState<ExportSource | undefined>();
  const [memory, setMemory] = useState<ExportMemory | null>(null);
  const memoryLoaded = useRef<Promise<void> | undefined>(undefined);
  const stored = useRef<ExportMemory | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const capture = useExportMoment(snapshot, view);
  const reopen = useReopenMoment({ snapshot, client, onViewChange });
  const { status, dismiss } = reopen;
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

  const openFile = useCallback(
    async (file: File, otherFiles: number) => {
      const request = await openRequestForFile(file);
      setNotice(otherFiles > 0 && request.kind !== 'refused' ? { tone: 'error', text: `Only ${file.name} was opened: drop one file at a time.` } : undefined);
      if (request.kind !== 'refused') setSource(undefined);
      reopen.open(request);
    },
    [reopen],
  );

  const pickFile = useCallback(() => {
    if (!bridge) {
      fileInput.current?.click();
      return;
    }
    void bridge.openScenarioFile().then(
      (result) => {
        if (!result.ok) return setNotice({ tone: 'error', text: `The file could not be opened: ${result.error}` });
        const request = openRequestForDialogResult(result.value);
        if (request) reopen.open(request);
      },
      (error: unknown) => setNotice({ tone: 'error', text: `The file could not be opened: ${error instanceof Error ? error.message : String(error)}` }),
    );
  }, [bridge, reopen]);

  // The desktop menu's Export… item.
  useEffect(() => bridge?.onMenuAction((action) => action === 'export' && void openDialog()), [bridge, openDialog]);

  // E opens the dialog, unless the key is text (a field, the terminal, the editor) or another dialog is up.
  const latestOpen = useRef(openDialog);
  latestOpen.current = openDialog;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || typingInField(e.target)) return;
      if (!EXPORT_COMBOS.some((combo) => comboMatches(combo, e))) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      e.preventDefault();
      void latestOpen.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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

  return (
    <>
      <button type="button" onClick={() => void openDialog()} disabled={!snapshot.scenario} data-testid="open-export" title="Export the timeline as PNG, SVG or PDF (E)">
        Export… <kbd>E</kbd>
      </button>
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
            data-testid="open-exported-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void openFile(file, 0);
            }}
          />
        </>,
        document.body,
      )}
      {source && (
        <Suspense fallback={<span role="status">Loading the export dialog…</span>}>
          <ExportDialog source={source} memory={memory} host={host} loadDeps={loadDeps} onRemember={remember} onClose={closeDialog} onOpenFile={pickFile} />
        </Suspense>
      )}
    </>
  );
}
