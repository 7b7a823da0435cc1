/**
 * Autosave of unsaved notes: while the scenario has edits that are not saved, a draft of it is kept by the host
 * (desktop: a file in the user-data folder; browser: local storage), and removed once they are saved, undone or
 * knowingly discarded. At start, a draft left by a reload or a crash is offered back: Restore loads it (still unsaved,
 * so it is kept until it is saved), Discard forgets it. Until the offer is answered the old draft is left alone.
 */
import { useEffect, useEffectEvent, useRef, useState, type ReactNode } from 'react';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { HostServices } from '../host/host-services.ts';
import type { ScenarioDraft } from '../../shared/ipc/scenario-draft.ts';
import type { EditState, ScenarioEdits } from '../state/scenario-edits.ts';
import './unsaved-changes.css';

export interface ScenarioDraftOptions {
  host: Pick<HostServices, 'loadScenarioDraft' | 'saveScenarioDraft'>;
  client: EngineClient;
  edits: ScenarioEdits;
  state: EditState;
  confirmReplace(what: string): Promise<boolean>;
  /** Wall clock, for the draft's time. */
  now?: () => number;
}

/** The offer of a draft found at start (or nothing); render it once, near the top of the window. */
export function useScenarioDraft({ host, client, edits, state, confirmReplace, now = Date.now }: ScenarioDraftOptions): ReactNode {
  const [offer, setOffer] = useState<ScenarioDraft | undefined>();
  const [answered, setAnswered] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  // Whether the host may hold a draft of ours, so an unchanged scenario does not write "no draft" again and again.
  const held = useRef(true);

  useEffect(() => {
    let current = true;
    void host.loadScenarioDraft().then((draft) => {
      if (!current) return;
      if (draft) setOffer(draft);
      else setAnswered(true);
    });
    return () => {
      current = false;
    };
  }, [host]);

  const { dirty, scenario, baselineText } = state;
  // The clock is read when a draft is written, not a reason to write one.
  const savedAtEpochMs = useEffectEvent(() => now());
  useEffect(() => {
    if (!answered || !scenario) return;
    if (!dirty && !held.current) return;
    const draft: ScenarioDraft | null = dirty
      ? { sourceName: scenario.sourceName, title: scenario.title || scenario.name, scenarioText: scenario.scenarioText, baseText: baselineText ?? '', savedAtEpochMs: savedAtEpochMs() }
      : null;
    held.current = dirty;
    void host.saveScenarioDraft(draft).then((result) => setProblem(result.ok ? undefined : result.error));
  }, [answered, dirty, scenario, baselineText, host]);

  const restore = async (draft: ScenarioDraft) => {
    if (!(await confirmReplace('Restoring your earlier notes'))) return;
    setOffer(undefined);
    setAnswered(true);
    edits.expectLoad({ sourceName: draft.sourceName, scenarioText: draft.scenarioText, baselineText: draft.baseText });
    client.send({ type: 'load', scenarioText: draft.scenarioText, sourceName: draft.sourceName });
  };

  const discard = () => {
    setOffer(undefined);
    setAnswered(true);
    held.current = false;
    void host.saveScenarioDraft(null);
  };

  return (
    <>
      {offer && (
        <div className="draft-offer" role="alert" data-testid="draft-offer">
          <p>
            Unsaved notes on “{offer.title || offer.sourceName}” were kept from {new Date(offer.savedAtEpochMs).toLocaleString()}.
          </p>
          <button type="button" className="primary" data-testid="draft-restore" onClick={() => void restore(offer)}>
            Restore them
          </button>
          <button type="button" data-testid="draft-discard" onClick={discard}>
            Discard
          </button>
        </div>
      )}
      {problem && (
        <p className="draft-problem" role="status" data-testid="draft-problem">
          Your unsaved notes could not be kept as a draft ({problem}); save the scenario to keep them.
        </p>
      )}
    </>
  );
}
