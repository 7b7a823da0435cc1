/**
 * Scenario and manifest YAML is read in time linear in its size, and a text over a budget (nesting, entries in one
 * mapping) is refused with the limit and the line and column, before the YAML library composes it. The time bound
 * is generous: 60,000 labels once took 89 s.
 */
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../shared/manifest/parse-manifest.ts';
import { parseScenario } from '../../../shared/scenario/parse-scenario.ts';
import { yamlSyntaxProblems } from '../../../renderer/panels/manifest-editor/manifest-problems.ts';
import { YAML_MAX_COLLECTION_ITEMS, YAML_MAX_DEPTH } from '../../../shared/limits/input-budgets.ts';

const NOT_PATHOLOGICAL_MS = 15_000;

function podWithLabels(count: number, duplicate = false): string {
  const labels = Array.from({ length: count }, (_, i) => `    k${i}: v${i}\n`).join('');
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n  labels:\n${labels}${duplicate ? '    k7: again\n' : ''}spec:\n  containers:\n    - name: app\n      image: nginx\n`;
}

const SCENARIO_HEAD = 'duration: 1h\nflows: [{id: x, kubernetesVersion: "1.30"}]\nsteps: []\n';

describe('entries in one mapping', () => {
  it('60,000 labels are refused at the first label past the budget, at once', () => {
    const start = performance.now();
    const result = parseManifest(podWithLabels(60_000));
    expect(performance.now() - start).toBeLessThan(NOT_PATHOLOGICAL_MS);
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ message: expect.stringMatching(/^this mapping or list is 60,000 entries long, over TokenScope's limit of 10,000 entries; split it or remove entries \(line 10006, column 5\)$/), line: 10_006, column: 5 })],
    });
  });

  it('a mapping at the budget is read quickly, and a key written twice in it is still found', () => {
    const start = performance.now();
    expect(parseManifest(podWithLabels(YAML_MAX_COLLECTION_ITEMS - 1)).ok).toBe(true);
    expect(performance.now() - start).toBeLessThan(NOT_PATHOLOGICAL_MS);
    const duplicated = parseManifest(podWithLabels(YAML_MAX_COLLECTION_ITEMS - 1, true));
    expect(duplicated).toEqual({ ok: false, errors: [expect.objectContaining({ message: expect.stringContaining('appears twice in the same mapping'), line: 10_005, column: 5 })] });
  });

  it('keys equal as text but not as values stay distinct, as YAML reads them', () => {
    const secret = (labels: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  labels:\n${labels}`;
    expect(parseManifest(secret('    "1": a\n    1: b\n')).ok).toBe(true);
    expect(parseManifest(secret('    "1": a\n    "1": b\n')).ok).toBe(false);
  });
});

describe('nesting', () => {
  it('a manifest nested a thousand levels is refused with the limit, not "Maximum call stack size exceeded"', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: ${'['.repeat(1000)}${']'.repeat(1000)}\n`;
    const result = parseManifest(text);
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.errors.map((e) => e.message).join('\n');
    expect(message).toMatch(/^this YAML is nested more than 100 levels deep, over TokenScope's limit of 100 levels; .* \(line 4, column 106\)$/);
    expect(message).not.toMatch(/call stack/);
  });

  it('in a scenario, in a block structure, and in the editor\'s live check alike', () => {
    const block = Array.from({ length: YAML_MAX_DEPTH + 5 }, (_, i) => `${' '.repeat(i)}a:\n`).join('');
    const scenario = parseScenario(`name: deep\n${SCENARIO_HEAD}title:\n${block.replace(/^/gm, ' ')}`);
    expect(scenario.ok ? '' : scenario.errors[0]!.message).toMatch(/^this YAML is nested more than 100 levels deep/);
    expect(yamlSyntaxProblems(`x: ${'{a: '.repeat(2000)}`)[0]?.message).toMatch(/^this YAML is nested more than 100 levels deep/);
  });
});

describe('aliases', () => {
  it('an alias written before its anchor says so, not that the field is missing', () => {
    const result = parseScenario(`name: *title\n${SCENARIO_HEAD}title: &title hello\n`);
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ message: 'the alias *title comes before its anchor &title (line 5); YAML reads an alias only after its anchor, so move the anchored value above it (line 1, column 7)', line: 1, column: 7 })],
    });
  });

  it('an alias to no anchor at all says that', () => {
    const result = parseScenario(`name: *nowhere\n${SCENARIO_HEAD}`);
    expect(result.ok ? '' : result.errors[0]!.message).toBe('the alias *nowhere refers to no anchor; define &nowhere on a value above it (line 1, column 7)');
    expect(parseScenario(`title: &t hello\nname: *t\n${SCENARIO_HEAD}`).ok).toBe(true);
  });
});
