/**
 * "Jump to" a typed time (`47m`, `2h30m`, `1:30:00`). A time past the end of the run goes to the end and says so,
 * since a playhead that silently stops short of what was typed reads as a bug.
 */
import { useState } from 'react';
import type { EngineClient } from '../bridge/engine-client.ts';
import { formatSpan } from '../format/format-time.ts';
import { parseTimeInput } from '../format/parse-time-input.ts';

interface Props {
  client: EngineClient;
  durationMs: number;
  disabled: boolean;
  /** Changes when another scenario is loaded: a complaint about a time typed for the last one no longer applies. */
  scenarioKey: unknown;
}

type Feedback = { kind: 'error' | 'clamped'; text: string } | undefined;

export function JumpToField({ client, durationMs, disabled, scenarioKey }: Props) {
  const [text, setText] = useState('');
  const [feedback, setFeedback] = useState<Feedback>();
  const [feedbackOf, setFeedbackOf] = useState(scenarioKey);
  if (feedbackOf !== scenarioKey) {
    setFeedbackOf(scenarioKey);
    setFeedback(undefined);
  }

  const submit = () => {
    const parsed = parseTimeInput(text);
    if (!parsed.ok) return setFeedback({ kind: 'error', text: parsed.error });
    const pastEnd = parsed.ms > durationMs;
    setFeedback(pastEnd ? { kind: 'clamped', text: `The run ends at ${formatSpan(durationMs)}: the playhead went there.` } : undefined);
    client.send({ type: 'seek', simMs: Math.min(parsed.ms, durationMs) });
  };

  return (
    <form
      className="jump"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label>
        <span className="visually-hidden">Jump to time</span>
        <input
          data-testid="jump-to"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setFeedback(undefined);
          }}
          // The note about the end has been read once the user moves on; a complaint stays until the text is fixed.
          onBlur={() => feedback?.kind === 'clamped' && setFeedback(undefined)}
          placeholder="jump: 47m, 2d"
          size={9}
          aria-invalid={feedback?.kind === 'error'}
          aria-describedby={feedback ? 'jump-feedback' : undefined}
          disabled={disabled}
        />
      </label>
      {feedback && (
        <span id="jump-feedback" role={feedback.kind === 'error' ? 'alert' : 'status'} className={feedback.kind === 'error' ? 'input-error' : 'input-note'} data-testid="jump-feedback">
          {feedback.text}
        </span>
      )}
    </form>
  );
}
