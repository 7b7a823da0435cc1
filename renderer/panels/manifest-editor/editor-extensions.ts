/**
 * The CodeMirror pieces of the manifest editor. Problems are CodeMirror lint diagnostics (underlined, a marker in
 * the gutter, the message on hover, F8 to step through them), and every line holding one also gets a tinted
 * background and a thick left bar, which can be seen from the back of a room. Apply errors stay on their line as
 * the text around them is edited, and go away once that line is edited, since the fix is then the learner's to test.
 */
import { RangeSetBuilder, StateEffect, StateField, type Extension, type EditorState } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { forEachDiagnostic, linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import type { InputError } from '../../../shared/scenario/scenario-types.ts';
import { problemRange, yamlSyntaxProblems, type ProblemRange } from './manifest-problems.ts';

/** Replaces the apply errors shown in the editor (an empty list clears them). */
export const setApplyErrors = StateEffect.define<readonly InputError[]>();

export const applyErrorsField = StateField.define<readonly ProblemRange[]>({
  create: () => [],
  update(problems, tr) {
    let next = problems;
    if (tr.docChanged) {
      next = next
        .filter((p) => !tr.changes.touchesRange(p.lineFrom, p.lineTo))
        .map((p) => ({
          ...p,
          from: tr.changes.mapPos(p.from),
          to: tr.changes.mapPos(p.to, 1),
          lineFrom: tr.changes.mapPos(p.lineFrom),
          lineTo: tr.changes.mapPos(p.lineTo, 1),
          line: tr.state.doc.lineAt(tr.changes.mapPos(p.lineFrom)).number,
        }));
    }
    for (const effect of tr.effects) {
      if (effect.is(setApplyErrors)) {
        next = effect.value.flatMap((error) => problemRange(tr.state.doc, error) ?? []);
      }
    }
    return next;
  },
});

/** Everything wrong with the text now: what the server said at the last apply, then the parser's complaints. */
export function manifestDiagnostics(state: EditorState): Diagnostic[] {
  const applied = state.field(applyErrorsField, false) ?? [];
  const diagnostics: Diagnostic[] = applied.map((p) => ({ from: p.from, to: p.to, severity: 'error', message: p.message, source: 'apply' }));
  const seen = new Set(diagnostics.map((d) => `${d.from}:${d.message}`));
  for (const error of yamlSyntaxProblems(state.doc.toString())) {
    const range = problemRange(state.doc, error);
    if (range === undefined || seen.has(`${range.from}:${range.message}`)) continue;
    diagnostics.push({ from: range.from, to: range.to, severity: 'error', message: range.message, source: 'YAML' });
  }
  return diagnostics;
}

const problemLine = Decoration.line({ class: 'cm-problem-line' });

function problemLines(state: EditorState): DecorationSet {
  const starts = new Set<number>();
  forEachDiagnostic(state, (_diagnostic, from) => {
    starts.add(state.doc.lineAt(from).from);
  });
  const builder = new RangeSetBuilder<Decoration>();
  for (const start of [...starts].sort((a, b) => a - b)) builder.add(start, start, problemLine);
  return builder.finish();
}

const problemLineHighlighter = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = problemLines(view.state);
    }
    update(update: ViewUpdate) {
      this.decorations = problemLines(update.state);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/** The editor's look: large type, and problem lines that do not rely on colour (bar, wavy underline, gutter icon). */
const editorTheme = EditorView.theme({
  // 16 px (larger than most editors' 14) so that fifteen lines of a manifest fit a laptop's bottom panel.
  '&': { fontSize: '16px', backgroundColor: '#ffffff', color: '#111111', height: '100%' },
  '.cm-scroller': { fontFamily: "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace", lineHeight: '1.4' },
  '.cm-gutters': { backgroundColor: '#f3f4f6', color: '#374151', borderRight: '1px solid #9ca3af' },
  '.cm-activeLineGutter': { backgroundColor: '#e5e7eb', color: '#111111' },
  '.cm-problem-line': { backgroundColor: '#ffe2cf', boxShadow: 'inset 5px 0 0 #b5400d' },
  '.cm-lintRange-error': { backgroundSize: '8px 4px' },
  '.cm-tooltip-lint': { fontSize: '17px' },
  '&.cm-focused': { outline: '3px solid #d55e00', outlineOffset: '2px' },
});

/** Re-lint at once when new apply errors arrive, not only after the next keystroke. */
function appliedErrorsChanged(update: ViewUpdate): boolean {
  return update.transactions.some((tr) => tr.effects.some((effect) => effect.is(setApplyErrors)));
}

export function manifestProblemExtensions(): Extension[] {
  return [
    applyErrorsField,
    linter((view) => manifestDiagnostics(view.state), { delay: 400, needsRefresh: appliedErrorsChanged }),
    lintGutter(),
    problemLineHighlighter,
    editorTheme,
  ];
}
