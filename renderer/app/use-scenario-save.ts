/**
 * Saving the scenario (its text, with the instructor's notes) through the host, and what the last save said. The
 * message is about one text: once the scenario changes (a note, another file) it no longer applies. A success is news
 * for a moment, not a state: it goes after a while; a failure stays until closed or retried.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ScenarioEdits } from '../state/scenario-edits.ts';
import type { TimelineStore } from '../state/timeline-store.ts';
import type { HostServices } from '../host/host-services.ts';
import { scenarioFileName } from '../../shared/scenario/scenario-file-name.ts';

/** How long "Scenario saved: …" stays up. */
const SAVED_MESSAGE_MS = 8_000;

export interface SaveStatus {
  ok: boolean;
  text: string;
  scenarioText: string;
}

export interface ScenarioSave {
  saveStatus: SaveStatus | undefined;
  closeSaveStatus(): void;
  /** Saves through the host's save dialog; true when the file was written. */
  saveScenario(): Promise<boolean>;
}

export function useScenarioSave(store: TimelineStore, host: Pick<HostServices, 'saveFile'>, edits: ScenarioEdits, scenarioText: string | undefined): ScenarioSave {
  const [saveStatus, setSaveStatus] = useState<SaveStatus | undefined>(undefined);
  if (saveStatus && saveStatus.scenarioText !== scenarioText) setSaveStatus(undefined);
  useEffect(() => {
    if (!saveStatus?.ok) return;
    const timer = setTimeout(() => setSaveStatus(undefined), SAVED_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [saveStatus]);

  const saveScenario = useCallback(async (): Promise<boolean> => {
    const scenario = store.getSnapshot().scenario;
    if (!scenario) return false;
    const result = await host.saveFile({ suggestedName: scenarioFileName(scenario.sourceName, scenario.name), mimeType: 'application/yaml', data: scenario.scenarioText });
    if (result.saved) {
      edits.markSaved(scenario.scenarioText);
      setSaveStatus({ ok: true, text: `Scenario saved: ${result.where}`, scenarioText: scenario.scenarioText });
    } else if (result.canceled) setSaveStatus(undefined);
    else setSaveStatus({ ok: false, text: `The scenario was not saved: ${result.error}`, scenarioText: scenario.scenarioText });
    return result.saved;
  }, [host, store, edits]);

  const closeSaveStatus = useCallback(() => setSaveStatus(undefined), []);
  return { saveStatus, closeSaveStatus, saveScenario };
}
