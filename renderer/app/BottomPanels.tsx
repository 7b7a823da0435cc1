/**
 * The bottom panel: the event table (the chart's accessible twin), the kubectl console and the manifest editor as
 * tabs. The console and the editor are mounted from their first opening on, then kept (a terminal keeps its state);
 * the console can apply what the editor holds, and the editor then shows what that apply did.
 */
import { lazy, Suspense } from 'react';
import type { SimEvent } from '../../shared/model/events.ts';
import type { EngineClient, EngineReply } from '../bridge/engine-client.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import { EventTable } from '../panels/EventTable.tsx';
import type { EventSearchProps } from '../panels/event-table-model.ts';
import { PanelErrorBoundary } from './PanelErrorBoundary.tsx';
import { PanelToggle } from './PanelToggle.tsx';
import { Tabs } from './Tabs.tsx';
import { LoadingNote } from '../a11y/LoadingNote.tsx';
import type { PanelLayout } from './use-panel-layout.ts';

// The terminal (xterm) and the editor (CodeMirror) are most of the code and are not on screen at first: they load
// when their tab is first opened, so they do not delay the first timeline.
const ConsolePanel = lazy(() => import('../panels/console/ConsolePanel.tsx').then((m) => ({ default: m.ConsolePanel })));
const ManifestEditor = lazy(() => import('../panels/manifest-editor/ManifestEditor.tsx').then((m) => ({ default: m.ManifestEditor })));

interface Props {
  snapshot: TimelineSnapshot;
  client: EngineClient;
  scenarioKey: string;
  layout: Pick<PanelLayout, 'bottomOpen' | 'setBottomOpen'>;
  tab: string;
  onTab(tab: string): void;
  /** Tabs opened so far (kept across presentation mode, which hides the panel). */
  opened: ReadonlySet<string>;
  /** The flow the console and the editor act on. */
  activeFlow: string;
  onFlowChange(flowId: string): void;
  /** What the editor holds, which the console can apply. */
  editorBuffer(): string;
  onEditorBuffer(text: string): void;
  /** The last reply to the console's `apply -f` of the editor's text, and where it goes. */
  consoleApply: EngineReply<'apply'> | undefined;
  onConsoleApply(reply: EngineReply<'apply'>): void;
  selectedSeq: number | undefined;
  onSelectEvent(event: SimEvent): void;
  /** The events table's text search (kept by the app: the timeline marks what it finds). */
  search?: EventSearchProps;
}

export function BottomPanels(props: Props) {
  const { snapshot, client, scenarioKey, layout, tab, onTab, opened, activeFlow, onFlowChange, editorBuffer, onEditorBuffer, consoleApply, onConsoleApply, selectedSeq, onSelectEvent, search } = props;
  const toggle = (
    <PanelToggle
      open={layout.bottomOpen}
      onToggle={() => layout.setBottomOpen(!layout.bottomOpen)}
      controls="bottom-panel"
      testId="toggle-bottom-panel"
      panel="bottom panel"
      gives="its height"
      glyphs={['▾', '▴']}
    />
  );
  return (
    <section className="events" id="bottom-panel" aria-label="Events, console and editor">
      <Tabs
        label="Bottom panels"
        active={tab}
        collapsed={!layout.bottomOpen}
        onChange={onTab}
        extra={toggle}
        tabs={[
          {
            id: 'events',
            label: 'Events',
            content: (
              <PanelErrorBoundary name="Events" resetKey={scenarioKey}>
                <EventTable snapshot={snapshot} selectedSeq={selectedSeq} onSelect={onSelectEvent} search={search} />
              </PanelErrorBoundary>
            ),
          },
          {
            id: 'console',
            label: 'Console',
            content:
              activeFlow && opened.has('console') ? (
                <PanelErrorBoundary name="Console">
                  <Suspense fallback={<LoadingNote>Loading the console…</LoadingNote>}>
                    <ConsolePanel snapshot={snapshot} client={client} flowId={activeFlow} onFlowChange={onFlowChange} applyBuffer={editorBuffer} onEditorApplied={onConsoleApply} />
                  </Suspense>
                </PanelErrorBoundary>
              ) : null,
          },
          {
            id: 'editor',
            label: 'Manifest editor',
            content:
              activeFlow && opened.has('editor') ? (
                <PanelErrorBoundary name="Manifest editor">
                  <Suspense fallback={<LoadingNote>Loading the editor…</LoadingNote>}>
                    <ManifestEditor client={client} flowId={activeFlow} onBufferChange={onEditorBuffer} consoleApply={consoleApply} />
                  </Suspense>
                </PanelErrorBoundary>
              ) : null,
          },
        ]}
      />
    </section>
  );
}
