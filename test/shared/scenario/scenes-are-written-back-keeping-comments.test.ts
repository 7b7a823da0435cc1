/**
 * Writing a run-sheet back: only `scenes:` changes, comments elsewhere stay, a scene that is still there unchanged
 * keeps its own lines (and the comment on them) wherever it moves, and a run-sheet the format refuses is not written.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../shared/scenario/parse-scenario.ts';
import { setScenarioScenes } from '../../../shared/scenario/scenario-scenes.ts';
import type { ScenarioScene } from '../../../shared/model/scene.ts';
import { singleFlow } from '../../support/run-scenario.ts';

const MIN = 60_000;
const base = `# written by the instructor\n${singleFlow({ version: '1.30', duration: '2h' })}`;
const withScenes = `${base}scenes:
  - at: 0s
    note: the start   # say this slowly
  - at: 48m
    from: 30m
    to: 1h
    note: "refresh"
`;

function scenesOf(text: string): ScenarioScene[] {
  const parsed = parseScenario(text);
  if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
  return parsed.value.scenes;
}

describe('setScenarioScenes', () => {
  it('adds a scene and leaves the rest of the file, comments included, as written', () => {
    const added: ScenarioScene = { atMs: 90 * MIN, window: { kind: 'fit' }, spotlight: { lane: 'pod app', flow: 'f' }, note: 'the end', then: { kind: 'play', speed: 600 } };
    const written = setScenarioScenes(withScenes, [...scenesOf(withScenes), added]);
    if (!written.ok) throw new Error(written.errors[0]?.message);
    expect(written.value.text.startsWith(`${base}scenes:\n`)).toBe(true);
    expect(written.value.text).toContain('note: the start # say this slowly');
    expect(written.value.scenario.scenes.at(-1)).toEqual(added);
  });

  it('keeps an unchanged scene\'s own lines when the scenes are reordered', () => {
    const [first, second] = scenesOf(withScenes);
    const written = setScenarioScenes(withScenes, [second!, first!]);
    if (!written.ok) throw new Error(written.errors[0]?.message);
    expect(written.value.text).toContain('note: the start # say this slowly');
    expect(written.value.text).toContain('note: "refresh"');
    expect(written.value.scenario.scenes.map((s) => s.atMs)).toEqual([48 * MIN, 0]);
  });

  it('writes an edited scene anew and removes the block when no scene is left', () => {
    const [first, second] = scenesOf(withScenes);
    const edited = setScenarioScenes(withScenes, [first!, { ...second!, note: 'the kubelet refreshes' }]);
    expect(edited.ok && edited.value.scenario.scenes[1]?.note).toBe('the kubelet refreshes');
    const cleared = setScenarioScenes(withScenes, []);
    expect(cleared.ok && cleared.value.text.includes('scenes')).toBe(false);
    expect(cleared.ok && cleared.value.text.startsWith('# written by the instructor')).toBe(true);
  });

  it('answers with the format\'s error, with its field, instead of writing a run-sheet it would refuse', () => {
    const [first, second] = scenesOf(withScenes);
    const result = setScenarioScenes(withScenes, [{ ...second!, then: { kind: 'play', speed: 60 } }, first!]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.path).toBe('scenes[0].then');
  });
});
