/**
 * The main screen: scenario and transport on top; the two timelines on one time axis with the token inspector, the
 * guided lesson, the notes and the paste panel beside them; the event table (the chart's accessible twin), the
 * kubectl console and the manifest editor below.
 *
 * Presentation mode (F5) keeps only the timelines, a minimal transport and the notes, full screen, with large type,
 * a spotlight and a laser pointer. Modal dialogs are one piece of state (`dialog`), opened by shortcuts or buttons
 * and rendered at the end; while one is open the app-wide shortcuts are off.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { TimelineStore } from '../state/timeline-store.ts';
import type { LaneKind } from '../../shared/lanes/lane-types.ts';
import { useTimelineStore } from '../state/use-timeline-store.ts';
import { fitAll, type TimeView } from '../../shared/figure/time-view.ts';
import { TimelinePanel } from '../timeline/TimelinePanel.tsx';
import { FlowVersionPicker } from '../timeline/FlowVersionPicker.tsx';
import { TokenInspector } from '../panels/TokenInspector.tsx';
import { EventTable } from '../panels/EventTable.tsx';
import { PasteTokenPanel } from '../panels/paste-token/PasteTokenPanel.tsx';
import { DEFAULT_TEMPLATE } from '../panels/manifest-editor/manifest-templates.ts';
import { Tabs } from './Tabs.tsx';
import { ScenarioPicker } from './ScenarioPicker.tsx';
import { TransportBar } from './TransportBar.tsx';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts.ts';
import { BUILTIN_SCENARIOS, DEFAULT_SCENARIO_ID } from './builtin-scenarios.ts';
import type { AppAction } from './shortcuts.ts';
import { DisplaySettings } from './DisplaySettings.tsx';
import { useAppTheme } from './use-app-theme.ts';
import { scenarioFileName } from './scenario-file-name.ts';
import type { HostServices } from '../host/host-services.ts';
import { useUserSettings } from '../host/use-user-settings.ts';
import { MAX_DISMISSED_INTROS } from '../../shared/ipc/ipc-contract.ts';
import { usePresentation } from '../presentation/use-presentation.ts';
import { PresentationBar } from '../presentation/PresentationBar.tsx';
import { LaserPointer } from '../presentation/LaserPointer.tsx';
import { stepFontScale } from '../presentation/font-scale.ts';
import type { AnnotationRequest } from '../presentation/AnnotationsPanel.tsx';
import { clampFontScale } from '../../shared/figure/scale-theme.ts';
import { LiveRegion } from '../a11y/LiveRegion.tsx';
import { useAnnouncements } from '../a11y/use-announcements.ts';
import { CheatSheet } from '../a11y/CheatSheet.tsx';
import { ExportFeature } from '../export-dialog/ExportFeature.tsx';
import { PanelErrorBoundary } from './PanelErrorBoundary.tsx';
import { Splitter } from './Splitter.tsx';
import { PanelToggle } from './PanelToggle.tsx';
import { usePanelLayout } from './use-panel-layout.ts';
import { ScenarioIntro, introKey } from './ScenarioIntro.tsx';
import { GuidePopover } from './GuidePopover.tsx';
import { useFileOpener } from '../export-dialog/use-file-opener.tsx';
import { useScenarioEdits } from './use-scenario-edits.ts';
import { useUnsavedChanges } from './use-unsaved-changes.tsx';
import { useScenarioDraft } from './use-scenario-draft.tsx';

// The terminal (xterm), the editor (CodeMirror) and the lesson (a YAML parser) are most of the code and are not on
// screen at first: they load when their tab is first opened, so they do not delay the first timeline.
const LessonPanel = lazy(() => import('../panels/lesson/LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })));
const ConsolePanel = lazy(() => import('../panels/console/ConsolePanel.tsx').then((m) => ({ default: m.ConsolePanel })));
const ManifestEditor = lazy(() => import('../panels/manifest-editor/ManifestEditor.tsx').then((m) => ({ default: m.ManifestEditor })));
// Notes rewrite the scenario's YAML, which needs the YAML library: loaded when the notes are first shown.
const AnnotationsPanel = lazy(() => import('../presentation/AnnotationsPanel.tsx').then((m) => ({ default: m.AnnotationsPanel })));

/**
 * Detail left out until asked for (D in presentation mode, Display ▾ otherwise), so both flows fit one screen: the
 * legacy-versus-projected story first. Opening the console or the editor shows it, since their commands land there.
 */
