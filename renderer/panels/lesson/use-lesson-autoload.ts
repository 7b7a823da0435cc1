/**
 * Entering a step brings the engine to it (its scenario, its moment, a scene of its run-sheet). Until the step's
 * scenario has been seen loaded, a different one arriving (the app's own start-up load racing ours) is answered by
 * loading ours again, once per intruder.
 */
import { useEffect, useEffectEvent, useRef } from 'react';
import type { EngineCommand } from '../../../shared/rpc/engine-protocol.ts';
import type { TimelineSnapshot } from '../../state/timeline-store.ts';
import { entryCommands, isStepScenarioLoaded, loadCommands, scenarioSourceName, type Lesson, type LessonStep } from './lesson-model.ts';

interface LessonAutoloadInput {
  lesson: Lesson;
  step: LessonStep;
  snapshot: TimelineSnapshot;
  /** The step's scenario is loaded. */
  loaded: boolean;
  send(commands: EngineCommand[]): void;
  onOpenScene?(sourceName: string, index: number): void;
}

export function useLessonAutoload({ lesson, step, snapshot, loaded, send, onOpenScene }: LessonAutoloadInput): void {
  const autoload = useRef<{ stepId: string; seenOurs: boolean; answered: Set<string> }>({ stepId: '', seenOurs: false, answered: new Set() });
  // Only a change of step is an entry (it reads the snapshot as it is then); snapshot changes are handled below.
  const enterStep = useEffectEvent(() => {
    send(entryCommands(lesson, step, snapshot));
    if (step.sceneIndex !== undefined && step.activeScenario !== undefined) onOpenScene?.(scenarioSourceName(lesson, step.activeScenario), step.sceneIndex);
    const present = snapshot.scenario?.sourceName;
    autoload.current = { stepId: step.id, seenOurs: isStepScenarioLoaded(lesson, step, snapshot), answered: new Set(present === undefined ? [] : [present]) };
  });
  useEffect(() => enterStep(), [step.id]);
  const loadedSource = snapshot.scenario?.sourceName;
  const answerIntruder = useEffectEvent((source: string | undefined) => {
    const state = autoload.current;
    if (state.stepId !== step.id || state.seenOurs || step.activeScenario === undefined || source === undefined) return;
    if (loaded) {
      state.seenOurs = true;
      return;
    }
    if (source === scenarioSourceName(lesson, step.activeScenario) || state.answered.has(source)) return;
    state.answered.add(source);
    send(loadCommands(lesson, step));
  });
  useEffect(() => answerIntruder(loadedSource), [loadedSource, step.id]);
}
