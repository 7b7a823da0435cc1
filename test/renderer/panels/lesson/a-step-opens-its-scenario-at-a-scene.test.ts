/** `scene: N` in a lesson step: the step starts at the scenario's Nth scene, and a scene that is not there is an error at the line. */
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../../renderer/panels/lesson/lesson-model.ts';

const WITH_SCENES = `name: staged
duration: 2h
flows:
  - id: projected
    kubernetesVersion: "1.30"
steps: []
scenes:
  - at: 10m
  - at: 48m
    from: 30m
    to: 1h
`;

function lesson(step: string): string {
  return `id: demo
title: Demo
steps:
  - id: one
    title: One
    body: Look.
    scenario: staged
${step}`;
}

const parse = (text: string) => parseLesson(text, { scenarioFiles: { staged: WITH_SCENES } });

describe('a lesson step with scene:', () => {
  it('starts at the scene\'s moment and remembers which scene it is', () => {
    const parsed = parse(lesson('    scene: 2\n'));
    expect(parsed.ok && parsed.value.steps[0]).toMatchObject({ sceneIndex: 1, startAtMs: 48 * 60_000 });
  });

  it.each([
    ['a scene the scenario does not have', '    scene: 3\n', 'has 2 scenes, so there is no scene 3'],
    ['scene 0', '    scene: 0\n', 'counting from 1'],
    ['both scene and startAt', '    scene: 1\n    startAt: 5m\n', 'not both'],
  ])('refuses %s at the line', (_what, step, message) => {
    const parsed = parse(lesson(step));
    const error = parsed.ok ? undefined : parsed.errors.find((e) => e.path === 'steps[0].scene');
    expect(error?.message).toContain(message);
    expect(error?.line).toBe(8);
  });
});
