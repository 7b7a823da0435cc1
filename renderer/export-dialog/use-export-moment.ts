/**
 * The moment on screen, as an export records it: the scenario's text (annotations included), where it came from, the
 * playhead and the time window the timeline shows. The dialog takes one frozen copy when it opens, so a scenario that
 * keeps playing underneath cannot change the figure between the size shown and the file saved.
 */
import { useCallback } from 'react';
import { buildExportSource, exportMomentOf, type ExportSource } from '../../shared/export/export-source.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import type { TimeView } from '../../shared/figure/time-view.ts';
import { useLatest } from '../state/use-latest.ts';

/**
 * The export source of this snapshot, or undefined before a scenario is loaded. The store appends to its event and
 * token logs in place (and cuts them on a seek back), so they are copied here.
 */
export function exportSourceOf(snapshot: TimelineSnapshot, view: TimeView): ExportSource | undefined {
  const scenario = snapshot.scenario;
  if (!scenario) return undefined;
  return buildExportSource({
    scenario,
    events: snapshot.events.slice(),
    tokens: snapshot.tokens.slice(),
    nowMs: snapshot.nowMs,
    annotations: scenario.annotations,
    moment: exportMomentOf(scenario, snapshot.nowMs, view),
  });
}

/** A function that captures the moment on screen when called (the latest snapshot and view, never a stale render's). */
export function useExportMoment(snapshot: TimelineSnapshot, view: TimeView): () => ExportSource | undefined {
  const latest = useLatest({ snapshot, view });
  return useCallback(() => exportSourceOf(latest().snapshot, latest().view), [latest]);
}
