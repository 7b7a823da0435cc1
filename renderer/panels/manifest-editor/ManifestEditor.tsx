/**
 * The manifest editor: YAML in CodeMirror 6, templates to start from, and "Apply to <flow>". What the simulated
 * API server answered is shown under the editor (kubectl's output, then each error as a button that jumps to its
 * line), and the lines it refused are marked in the text: the answer to the editor's own request, or what the
 * console's `apply -f` did with this same text (handed in by the app as `consoleApply`).
 */
import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { basicSetup } from 'codemirror';
import { EditorView, keymap } from '@codemirror/view';
import { EditorSelection, Prec } from '@codemirror/state';
import { indentWithTab } from '@codemirror/commands';
import { forceLinting } from '@codemirror/lint';
import { yaml } from '@codemirror/lang-yaml';
import type { EngineClient, EngineReply } from '../../bridge/engine-client.ts';
import type { InputError } from '../../../shared/scenario/scenario-types.ts';
import { manifestProblemExtensions, setApplyErrors } from './editor-extensions.ts';
import { DEFAULT_TEMPLATE, MANIFEST_TEMPLATES } from './manifest-templates.ts';
import './manifest-editor.css';
import { useLatest } from '../../state/use-latest.ts';

export interface ManifestEditorProps {
  client: EngineClient;
  flowId: string;
  onBufferChange?(text: string): void;
  initialText?: string;
  /** The last reply to the console's `apply -f`, which applies this editor's text: shown as if Apply had been pressed. */
  consoleApply?: EngineReply<'apply'>;
}

interface ApplyOutcome {
  flow: string;
  ok: boolean;
  output: string;
  errors: readonly InputError[];
}

