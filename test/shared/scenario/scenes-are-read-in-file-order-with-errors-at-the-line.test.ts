import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../shared/scenario/parse-scenario.ts';
import { SCENARIO_MAX_SCENES } from '../../../shared/limits/input-budgets.ts';
import { singleFlow } from '../../support/run-scenario.ts';

const base = singleFlow({ version: '1.30', duration: '2h' });
const baseLines = base.split('\n').length - 1;

function withScenes(block: string): string {
  return `${base}scenes:\n${block}`;
}

function errorsOf(yaml: string) {
  const parsed = parseScenario(yaml);
  if (parsed.ok) throw new Error('expected the scenario to be refused');
  return parsed.errors;
}

describe('scenes in a scenario file', () => {
  it('keeps the order the file gives, not the order of their moments', () => {
    const parsed = parseScenario(withScenes(`  - at: 48m
    from: 40m
    to: 1h
    spotlight: pod app
    note: "  the kubelet asks for a new token here  "
    then: play
    speed: 600
  - at: 1h
    fit: true
  - at: 10m
    spotlight: {lane: attacker, flow: f}
    then: stop
`));
    expect(parsed.ok && parsed.value.scenes).toEqual([
      { atMs: 48 * 60_000, window: { kind: 'range', fromMs: 40 * 60_000, toMs: 60 * 60_000 }, spotlight: { lane: 'pod app' }, note: 'the kubelet asks for a new token here', then: { kind: 'play', speed: 600 } },
      { atMs: 60 * 60_000, window: { kind: 'fit' }, then: { kind: 'stop' } },
      { atMs: 10 * 60_000, window: { kind: 'fit' }, spotlight: { lane: 'attacker', flow: 'f' }, then: { kind: 'stop' } },
    ]);
  });

  it('defaults to no scenes, and a scene that plays without a speed runs at an hour a second', () => {
    const none = parseScenario(base);
    expect(none.ok && none.value.scenes).toEqual([]);
    const parsed = parseScenario(withScenes('  - at: 0s\n    then: play\n  - at: 1h\n'));
    expect(parsed.ok && parsed.value.scenes[0]?.then).toEqual({ kind: 'play', speed: 3600 });
  });

  it.each([
    ['a scene after the end', '  - at: 3h\n', 'scenes[0].at', 'is after the end of the scenario', 1, 9],
    ['no moment', '  - note: x\n', 'scenes[0].at', 'is required', 1, 5],
    ['a window with one end', '  - at: 1m\n    from: 0s\n', 'scenes[0].to', 'is required with from', 2, 11],
    ['a window that ends before it starts', '  - at: 1m\n    from: 30m\n    to: 10m\n', 'scenes[0].to', 'must be after from (30m)', 3, 9],
    ['fit beside a window', '  - at: 1m\n    fit: true\n    from: 0s\n    to: 1h\n', 'scenes[0].fit', 'cannot go with from and to', 2, 10],
    ['an unknown then', '  - at: 1m\n    then: pause\n', 'scenes[0].then', 'is not one of stop, play', 2, 11],
    ['a speed on a scene that stops', '  - at: 1m\n    speed: 600\n', 'scenes[0].speed', 'only applies with then: play', 2, 12],
    ['a speed that is not a number', '  - at: 1m\n    then: play\n    speed: fast\n', 'scenes[0].speed', 'must be a number from 0.1', 3, 12],
    ['a misspelt key', '  - at: 1m\n    nte: x\n', 'scenes[0]', 'did you mean note?', 2, 5],
    ['a spotlight in an unknown flow', '  - at: 1m\n    spotlight: {lane: pod app, flow: legacy}\n', 'scenes[0].spotlight.flow', 'is not a flow; flows are f', 2, 38],
    ['a note too long to say', `  - at: 1m\n    note: ${'x'.repeat(601)}\n`, 'scenes[0].note', 'keep a scene\'s note to 600', 2, 11],
    ['a play to a scene that is not later', '  - at: 30m\n    then: play\n  - at: 10m\n', 'scenes[0].then', 'scenes[1] is at 10m, not later than 30m', 2, 11],
  ])('refuses %s with the field, its line and its column', (_what, block, path, message, line, column) => {
    const errors = errorsOf(withScenes(block));
    const error = errors.find((e) => e.path === path);
    expect(error?.message).toContain(message);
    expect({ line: error?.line, column: error?.column }).toEqual({ line: baseLines + 1 + line, column });
  });

  it('refuses scenes that are not a list', () => {
    expect(errorsOf(`${base}scenes: intro\n`)[0]?.message).toContain('must be a list of scenes');
  });

  it(`refuses more than ${SCENARIO_MAX_SCENES} scenes at the first one over the budget`, () => {
    const block = Array.from({ length: SCENARIO_MAX_SCENES + 1 }, (_, i) => `  - at: ${i}s\n`).join('');
    const error = errorsOf(withScenes(block))[0];
    expect(error?.message).toContain(`${SCENARIO_MAX_SCENES + 1} scenes are more than TokenScope's limit of ${SCENARIO_MAX_SCENES}`);
    expect(error?.line).toBe(baseLines + 2 + SCENARIO_MAX_SCENES);
  });
});
