/** What the step waits for, each ticked once it has happened (or once the step was completed before). */
import type { StepView } from './lesson-model.ts';

export function LessonOutcomes({ outcomes, completed }: { outcomes: StepView['outcomes']; completed: boolean }) {
  return (
    <ul className="lesson-outcomes" aria-label="What this step waits for" aria-live="polite">
      {outcomes.map((o, i) => {
        const met = o.met || completed;
        return (
          <li key={i} className={met ? 'met' : 'waiting'}>
            <span aria-hidden="true">{met ? '✓' : '○'}</span> <span className="visually-hidden">{met ? 'Done:' : 'Waiting for:'}</span> {o.description}
          </li>
        );
      })}
    </ul>
  );
}
