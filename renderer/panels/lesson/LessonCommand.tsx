/** The step's suggested kubectl line, on the flow it is meant for, with "Run it for me" and what that run printed. */
import type { LessonStep } from './lesson-model.ts';
import type { RunOutput } from './use-lesson-run.ts';

interface Props {
  command: NonNullable<LessonStep['command']>;
  flowLabel: string;
  /** The step's scenario is loaded: until then there is nothing to run the line on. */
  loaded: boolean;
  run: RunOutput | undefined;
  onRun(): void;
}

export function LessonCommand({ command, flowLabel, loaded, run, onRun }: Props) {
  return (
    <div className="lesson-command">
      <p>
        <span className="lesson-label">Try</span> <code className="lesson-command-line">$ kubectl {command.line}</code> <span className="lesson-flow">on {flowLabel}</span>
      </p>
      <button type="button" data-testid="lesson-run" onClick={onRun} disabled={!loaded}>
        Run it for me
      </button>
      {run && (
        <pre className="lesson-output" data-testid="lesson-run-output" aria-live="polite">
          {run.exitCode === undefined ? 'Running…' : (run.stdout ?? '') + (run.stderr ?? '')}
        </pre>
      )}
    </div>
  );
}
