/**
 * The guided lesson beside the timelines: one step at a time, with its text, the scenario it runs in, a suggested
 * kubectl line ("Run it for me"), the outcome it waits for, hints drawn from the simulation's state, and its quiz.
 * It watches the simulation only through the timeline snapshot and drives it only through the EngineClient, and it
 * remembers where the learner is through the host (see progress-store.ts): until the saved place has arrived it shows
 * only that it is loading, so the learner never sees the first step flash by before their own.
 */
import { useEffect, useMemo, useState } from 'react';
import type { EngineClient } from '../../bridge/engine-client.ts';
import type { TimelineSnapshot } from '../../state/timeline-store.ts';
import { loadBundledLesson } from './bundled-lessons.ts';
import type { Lesson } from './lesson-model.ts';
import { loadResumeProgress, type ProgressHost, type ResumePoint } from './progress-store.ts';
import { LessonView } from './LessonView.tsx';
import './lesson.css';

export interface LessonPanelProps {
  snapshot: TimelineSnapshot;
  client: EngineClient;
  /** Where progress is loaded from and saved to: the app's HostServices. */
  host: ProgressHost;
  /** Opens the scenario loaded as `sourceName` at a scene of its run-sheet (the window and spotlight are the app's). */
  onOpenScene?(sourceName: string, index: number): void;
}

export function LessonPanel({ snapshot, client, host, onOpenScene }: LessonPanelProps) {
  const parsed = useMemo(() => loadBundledLesson(), []);
  if (!parsed.ok) {
    return (
      <section className="lesson-panel" data-testid="lesson-panel" aria-label="Lesson">
        <h2 data-testid="lesson-step-title">The lesson could not be loaded</h2>
        <ul className="lesson-errors">
          {parsed.errors.map((e, i) => (
            <li key={i}>{e.message}</li>
          ))}
        </ul>
      </section>
    );
  }
  return <LessonLoader lesson={parsed.value} snapshot={snapshot} client={client} host={host} onOpenScene={onOpenScene} />;
}

function LessonLoader({ lesson, snapshot, client, host, onOpenScene }: { lesson: Lesson } & LessonPanelProps) {
  const [loaded, setLoaded] = useState<{ host: ProgressHost; resume: ResumePoint } | undefined>();
  useEffect(() => {
    let current = true;
    void loadResumeProgress(host, lesson).then((resume) => {
      if (current) setLoaded({ host, resume });
    });
    return () => {
      current = false;
    };
  }, [host, lesson]);
  if (!loaded || loaded.host !== host) {
    return (
      <section className="lesson-panel" data-testid="lesson-panel" aria-label="Lesson" aria-busy="true">
        <p className="lesson-name">{lesson.title}</p>
        <p data-testid="lesson-loading">Finding your place in the lesson…</p>
      </section>
    );
  }
  return <LessonView lesson={lesson} snapshot={snapshot} client={client} host={host} onOpenScene={onOpenScene} resume={loaded.resume} />;
}
