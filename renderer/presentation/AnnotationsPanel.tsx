/**
 * An instructor's notes on the timeline: the list (each note jumps the playhead to its moment, and can be edited or
 * deleted from the keyboard: E edits, Delete removes), and a small form to add one at the playhead, over the visible
 * window, or over a typed from–to range. A change goes through the scenario's edit history (so Ctrl/⌘ + Z takes it
 * back) to the engine, which rewrites the scenario's text (only its `annotations:` block; comments and the rest stay
 * as written) and answers with the new scenario, which the store takes and the timeline redraws; a note the scenario
 * format refuses is reported in the form and nothing changes. A deleted note can be brought back from the line that
 * says it went.
 *
 * Loaded on first use (it checks a note as the scenario format does, with the scenario reader and its YAML library).
 */
import { useEffect, useEffectEvent, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ScenarioAnnotation } from '../../shared/scenario/scenario-types.ts';
import type { LoadedScenario } from '../../shared/rpc/engine-protocol.ts';
import type { ScenarioEdits } from '../state/scenario-edits.ts';
import { AnnotationForm } from './AnnotationForm.tsx';
import { describeWhen, draftAtPlayhead, draftOf, draftOverWindow, readDraft, type AnnotationDraft, type DraftField } from './annotation-draft.ts';

/** Asks the panel to open its form; a new `id` opens it again. */
export interface AnnotationRequest {
  id: number;
  kind: 'playhead' | 'window';
}

interface Props {
  scenario: LoadedScenario;
  edits: Pick<ScenarioEdits, 'change'>;
  /** Takes back the last edit (the app's Undo, also Ctrl/⌘ + Z). */
  onUndo(): void;
  nowMs: number;
  view: { startMs: number; endMs: number };
  request: AnnotationRequest | undefined;
  /** Presentation mode: no heading or add buttons (A and Shift+A add), and nothing at all while there are no notes. */
  compact?: boolean;
  onSeek(ms: number): void;
}

type Editing = { index: number | undefined; draft: AnnotationDraft };

