/**
 * The main screen: scenario and transport on top; the two timelines on one time axis with the token inspector
 * beside them; the event table (the chart's accessible twin) below.
 */
import { useEffect, useMemo, useState } from 'react';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { TimelineStore } from '../state/timeline-store.ts';
import { useTimelineStore } from '../state/use-timeline-store.ts';
import { fitAll, type TimeView } from '../state/time-view.ts';
import { TimelinePanel } from '../timeline/TimelinePanel.tsx';
import { TokenInspector } from '../panels/TokenInspector.tsx';
import { EventTable } from '../panels/EventTable.tsx';
import { ScenarioPicker } from './ScenarioPicker.tsx';
import { TransportBar } from './TransportBar.tsx';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts.ts';
import { BUILTIN_SCENARIOS, DEFAULT_SCENARIO_ID } from './builtin-scenarios.ts';

interface Props {
  store: TimelineStore;
  client: EngineClient;
}

export function App({ store, client }: Props) {
  const snapshot = useTimelineStore(store);
  const [view, setView] = useState<TimeView>({ startMs: 0, endMs: 6 * 3_600_000 });
  const [selectedToken, setSelectedToken] = useState<number | undefined>();
  const [selectedSeq, setSelectedSeq] = useState<number | undefined>();
  const scenarioKey = snapshot.scenario ? `${snapshot.scenario.sourceName}:${snapshot.scenario.durationMs}` : '';

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
          <TimelinePanel snapshot={snapshot} view={view} onViewChange={setView} selectedToken={selectedToken} onSelectToken={setSelectedToken} />
        </section>
        <aside className="inspector" aria-label="Token inspector">
          <TokenInspector snapshot={snapshot} tokenIndex={selectedToken} client={client} />
        </aside>
        <section className="events" aria-label="Events">
          <EventTable
            snapshot={snapshot}
            selectedSeq={selectedSeq}
            onSelect={(event) => {
              setSelectedSeq(event.seq);
              if ('token' in event && typeof event.token === 'number') setSelectedToken(event.token);
            }}
          />
        </section>
      </main>
    </div>
  );
}
