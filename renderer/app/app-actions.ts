/**
 * What each app action does (shortcuts.ts names them; keys, buttons and the desktop menu run them): the transport,
 * presentation mode and its tools, large type, notes, undo and redo, saving and opening files, links to a moment and
 * the event search.
 */
import type { Dispatch, SetStateAction } from 'react';
import { fitAll, type TimeView } from '../../shared/figure/time-view.ts';
import type { UserSettings } from '../../shared/ipc/ipc-contract.ts';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import { stepFontScale } from '../presentation/font-scale.ts';
import type { Presentation } from '../presentation/use-presentation.ts';
import type { FileOpener } from '../export-dialog/use-file-opener.tsx';
import type { ShareLink } from '../share/use-share-link.tsx';
import type { ScenarioEditing } from './use-scenario-edits.ts';
import type { PresentationTools } from './use-presentation-tools.ts';
import type { AppAction } from '../keyboard/shortcuts.ts';
import type { ScenePlayer } from '../presentation/use-scene-player.ts';

export interface AppActionContext {
  snapshot: Pick<TimelineSnapshot, 'playing' | 'scenario'>;
  client: EngineClient;
  presentation: Presentation;
  tools: PresentationTools;
  /** The detail lanes outside presentation mode. */
  setDetailLanes: Dispatch<SetStateAction<boolean>>;
  fontScalePercent: number;
  updateSettings(patch: Partial<UserSettings>): void;
  openCheatSheet(): void;
  saveScenario(): Promise<boolean>;
  setView(view: TimeView): void;
  editing: Pick<ScenarioEditing, 'undo' | 'redo'>;
  opener: Pick<FileOpener, 'pick'>;
  share: Pick<ShareLink, 'copyLink' | 'promptForLink'>;
  /** Shows the events table and puts the cursor in its search field. */
  searchEvents(): void;
  scenes: Pick<ScenePlayer, 'goTo' | 'next' | 'previous' | 'pickUpHere'>;
  /** Blanks the screen (presentation mode) until a key or a click. */
  blank(): void;
  /** Adds a scene from the playhead, the window and the spotlight as they are. */
  addScene(): void;
}

export function appActionHandler(c: AppActionContext): (action: AppAction) => void {
  const { tools } = c;
  return (action) => {
    switch (action) {
      case 'play-pause':
        return c.client.send({ type: c.snapshot.playing ? 'pause' : 'play' });
      case 'step':
        return c.client.send({ type: 'step' });
      case 'back-to-start':
        return c.client.send({ type: 'seek', simMs: 0 });
      case 'toggle-presentation':
        // As in slide software, F5 starts from the first slide: here, the first scene when there are scenes.
        if (c.presentation.presenting) return c.presentation.leave();
        c.presentation.enter();
        return (c.snapshot.scenario?.scenes.length ?? 0) > 0 ? c.scenes.goTo(0) : c.scenes.pickUpHere();
      case 'present-from-here':
        if (!c.presentation.presenting) c.presentation.enter();
        return c.scenes.pickUpHere();
      case 'next-scene':
        return c.scenes.next();
      case 'previous-scene':
        return c.scenes.previous();
      case 'blank-screen':
        return c.blank();
      case 'add-scene':
        return c.addScene();
      case 'leave-presentation':
        return c.presentation.leave();
      case 'open-cheat-sheet':
        return c.openCheatSheet();
      case 'save-scenario':
        return void c.saveScenario();
      case 'font-bigger':
        return c.updateSettings({ fontScalePercent: stepFontScale(c.fontScalePercent, 1) });
      case 'font-smaller':
        return c.updateSettings({ fontScalePercent: stepFontScale(c.fontScalePercent, -1) });
      case 'font-reset':
        return c.updateSettings({ fontScalePercent: 100 });
      case 'toggle-spotlight':
        return tools.setSpotlight((s) => ({ ...s, on: !s.on }));
      case 'spotlight-next':
        return tools.setSpotlight((s) => ({ on: s.on, lane: s.lane + 1 }));
      case 'spotlight-previous':
        return tools.setSpotlight((s) => ({ on: s.on, lane: s.lane - 1 }));
      case 'toggle-laser':
        return tools.setLaserOn((on) => !on);
      case 'toggle-detail-lanes':
        return c.presentation.presenting ? tools.setDetailLanes((on) => !on) : c.setDetailLanes((on) => !on);
      case 'zoom-to-fit':
        return c.snapshot.scenario ? c.setView(fitAll(c.snapshot.scenario.durationMs)) : undefined;
      case 'annotate-at-playhead':
        return tools.setAnnotationRequest((r) => ({ id: (r?.id ?? 0) + 1, kind: 'playhead' }));
      case 'annotate-range':
        return tools.setAnnotationRequest((r) => ({ id: (r?.id ?? 0) + 1, kind: 'window' }));
      case 'undo':
        return c.editing.undo();
      case 'redo':
        return c.editing.redo();
      case 'open-file':
        return c.opener.pick();
      case 'copy-link':
        return c.share.copyLink();
      case 'open-link':
        return c.share.promptForLink();
      case 'search-events':
        return c.presentation.presenting ? undefined : c.searchEvents();
    }
  };
}
