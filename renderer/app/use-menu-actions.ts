/**
 * The host's menu items (the desktop's; the browser has none) whose work is view state or a dialog, which live in the app rather than in the engine. The menu's
 * Export is the export feature's own; Zoom to fit sets the view; the rest run the same action as their keys, through
 * the latest `onAction`, so the listener registered once always sees the current state.
 */
import { useEffect } from 'react';
import { fitAll, type TimeView } from '../../shared/figure/time-view.ts';
import type { TimelineStore } from '../state/timeline-store.ts';
import { useLatest } from '../state/use-latest.ts';
import type { AppAction } from '../keyboard/shortcuts.ts';
import type { HostServices } from '../host/host-services.ts';

export function useMenuActions(host: HostServices, store: TimelineStore, setView: (view: TimeView) => void, onAction: (action: AppAction) => void): void {
  const latest = useLatest(onAction);
  useEffect(() => {
    return host.onMenuAction((action) => {
      if (action === 'zoom-to-fit' && store.getSnapshot().scenario) setView(fitAll(store.getSnapshot().scenario!.durationMs));
      else if (action === 'toggle-presentation' || action === 'save-scenario') latest()(action);
      else if (action === 'open-scenario') latest()('open-file');
      else if (action === 'cheat-sheet') latest()('open-cheat-sheet');
      else if (action === 'open-link') latest()('open-link');
    });
  }, [host, store, setView, latest]);
}
