import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseScenario } from '../../../shared/scenario/parse-scenario.ts';
import type { ParseResult, Scenario } from '../../../shared/scenario/scenario-types.ts';
import { expectWithinText } from '../input-position.ts';
import { blockNestingArb, durationTextArb, manyEntriesArb, mutate, mutationArb, nestingArb, repeatedArb, withinBounds } from '../fuzz-inputs.ts';
import { Simulation } from '../../../shared/engine/simulation.ts';
import { estimateWork, WorkMeter } from '../../../shared/engine/work-budget.ts';
import { ENGINE_MAX_EVENTS, ENGINE_MAX_TOKENS, ENGINE_REFUSE_FACTOR } from '../../../shared/limits/input-budgets.ts';

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

describe('parseScenario stays within its budgets on hostile input', () => {
  const HEAD = 'name: hostile\nduration: 6h\nflows: [{id: f, kubernetesVersion: "1.30"}]\n';

  it('sizes, depths and counts: a result with a place, never a freeze or a stack overflow', () => {
    const hostile = fc.oneof(
      nestingArb([['[', ']'], ['{a: ', '}'], ['- ', '']]).map((value) => `${HEAD}steps: []\ntitle: ${value}\n`),
      blockNestingArb().map((block) => `${HEAD}steps: []\ntitle:\n${block.replace(/^/gm, ' ')}`),
      manyEntriesArb().map((entries) => `${HEAD}steps:\n${entries}`),
      manyEntriesArb().map((entries) => `${HEAD}steps: []\nannotations:\n${entries}`),
      repeatedArb(['a', '😀', '\\u0000', '&a ', '*a ', '- ', '#']).map((text) => `${HEAD}steps: []\ntitle: "${text.replace(/"/g, '')}"\n`),
    );
    fc.assert(
      fc.property(hostile, (text) => {
        const result = withinBounds(() => parseScenario(text));
        checkResult(text, result);
        if (!result.ok) for (const error of result.errors) expect(error.message).not.toMatch(/call stack|Invalid time|undefined/);
      }),
      { numRuns: 60 },
    );
  });

  it('durations anywhere: refused with a sentence, or accepted within the clock\'s range', () => {
    fc.assert(
      fc.property(durationTextArb, fc.constantFrom('duration', 'at', 'callEvery'), (duration, where) => {
        const quoted = JSON.stringify(duration);
        const text =
          where === 'duration'
            ? `name: d\nduration: ${quoted}\nflows: [{id: f, kubernetesVersion: "1.30"}]\nsteps: []\n`
            : where === 'at'
              ? `${HEAD}steps:\n  - at: ${quoted}\n    kubectl: get pods\n`
              : `${HEAD}steps:\n  - at: 0s\n    client: {pod: app, reads: once, callEvery: ${quoted}}\n`;
        const result = withinBounds(() => parseScenario(text));
        checkResult(text, result);
        if (!result.ok) for (const error of result.errors) expect(error.message.length).toBeLessThan(600);
      }),
      { numRuns: 400 },
    );
  });

  it('the work a scenario implies: refused when far over budget, otherwise it runs to its end or stops cleanly at the meter', () => {
    const step = fc.oneof(
      durationTextArb.map((every) => `  - at: 0s\n    client: {pod: app, reads: every-minute, callEvery: ${JSON.stringify(every)}}\n`),
      fc.constantFrom('1ms', '1s', '1m', '10m').map((every) => `  - at: 1m\n    leak: {pod: app, replayEvery: ${every}}\n`),
      fc.constantFrom(600, 3600, 86_400).map((seconds) => `  - at: 0s\n    apply: |\n      {apiVersion: v1, kind: Pod, metadata: {name: p${seconds}}, spec: {serviceAccountName: my-app, containers: [{name: c, image: i}], volumes: [{name: t, projected: {sources: [{serviceAccountToken: {path: t, expirationSeconds: ${seconds}}}]}}]}}\n`),
    );
    const pod = '  - at: 0s\n    kubectl: create serviceaccount my-app\n  - at: 0s\n    apply: |\n      {apiVersion: v1, kind: Pod, metadata: {name: app}, spec: {serviceAccountName: my-app, containers: [{name: c, image: i}]}}\n';
    fc.assert(
      fc.property(fc.constantFrom('1h', '30d', '1y', '10y', '200y'), fc.array(step, { maxLength: 3 }), (duration, steps) => {
        const text = `name: w\nduration: ${duration}\nflows: [{id: f, kubernetesVersion: "1.30"}]\nsteps:\n${pod}${steps.join('')}`;
        const result = withinBounds(() => parseScenario(text));
        if (!result.ok) return;
        const estimate = estimateWork(result.value);
        expect(Math.max(estimate.events / ENGINE_MAX_EVENTS, estimate.tokens / ENGINE_MAX_TOKENS)).toBeLessThan(ENGINE_REFUSE_FACTOR);
        // A small meter, so each case runs in well under a second: the run ends, or stops at the meter and says why.
        const sim = new Simulation(result.value, { meter: new WorkMeter(result.value, { events: 3_000, tokens: 500 }), snapshotEveryMs: 0 });
        withinBounds(() => sim.runUntil(result.value.durationMs));
        if (sim.halt) expect(sim.halt.message).toMatch(/^The simulation stopped at .*: it reached TokenScope's limit of/);
        else expect(sim.nowMs).toBe(result.value.durationMs);
      }),
      { numRuns: 40 },
    );
  });
});
