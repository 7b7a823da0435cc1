/**
 * The window of time on screen and what is selected in it (a token, an event), which a newly loaded scenario (a new
 * identity: its source and length) resets to the whole scenario and nothing; an engine batch of the same scenario
 * leaves them alone.
 */
import { useState } from 'react';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import { fitAll, type TimeView } from '../../shared/figure/time-view.ts';

export function useScenarioView(snapshot: TimelineSnapshot) {
  const scenarioKey = snapshot.scenario ? `${snapshot.scenario.sourceName}:${snapshot.scenario.durationMs}` : '';
  const [view, setView] = useState<TimeView>({ startMs: 0, endMs: 6 * 3_600_000 });
  const [selectedToken, setSelectedToken] = useState<number | undefined>();
  const [selectedSeq, setSelectedSeq] = useState<number | undefined>();
  const [viewScenarioKey, setViewScenarioKey] = useState<string | undefined>(undefined);
  if (viewScenarioKey !== scenarioKey) {
    setViewScenarioKey(scenarioKey);
    if (snapshot.scenario) {
      setView(fitAll(snapshot.scenario.durationMs));
      setSelectedToken(undefined);
      setSelectedSeq(undefined);
    }
  }
  return { scenarioKey, view, setView, selectedToken, setSelectedToken, selectedSeq, setSelectedSeq };
}
