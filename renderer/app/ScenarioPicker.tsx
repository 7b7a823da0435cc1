/**
 * Choose a built-in scenario, or open a file (the app's file opener: a scenario, or an image TokenScope exported, as
 * dropping it does). A file that does not parse is reported with line and column. Replacing a scenario with unsaved
 * notes asks first.
 */
import type { EngineClient } from '../bridge/engine-client.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import { BUILTIN_SCENARIOS } from '../content/builtin-scenarios.ts';

interface Props {
  snapshot: TimelineSnapshot;
  client: EngineClient;
  /** Shows the file picker (see use-file-opener.tsx). */
  onOpen(): void;
  confirmReplace(what: string): Promise<boolean>;
}

export function ScenarioPicker({ snapshot, client, onOpen, confirmReplace }: Props) {
  const current = BUILTIN_SCENARIOS.find((s) => `builtin:${s.id}` === snapshot.scenario?.sourceName);
  return (
    <div className="scenario-picker">
      <label>
        <span className="visually-hidden">Scenario</span>
        <select
          title={snapshot.scenario ? `Scenario: ${snapshot.scenario.title}` : 'Scenario'}
          data-testid="scenario-select"
          value={current ? current.id : 'file'}
          onChange={(e) => {
            const chosen = BUILTIN_SCENARIOS.find((s) => s.id === e.target.value);
            if (!chosen) return;
            void confirmReplace(`Loading “${chosen.title}”`).then((go) => {
              if (go) client.send({ type: 'load', scenarioText: chosen.text, sourceName: `builtin:${chosen.id}` });
            });
          }}
        >
          {BUILTIN_SCENARIOS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
          {!current && <option value="file">{snapshot.scenario ? `File: ${snapshot.scenario.sourceName}` : 'Loading…'}</option>}
        </select>
      </label>
      <button type="button" onClick={onOpen} data-testid="open-file" title="Open a scenario, or a PNG or SVG TokenScope exported (Ctrl/⌘ + O)">
        Open…
      </button>
      {snapshot.loadErrors && (
        <div className="load-errors" role="alert" data-testid="load-errors">
          <strong>{snapshot.loadErrors.sourceName} could not be loaded; the current scenario is unchanged.</strong>
          <ul>
            {snapshot.loadErrors.errors.slice(0, 8).map((err, i) => (
              <li key={i}>
                {err.line !== undefined ? `line ${err.line}${err.column !== undefined ? `, column ${err.column}` : ''}: ` : ''}
                {err.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
