/**
 * The main screen: scenario and transport on top (AppHeader); the two timelines on one time axis with the token
 * inspector, the guided lesson, the notes and the paste panel beside them (SidePanels); the event table (the chart's
 * accessible twin), the kubectl console and the manifest editor below (BottomPanels). Presentation mode has a screen
 * of its own (PresentationScreen).
 *
 * Modal dialogs are one piece of state (`dialog`), opened by shortcuts or buttons and rendered at the end; while one
 * is open the app-wide shortcuts are off.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { TimelineStore } from '../state/timeline-store.ts';
import type { LaneKind } from '../../shared/lanes/lane-types.ts';
import type { SimEvent } from '../../shared/model/events.ts';
import { useTimelineStore } from '../state/use-timeline-store.ts';
import { useKeyboardShortcuts } from '../keyboard/use-keyboard-shortcuts.ts';
import { defaultScenarioLoad } from '../content/builtin-scenarios.ts';
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
import { useShareLink } from '../share/use-share-link.tsx';
import { GlossaryContext } from '../glossary/use-glossary.ts';
import { ThemeContext } from '../theme/theme-context.ts';
import { useScenePlayer } from '../presentation/use-scene-player.ts';
import { captureScene } from '../presentation/scene-view.ts';
import type { SceneSpotlight } from '../../shared/model/scene.ts';
import { BlankScreen } from '../presentation/BlankScreen.tsx';
import { SceneCount, SceneNote } from '../presentation/SceneIndicator.tsx';
import { Scenes } from './Scenes.tsx';
import { useScenarioView } from './use-scenario-view.ts';
import { useBottomPanels } from './use-bottom-panels.ts';
import { useEventSearch } from './use-event-search.ts';
import { LoadingNote } from '../a11y/LoadingNote.tsx';

// Loaded on first use (the glossary from G, F1 or a link to an entry; presentation mode from P or its button), so they
// do not delay the first timeline; the key press that asks for one shows it once it has loaded.
const GlossaryDialog = lazy(() => import('../glossary/GlossaryDialog.tsx').then((m) => ({ default: m.GlossaryDialog })));
const PresentationScreen = lazy(() => import('./PresentationScreen.tsx').then((m) => ({ default: m.PresentationScreen })));

/**
 * Detail left out until asked for (D in presentation mode, Display ▾ otherwise), so both flows fit one screen: the
 * legacy-versus-projected story first. Opening the console or the editor shows it, since their commands land there.
 */
const DETAIL_LANES: readonly LaneKind[] = ['kubectl', 'secrets'];

interface Props {
  store: TimelineStore;
  client: EngineClient;
  host: HostServices;
  /** The entry already asked the engine for the default scenario (the browser build does, before React loads). */
  defaultScenarioSent?: boolean;
}

/** The modal dialogs the app can show; one at a time. */
type Dialog = 'cheat-sheet' | 'glossary';

