/**
 * What the YAML layer shared by scenarios, lessons and manifests says about mistakes in the text itself: a duplicate
 * key is named, with where it first appears; a tab indenting a line inside a block (an embedded manifest) is named
 * as a tab, not as "less indented"; a file whose lines end in a bare CR is named as such, not as YAML nonsense.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../shared/scenario/parse-scenario.ts';
import { parseManifest } from '../../../shared/manifest/parse-manifest.ts';

const GOOD = 'name: x\nduration: 1h\nflows: [{id: f, kubernetesVersion: "1.30"}]\nsteps: []\n';

function messages(text: string): string[] {
  const result = parseScenario(text);
  return result.ok ? [] : result.errors.map((error) => error.message);
}

describe('YAML text mistakes', () => {
  it('a duplicate key is named, with the line it first appears on', () => {
    expect(messages(`${GOOD}name: y\n`)).toEqual(['the key "name" appears twice in the same mapping (first on line 1); keys must be unique (line 5, column 1)']);
    const manifest = parseManifest('apiVersion: v1\nkind: Pod\nkind: Secret\n');
    expect(manifest.ok ? '' : manifest.errors[0]!.message).toBe('the key "kind" appears twice in the same mapping (first on line 2); keys must be unique (line 3, column 1)');
  });

  it('a tab indenting a line of an embedded manifest is named as a tab, once', () => {
    const text = 'name: x\nduration: 1h\nflows: [{id: f, kubernetesVersion: "1.30"}]\nsteps:\n  - at: 1m\n    apply: |\n      apiVersion: v1\n      kind: ServiceAccount\n      metadata:\n\tname: a\n';
    expect(messages(text)).toEqual(['YAML syntax: line 10 is indented with a tab; YAML indents with spaces only, so replace the tab with spaces (line 10, column 1)']);
  });

  it('a file whose lines end in a bare CR (classic Mac OS) says so', () => {
    expect(messages(GOOD.replace(/\n/g, '\r'))).toEqual([
      'the lines of this file end in a bare carriage return (CR), which YAML does not read as a line break; save it with LF or CRLF line endings (line 1, column 8)',
    ]);
    expect(messages(GOOD.replace(/\n/g, '\r\n'))).toEqual([]);
  });
});
