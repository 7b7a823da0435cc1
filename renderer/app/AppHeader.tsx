/** The header: the scenario picker, the transport, and the app's actions (guide, save, export, display, shortcuts, present). */
import type { TimeView } from '../../shared/figure/time-view.ts';
import type { UserSettings } from '../../shared/ipc/ipc-contract.ts';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { HostServices } from '../host/host-services.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import { ExportFeature } from '../export-dialog/ExportFeature.tsx';
import type { FileOpener } from '../export-dialog/use-file-opener.tsx';
import { DisplaySettings } from './DisplaySettings.tsx';
import { GuidePopover } from './GuidePopover.tsx';
import { ScenarioPicker } from './ScenarioPicker.tsx';
import { TransportBar } from '../transport/TransportBar.tsx';

export interface AppHeaderProps {
  snapshot: TimelineSnapshot;
  client: EngineClient;
  host: HostServices;
  view: TimeView;
  opener: FileOpener;
  settings: UserSettings;
  onSettings(patch: Partial<UserSettings>): void;
  detailLanes: boolean;
  onDetailLanes(on: boolean): void;
  onGuideOpenChange(open: boolean): void;
  confirmReplace(what: string): Promise<boolean>;
  onSave(): void;
  onCheatSheet(): void;
  onPresent(): void;
}

export function AppHeader(props: AppHeaderProps) {
  const { snapshot, client, host, view, opener, settings } = props;
  return (
    <header className="app-header">
      <h1>TokenScope</h1>
      <ScenarioPicker snapshot={snapshot} client={client} onOpen={opener.pick} confirmReplace={props.confirmReplace} />
      <TransportBar snapshot={snapshot} client={client} />
      <div className="app-actions">
        <GuidePopover scenario={snapshot.scenario} onOpenChange={props.onGuideOpenChange} />
        <button type="button" onClick={props.onSave} disabled={!snapshot.scenario} data-testid="save-scenario" title="Save the scenario with its notes (Ctrl/⌘ + S)">
          Save
        </button>
        <ExportFeature snapshot={snapshot} host={host} view={view} opener={opener} />
        <DisplaySettings settings={settings} onChange={props.onSettings} detailLanes={props.detailLanes} onDetailLanes={props.onDetailLanes} />
        <button type="button" onClick={props.onCheatSheet} data-testid="open-cheat-sheet" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
          <kbd>?</kbd>
        </button>
        <button type="button" className="primary" onClick={props.onPresent} data-testid="enter-presentation" title="Presentation mode (F5)" aria-keyshortcuts="F5">
          Present
        </button>
      </div>
    </header>
  );
}
