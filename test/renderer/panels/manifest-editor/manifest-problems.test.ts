/**
 * Where problems land in the editor: the YAML parser's errors with their lines, and the range an error marks (from
 * its column, or the first non-blank character, to the end of the line; clamped when the text has shrunk).
 */
import { describe, expect, it } from 'vitest';
import { Text } from '@codemirror/state';
import { LIVE_CHECK_MAX_CHARS, problemRange, yamlSyntaxProblems } from '../../../../renderer/panels/manifest-editor/manifest-problems.ts';

const doc = Text.of(['apiVersion: v1', 'kind: Pod', 'spec:', '  serviceAccountName: my-app']);

describe('yamlSyntaxProblems', () => {
  it('finds nothing wrong in well-formed YAML, whatever its content', () => {
    expect(yamlSyntaxProblems('kind: NotAKind\nspec: 5\n')).toEqual([]);
  });

  it('reports an unclosed flow sequence with its line', () => {
    const [problem, ...rest] = yamlSyntaxProblems('apiVersion: v1\nkind: Pod\nmetadata:\n  name: [broken\n');
    expect(rest).toEqual([]);
    expect(problem?.message).toMatch(/^YAML syntax: /);
    expect(problem?.line).toBeGreaterThanOrEqual(4);
  });

  it('reports a key given twice in one mapping', () => {
    const problems = yamlSyntaxProblems('metadata:\n  name: a\n  name: b\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, message: expect.stringContaining('appears twice') });
  });

  it('reports a bad indentation on its line', () => {
    const problems = yamlSyntaxProblems('spec:\n  containers:\n    - name: app\n   image: nginx\n');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.line).toBe(4);
  });

  it('leaves very large texts to the apply instead of checking them at every keystroke', () => {
    expect(yamlSyntaxProblems(`a: [${' '.repeat(LIVE_CHECK_MAX_CHARS)}`)).toEqual([]);
  });
});

describe('problemRange', () => {
  it('marks from the given column to the end of the line', () => {
    const line = doc.line(4);
    expect(problemRange(doc, { message: 'm', line: 4, column: 23 })).toEqual({ line: 4, from: line.from + 22, to: line.to, lineFrom: line.from, lineTo: line.to, message: 'm' });
  });

  it('marks from the first non-blank character when there is no column', () => {
    expect(problemRange(doc, { message: 'm', line: 4 })?.from).toBe(doc.line(4).from + 2);
  });

  it('clamps a line past the end, and a column past the end of its line', () => {
    const last = doc.line(4);
    expect(problemRange(doc, { message: 'm', line: 40, column: 999 })).toMatchObject({ line: 4, from: last.to, to: last.to });
  });

  it('marks nothing for an error without a line', () => {
    expect(problemRange(doc, { message: 'flow "x" does not exist' })).toBeUndefined();
  });
});