export function ManifestEditor(props: ManifestEditorProps) {
  const { client, flowId } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | undefined>(undefined);
  const reportBuffer = useLatest(props.onBufferChange);
  const [initialText] = useState(() => props.initialText ?? DEFAULT_TEMPLATE.text);
  const [waitingFor, setWaitingFor] = useState<object | undefined>(undefined);
  const [outcome, setOutcome] = useState<ApplyOutcome | undefined>(undefined);
  const [notice, setNotice] = useState('');
  const resultId = useId();

  const markErrors = (errors: readonly InputError[]) => {
    const view = viewRef.current;
    if (view === undefined) return;
    view.dispatch({ effects: setApplyErrors.of(errors) });
    forceLinting(view);
  };
  const show = (reply: EngineReply<'apply'>) => {
    setOutcome(outcomeOf(reply));
    markErrors(reply.errors);
  };

  const { consoleApply } = props;
  const [shownConsoleApply, setShownConsoleApply] = useState<EngineReply<'apply'> | undefined>(undefined);
  if (consoleApply !== shownConsoleApply) {
    setShownConsoleApply(consoleApply);
    if (consoleApply) setOutcome(outcomeOf(consoleApply));
  }
  const markConsoleApply = useEffectEvent(markErrors);

  const apply = () => {
    const view = viewRef.current;
    if (view === undefined || flowId === '') return;
    const asked = {};
    setWaitingFor(asked);
    const done = () => setWaitingFor((waiting) => (waiting === asked ? undefined : waiting));
    // A refusal of the command itself (the engine failed) is the app's banner; only an answer is shown here.
    client.request({ type: 'apply', flow: flowId, manifest: view.state.doc.toString() }).then((reply) => {
      show(reply);
      done();
    }, done);
  };
  const latestApply = useLatest(apply);

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    const view = new EditorView({
      parent: host,
      doc: initialText,
      extensions: [
        basicSetup,
        // Highest precedence: the default keymap binds Mod-Enter to "insert blank line".
        Prec.highest(
          keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                latestApply()();
                return true;
              },
            },
          ]),
        ),
        keymap.of([indentWithTab]),
        yaml(),
        // Long lines wrap rather than scroll sideways, which a projected screen cannot show.
        EditorView.lineWrapping,
        manifestProblemExtensions(),
        // tabindex makes the (already tabbable) contenteditable count as the scroller's focusable child for axe's
        // scrollable-region-focusable check, without adding a second tab stop.
        EditorView.contentAttributes.of({ 'aria-label': 'Manifest (YAML)', 'aria-describedby': resultId, tabindex: '0' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) reportBuffer()?.(update.state.doc.toString());
        }),
      ],
    });
    viewRef.current = view;
    reportBuffer()?.(initialText);
    return () => {
      view.destroy();
      viewRef.current = undefined;
    };
  }, [initialText, resultId, latestApply, reportBuffer]);

  useEffect(() => {
    if (consoleApply) markConsoleApply(consoleApply.errors);
  }, [consoleApply]);

  const insertTemplate = (text: string, label: string) => {
    const view = viewRef.current;
    if (view === undefined) return;
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: text },
      selection: EditorSelection.cursor(0),
      effects: setApplyErrors.of([]),
      userEvent: 'input.template',
    });
    setNotice(`${label} template in the editor. Ctrl+Z brings back the previous text.`);
    view.focus();
  };

  const goToLine = (line: number) => {
    const view = viewRef.current;
    if (view === undefined) return;
    const target = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
    view.dispatch({ selection: EditorSelection.cursor(target.from), effects: EditorView.scrollIntoView(target.from, { y: 'center' }) });
    view.focus();
  };

  return (
    <section className="manifest-editor" aria-label="Manifest editor" data-testid="manifest-editor">
      <div className="manifest-toolbar">
        <div role="group" aria-label="Templates" className="manifest-templates">
          <span className="manifest-toolbar-label">Templates:</span>
          {MANIFEST_TEMPLATES.map((template) => (
            <button key={template.id} type="button" title={template.description} onClick={() => insertTemplate(template.text, template.label)}>
              {template.label}
            </button>
          ))}
        </div>
        <button type="button" className="primary" onClick={apply} disabled={flowId === ''} aria-keyshortcuts="Control+Enter">
          {flowId === '' ? 'Apply (no cluster)' : `Apply to ${flowId}`}
        </button>
      </div>
      <p className="manifest-hint">Ctrl+Enter applies · Tab indents (Esc, then Tab, leaves the editor)</p>
      <div className="manifest-code" ref={hostRef} />
      <div id={resultId} className="manifest-result" role="status" aria-live="polite" data-testid="manifest-result">
        {notice !== '' && outcome === undefined && waitingFor === undefined && <p className="manifest-notice">{notice}</p>}
        {waitingFor !== undefined && <p>Applying to {flowId}…</p>}
        {waitingFor === undefined && outcome !== undefined && <ApplyResult outcome={outcome} onGoToLine={goToLine} />}
      </div>
    </section>
  );
}

function outcomeOf(reply: EngineReply<'apply'>): ApplyOutcome {
  return { flow: reply.flow, ok: reply.ok, output: reply.output, errors: reply.errors };
}

function ApplyResult({ outcome, onGoToLine }: { outcome: ApplyOutcome; onGoToLine(line: number): void }) {
  return (
    <div className={outcome.ok ? 'apply-ok' : 'apply-failed'}>
      <p className="apply-verdict">
        <strong>{outcome.ok ? 'Applied' : 'Refused'}</strong> on {outcome.flow}
      </p>
      {outcome.output !== '' && <pre className="apply-output">{outcome.output}</pre>}
      {outcome.errors.length > 0 && (
        <ul className="apply-errors">
          {outcome.errors.map((error, index) => (
            <li key={index}>
              {error.line !== undefined && (
                <button type="button" className="line-link" onClick={() => onGoToLine(error.line ?? 1)}>
                  Line {error.line}
                </button>
              )}
              {/* kubectl's output usually quotes the message already; saying it twice only pushes the editor up. */}
              {outcome.output.includes(error.message) ? <span className="apply-error-repeat">(the error above, marked in the editor)</span> : <span>{error.message}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
