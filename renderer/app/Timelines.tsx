/** The timelines as the app shows them: in their error boundary, with each flow's release picker outside presentation mode. */
import { useState } from 'react';
import type { TimeView } from '../../shared/figure/time-view.ts';
import type { LaneKind } from '../../shared/lanes/lane-types.ts';
import type { SceneSpotlight } from '../../shared/model/scene.ts';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import { FlowVersionPicker } from '../timeline/FlowVersionPicker.tsx';
import { TimelinePanel } from '../timeline/TimelinePanel.tsx';
import { PanelErrorBoundary } from './PanelErrorBoundary.tsx';

interface Props {
  snapshot: TimelineSnapshot;
  client: EngineClient;
  /** Changes when another scenario is loaded: the error boundary starts over. */
  scenarioKey: string;
  view: TimeView;
  onViewChange(view: TimeView): void;
  selectedToken: number | undefined;
  onSelectToken(index: number): void;
  presenting: boolean;
  fontScalePercent: number;
  /** The lane in the spotlight: counted from the top, or named by a scene. */
  spotlight: number | SceneSpotlight | undefined;
  hiddenLanes: readonly LaneKind[] | undefined;
  /** The events the event search found, marked on the lanes. */
  searchHits?: { seqs: readonly number[] } | undefined;
}

export function Timelines({ snapshot, client, scenarioKey, view, onViewChange, selectedToken, onSelectToken, presenting, fontScalePercent, spotlight, hiddenLanes, searchHits }: Props) {
  // Which releases are still supported is judged against the day the app was opened.
  const [todayMs] = useState(() => Date.now());
  const versionPicker = (flowId: string) => {
    const scenario = snapshot.scenario;
    const flow = scenario?.flows.find((f) => f.id === flowId);
    if (!scenario || !flow) return undefined;
    return (
      <FlowVersionPicker
        flow={flow}
        todayMs={todayMs}
        onChoose={(kubernetesVersion) =>
          client.send({ type: 'set-flow-version', scenarioText: scenario.scenarioText, sourceName: scenario.sourceName, flow: flowId, kubernetesVersion })
        }
      />
    );
  };
  return (
    <PanelErrorBoundary name="Timelines" resetKey={scenarioKey}>
      <TimelinePanel
        snapshot={snapshot}
        view={view}
        onViewChange={onViewChange}
        selectedToken={selectedToken}
        onSelectToken={onSelectToken}
        fontScalePercent={presenting ? fontScalePercent : 100}
        spotlight={spotlight}
        hiddenLanes={hiddenLanes}
        flowHeaderExtra={presenting ? undefined : versionPicker}
        searchHits={searchHits}
      />
    </PanelErrorBoundary>
  );
}
