/**
 * The main screen: scenario and transport on top (AppHeader); the two timelines on one time axis with the token
 * inspector, the guided lesson, the notes and the paste panel beside them (SidePanels); the event table (the chart's
 * accessible twin), the kubectl console and the manifest editor below (BottomPanels). Presentation mode has a screen
 * of its own (PresentationScreen).
 *
 * Modal dialogs are one piece of state (`dialog`), opened by shortcuts or buttons and rendered at the end; while one
 * is open the app-wide shortcuts are off.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { TimelineStore } from '../state/timeline-store.ts';
import type { LaneKind } from '../../shared/lanes/lane-types.ts';
import type { SimEvent } from '../../shared/model/events.ts';
import { useTimelineStore } from '../state/use-timeline-store.ts';
import { fitAll, type TimeView } from '../../shared/figure/time-view.ts';
import { DEFAULT_TEMPLATE } from '../panels/manifest-editor/manifest-templates.ts';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts.ts';
import { BUILTIN_SCENARIOS, DEFAULT_SCENARIO_ID } from './builtin-scenarios.ts';
import { useAppTheme } from './use-app-theme.ts';
import type { HostServices } from '../host/host-services.ts';
import { useUserSettings } from '../host/use-user-settings.ts';
import { MAX_DISMISSED_INTROS } from '../../shared/ipc/ipc-contract.ts';
import { usePresentation } from '../presentation/use-presentation.ts';
import { clampFontScale } from '../../shared/figure/scale-theme.ts';
import { LiveRegion } from '../a11y/LiveRegion.tsx';
import { useAnnouncements } from '../a11y/use-announcements.ts';
import { CheatSheet } from '../a11y/CheatSheet.tsx';
import { Splitter } from './Splitter.tsx';
import { usePanelLayout } from './use-panel-layout.ts';
import { introKey } from './ScenarioIntro.tsx';
import { useFileOpener } from '../export-dialog/use-file-opener.tsx';
import { useScenarioEdits } from './use-scenario-edits.ts';
import { useUnsavedChanges } from './use-unsaved-changes.tsx';
import { useScenarioDraft } from './use-scenario-draft.tsx';
import { usePresentationTools } from './use-presentation-tools.ts';
import { useScenarioSave } from './use-scenario-save.ts';
import { useMenuActions } from './use-menu-actions.ts';
import { appActionHandler } from './app-actions.ts';
import { SaveStatusLine } from './SaveStatusLine.tsx';
import { Timelines } from './Timelines.tsx';
import { Notes } from './Notes.tsx';
import { AppHeader } from './AppHeader.tsx';
import { SidePanels } from './SidePanels.tsx';
import { BottomPanels } from './BottomPanels.tsx';
import { PresentationScreen } from './PresentationScreen.tsx';
import { useShareLink } from '../share/use-share-link.tsx';
import { GlossaryDialog } from '../glossary/GlossaryDialog.tsx';
import { GlossaryContext } from '../glossary/use-glossary.ts';
import { EventSearchMatches } from '../panels/event-search.ts';
import { useScenePlayer } from '../presentation/use-scene-player.ts';
import { captureScene } from '../presentation/scene-view.ts';
import type { SceneSpotlight } from '../../shared/model/scene.ts';
import { BlankScreen } from '../presentation/BlankScreen.tsx';
import { SceneCount, SceneNote } from '../presentation/SceneIndicator.tsx';
import { Scenes } from './Scenes.tsx';

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
/** The room a search of the events needs: its field and a few rows, leaving the timeline, where the matches are marked, in view. */
const EVENT_SEARCH_REM = 13;

function remPx(): number {
  return typeof getComputedStyle === 'function' ? parseFloat(getComputedStyle(document.documentElement).fontSize) || 17 : 17;
}

