/**
 * Presentation mode (F5): only the timelines, a minimal transport, the scene caption and the notes, full screen, with
 * large type, a spotlight and a laser pointer.
 */
import type { ReactNode } from 'react';
import type { TimeView } from '../../shared/figure/time-view.ts';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { HostServices } from '../host/host-services.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import { ExportFeature } from '../export-dialog/ExportFeature.tsx';
import type { FileOpener } from '../export-dialog/use-file-opener.tsx';
import { LaserPointer } from '../presentation/LaserPointer.tsx';
import { PresentationBar } from '../presentation/PresentationBar.tsx';
import { SceneCount, SceneNote } from '../presentation/SceneIndicator.tsx';
import { GuidePopover } from './GuidePopover.tsx';
import type { AppAction } from '../keyboard/shortcuts.ts';
import type { PresentationTools } from './use-presentation-tools.ts';

interface Props {
  snapshot: TimelineSnapshot;
  client: EngineClient;
  host: HostServices;
  view: TimeView;
  opener: FileOpener;
  title: string;
  fontScalePercent: number;
  tools: PresentationTools;
  onAction(action: AppAction): void;
  onLeave(): void;
  onGuideOpenChange(open: boolean): void;
  timelines: ReactNode;
  notes: ReactNode;
  /** The scene being presented ("Scene 3 of 7" in the bar, its note one line under the timelines). */
  sceneIndex: number | undefined;
  /** What the last scene step or add did, for screen readers. */
  sceneStatus: string;
  onAddScene(): void;
  /** Everything else drawn over the screen: the live region, dialogs, status lines. */
  children: ReactNode;
}

export function PresentationScreen({ snapshot, client, host, view, opener, title, fontScalePercent, tools, onAction, onLeave, onGuideOpenChange, timelines, notes, sceneIndex, sceneStatus, onAddScene, children }: Props) {
  const scenes = snapshot.scenario?.scenes ?? [];
  return (
    <div className="app presenting" data-testid="app" data-presenting="true">
      <PresentationBar
        snapshot={snapshot}
        client={client}
        fontScalePercent={fontScalePercent}
        onFontScale={(direction) => onAction(direction > 0 ? 'font-bigger' : 'font-smaller')}
        spotlightOn={tools.spotlight.on}
        onSpotlight={() => onAction('toggle-spotlight')}
        laserOn={tools.laserOn}
        onLaser={() => onAction('toggle-laser')}
        detailLanes={tools.detailLanes}
        onDetailLanes={() => onAction('toggle-detail-lanes')}
        onCheatSheet={() => onAction('open-cheat-sheet')}
        onLeave={onLeave}
        place={<SceneCount current={sceneIndex} count={scenes.length} status={sceneStatus} />}
        extra={
          <>
            {/* The key is in the tooltip only: with it on the button, the tools no longer fit one row of a 1280 px projector. */}
            <button type="button" onClick={onAddScene} data-testid="add-scene-presenting" title="Add a scene: the playhead, the window and the spotlight as they are (Shift + S)" aria-keyshortcuts="Shift+S">
              Add scene
            </button>
            <GuidePopover scenario={snapshot.scenario} onOpenChange={onGuideOpenChange} />
            <ExportFeature snapshot={snapshot} host={host} view={view} opener={opener} />
          </>
        }
      />
      <main className="presentation-main" aria-label={title}>
        <section className="timelines" aria-label="Timelines">
          <LaserPointer active={tools.laserOn}>{timelines}</LaserPointer>
        </section>
        <SceneNote note={sceneIndex === undefined ? undefined : scenes[sceneIndex]?.note} />
        <section className="presentation-notes" aria-label="Notes">
          {notes}
        </section>
      </main>
      {children}
    </div>
  );
}