const DETAIL_LANES: readonly LaneKind[] = ['kubectl', 'secrets'];

interface Props {
  store: TimelineStore;
  client: EngineClient;
  host: HostServices;
}

/**
 * The room each bottom panel gets when it is opened, in rem of the root type: eight rows of events and more, fifteen
 * lines of a manifest, a terminal tall enough for a whole JWT above its prompt.
 */
const BOTTOM_PANEL_REM: Record<string, number> = { events: 23, console: 24, editor: 31 };

function remPx(): number {
  return typeof getComputedStyle === 'function' ? parseFloat(getComputedStyle(document.documentElement).fontSize) || 17 : 17;
}

/** How long "Scenario saved: …" stays up. */
const SAVED_MESSAGE_MS = 8_000;

/** The modal dialogs the app can show; one at a time. */
type Dialog = 'cheat-sheet';

export function App({ store, client, host }: Props) {
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

  // Desktop menu items whose work is view state or a dialog, which live here rather than in the engine. The menu's
  // Export is the export feature's own; the rest run the same action as their keys (through a ref, so the listener
  // registered once always sees the current state).
  const menuActionRef = useRef<(action: AppAction) => void>(() => undefined);
  useEffect(() => {
    const bridge = (window as { tokenscope?: { onMenuAction?(listener: (action: string) => void): () => void } }).tokenscope;
    return bridge?.onMenuAction?.((action) => {
      if (action === 'zoom-to-fit' && store.getSnapshot().scenario) setView(fitAll(store.getSnapshot().scenario!.durationMs));
      else if (action === 'toggle-presentation' || action === 'save-scenario') menuActionRef.current(action);
      else if (action === 'open-scenario') menuActionRef.current('open-file');
      else if (action === 'cheat-sheet') menuActionRef.current('open-cheat-sheet');
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

  const { settings, update: saveSettings } = useUserSettings(host);
  const updateSettings = useCallback((patch: Parameters<typeof saveSettings>[0]) => void saveSettings(patch), [saveSettings]);
  useAppTheme(settings.theme);
  const fontScalePercent = clampFontScale(settings.fontScalePercent);
  const presentation = usePresentation();
  const { presenting } = presentation;
  const [dialog, setDialog] = useState<Dialog | undefined>(undefined);
  const [guideOpen, setGuideOpen] = useState(false);
  const [spotlight, setSpotlight] = useState<{ on: boolean; lane: number }>({ on: false, lane: 0 });
  const [laserOn, setLaserOn] = useState(false);
  // The detail lanes as chosen outside presentation mode, and inside it: each presentation starts without them.
  const [detailLanes, setDetailLanes] = useState(false);
  const [presentedDetailLanes, setPresentedDetailLanes] = useState(false);
  const [annotationRequest, setAnnotationRequest] = useState<AnnotationRequest | undefined>(undefined);
  // What the last save said, about which text: once the scenario changes (a note, another file) it no longer applies.
  const [saveStatus, setSaveStatus] = useState<{ ok: boolean; text: string; scenarioText: string } | undefined>(undefined);
  const scenarioText = snapshot.scenario?.scenarioText;
  if (saveStatus && saveStatus.scenarioText !== scenarioText) setSaveStatus(undefined);
  // A success is news for a moment, not a state: it goes after a while (a failure stays until closed or retried).
  useEffect(() => {
    if (!saveStatus?.ok) return;
    const timer = setTimeout(() => setSaveStatus(undefined), SAVED_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [saveStatus]);
  const announcement = useAnnouncements(snapshot, settings.announceVerbosity);
  const layout = usePanelLayout(settings, updateSettings);
  const openBottomTab = (tab: string) => {
    setBottomTab(tab);
    if (tab === 'console' || tab === 'editor') setDetailLanes(true);
    layout.ensureBottomPx(Math.round((BOTTOM_PANEL_REM[tab] ?? 0) * remPx()));
  };
  const intro = snapshot.scenario ? introKey(snapshot.scenario) : undefined;
  const showIntro = intro !== undefined && !settings.dismissedIntros.includes(intro);
  const dismissIntro = () => intro && updateSettings({ dismissedIntros: [...settings.dismissedIntros.filter((k) => k !== intro), intro].slice(-MAX_DISMISSED_INTROS) });

  // Large type reaches the DOM through one CSS variable on <html> (app.css sizes everything from the root size).
  useEffect(() => {
    document.documentElement.style.setProperty('--font-scale', String(presenting ? fontScalePercent / 100 : 1));
  }, [presenting, fontScalePercent]);

  // Spotlight, laser and detail lanes are tools of one presentation; they are off again when the next one starts.
  useEffect(() => {
    if (presenting) return;
    setPresentedDetailLanes(false);
    setSpotlight((s) => ({ ...s, on: false }));
    setLaserOn(false);
    // A request not yet answered must not open the form by itself when the next presentation starts.
    setAnnotationRequest(undefined);
  }, [presenting]);

  const editing = useScenarioEdits(store);
  const saveScenario = useCallback(async (): Promise<boolean> => {
    const scenario = store.getSnapshot().scenario;
    if (!scenario) return false;
    const result = await host.saveFile({ suggestedName: scenarioFileName(scenario.sourceName, scenario.name), mimeType: 'application/yaml', data: scenario.scenarioText });
    if (result.saved) {
      editing.edits.markSaved(scenario.scenarioText);
      setSaveStatus({ ok: true, text: `Scenario saved: ${result.where}`, scenarioText: scenario.scenarioText });
    } else if (result.canceled) setSaveStatus(undefined);
    else setSaveStatus({ ok: false, text: `The scenario was not saved: ${result.error}`, scenarioText: scenario.scenarioText });
    return result.saved;
  }, [host, store, editing.edits]);
  const unsaved = useUnsavedChanges(editing.state.dirty, snapshot.scenario?.title || snapshot.scenario?.name || 'This scenario', saveScenario);
  const draftOffer = useScenarioDraft({ host, client, edits: editing.edits, state: editing.state, confirmReplace: unsaved.confirmReplace });
  const opener = useFileOpener({ snapshot, client, onViewChange: setView, confirmReplace: unsaved.confirmReplace });

  const onAction = (action: AppAction) => {
    switch (action) {
      case 'play-pause':
        return client.send({ type: snapshot.playing ? 'pause' : 'play' });
      case 'step':
        return client.send({ type: 'step' });
      case 'back-to-start':
        return client.send({ type: 'seek', simMs: 0 });
      case 'toggle-presentation':
        return presentation.toggle();
      case 'leave-presentation':
        return presentation.leave();
      case 'open-cheat-sheet':
        return setDialog('cheat-sheet');
      case 'save-scenario':
        return void saveScenario();
      case 'font-bigger':
        return updateSettings({ fontScalePercent: stepFontScale(fontScalePercent, 1) });
      case 'font-smaller':
        return updateSettings({ fontScalePercent: stepFontScale(fontScalePercent, -1) });
      case 'font-reset':
        return updateSettings({ fontScalePercent: 100 });
      case 'toggle-spotlight':
        return setSpotlight((s) => ({ ...s, on: !s.on }));
      case 'spotlight-next':
        return setSpotlight((s) => ({ ...s, lane: s.lane + 1 }));
      case 'spotlight-previous':
        return setSpotlight((s) => ({ ...s, lane: s.lane - 1 }));
      case 'toggle-laser':
        return setLaserOn((on) => !on);
      case 'toggle-detail-lanes':
        return presenting ? setPresentedDetailLanes((on) => !on) : setDetailLanes((on) => !on);
      case 'zoom-to-fit':
        return snapshot.scenario ? setView(fitAll(snapshot.scenario.durationMs)) : undefined;
      case 'annotate-at-playhead':
        return setAnnotationRequest((r) => ({ id: (r?.id ?? 0) + 1, kind: 'playhead' }));
      case 'annotate-range':
        return setAnnotationRequest((r) => ({ id: (r?.id ?? 0) + 1, kind: 'window' }));
      case 'undo':
        return editing.undo();
      case 'redo':
        return editing.redo();
      case 'open-file':
        return opener.pick();
    }
  };
  menuActionRef.current = onAction;
  useKeyboardShortcuts({ presenting, spotlightOn: spotlight.on, dialogOpen: dialog !== undefined || unsaved.dialog !== undefined || guideOpen, onAction });
  const title = useMemo(() => snapshot.scenario?.title ?? 'TokenScope', [snapshot.scenario]);

  const versionPicker = (flowId: string) => {
    const scenario = snapshot.scenario;
    const flow = scenario?.flows.find((f) => f.id === flowId);
    if (!scenario || !flow) return undefined;
    return (
      <FlowVersionPicker
        flow={flow}
        todayMs={Date.now()}
        onChoose={(kubernetesVersion) =>
          client.send({ type: 'set-flow-version', scenarioText: scenario.scenarioText, sourceName: scenario.sourceName, flow: flowId, kubernetesVersion })
        }
      />
    );
  };
  const timelines = (
    <PanelErrorBoundary name="Timelines" resetKey={scenarioKey}>
    <TimelinePanel
      snapshot={snapshot}
      view={view}
      onViewChange={setView}
      selectedToken={selectedToken}
      onSelectToken={(index) => {
        setSelectedToken(index);
        setSideTab('inspector');
      }}
      fontScalePercent={presenting ? fontScalePercent : 100}
      spotlight={presenting && spotlight.on ? spotlight.lane : undefined}
      hiddenLanes={(presenting ? presentedDetailLanes : detailLanes) ? undefined : DETAIL_LANES}
      flowHeaderExtra={presenting ? undefined : versionPicker}
    />
    </PanelErrorBoundary>
  );
  const notes = (compact: boolean) =>
    snapshot.scenario ? (
      <PanelErrorBoundary name="Notes" resetKey={scenarioKey}>
      <Suspense fallback={<p className="ts-empty">Loading the notes…</p>}>
        <AnnotationsPanel
          scenario={snapshot.scenario}
          edits={editing.edits}
          onUndo={editing.undo}
          nowMs={snapshot.nowMs}
          view={view}
          request={compact ? annotationRequest : undefined}
          compact={compact}
          onSeek={(ms) => client.send({ type: 'seek', simMs: ms })}
        />
      </Suspense>
      </PanelErrorBoundary>
    ) : null;
  const saveMessage = saveStatus && (
    <p className={saveStatus.ok ? 'save-status' : 'save-status save-failed'} role={saveStatus.ok ? 'status' : 'alert'} data-testid="save-status">
      <span>{saveStatus.text}</span>
      <button type="button" onClick={() => setSaveStatus(undefined)} aria-label="Close this message" data-testid="close-save-status">
        ✕
      </button>
    </p>
  );
  const dialogs = (
    <>
      {dialog === 'cheat-sheet' && <CheatSheet onClose={() => setDialog(undefined)} />}
      {unsaved.dialog}
      {opener.view}
      <p className="visually-hidden" role="status" data-testid="edit-status">
        {editing.status}
      </p>
    </>
  );

  if (presenting) {
    return (
      <div className="app presenting" data-testid="app" data-presenting="true">
        <PresentationBar
          snapshot={snapshot}
          client={client}
          fontScalePercent={fontScalePercent}
          onFontScale={(direction) => updateSettings({ fontScalePercent: stepFontScale(fontScalePercent, direction) })}
          spotlightOn={spotlight.on}
          onSpotlight={() => onAction('toggle-spotlight')}
          laserOn={laserOn}
          onLaser={() => onAction('toggle-laser')}
          detailLanes={presentedDetailLanes}
          onDetailLanes={() => onAction('toggle-detail-lanes')}
          onCheatSheet={() => setDialog('cheat-sheet')}
          onLeave={presentation.leave}
          extra={
            <>
              <GuidePopover scenario={snapshot.scenario} onOpenChange={setGuideOpen} />
              <ExportFeature snapshot={snapshot} host={host} view={view} opener={opener} />
            </>
          }
        />
        <main className="presentation-main" aria-label={title}>
          <section className="timelines" aria-label="Timelines">
            <LaserPointer active={laserOn}>{timelines}</LaserPointer>
          </section>
          <section className="presentation-notes" aria-label="Notes">
            {notes(true)}
            {saveMessage}
          </section>
        </main>
        <LiveRegion announcement={announcement} />
        {dialogs}
      </div>
    );
  }

  const sideToggle = (
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
  const bottomToggle = (
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
    <div className="app" data-testid="app" data-presenting="false">
      <header className="app-header">
        <h1>TokenScope</h1>
        <ScenarioPicker snapshot={snapshot} client={client} onOpen={opener.pick} confirmReplace={unsaved.confirmReplace} />
        <TransportBar snapshot={snapshot} client={client} />
        <div className="app-actions">
          <GuidePopover scenario={snapshot.scenario} onOpenChange={setGuideOpen} />
          <button type="button" onClick={() => void saveScenario()} disabled={!snapshot.scenario} data-testid="save-scenario" title="Save the scenario with its notes (Ctrl/⌘ + S)">
            Save
          </button>
          <ExportFeature snapshot={snapshot} host={host} view={view} opener={opener} />
          <DisplaySettings settings={settings} onChange={updateSettings} detailLanes={detailLanes} onDetailLanes={setDetailLanes} />
          <button type="button" onClick={() => setDialog('cheat-sheet')} data-testid="open-cheat-sheet" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
            <kbd>?</kbd>
          </button>
          <button type="button" className="primary" onClick={presentation.enter} data-testid="enter-presentation" title="Presentation mode (F5)" aria-keyshortcuts="F5">
            Present
          </button>
        </div>
      </header>
      {draftOffer}
      {saveMessage}
      {snapshot.lastError && (
        <div className="app-error" role="alert">
          {snapshot.lastError}
        </div>
      )}
      <main
        className="app-main"
        aria-label={title}
        ref={layout.mainRef}
        data-side={layout.sideOpen ? 'open' : 'closed'}
        data-bottom={layout.bottomOpen ? 'open' : 'closed'}
        style={{ '--bottom-panel-px': `${layout.bottomPx}px` } as CSSProperties}
      >
        <section className="timelines" aria-label="Timelines">
          {timelines}
        </section>
        <aside className="inspector" id="side-panel" aria-label="Inspector, lesson, notes and pasted tokens">
          {layout.sideOpen ? (
            <>
              {showIntro && snapshot.scenario && <ScenarioIntro scenario={snapshot.scenario} onDismiss={dismissIntro} />}
              <Tabs
                label="Side panels"
                active={sideTab}
                onChange={(tab) => {
                  // The lesson loads its own scenarios, so opening it may replace one with unsaved notes.
                  if (tab !== 'lesson' || sideTab === 'lesson') return setSideTab(tab);
                  void unsaved.confirmReplace('Opening the lesson').then((go) => go && setSideTab(tab));
                }}
                extra={sideToggle}
                tabs={[
                  { id: 'inspector', label: 'Inspector', content: <PanelErrorBoundary name="Inspector" resetKey={scenarioKey}><TokenInspector snapshot={snapshot} tokenIndex={selectedToken} client={client} /></PanelErrorBoundary> },
                  {
                    id: 'lesson',
                    label: 'Lesson',
                    content:
                      sideTab === 'lesson' ? (
                        <PanelErrorBoundary name="Lesson">
                        <Suspense fallback={<p className="ts-empty">Loading the lesson…</p>}>
                          <LessonPanel snapshot={snapshot} client={client} host={host} />
                        </Suspense>
                        </PanelErrorBoundary>
                      ) : null,
                  },
                  { id: 'notes', label: 'Notes', content: sideTab === 'notes' ? notes(false) : null },
                  { id: 'paste', label: 'Paste a token', content: <PanelErrorBoundary name="Paste a token"><PasteTokenPanel /></PanelErrorBoundary> },
                ]}
              />
            </>
          ) : (
            sideToggle
          )}
        </aside>
        {layout.bottomOpen && (
          <Splitter valuePx={layout.bottomPx} minPx={layout.minBottomPx} maxPx={layout.maxBottomPx} controls="bottom-panel" onChange={layout.setBottomPx} />
        )}
        <section className="events" id="bottom-panel" aria-label="Events, console and editor">
          <Tabs
            label="Bottom panels"
            active={bottomTab}
            collapsed={!layout.bottomOpen}
            onChange={openBottomTab}
            extra={bottomToggle}
            tabs={[
              {
                id: 'events',
                label: 'Events',
                content: (
                  <PanelErrorBoundary name="Events" resetKey={scenarioKey}>
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
                  </PanelErrorBoundary>
                ),
              },
              {
                id: 'console',
                label: 'Console',
                content:
                  activeFlow && opened.has('console') ? (
                    <PanelErrorBoundary name="Console">
                    <Suspense fallback={<p className="ts-empty">Loading the console…</p>}>
                      <ConsolePanel snapshot={snapshot} client={client} flowId={activeFlow} onFlowChange={setConsoleFlow} applyBuffer={() => editorBuffer.current} />
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
                    <Suspense fallback={<p className="ts-empty">Loading the editor…</p>}>
                      <ManifestEditor client={client} flowId={activeFlow} onBufferChange={(text) => (editorBuffer.current = text)} />
                    </Suspense>
                    </PanelErrorBoundary>
                  ) : null,
              },
            ]}
          />
        </section>
      </main>
      <LiveRegion announcement={announcement} />
      {dialogs}
    </div>
  );
}
