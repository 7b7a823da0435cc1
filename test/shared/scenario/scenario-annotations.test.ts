import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../shared/scenario/parse-scenario.ts';
import { setScenarioAnnotations } from '../../../shared/scenario/scenario-annotations.ts';
import { singleFlow } from '../../support/run-scenario.ts';

const base = singleFlow({ version: '1.30', duration: '2h' });

function withAnnotations(block: string): string {
  return `${base}annotations:\n${block}`;
}

function errorsOf(yaml: string) {
  const parsed = parseScenario(yaml);
  if (parsed.ok) throw new Error('expected the scenario to be refused');
  return parsed.errors;
}

describe('scenario annotations', () => {
  it('reads moments and ranges, sorted by time, with an optional flow', () => {
    const parsed = parseScenario(withAnnotations(`  - at: 50m
    until: 1h
    flow: f
    text: refresh window
  - at: 48m
    text: "  here the kubelet refreshes  "
`));
    expect(parsed.ok && parsed.value.annotations).toEqual([
      { atMs: 48 * 60_000, text: 'here the kubelet refreshes' },
      { atMs: 50 * 60_000, untilMs: 60 * 60_000, flow: 'f', text: 'refresh window' },
    ]);
  });

  it('defaults to no annotations', () => {
    const parsed = parseScenario(base);
    expect(parsed.ok && parsed.value.annotations).toEqual([]);
  });

  it.each([
    ['an until before at', '  - at: 50m\n    until: 40m\n    text: x\n', 'annotations[0].until', 'must not be before at'],
    ['a time after the end', '  - at: 3h\n    text: x\n', 'annotations[0].at', 'is after the end of the scenario'],
    ['an unknown flow', '  - at: 1m\n    flow: legacy\n    text: x\n', 'annotations[0].flow', 'is not a flow; flows are f'],
    ['no text', '  - at: 1m\n', 'annotations[0].text', 'is required'],
    ['a misspelt key', '  - at: 1m\n    txt: x\n    text: y\n', 'annotations[0]', 'did you mean text?'],
    ['a note too long for a figure', `  - at: 1m\n    text: ${'x'.repeat(201)}\n`, 'annotations[0].text', 'keep a note to 200'],
  ])('refuses %s with the field and its line', (_what, block, path, message) => {
    const errors = errorsOf(withAnnotations(block));
    const error = errors.find((e) => e.path === path);
    expect(error?.message).toContain(message);
    expect(error?.line).toBeGreaterThan(base.split('\n').length - 1);
  });

  it('refuses annotations that are not a list', () => {
    expect(errorsOf(`${base}annotations: here\n`)[0]?.message).toContain('must be a list of notes');
  });
});

describe('setScenarioAnnotations', () => {
  const commented = `# a comment the author wrote\n${base}`;

  it('adds an annotations block that parses back to the same notes, keeping comments', () => {
    const notes = [{ atMs: 90 * 60_000, untilMs: 100 * 60_000, flow: 'f', text: 'second' }, { atMs: 48 * 60_000, text: 'here: the kubelet refreshes' }];
    const written = setScenarioAnnotations(commented, notes);
    if (!written.ok) throw new Error(written.errors[0]?.message);
    expect(written.value.text).toContain('# a comment the author wrote');
    expect(written.value.text).toContain('at: 1h30m');
    const parsed = parseScenario(written.value.text);
    expect(parsed.ok && parsed.value.annotations).toEqual([notes[1], notes[0]]);
    expect(written.value.scenario.annotations).toEqual([notes[1], notes[0]]);
  });

  it('replaces existing annotations and removes the block when none are left', () => {
    const once = setScenarioAnnotations(base, [{ atMs: 60_000, text: 'one' }]);
    if (!once.ok) throw new Error('first write failed');
    const twice = setScenarioAnnotations(once.value.text, [{ atMs: 120_000, text: 'two' }]);
    expect(twice.ok && parseScenario(twice.value.text).ok && twice.value.text.match(/text:/g)?.length).toBe(1);
    const cleared = setScenarioAnnotations(once.value.text, []);
    expect(cleared.ok && cleared.value.text.includes('annotations')).toBe(false);
  });

  it('answers with the format error instead of writing a note the scenario would refuse', () => {
    const result = setScenarioAnnotations(base, [{ atMs: 5 * 3_600_000, text: 'too late' }]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.path).toBe('annotations[0].at');
  });

  it('refuses to rewrite a file that does not parse', () => {
    const result = setScenarioAnnotations('name: [unclosed', []);
    expect(!result.ok && result.errors[0]?.message).toContain('does not parse');
  });
});
