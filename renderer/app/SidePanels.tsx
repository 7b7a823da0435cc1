/**
 * The side panel: the scenario's introduction until dismissed, then the inspector, the guided lesson, the notes and
 * the paste panel as tabs; closed, a rail with the toggle that opens it again.
 */
import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { HostServices } from '../host/host-services.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import { TokenInspector } from '../panels/TokenInspector.tsx';
import { PanelErrorBoundary } from './PanelErrorBoundary.tsx';
import { PanelToggle } from './PanelToggle.tsx';
import { ScenarioIntro } from './ScenarioIntro.tsx';
import { Tabs } from './Tabs.tsx';
import { LoadingNote } from '../a11y/LoadingNote.tsx';
import type { PanelLayout } from './use-panel-layout.ts';

// The lesson (a YAML parser and its text) and the paste panel (a JWT decoder and its timeline) are not on screen at
// first: each loads when its tab is first opened.
const LessonPanel = lazy(() => import('../panels/lesson/LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })));
const PasteTokenPanel = lazy(() => import('../panels/paste-token/PasteTokenPanel.tsx').then((m) => ({ default: m.PasteTokenPanel })));

interface Props {
  snapshot: TimelineSnapshot;
  client: EngineClient;
  host: HostServices;
  scenarioKey: string;
  layout: Pick<PanelLayout, 'sideOpen' | 'setSideOpen'>;
  tab: string;
  onTab(tab: string): void;
  selectedToken: number | undefined;
  /** The notes panel, shown while its tab is open. */
  notes: ReactNode;
  /** The scenes panel (the run-sheet), shown under the notes while their tab is open. */
  scenes: ReactNode;
  /** The introduction is shown (a scenario with one the user has not dismissed). */
  showIntro: boolean;
  onDismissIntro(): void;
  /** Asks before unsaved edits are replaced; answers true to go ahead. */
  confirmReplace(what: string): Promise<boolean>;
  /** A lesson step opens its scenario at a scene. */
  onOpenScene(sourceName: string, index: number): void;
}

export function SidePanels({ snapshot, client, host, scenarioKey, layout, tab, onTab, selectedToken, notes, scenes, showIntro, onDismissIntro, confirmReplace, onOpenScene }: Props) {
  // Mounted from its first opening on, then kept while hidden, so a pasted token stays when another tab is looked at.
  const [pasteOpened, setPasteOpened] = useState(false);
  if (tab === 'paste' && !pasteOpened) setPasteOpened(true);
  const toggle = (
    <PanelToggle
      open={layout.sideOpen}
      onToggle={() => layout.setSideOpen(!layout.sideOpen)}
      controls="side-panel"
      testId="toggle-side-panel"
      panel="side panel"
      gives="its width"
      glyphs={['▸', '◂']}
      closedLabel={
        <span className="panel-rail-label" aria-hidden="true">
          Inspector · Lesson · Notes
        </span>
      }
    />
  );
  return (
    <aside className="inspector" id="side-panel" aria-label="Inspector, lesson, notes, scenes and pasted tokens">
      {layout.sideOpen ? (
        <>
          {showIntro && snapshot.scenario && <ScenarioIntro scenario={snapshot.scenario} onDismiss={onDismissIntro} />}
          <Tabs
            label="Side panels"
            active={tab}
            onChange={(next) => {
              // The lesson loads its own scenarios, so opening it may replace one with unsaved notes.
              if (next !== 'lesson' || tab === 'lesson') return onTab(next);
              void confirmReplace('Opening the lesson').then((go) => go && onTab(next));
            }}
            extra={toggle}
            tabs={[
              { id: 'inspector', label: 'Inspector', content: <PanelErrorBoundary name="Inspector" resetKey={scenarioKey}><TokenInspector snapshot={snapshot} tokenIndex={selectedToken} client={client} /></PanelErrorBoundary> },
              {
                id: 'lesson',
                label: 'Lesson',
                content:
                  tab === 'lesson' ? (
                    <PanelErrorBoundary name="Lesson">
                      <Suspense fallback={<LoadingNote>Loading the lesson…</LoadingNote>}>
                        <LessonPanel snapshot={snapshot} client={client} host={host} onOpenScene={onOpenScene} />
                      </Suspense>
                    </PanelErrorBoundary>
                  ) : null,
              },
              // The run-sheet shares the notes' tab: a fifth tab would not fit the side panel's width on a 1366 px screen.
              {
                id: 'notes',
                label: 'Notes',
                content:
                  tab === 'notes' ? (
                    <div className="notes-and-scenes">
                      {notes}
                      {scenes}
                    </div>
                  ) : null,
              },
              {
                id: 'paste',
                label: 'Paste a token',
                content:
                  pasteOpened ? (
                    <PanelErrorBoundary name="Paste a token">
                      <Suspense fallback={<LoadingNote>Loading the paste panel…</LoadingNote>}>
                        <PasteTokenPanel />
                      </Suspense>
                    </PanelErrorBoundary>
                  ) : null,
              },
            ]}
          />
        </>
      ) : (
        toggle
      )}
    </aside>
  );
}
