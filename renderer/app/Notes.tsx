/** The instructor's notes panel: beside the timelines, or compact under them in presentation mode. */
import { lazy, Suspense } from 'react';
import type { TimeView } from '../../shared/figure/time-view.ts';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import type { AnnotationRequest } from '../presentation/AnnotationsPanel.tsx';
import type { ScenarioEditing } from './use-scenario-edits.ts';
import { PanelErrorBoundary } from './PanelErrorBoundary.tsx';

// The notes' form checks a note as the scenario format does, with the scenario reader and its YAML library: loaded
// when the notes are first shown.
const AnnotationsPanel = lazy(() => import('../presentation/AnnotationsPanel.tsx').then((m) => ({ default: m.AnnotationsPanel })));

interface Props {
  snapshot: TimelineSnapshot;
  client: EngineClient;
  scenarioKey: string;
  editing: Pick<ScenarioEditing, 'edits' | 'undo'>;
  view: TimeView;
  /** A note asked for by a key (presentation mode only). */
  request: AnnotationRequest | undefined;
  compact: boolean;
}

export function Notes({ snapshot, client, scenarioKey, editing, view, request, compact }: Props) {
  if (!snapshot.scenario) return null;
  return (
    <PanelErrorBoundary name="Notes" resetKey={scenarioKey}>
      <Suspense fallback={<p className="ts-empty">Loading the notes…</p>}>
        <AnnotationsPanel
          scenario={snapshot.scenario}
          edits={editing.edits}
          onUndo={editing.undo}
          nowMs={snapshot.nowMs}
          view={view}
          request={compact ? request : undefined}
          compact={compact}
          onSeek={(ms) => client.send({ type: 'seek', simMs: ms })}
        />
      </Suspense>
    </PanelErrorBoundary>
  );
}
