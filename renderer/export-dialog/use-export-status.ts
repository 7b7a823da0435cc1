/**
 * The export dialog's outcome line and its one-at-a-time actions: `run` shows progress, lets the browser paint it, runs
 * the action and says how it ended (never throwing), then remembers the settings. A settings file that cannot be
 * written is reported apart, so it never hides how the export itself went. Nothing is set after the dialog closed.
 */
import { useEffect, useRef, useState } from 'react';
import type { ExportMemory } from '../../shared/export/export-types.ts';

export type Status = { tone: 'progress' | 'ok' | 'info'; text: string } | { tone: 'error'; text: string };

export function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Lets the browser paint the progress line before a long synchronous step (the PNG rasteriser) starts. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

export interface ExportStatus {
  status: Status | undefined;
  rememberError: string | undefined;
  busy: boolean;
  say(status: Status): void;
  remember(memory: ExportMemory): Promise<void>;
  /**
   * Runs one export action with progress shown, and says how it ended. One at a time: while one runs the buttons say
   * so (aria-disabled) but stay enabled, since disabling the focused button would throw focus out of the dialog.
   */
  run(working: string, action: () => Promise<Status | undefined>): Promise<void>;
}

/** `memoryNow`: what the dialog would remember, as of the render that started an action (remembered after it). */
export function useExportStatus(onRemember: (memory: ExportMemory) => Promise<void>, memoryNow: () => ExportMemory): ExportStatus {
  const [status, setStatus] = useState<Status | undefined>();
  const [rememberError, setRememberError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const remember = async (next: ExportMemory) => {
    try {
      await onRemember(next);
      if (live.current) setRememberError(undefined);
    } catch (error) {
      if (live.current) setRememberError(`Your export settings could not be remembered: ${reason(error)}`);
    }
  };

  const run = async (working: string, action: () => Promise<Status | undefined>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setStatus({ tone: 'progress', text: working });
    let outcome: Status | undefined;
    try {
      await nextPaint();
      outcome = await action();
    } catch (error) {
      outcome = { tone: 'error', text: reason(error) };
    }
    running.current = false;
    if (!live.current) return;
    setBusy(false);
    setStatus(outcome);
    void remember(memoryNow());
  };

  return { status, rememberError, busy, say: setStatus, remember, run };
}
