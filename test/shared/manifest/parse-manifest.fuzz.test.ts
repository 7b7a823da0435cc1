import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseManifest } from '../../../shared/manifest/parse-manifest.ts';
import { expectWithinText } from '../input-position.ts';
import { blockNestingArb, manyEntriesArb, mutate, mutationArb, nestingArb, repeatedArb, withinBounds } from '../fuzz-inputs.ts';

const VALID = `apiVersion: v1
kind: Pod
metadata:
  name: app
  labels: {app: web}
spec:
  serviceAccountName: my-app
  containers:
    - name: app
      image: nginx:stable
      volumeMounts:
        - {name: t, mountPath: /var/run/secrets/tokens}
  volumes:
    - name: t
      projected:
        sources:
          - serviceAccountToken: {path: token, audience: vault, expirationSeconds: 7200}
---
apiVersion: v1
kind: Secret
metadata:
  name: s
data:
  token: dG9rZW4=
`;

const PATH_SEGMENTS = ['spec', 'metadata', 'name', 'containers', 'volumes', '0', '1', 'projected', 'sources', 'serviceAccountToken', 'expirationSeconds', 'data', 'token', 'nope'];

function checkText(text: string): void {
  const result = parseManifest(text);
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) expectWithinText(text, error);
    return;
  }
  expect(result.value.documents.length).toBeGreaterThan(0);
  for (const [index, doc] of result.value.documents.entries()) {
    expect(doc.object.apiVersion).toBe('v1');
    expect(doc.object.kind).toBe(doc.kind);
    expect(typeof doc.object.metadata?.name).toBe('string');
    // Any path, existing or not, locates to somewhere inside the text.
    for (const path of [[], ['spec', 'containers', '0', 'image'], PATH_SEGMENTS.slice(index, index + 4)]) {
      const position = result.value.locate(path, index);
      expect(position).toBeDefined();
      if (position !== undefined) {
        expectWithinText(text, { message: `(line ${position.line}, column ${position.column})`, line: position.line, column: position.column });
      }
    }
  }
}

describe('parseManifest never throws and always explains itself', () => {
  it('keeps the valid base manifest valid', () => {
    expect(parseManifest(VALID).ok).toBe(true);
  });

  it('on mutated manifests', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (mutations) => checkText(mutate(VALID, mutations))),
      { numRuns: 3000 },
    );
  });

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 200 }), checkText),
      { numRuns: 1500 },
    );
  });

  it('on manifest-shaped documents with random field values', () => {
    const anyValue = fc.jsonValue({ maxDepth: 3 });
    const doc = fc.record(
      {
        apiVersion: fc.oneof(fc.constant('v1'), anyValue),
        kind: fc.oneof(fc.constantFrom('Pod', 'Secret', 'ServiceAccount'), anyValue),
        metadata: fc.oneof(fc.record({ name: fc.oneof(fc.constantFrom('app', 'a.b', 'X'), anyValue) }, { requiredKeys: [] }), anyValue),
        spec: fc.oneof(
          fc.record({ containers: fc.oneof(fc.array(fc.record({ name: anyValue, image: anyValue }, { requiredKeys: [] }), { maxLength: 2 }), anyValue), volumes: anyValue }, { requiredKeys: [] }),
          anyValue,
        ),
        data: anyValue,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(doc, (value) => checkText(stringify(value))),
      { numRuns: 2000 },
    );
  });
});

describe('parseManifest stays within its budgets on hostile input', () => {
  const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n';
  it('labels by the ten thousand, nesting by the thousand, long values and many documents: linear, placed, no crash', () => {
    const hostile = fc.oneof(
      manyEntriesArb().map((entries) => `${POD}  labels:\n${entries.replace(/^/gm, '  ')}spec:\n  containers: [{name: a, image: b}]\n`),
      nestingArb([['[', ']'], ['{a: ', '}']]).map((value) => `${POD}spec: ${value}\n`),
      blockNestingArb().map((block) => `${POD}spec:\n${block.replace(/^/gm, '  ')}`),
      repeatedArb(['---\n', `${POD}---\n`, 'a: *x\n', '&x a: b\n'], 1_000),
      repeatedArb(['x', 'é', '\\'], 200_000).map((value) => `${POD}  annotations: {a: "${value}"}\nspec:\n  containers: [{name: a, image: b}]\n`),
    );
    fc.assert(
      fc.property(hostile, (text) => {
        withinBounds(() => checkText(text));
        const result = parseManifest(text);
        if (!result.ok) for (const error of result.errors) expect(error.message).not.toMatch(/call stack/);
      }),
      { numRuns: 30 },
    );
  });
});
