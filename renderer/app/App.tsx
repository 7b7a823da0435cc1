/**
 * The app: the state the screens share (the store's snapshot, the view, the settings, the edits, presentation mode)
 * and the two screens that show it, the main screen (MainScreen) and presentation mode (PresentationScreen), with what
 * is drawn over either (AppDialogs). Every key, button and menu item runs an app action (app-actions.ts).
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { TimelineStore } from '../state/timeline-store.ts';
import type { LaneKind } from '../../shared/lanes/lane-types.ts';
import type { SimEvent } from '../../shared/model/events.ts';
import { useTimelineStore } from '../state/use-timeline-store.ts';
import { useKeyboardShortcuts } from '../keyboard/use-keyboard-shortcuts.ts';
import { defaultScenarioLoad } from '../content/builtin-scenarios.ts';
import type { HostServices } from '../host/host-services.ts';
import { usePresentation } from '../presentation/use-presentation.ts';
import { useScenePlayer } from '../presentation/use-scene-player.ts';
import { BlankScreen } from '../presentation/BlankScreen.tsx';
import { LiveRegion } from '../a11y/LiveRegion.tsx';
import { useAnnouncements } from '../a11y/use-announcements.ts';
import { LoadingNote } from '../a11y/LoadingNote.tsx';
import { useFileOpener } from '../export-dialog/use-file-opener.tsx';
import { useShareLink } from '../share/use-share-link.tsx';
import { useAppSettings } from './use-app-settings.ts';
import { usePanelLayout } from './use-panel-layout.ts';
import { useScenarioEdits } from './use-scenario-edits.ts';
import { useUnsavedChanges } from './use-unsaved-changes.tsx';
import { useScenarioDraft } from './use-scenario-draft.tsx';
import { usePresentationTools } from './use-presentation-tools.ts';
import { useScenarioSave } from './use-scenario-save.ts';
import { useMenuActions } from './use-menu-actions.ts';
import { useScenarioView } from './use-scenario-view.ts';
import { useBottomPanels } from './use-bottom-panels.ts';
import { useEventSearch } from './use-event-search.ts';
import { useAppDialogs } from './use-app-dialogs.ts';
import { useSceneCapture } from './use-scene-capture.ts';
import { useScenarioIntro } from './use-scenario-intro.ts';
import { appActionHandler } from './app-actions.ts';
import { SaveStatusLine } from './SaveStatusLine.tsx';
import { ErrorBanner } from './ErrorBanner.tsx';
import { Timelines } from './Timelines.tsx';
import { Notes } from './Notes.tsx';
import { Scenes } from './Scenes.tsx';
import { AppDialogs } from './AppDialogs.tsx';
import { AppProviders } from './AppProviders.tsx';
import { MainScreen } from './MainScreen.tsx';

// Loaded on first use (P, F5 or its button), so it does not delay the first timeline.
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

export function App({ store, client, host, defaultScenarioSent = false }: Props) {
  // At most one render per frame: a slow frame may let several engine batches queue up; they are drawn together.
  const snapshot = useTimelineStore(store, { perFrame: true });
  const { scenarioKey, view, setView, selectedToken, setSelectedToken, selectedSeq, setSelectedSeq } = useScenarioView(snapshot);
  const [sideTab, setSideTab] = useState('inspector');
  useEffect(() => {
    if (!defaultScenarioSent) client.send(defaultScenarioLoad());
  }, [client, defaultScenarioSent]);

  const { settings, updateSettings, themeName, fontScalePercent } = useAppSettings(host);
  const presentation = usePresentation();
  const { presenting } = presentation;
  const tools = usePresentationTools(presenting, fontScalePercent);
  const dialogs = useAppDialogs();
  const search = useEventSearch(snapshot.events);
  const [guideOpen, setGuideOpen] = useState(false);
  // The detail lanes as chosen outside presentation mode (inside it, the presentation's own: `tools.detailLanes`).
  const [detailLanes, setDetailLanes] = useState(false);
  const announcement = useAnnouncements(snapshot, settings.announceVerbosity);
  const { mainRef, ...layout } = usePanelLayout(settings, updateSettings);
  const bottom = useBottomPanels({ snapshot, ensureBottomPx: layout.ensureBottomPx, showDetailLanes: () => setDetailLanes(true) });
  const intro = useScenarioIntro(snapshot.scenario, settings, updateSettings);

  const editing = useScenarioEdits(store, client);
  const { saveStatus, closeSaveStatus, saveScenario } = useScenarioSave(store, host, editing.edits, snapshot.scenario?.scenarioText);
  const unsaved = useUnsavedChanges(editing.state.dirty, snapshot.scenario?.title || snapshot.scenario?.name || 'This scenario', saveScenario);
  const draftOffer = useScenarioDraft({ host, client, edits: editing.edits, state: editing.state, confirmReplace: unsaved.confirmReplace });
  const opener = useFileOpener({ snapshot, client, host, onViewChange: setView, confirmReplace: unsaved.confirmReplace });
  const share = useShareLink({ host, snapshot, view, opener, saveScenario });

  const { blanked, setBlanked } = tools;
  const player = useScenePlayer({ scenario: snapshot.scenario, scenarioKey, nowMs: snapshot.nowMs, client, view, setView, setSpotlight: tools.setSceneSpotlight });
  const sceneCapture = useSceneCapture({ store, edits: editing.edits, player, nowMs: snapshot.nowMs, durationMs: snapshot.scenario?.durationMs ?? 0, view, spotlightOn: presenting && tools.spotlight.on });
  const { addScene } = sceneCapture;

  const blank = () => setBlanked(true);
  const openCheatSheet = dialogs.openCheatSheet;
  const onAction = appActionHandler({ snapshot, client, presentation, tools, setDetailLanes, fontScalePercent, updateSettings, openCheatSheet, saveScenario, setView, editing, opener, share, searchEvents: bottom.focusSearch, scenes: player, blank, addScene });
  useMenuActions(host, store, setView, onAction);
  const dialogOpen = dialogs.dialog !== undefined || unsaved.dialog !== undefined || share.dialogOpen || guideOpen;
  useKeyboardShortcuts({ presenting, spotlightOn: tools.spotlight.on, hasScenes: (snapshot.scenario?.scenes.length ?? 0) > 0, blanked, onUnblank: () => setBlanked(false), dialogOpen, onAction });
  const title = snapshot.scenario?.title ?? 'TokenScope';

  const selectToken = (index: number | undefined) => {
    setSelectedToken(index);
    setSideTab('inspector');
  };
  const spotlight = presenting && tools.spotlight.on ? (tools.spotlight.scene ?? tools.spotlight.lane) : undefined;
  const hiddenLanes = (presenting ? tools.detailLanes : detailLanes) ? undefined : DETAIL_LANES;
  const timelines = (
    <Timelines
      {...{ snapshot, client, scenarioKey, view, selectedToken, presenting, fontScalePercent, spotlight, hiddenLanes }}
      onViewChange={setView}
      onSelectToken={selectToken}
      searchHits={presenting ? undefined : search.result}
    />
  );
  const notes = (compact: boolean) => <Notes snapshot={snapshot} client={client} scenarioKey={scenarioKey} editing={editing} view={view} request={tools.annotationRequest} compact={compact} />;
  const saveMessage = <SaveStatusLine status={saveStatus} onClose={closeSaveStatus} />;
  const overlays = (
    <>
      <LiveRegion announcement={announcement} />
      <AppDialogs dialogs={dialogs} editStatus={editing.status}>
        {unsaved.dialog}
        {opener.view}
        {share.view}
      </AppDialogs>
    </>
  );
  const errorBanner = <ErrorBanner error={snapshot.lastError} />;

  if (presenting) {
    return (
      <AppProviders themeName={themeName} openGlossary={dialogs.openGlossary}>
        <Suspense fallback={<LoadingNote>Starting presentation mode…</LoadingNote>}>
          <PresentationScreen
            {...{ snapshot, client, host, view, opener, title, fontScalePercent, tools, onAction, timelines, onAddScene: addScene }}
            onLeave={presentation.leave}
            onGuideOpenChange={setGuideOpen}
            notes={
              <>
                {errorBanner}
                {notes(true)}
                {saveMessage}
              </>
            }
            sceneIndex={player.current}
            sceneStatus={[player.status, sceneCapture.sceneMessage].filter((m) => m !== '').join(' ')}
          >
            {overlays}
            {blanked && <BlankScreen onReturn={() => setBlanked(false)} />}
          </PresentationScreen>
        </Suspense>
      </AppProviders>
    );
  }

  const selectEvent = (event: SimEvent) => {
    setSelectedSeq(event.seq);
    if ('token' in event && typeof event.token === 'number') selectToken(event.token);
  };
  return (
    <AppProviders themeName={themeName} openGlossary={dialogs.openGlossary}>
      <MainScreen
        {...{ snapshot, client, host, view, scenarioKey, title, opener, settings, detailLanes, mainRef, layout, bottom, search, selectedSeq, timelines }}
        onSettings={updateSettings}
        onDetailLanes={setDetailLanes}
        onGuideOpenChange={setGuideOpen}
        confirmReplace={unsaved.confirmReplace}
        onSave={() => void saveScenario()}
        onCheatSheet={openCheatSheet}
        onPresent={() => onAction('present-from-here')}
        side={{ tab: sideTab, onTab: setSideTab, selectedToken, showIntro: intro.showIntro, onDismissIntro: intro.dismissIntro, onOpenScene: player.openScene }}
        onSelectEvent={selectEvent}
        banners={
          <>
            {draftOffer}
            {saveMessage}
            {errorBanner}
          </>
        }
        notes={notes(false)}
        scenes={<Scenes snapshot={snapshot} scenarioKey={scenarioKey} editing={editing} player={player} onAdd={addScene} capture={sceneCapture.captureNow} message={sceneCapture.sceneMessage} />}
        onPaste={share.onPaste}
      >
        {overlays}
      </MainScreen>
    </AppProviders>
  );
}
