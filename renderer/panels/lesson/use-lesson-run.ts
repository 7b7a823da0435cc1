/**
 * "Run it for me": the step's suggested kubectl line sent as the learner's own, and its output once the engine
 * answers that request; a later run replaces what an earlier one would have shown.
 */
import { useState } from 'react';
import type { EngineClient } from '../../bridge/engine-client.ts';
import type { LessonStep } from './lesson-model.ts';

export interface RunOutput {
  stepId: string;
  stdout?: string;
  stderr?: string;
  exitCode?: number;
}

export function useLessonRun(client: EngineClient, step: LessonStep) {
  const [run, setRun] = useState<RunOutput | undefined>();
  const runCommand = () => {
    if (!step.command) return;
    const started: RunOutput = { stepId: step.id };
    setRun(started);
    client.request({ type: 'kubectl', flow: step.command.flow, line: step.command.line }).then(
      // Only the run still shown takes its output: a later run replaced it.
      (reply) => setRun((current) => (current === started ? { ...current, stdout: reply.stdout, stderr: reply.stderr, exitCode: reply.exitCode } : current)),
      // A refused run is reported by the app's error line, as every failed command is.
      () => undefined,
    );
  };
  // The output shown belongs to the step on show.
  return { run: run?.stepId === step.id ? run : undefined, runCommand };
}