export function AnnotationsPanel({ scenario, edits, onUndo, nowMs, view, request, compact = false, onSeek }: Props) {
  const base = useId();
  const annotations = scenario.annotations;
  const flowIds = scenario.flows.map((f) => f.id);
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const [problem, setProblem] = useState<{ field: DraftField | undefined; error: string } | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [deleted, setDeleted] = useState<ScenarioAnnotation | undefined>();
  const returnFocus = useRef<HTMLElement | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const open = (index: number | undefined, draft: AnnotationDraft) => {
    returnFocus.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    setProblem(undefined);
    setEditing({ index, draft });
  };
  const close = () => {
    setEditing(undefined);
    setProblem(undefined);
    const back = returnFocus.current?.isConnected ? returnFocus.current : addButton.current;
    queueMicrotask(() => back?.focus());
  };

  const handled = useRef<number | undefined>(undefined);
  // Only a new request opens the form (at the playhead or the window as they are then); the playhead moving on while
  // it is open must not reset what is typed.
  const openRequested = useEffectEvent((asked: AnnotationRequest) => {
    if (handled.current === asked.id) return;
    handled.current = asked.id;
    open(undefined, asked.kind === 'playhead' ? draftAtPlayhead(nowMs) : draftOverWindow(view, scenario.durationMs));
  });
  useEffect(() => {
    if (request) openRequested(request);
  }, [request]);

  const submit = async () => {
    if (!editing) return;
    const read = readDraft(editing.draft, scenario.durationMs, flowIds);
    if (!read.ok) {
      setProblem({ field: read.field, error: read.error });
      return;
    }
    const next = editing.index === undefined ? [...annotations, read.annotation] : annotations.map((a, i) => (i === editing.index ? read.annotation : a));
    const error = await edits.change(scenario, { kind: 'annotations', annotations: next }, `${editing.index === undefined ? 'adding' : 'changing'} the note at ${describeWhen(read.annotation)}`);
    if (error) {
      setProblem({ field: undefined, error });
      return;
    }
    setStatus(editing.index === undefined ? `Added the note at ${describeWhen(read.annotation)}` : `Changed the note at ${describeWhen(read.annotation)}`);
    setDeleted(undefined);
    close();
  };

  const remove = async (index: number) => {
    const gone = annotations[index];
    if (!gone) return;
    const error = await edits.change(scenario, { kind: 'annotations', annotations: annotations.filter((_, i) => i !== index) }, `deleting the note at ${describeWhen(gone)}`);
    if (error) {
      setStatus(`Could not delete the note: ${error}`);
      return;
    }
    setStatus(`Deleted the note at ${describeWhen(gone)}. Ctrl/⌘ + Z brings it back.`);
    setDeleted(gone);
    // Focus stays in the list: the note that took its place, or the one before, or the add button.
    queueMicrotask(() => {
      const items = list.current?.querySelectorAll<HTMLButtonElement>('[data-role="jump"]');
      const target = items?.[Math.min(index, (items?.length ?? 0) - 1)] ?? addButton.current;
      target?.focus();
    });
  };

  const onItemKey = (index: number) => (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Delete' || e.key === 'Backspace') void remove(index);
    else if (e.key === 'e' || e.key === 'E') open(index, draftOf(annotations[index]!));
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const statusLine = (
    <p className="visually-hidden" role="status">
      {status}
    </p>
  );
  if (compact && !editing && annotations.length === 0 && !deleted) return statusLine;
  return (
    <section className={compact ? 'annotations compact' : 'annotations'} aria-labelledby={`${base}-title`} data-testid="annotations">
      <div className="annotations-head" hidden={compact}>
        <h2 id={`${base}-title`}>Notes</h2>
        <button type="button" ref={addButton} onClick={() => open(undefined, draftAtPlayhead(nowMs))} data-testid="annotate-playhead">
          Add at playhead <kbd>A</kbd>
        </button>
        <button type="button" onClick={() => open(undefined, draftOverWindow(view, scenario.durationMs))}>
          Add over visible window <kbd>Shift + A</kbd>
        </button>
      </div>
      {editing && (
        <AnnotationForm
          index={editing.index}
          draft={editing.draft}
          flows={scenario.flows}
          problem={problem}
          onDraft={(change) => setEditing((old) => (old ? { ...old, draft: change(old.draft) } : old))}
          onSubmit={() => void submit()}
          onCancel={close}
        />
      )}
      {annotations.length === 0 ? (
        <p className="annotations-empty">No notes yet. Add one here, or press A in presentation mode to pin one to the playhead.</p>
      ) : (
        <ul ref={list} className="annotation-list" aria-label="Notes (E edits, Delete removes)" data-testid="annotation-list">
          {annotations.map((a, i) => (
            <li key={`${a.atMs}:${a.untilMs ?? ''}:${a.flow ?? ''}:${a.text}`} onKeyDown={onItemKey(i)} data-testid="annotation-item">
              <button type="button" data-role="jump" className="annotation-jump" onClick={() => onSeek(a.atMs)} aria-label={`${describeWhen(a)}${a.flow ? `, ${a.flow}` : ''}: ${a.text}. Jump there.`}>
                <span className="annotation-when">{describeWhen(a)}</span>
                {a.flow && <span className="annotation-flow"> · {a.flow}</span>}
                <span className="annotation-text"> · {a.text}</span>
              </button>
              <button type="button" onClick={() => open(i, draftOf(a))} aria-label={`Edit the note at ${describeWhen(a)}`}>
                Edit
              </button>
              <button type="button" onClick={() => void remove(i)} aria-label={`Delete the note at ${describeWhen(a)}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      {deleted && !annotations.some((a) => a.atMs === deleted.atMs && a.text === deleted.text) && (
        <p className="annotation-deleted" data-testid="note-deleted">
          Deleted “{deleted.text}”.{' '}
          <button
            type="button"
            data-testid="note-undo"
            onClick={() => {
              setDeleted(undefined);
              onUndo();
            }}
          >
            Undo <kbd>Ctrl/⌘ + Z</kbd>
          </button>
        </p>
      )}
      {statusLine}
    </section>
  );
}
