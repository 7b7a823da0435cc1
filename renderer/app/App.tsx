/**
 * The main screen: scenario and transport on top; the two timelines on one time axis with the token inspector, the
 * guided lesson and the paste panel beside them; the event table (the chart's accessible twin), the kubectl console
 * and the manifest editor below.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { TimelineStore } from '../state/timeline-store.ts';
import { useTimelineStore } from '../state/use-timeline-store.ts';
import { fitAll, type TimeView } from '../state/time-view.ts';
import { TimelinePanel } from '../timeline/TimelinePanel.tsx';
import { TokenInspector } from '../panels/TokenInspector.tsx';
import { EventTable } from '../panels/EventTable.tsx';
import { PasteTokenPanel } from '../panels/paste-token/PasteTokenPanel.tsx';
import { DEFAULT_TEMPLATE } from '../panels/manifest-editor/manifest-templates.ts';
import { Tabs } from './Tabs.tsx';
import { ScenarioPicker } from './ScenarioPicker.tsx';
import { TransportBar } from './TransportBar.tsx';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts.ts';
import { BUILTIN_SCENARIOS, DEFAULT_SCENARIO_ID } from './builtin-scenarios.ts';

// The terminal (xterm), the editor (CodeMirror) and the lesson (a YAML parser) are most of the code and are not on
// screen at first: they load when their tab is first opened, so they do not delay the first timeline.
const LessonPanel = lazy(() => import('../panels/lesson/LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })));
const ConsolePanel = lazy(() => import('../panels/console/ConsolePanel.tsx').then((m) => ({ default: m.ConsolePanel })));
const ManifestEditor = lazy(() => import('../panels/manifest-editor/ManifestEditor.tsx').then((m) => ({ default: m.ManifestEditor })));

interface Props {
  store: TimelineStore;
  client: EngineClient;
}

export function App({ store, client }: Props) {
  // At most one render per frame: a slow frame may let several engine batches queue up; they are drawn together.
  const snapshot = useTimelineStore(store, { perFrame: true });
  const [view, setView] = useState<TimeView>({ startMs: 0, endMs: 6 * 3_600_000 });
  const [selectedToken, setSelectedToken] = useState<number | undefined>();
  const [selectedSeq, setSelectedSeq] = useState<number | undefined>();
  const [sideTab, setSideTab] = useState('inspector');
  const [bottomTab, setBottomTab] = useState('events');
  // Bottom tabs opened so far: mounted from their first opening on, then kept (a terminal keeps its state).
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set(['events']));
  if (!opened.has(bottomTab)) setOpened(new Set([...opened, bottomTab]));
  const [consoleFlow, setConsoleFlow] = useState<string | undefined>();
  // What the editor holds (the console can apply it); until the editor is first opened, the template it starts with.
  const editorBuffer = useRef(DEFAULT_TEMPLATE.text);
  const scenarioKey = snapshot.scenario ? `${snapshot.scenario.sourceName}:${snapshot.scenario.durationMs}` : '';
  const flowIds = snapshot.scenario?.flows.map((f) => f.id) ?? [];
  const activeFlow = consoleFlow !== undefined && flowIds.includes(consoleFlow) ? consoleFlow : (flowIds[flowIds.length - 1] ?? '');

  useEffect(() => {
    // The desktop menu's "Zoom to fit" is view state, which lives here rather than in the engine.
    const bridge = (window as { tokenscope?: { onMenuAction?(listener: (action: string) => void): () => void } }).tokenscope;
    return bridge?.onMenuAction?.((action) => {
      if (action === 'zoom-to-fit' && store.getSnapshot().scenario) setView(fitAll(store.getSnapshot().scenario!.durationMs));
    });
  }, [store]);

  useEffect(() => {
    const chosen = BUILTIN_SCENARIOS.find((s) => s.id === DEFAULT_SCENARIO_ID) ?? BUILTIN_SCENARIOS[0];
    if (chosen) client.send({ type: 'load', scenarioText: chosen.text, sourceName: `builtin:${chosen.id}` });
  }, [client]);

  useEffect(() => {
    if (!snapshot.scenario) return;
    setView(fitAll(snapshot.scenario.durationMs));
    setSelectedToken(undefined);
    setSelectedSeq(undefined);
    // Keyed on the scenario identity so that only a newly loaded scenario resets the view, not every batch.
  }, [scenarioKey]);

  useKeyboardShortcuts(snapshot, client);
  const title = useMemo(() => snapshot.scenario?.title ?? 'TokenScope', [snapshot.scenario]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>TokenScope</h1>
        <ScenarioPicker snapshot={snapshot} client={client} />
        <TransportBar snapshot={snapshot} client={client} />
      </header>
      {snapshot.lastError && (
        <div className="app-error" role="alert">
          {snapshot.lastError}
        </div>
      )}
      <main className="app-main" aria-label={title}>
        <section className="timelines" aria-label="Timelines">
          <TimelinePanel
            snapshot={snapshot}
            view={view}
            onViewChange={setView}
            selectedToken={selectedToken}
            onSelectToken={(index) => {
              setSelectedToken(index);
              setSideTab('inspector');
            }}
          />
        </section>
        <aside className="inspector" aria-label="Inspector, lesson and pasted tokens">
          <Tabs
            label="Side panels"
            active={sideTab}
            onChange={setSideTab}
            tabs={[
              { id: 'inspector', label: 'Inspector', content: <TokenInspector snapshot={snapshot} tokenIndex={selectedToken} client={client} /> },
              {
                id: 'lesson',
                label: 'Lesson',
                content:
                  sideTab === 'lesson' ? (
                    <Suspense fallback={<p className="ts-empty">Loading the lesson…</p>}>
                      <LessonPanel snapshot={snapshot} client={client} />
                    </Suspense>
                  ) : null,
              },
              { id: 'paste', label: 'Paste a token', content: <PasteTokenPanel /> },
            ]}
          />
        </aside>
        <section className="events" aria-label="Events, console and editor">
          <Tabs
            label="Bottom panels"
            active={bottomTab}
            onChange={setBottomTab}
            tabs={[
              {
                id: 'events',
                label: 'Events',
                content: (
                  <EventTable
                    snapshot={snapshot}
                    selectedSeq={selectedSeq}
                    onSelect={(event) => {
                      setSelectedSeq(event.seq);
                      if ('token' in event && typeof event.token === 'number') {
                        setSelectedToken(event.token);
                        setSideTab('inspector');
                      }
                    }}
                  />
                ),
              },
              {
                id: 'console',
                label: 'Console',
                content:
                  activeFlow && opened.has('console') ? (
                    <Suspense fallback={<p className="ts-empty">Loading the console…</p>}>
                      <ConsolePanel snapshot={snapshot} client={client} flowId={activeFlow} onFlowChange={setConsoleFlow} applyBuffer={() => editorBuffer.current} />
                    </Suspense>
                  ) : null,
              },
              {
                id: 'editor',
                label: 'Manifest editor',
                content:
                  activeFlow && opened.has('editor') ? (
                    <Suspense fallback={<p className="ts-empty">Loading the editor…</p>}>
                      <ManifestEditor client={client} flowId={activeFlow} onBufferChange={(text) => (editorBuffer.current = text)} />
                    </Suspense>
                  ) : null,
              },
            ]}
          />
        </section>
      </main>
    </div>
  );
}
