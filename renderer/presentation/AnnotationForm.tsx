/**
 * The form that adds or edits one note: its text, its moment or range (typed as the transport's "jump to" takes
 * them), and its flow. Focus goes into the text when it opens; Esc cancels; a field the draft was refused for is
 * marked and described by the problem.
 */
import { useEffect, useId, useRef } from 'react';
import type { FlowSummary } from '../../shared/rpc/engine-protocol.ts';
import type { AnnotationDraft, DraftField } from './annotation-draft.ts';

interface Props {
  /** Undefined for a new note. */
  index: number | undefined;
  draft: AnnotationDraft;
  flows: readonly FlowSummary[];
  problem: { field: DraftField | undefined; error: string } | undefined;
  onDraft(change: (draft: AnnotationDraft) => AnnotationDraft): void;
  onSubmit(): void;
  onCancel(): void;
}

export function AnnotationForm({ index, draft, flows, problem, onDraft, onSubmit, onCancel }: Props) {
  const base = useId();
  const textInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    textInput.current?.focus();
  }, []);
  const field = (name: DraftField) => ({
    id: `${base}-${name}`,
    'aria-invalid': problem?.field === name ? true : undefined,
    'aria-describedby': problem?.field === name ? `${base}-problem` : undefined,
  });
  const set = (name: DraftField) => (e: { target: { value: string } }) => onDraft((old) => ({ ...old, [name]: e.target.value }));
  return (
    <form
      className="annotation-form"
      aria-label={index === undefined ? 'New annotation' : 'Edit annotation'}
      data-testid="annotation-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onCancel();
      }}
    >
      <label htmlFor={`${base}-text`}>Note</label>
      <input ref={textInput} {...field('text')} value={draft.text} onChange={set('text')} maxLength={400} size={36} placeholder="here the kubelet refreshes" data-testid="annotation-text" />
      <label htmlFor={`${base}-from`}>At (or from)</label>
      <input {...field('from')} value={draft.from} onChange={set('from')} size={9} data-testid="annotation-from" />
      <label htmlFor={`${base}-until`}>Until (optional)</label>
      <input {...field('until')} value={draft.until} onChange={set('until')} size={9} data-testid="annotation-until" />
      <label htmlFor={`${base}-flow`}>Flow</label>
      <select {...field('flow')} value={draft.flow} onChange={set('flow')}>
        <option value="">every flow</option>
        {flows.map((f) => (
          <option key={f.id} value={f.id}>
            {f.id}
          </option>
        ))}
      </select>
      <button type="submit" className="primary" data-testid="annotation-submit">
        {index === undefined ? 'Add note' : 'Save note'}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel <kbd>Esc</kbd>
      </button>
      {problem && (
        <p id={`${base}-problem`} className="input-error" role="alert">
          {problem.error}
        </p>
      )}
    </form>
  );
}
