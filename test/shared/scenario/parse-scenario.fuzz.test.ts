import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseScenario } from '../../../shared/scenario/parse-scenario.ts';
import type { ParseResult, Scenario } from '../../../shared/scenario/scenario-types.ts';
import { expectWithinText } from '../input-position.ts';
import { mutate, mutationArb } from '../fuzz-inputs.ts';

const VALID = `name: side-by-side
seed: 7
duration: 6h
flows:
  - id: legacy
    kubernetesVersion: "1.20"
  - id: projected
    kubernetesVersion: 1.30
    apiServer:
      extendTokenExpiration: false
      maxTokenExpiration: 0s
      issuer: [https://a.example]
steps:
  - at: 0s
    kubectl: create serviceaccount my-app
  - at: 0s
    apply: |
      apiVersion: v1
      kind: Pod
      metadata:
        name: app
      spec:
        serviceAccountName: my-app
        containers:
          - name: app
            image: nginx:stable
  - at: 1m
    client: {pod: app, reads: every-minute, callEvery: 5m}
  - at: 30m
    leak: {pod: app, replayEvery: 10m, audience: api}
  - at: 2h
    fault: kubelet-stop
    flows: [projected]
  - at: 3h
    upgrade: "1.24"
`;

/** Whatever the input, the result is well-formed: errors point into the text, values keep the invariants. */
function checkResult(text: string, result: ParseResult<Scenario>): void {
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) expectWithinText(text, error);
    return;
  }
  const scenario = result.value;
  expect(scenario.flows.length).toBeGreaterThan(0);
  expect(scenario.durationMs).toBeGreaterThan(0);
  expect(Number.isSafeInteger(scenario.seed) && scenario.seed >= 0).toBe(true);
  const ids = scenario.flows.map((flow) => flow.id);
  expect(new Set(ids).size).toBe(ids.length);
  let previous = -1;
  for (const step of scenario.steps) {
    expect(step.atMs).toBeGreaterThanOrEqual(previous);
    expect(step.atMs).toBeLessThanOrEqual(scenario.durationMs);
    previous = step.atMs;
    for (const flow of step.flows ?? []) expect(ids).toContain(flow);
  }
}

describe('parseScenario never throws and always explains itself', () => {
  it('keeps the valid base scenario valid (the mutations below start from something that parses)', () => {
    expect(parseScenario(VALID).ok).toBe(true);
  });

  it('on mutated scenario files', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (mutations) => {
        const text = mutate(VALID, mutations);
        checkResult(text, parseScenario(text));
      }),
      { numRuns: 2500 },
    );
  });

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 200 }), (text) => {
        checkResult(text, parseScenario(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('on arbitrary YAML documents', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = stringify(value);
        checkResult(text, parseScenario(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('on scenario-shaped documents with random field values', () => {
    const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('1h', '0s', '-1m', '1.20', 'once', 'kubelet-stop'));
    const step = fc.dictionary(fc.constantFrom('at', 'kubectl', 'apply', 'client', 'leak', 'fault', 'upgrade', 'flows', 'extra'), anyValue, { maxKeys: 4 });
    const flow = fc.dictionary(fc.constantFrom('id', 'label', 'kubernetesVersion', 'apiServer', 'extra'), anyValue, { maxKeys: 4 });
    const doc = fc.record(
      {
        name: anyValue,
        seed: anyValue,
        duration: fc.oneof(anyValue, fc.constantFrom('6h', '2d')),
        start: anyValue,
        flows: fc.oneof(fc.array(flow, { maxLength: 3 }), anyValue),
        steps: fc.oneof(fc.array(step, { maxLength: 4 }), anyValue),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(doc, (value) => {
        const text = stringify(value);
        checkResult(text, parseScenario(text));
      }),
      { numRuns: 2000 },
    );
  });
});