export function App({ store, client, host, defaultScenarioSent = false }: Props) {
  // At most one render per frame: a slow frame may let several engine batches queue up; they are drawn together.
  const snapshot = useTimelineStore(store, { perFrame: true });
  const { scenarioKey, view, setView, selectedToken, setSelectedToken, selectedSeq, setSelectedSeq } = useScenarioView(snapshot);
  const [sideTab, setSideTab] = useState('inspector');

  useEffect(() => {
    if (!defaultScenarioSent) client.send(defaultScenarioLoad());
  }, [client, defaultScenarioSent]);

  const { settings, update: saveSettings } = useUserSettings(host);
  const updateSettings = useCallback((patch: Parameters<typeof saveSettings>[0]) => void saveSettings(patch), [saveSettings]);
  const themeName = useAppTheme(settings.theme);
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
  const search = useEventSearch(snapshot.events);
  const [guideOpen, setGuideOpen] = useState(false);
  // The detail lanes as chosen outside presentation mode (inside it, the presentation's own: `tools.detailLanes`).
  const [detailLanes, setDetailLanes] = useState(false);
  const announcement = useAnnouncements(snapshot, settings.announceVerbosity);
  const { mainRef, ...layout } = usePanelLayout(settings, updateSettings);
  const bottom = useBottomPanels({ snapshot, ensureBottomPx: layout.ensureBottomPx, showDetailLanes: () => setDetailLanes(true) });
  const intro = snapshot.scenario ? introKey(snapshot.scenario) : undefined;
  const showIntro = intro !== undefined && !settings.dismissedIntros.includes(intro);
  const dismissIntro = () => intro && updateSettings({ dismissedIntros: [...settings.dismissedIntros.filter((k) => k !== intro), intro].slice(-MAX_DISMISSED_INTROS) });

  const editing = useScenarioEdits(store, client);
  const { saveStatus, closeSaveStatus, saveScenario } = useScenarioSave(store, host, editing.edits, snapshot.scenario?.scenarioText);
  const unsaved = useUnsavedChanges(editing.state.dirty, snapshot.scenario?.title || snapshot.scenario?.name || 'This scenario', saveScenario);
  const draftOffer = useScenarioDraft({ host, client, edits: editing.edits, state: editing.state, confirmReplace: unsaved.confirmReplace });
  const opener = useFileOpener({ snapshot, client, host, onViewChange: setView, confirmReplace: unsaved.confirmReplace });
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
    void import('../presentation/scene-edits.ts').then(async ({ commitScenes, insertionIndex, withSceneAt }) => {
      const scenario = store.getSnapshot().scenario;
      if (!scenario) return;
      const index = insertionIndex(scenario.scenes, scene, player.current);
      const error = await commitScenes(editing.edits, withSceneAt(scenario.scenes, scene, index), `adding scene ${index + 1}`);
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
    searchEvents: bottom.focusSearch,
    scenes: player,
    blank: () => setBlanked(true),
    addScene,
  });
  useMenuActions(host, store, setView, onAction);
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
      searchHits={presenting ? undefined : search.result}
    />
  );
  const notes = (compact: boolean) => <Notes snapshot={snapshot} client={client} scenarioKey={scenarioKey} editing={editing} view={view} request={tools.annotationRequest} compact={compact} />;
  const scenes = <Scenes snapshot={snapshot} scenarioKey={scenarioKey} editing={editing} player={player} onAdd={addScene} capture={captureNow} message={sceneMessage} />;
  const saveMessage = <SaveStatusLine status={saveStatus} onClose={closeSaveStatus} />;
  const dialogs = (
    <>
      {dialog === 'cheat-sheet' && <CheatSheet onClose={() => setDialog(undefined)} onGlossary={() => openGlossary()} />}
      {dialog === 'glossary' && (
        <Suspense fallback={<LoadingNote>Opening the glossary…</LoadingNote>}>
          <GlossaryDialog initialEntryId={glossaryEntry} onClose={() => setDialog(undefined)} />
        </Suspense>
      )}
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
      <ThemeContext.Provider value={themeName}>
        <GlossaryContext.Provider value={openGlossary}>
          <Suspense fallback={<LoadingNote>Starting presentation mode…</LoadingNote>}>
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
          </Suspense>
        </GlossaryContext.Provider>
      </ThemeContext.Provider>
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
    <ThemeContext.Provider value={themeName}>
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
            ref={mainRef}
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
              tab={bottom.tab}
              onTab={bottom.openTab}
              opened={bottom.opened}
              activeFlow={bottom.activeFlow}
              onFlowChange={bottom.setConsoleFlow}
              editorBuffer={bottom.readEditorBuffer}
              onEditorBuffer={bottom.setEditorBuffer}
              consoleApply={bottom.consoleApply}
              onConsoleApply={bottom.setConsoleApply}
              selectedSeq={selectedSeq}
              onSelectEvent={selectEvent}
              search={{ query: search.query, onQuery: search.setQuery, result: search.result, focusRequest: bottom.searchFocus }}
            />
          </main>
          <LiveRegion announcement={announcement} />
          {dialogs}
        </div>
      </GlossaryContext.Provider>
      </ThemeContext.Provider>
  );
}

/** The lane in the spotlight as a scene names it: its label, in its flow (read from the timeline, which resolved it). */
function spotlitLane(): SceneSpotlight | undefined {
  const panel = document.querySelector<HTMLElement>('[data-spotlight-label]');
  const label = panel?.dataset.spotlightLabel;
  const flow = panel?.dataset.spotlightLane?.split(':')[0];
  return label ? { lane: label, ...(flow ? { flow } : {}) } : undefined;
}
