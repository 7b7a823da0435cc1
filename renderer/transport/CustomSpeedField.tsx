/** A typed speed (simulated seconds per wall second) for when none of the presets fits, with what is wrong with it. */
import { useState } from 'react';
import type { EngineClient } from '../bridge/engine-client.ts';
import { parseSpeedInput } from '../format/parse-speed-input.ts';

interface Props {
  client: EngineClient;
  disabled: boolean;
}

export function CustomSpeedField({ client, disabled }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = () => {
    const parsed = parseSpeedInput(text);
    if (!parsed.ok) return setError(parsed.error);
    setError(undefined);
    client.send({ type: 'set-speed', speed: parsed.speed });
  };

  return (
    <form
      className="custom-speed"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label>
        <span className="visually-hidden">Custom speed (simulated seconds per second)</span>
        <input
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError(undefined);
          }}
          placeholder="custom ×"
          size={7}
          inputMode="decimal"
          data-testid="custom-speed"
          aria-invalid={error !== undefined}
          aria-describedby={error ? 'speed-error' : undefined}
          disabled={disabled}
        />
      </label>
      {error && (
        <span id="speed-error" role="alert" className="input-error" data-testid="speed-error">
          {error}
        </span>
      )}
    </form>
  );
}
