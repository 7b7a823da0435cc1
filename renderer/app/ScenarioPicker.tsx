/** Choose a built-in scenario or open a YAML file; a file that does not parse is reported with line and column. */
import { useRef } from 'react';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import { BUILTIN_SCENARIOS } from './builtin-scenarios.ts';

interface Props {
  snapshot: TimelineSnapshot;
  client: EngineClient;
}

export function ScenarioPicker({ snapshot, client }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
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
            if (chosen) client.send({ type: 'load', scenarioText: chosen.text, sourceName: `builtin:${chosen.id}` });
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
      <button type="button" onClick={() => fileInput.current?.click()} title="Open a scenario file (Ctrl+O)">
        Open…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".yaml,.yml,text/yaml"
        hidden
        data-testid="scenario-file"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          client.send({ type: 'load', scenarioText: await file.text(), sourceName: file.name });
          e.target.value = '';
        }}
      />
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