/** The modal dialogs the app can show; one at a time. */
type Dialog = 'cheat-sheet' | 'glossary';

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

  useEffect(() => {
    const chosen = BUILTIN_SCENARIOS.find((s) => s.id === DEFAULT_SCENARIO_ID) ?? BUILTIN_SCENARIOS[0];
    if (chosen) client.send({ type: 'load', scenarioText: chosen.text, sourceName: `builtin:${chosen.id}` });
  }, [client]);

  // Only a newly loaded scenario (a new identity) resets the view and the selection, not every batch.
  const [viewScenarioKey, setViewScenarioKey] = useState<string | undefined>(undefined);
  if (viewScenarioKey !== scenarioKey) {
    setViewScenarioKey(scenarioKey);
    if (snapshot.scenario) {
      setView(fitAll(snapshot.scenario.durationMs));
      setSelectedToken(undefined);
      setSelectedSeq(undefined);
    }
  }

  const { settings, update: saveSettings } = useUserSettings(host);
  const updateSettings = useCallback((patch: Parameters<typeof saveSettings>[0]) => void saveSettings(patch), [saveSettings]);
  useAppTheme(settings.theme);
  const fontScalePercent = clampFontScale(settings.fontScalePercent);
  const presentation = usePresentation();
  const { presenting } = presentation;
  const tools = usePresentationTools(presenting, fontScalePercent);
  const [dialog, setDialog] = useState<Dialog | undefined>(undefined);
  const [glossaryEntry, setGlossaryEntry] = useState<string | undefined>();
  const openGlossary = useCallback((entryId?: string) => {
    setGlossaryEntry(entryId);
    setDialog('glossary');
  }, []);
  // The event search: the table filters by it and the timeline marks what it finds.
  const [eventQuery, setEventQuery] = useState('');
  const [searchFocus, setSearchFocus] = useState(0);
  const [eventSearch] = useState(() => new EventSearchMatches());
  const searchResult = eventSearch.update(snapshot.events, eventQuery);
  const [guideOpen, setGuideOpen] = useState(false);
  // The detail lanes as chosen outside presentation mode (inside it, the presentation's own: `tools.detailLanes`).
  const [detailLanes, setDetailLanes] = useState(false);
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

  const editing = useScenarioEdits(store);
  const { saveStatus, closeSaveStatus, saveScenario } = useScenarioSave(store, host, editing.edits, snapshot.scenario?.scenarioText);
  const unsaved = useUnsavedChanges(editing.state.dirty, snapshot.scenario?.title || snapshot.scenario?.name || 'This scenario', saveScenario);
  const draftOffer = useScenarioDraft({ host, client, edits: editing.edits, state: editing.state, confirmReplace: unsaved.confirmReplace });
  const opener = useFileOpener({ snapshot, client, onViewChange: setView, confirmReplace: unsaved.confirmReplace });
  const share = useShareLink({ host, snapshot, view, opener, saveScenario });

  const [blanked, setBlanked] = useState(false);
  if (blanked && !presenting) setBlanked(false);
  const { setSpotlight } = tools;
  const player = useScenePlayer({
    scenario: snapshot.scenario,
    scenarioKey,
    nowMs: snapshot.nowMs,
    client,
    view,
    setView,
    setSpotlight: useCallback((spot: SceneSpotlight | undefined) => setSpotlight((s) => (spot ? { on: true, lane: s.lane, scene: spot } : { on: false, lane: s.lane })), [setSpotlight]),
  });
  const [sceneMessage, setSceneMessage] = useState('');
  const captureNow = () => captureScene(snapshot.nowMs, view, snapshot.scenario?.durationMs ?? 0, presenting && tools.spotlight.on ? spotlitLane() : undefined);
  const addScene = () => {
    const scene = captureNow();
    void import('../presentation/scene-edits.ts').then(({ commitScenes, insertionIndex, withSceneAt }) => {
      const scenario = store.getSnapshot().scenario;
      if (!scenario) return;
      const index = insertionIndex(scenario.scenes, scene, player.current);
      const error = commitScenes(editing.edits, scenario, withSceneAt(scenario.scenes, scene, index), `adding scene ${index + 1}`);
      if (error) return setSceneMessage(`Could not add a scene here: ${error}`);
      player.goTo(index);
      setSceneMessage(`Added scene ${index + 1} of ${scenario.scenes.length + 1}. Ctrl/⌘ + Z takes it back.`);
    });
  };

  const onAction = appActionHandler({
    snapshot,
    client,
    presentation,
    tools,
    setDetailLanes,
    fontScalePercent,
    updateSettings,
    openCheatSheet: () => setDialog('cheat-sheet'),
    saveScenario,
    setView,
    editing,
    opener,
    share,
    searchEvents: () => {
      setBottomTab('events');
      layout.ensureBottomPx(Math.round(EVENT_SEARCH_REM * remPx()));
      setSearchFocus((n) => n + 1);
    },
    scenes: player,
    blank: () => setBlanked(true),
    addScene,
  });
  useMenuActions(store, setView, onAction);
  useKeyboardShortcuts({ presenting, spotlightOn: tools.spotlight.on, hasScenes: (snapshot.scenario?.scenes.length ?? 0) > 0, blanked, onUnblank: () => setBlanked(false), dialogOpen: dialog !== undefined || unsaved.dialog !== undefined || share.dialogOpen || guideOpen, onAction });
  const title = useMemo(() => snapshot.scenario?.title ?? 'TokenScope', [snapshot.scenario]);

  const timelines = (
    <Timelines
      snapshot={snapshot}
      client={client}
      scenarioKey={scenarioKey}
      view={view}
      onViewChange={setView}
      selectedToken={selectedToken}
      onSelectToken={(index) => {
        setSelectedToken(index);
        setSideTab('inspector');
      }}
      presenting={presenting}
      fontScalePercent={fontScalePercent}
      spotlight={presenting && tools.spotlight.on ? (tools.spotlight.scene ?? tools.spotlight.lane) : undefined}
      hiddenLanes={(presenting ? tools.detailLanes : detailLanes) ? undefined : DETAIL_LANES}
      searchHits={presenting ? undefined : searchResult}
    />
  );
  const notes = (compact: boolean) => <Notes snapshot={snapshot} client={client} scenarioKey={scenarioKey} editing={editing} view={view} request={tools.annotationRequest} compact={compact} />;
  const scenes = <Scenes snapshot={snapshot} scenarioKey={scenarioKey} editing={editing} player={player} onAdd={addScene} capture={captureNow} message={sceneMessage} />;
  const saveMessage = <SaveStatusLine status={saveStatus} onClose={closeSaveStatus} />;
  const dialogs = (
    <>
      {dialog === 'cheat-sheet' && <CheatSheet onClose={() => setDialog(undefined)} onGlossary={() => openGlossary()} />}
      {dialog === 'glossary' && <GlossaryDialog initialEntryId={glossaryEntry} onClose={() => setDialog(undefined)} />}
      {unsaved.dialog}
      {opener.view}
      {share.view}
      <p className="visually-hidden" role="status" data-testid="edit-status">
        {editing.status}
      </p>
    </>
  );

  // A refusal or a budget warning ("will stop at about …") must reach a presenter too, who sees no header.
  const errorBanner = snapshot.lastError && (
    <div className="app-error" role="alert" data-testid="app-error">
      {snapshot.lastError}
    </div>
  );

  if (presenting) {
    return (
      <GlossaryContext.Provider value={openGlossary}>
        <PresentationScreen
          snapshot={snapshot}
          client={client}
          host={host}
          view={view}
          opener={opener}
          title={title}
          fontScalePercent={fontScalePercent}
          tools={tools}
          onAction={onAction}
          onLeave={presentation.leave}
          onGuideOpenChange={setGuideOpen}
          timelines={timelines}
          notes={
            <>
              {errorBanner}
              {notes(true)}
              {saveMessage}
            </>
          }
          sceneCount={<SceneCount current={player.current} count={snapshot.scenario?.scenes.length ?? 0} status={[player.status, sceneMessage].filter((m) => m !== '').join(' ')} />}
          sceneNote={<SceneNote note={player.current === undefined ? undefined : snapshot.scenario?.scenes[player.current]?.note} />}
          onAddScene={addScene}
        >
          <LiveRegion announcement={announcement} />
          {dialogs}
          {blanked && <BlankScreen onReturn={() => setBlanked(false)} />}
        </PresentationScreen>
      </GlossaryContext.Provider>
    );
  }

  const selectEvent = (event: SimEvent) => {
    setSelectedSeq(event.seq);
    if ('token' in event && typeof event.token === 'number') {
      setSelectedToken(event.token);
      setSideTab('inspector');
    }
  };

  return (
    <GlossaryContext.Provider value={openGlossary}>
      <div className="app" data-testid="app" data-presenting="false">
        <AppHeader
          snapshot={snapshot}
          client={client}
          host={host}
          view={view}
          opener={opener}
          settings={settings}
          onSettings={updateSettings}
          detailLanes={detailLanes}
          onDetailLanes={setDetailLanes}
          onGuideOpenChange={setGuideOpen}
          confirmReplace={unsaved.confirmReplace}
          onSave={() => void saveScenario()}
          onCheatSheet={() => setDialog('cheat-sheet')}
          onPresent={() => onAction('present-from-here')}
        />
        {draftOffer}
        {saveMessage}
        {errorBanner}
        <main
          className="app-main"
          aria-label={title}
          ref={layout.mainRef}
          data-side={layout.sideOpen ? 'open' : 'closed'}
          data-bottom={layout.bottomOpen ? 'open' : 'closed'}
          style={{ '--bottom-panel-px': `${layout.bottomPx}px` } as CSSProperties}
        >
          <section className="timelines" aria-label="Timelines" onPaste={share.onPaste}>
            {timelines}
          </section>
          <SidePanels
            snapshot={snapshot}
            client={client}
            host={host}
            scenarioKey={scenarioKey}
            layout={layout}
            tab={sideTab}
            onTab={setSideTab}
            selectedToken={selectedToken}
            notes={notes(false)}
            scenes={scenes}
            showIntro={showIntro}
            onDismissIntro={dismissIntro}
            confirmReplace={unsaved.confirmReplace}
            onOpenScene={player.openScene}
          />
          {layout.bottomOpen && (
            <Splitter valuePx={layout.bottomPx} minPx={layout.minBottomPx} maxPx={layout.maxBottomPx} controls="bottom-panel" onChange={layout.setBottomPx} />
          )}
          <BottomPanels
            snapshot={snapshot}
            client={client}
            scenarioKey={scenarioKey}
            layout={layout}
            tab={bottomTab}
            onTab={openBottomTab}
            opened={opened}
            activeFlow={activeFlow}
            onFlowChange={setConsoleFlow}
            editorBuffer={editorBuffer}
            selectedSeq={selectedSeq}
            onSelectEvent={selectEvent}
            search={{ query: eventQuery, onQuery: setEventQuery, result: searchResult, focusRequest: searchFocus }}
          />
        </main>
        <LiveRegion announcement={announcement} />
        {dialogs}
      </div>
    </GlossaryContext.Provider>
  );
}

/** The lane in the spotlight as a scene names it: its label, in its flow (read from the timeline, which resolved it). */
function spotlitLane(): SceneSpotlight | undefined {
  const panel = document.querySelector<HTMLElement>('[data-spotlight-label]');
  const label = panel?.dataset.spotlightLabel;
  const flow = panel?.dataset.spotlightLane?.split(':')[0];
  return label ? { lane: label, ...(flow ? { flow } : {}) } : undefined;
}
