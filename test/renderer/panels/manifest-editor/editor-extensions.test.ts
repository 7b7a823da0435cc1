// @vitest-environment jsdom
/**
 * Apply errors in the editor state: set by an effect, they follow their line as text is inserted above it, go away
 * once their own line is edited, and are cleared by the next apply; diagnostics join them with the parser's
 * complaints, without showing the same problem twice.
 */
import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { applyErrorsField, manifestDiagnostics, setApplyErrors } from '../../../../renderer/panels/manifest-editor/editor-extensions.ts';

const TEXT = 'apiVersion: v1\nkind: Pod\nspec:\n  expirationSeconds: 300\n';

function stateWithError(text = TEXT) {
  const state = EditorState.create({ doc: text, extensions: [applyErrorsField] });
  return state.update({ effects: setApplyErrors.of([{ message: 'too short', line: 4, column: 22 }]) }).state;
}

describe('applyErrorsField', () => {
  it('places an apply error on its line', () => {
    const state = stateWithError();
    const [problem] = state.field(applyErrorsField);
    expect(state.sliceDoc(problem?.from, problem?.to)).toBe('300');
    expect(problem?.line).toBe(4);
  });

  it('follows its line when lines are inserted above', () => {
    const state = stateWithError().update({ changes: { from: 0, insert: '# comment\n# another\n' } }).state;
    const [problem] = state.field(applyErrorsField);
    expect(problem?.line).toBe(6);
    expect(state.sliceDoc(problem?.from, problem?.to)).toBe('300');
  });

  it('goes away when its own line is edited', () => {
    const before = stateWithError();
    const at = before.doc.line(4).to - 1;
    const state = before.update({ changes: { from: at, to: at + 1, insert: '0' } }).state;
    expect(state.field(applyErrorsField)).toEqual([]);
  });

  it('is replaced by the errors of the next apply', () => {
    const state = stateWithError().update({ effects: setApplyErrors.of([]) }).state;
    expect(state.field(applyErrorsField)).toEqual([]);
  });
});

describe('manifestDiagnostics', () => {
  it('reports the apply errors and the YAML syntax errors together', () => {
    const broken = `${TEXT}metadata:\n  name: [x\n`;
    const diagnostics = manifestDiagnostics(stateWithError(broken));
    expect(diagnostics.map((d) => [d.source, d.severity])).toEqual([
      ['apply', 'error'],
      ['YAML', 'error'],
    ]);
  });

  it('shows a syntax error the apply also reported only once', () => {
    const broken = 'kind: [\n';
    const base = EditorState.create({ doc: broken, extensions: [applyErrorsField] });
    const local = manifestDiagnostics(base);
    expect(local).toHaveLength(1);
    const fromServer = { message: local[0]?.message ?? '', line: 2, column: 1 };
    const state = base.update({ effects: setApplyErrors.of([fromServer]) }).state;
    expect(manifestDiagnostics(state)).toHaveLength(1);
  });
});
