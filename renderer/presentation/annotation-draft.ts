/**
 * The annotation form's model: what the fields hold (text as typed) and how they become a ScenarioAnnotation, with
 * a message naming the field when they do not. Times are typed as the transport's "jump to" takes them (47m,
 * 1h30m, 1:30:00) and shown in the scenario file's own notation, so what the form shows is what the file will say.
 */
import { MAX_ANNOTATION_CHARS, noteLength } from '../../shared/scenario/parse-scenario.ts';
import type { ScenarioAnnotation } from '../../shared/scenario/scenario-types.ts';
import { formatScenarioDuration } from '../../shared/time/duration.ts';
import { formatSpan } from '../format/format-time.ts';
import { parseTimeInput } from '../format/parse-time-input.ts';

export interface AnnotationDraft {
  text: string;
  from: string;
  /** Empty for a single moment. */
  until: string;
  /** A flow id, or '' for every flow. */
  flow: string;
}

export type DraftField = keyof AnnotationDraft;

export type DraftResult = { ok: true; annotation: ScenarioAnnotation } | { ok: false; field: DraftField; error: string };

/** Whole seconds read better in a file and on a label than the playhead's milliseconds. */
const toSecond = (ms: number) => Math.max(0, Math.round(ms / 1000) * 1000);

export function draftAtPlayhead(nowMs: number): AnnotationDraft {
  return { text: '', from: formatScenarioDuration(toSecond(nowMs)), until: '', flow: '' };
}

/** A range over what is on screen: the visible window, kept inside the run. */
export function draftOverWindow(view: { startMs: number; endMs: number }, durationMs: number): AnnotationDraft {
  const from = toSecond(Math.max(0, view.startMs));
  const until = toSecond(Math.min(durationMs, view.endMs));
  return { text: '', from: formatScenarioDuration(from), until: until > from ? formatScenarioDuration(until) : '', flow: '' };
}

export function draftOf(annotation: ScenarioAnnotation): AnnotationDraft {
  return {
    text: annotation.text,
    from: formatScenarioDuration(annotation.atMs),
    until: annotation.untilMs === undefined ? '' : formatScenarioDuration(annotation.untilMs),
    flow: annotation.flow ?? '',
  };
}

export function readDraft(draft: AnnotationDraft, durationMs: number, flowIds: readonly string[]): DraftResult {
  const text = draft.text.trim();
  if (text === '') return { ok: false, field: 'text', error: 'Type the note to show on the timeline' };
  if (noteLength(text) > MAX_ANNOTATION_CHARS) return { ok: false, field: 'text', error: `The note is ${noteLength(text)} characters; keep it to ${MAX_ANNOTATION_CHARS} so it fits on the figure` };
  const from = parseTimeInput(draft.from);
  if (!from.ok) return { ok: false, field: 'from', error: from.error };
  if (from.ms > durationMs) return { ok: false, field: 'from', error: `${formatSpan(from.ms)} is after the end of the run (${formatSpan(durationMs)})` };
  const annotation: ScenarioAnnotation = { atMs: from.ms, text };
  if (draft.until.trim() !== '') {
    const until = parseTimeInput(draft.until);
    if (!until.ok) return { ok: false, field: 'until', error: until.error };
    if (until.ms <= from.ms) return { ok: false, field: 'until', error: 'The end of the range must come after its start' };
    if (until.ms > durationMs) return { ok: false, field: 'until', error: `${formatSpan(until.ms)} is after the end of the run (${formatSpan(durationMs)})` };
    annotation.untilMs = until.ms;
  }
  if (draft.flow !== '') {
    if (!flowIds.includes(draft.flow)) return { ok: false, field: 'flow', error: `There is no flow "${draft.flow}" in this scenario` };
    annotation.flow = draft.flow;
  }
  return { ok: true, annotation };
}

/** "48 m 7 s" or "1 h 0 m 0 s – 2 h 0 m 0 s", for the list. */
export function describeWhen(annotation: ScenarioAnnotation): string {
  return annotation.untilMs === undefined ? formatSpan(annotation.atMs) : `${formatSpan(annotation.atMs)} – ${formatSpan(annotation.untilMs)}`;
}
