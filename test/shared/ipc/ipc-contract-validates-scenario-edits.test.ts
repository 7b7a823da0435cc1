/**
 * The `edit-scenario` command crosses the IPC contract like every engine command: a well-formed edit of the notes,
 * the scenes or an undo, naming the load it was made on, passes unchanged; a malformed one (or one that names no load)
 * is refused before it reaches the engine, with the command and the place in the payload named.
 */
import { describe, expect, it } from 'vitest';
import { INVOKE_VALIDATORS, IpcChannel, validateEngineCommandArgs } from '../../../shared/ipc/ipc-contract.ts';
import { SCENARIO_EDIT_FIELD_MAX_CHARS, SCENARIO_MAX_ANNOTATIONS } from '../../../shared/limits/input-budgets.ts';

const error = (checked: { ok: boolean; error?: string }) => (checked.ok ? 'accepted' : checked.error);
const edit = (value: unknown) => validateEngineCommandArgs([{ type: 'edit-scenario', requestId: 3, load: 2, edit: value }]);
const SCENE = { atMs: 60_000, window: { kind: 'range', fromMs: 0, toMs: 120_000 }, spotlight: { lane: 'pod app', flow: 'f' }, note: 'here', then: { kind: 'play', speed: 60 } };

describe('edit-scenario over IPC', () => {
  it('passes well-formed edits of the notes, the scenes and an undo unchanged', () => {
    const notes = { kind: 'annotations', annotations: [{ atMs: 0, text: 'start' }, { atMs: 60_000, untilMs: 120_000, flow: 'f', text: 'range' }] };
    expect(edit(notes)).toEqual({ ok: true, value: { type: 'edit-scenario', requestId: 3, load: 2, edit: notes } });
    expect(edit({ kind: 'scenes', scenes: [SCENE, { atMs: 0, window: { kind: 'fit' }, then: { kind: 'stop' } }] }).ok).toBe(true);
    expect(edit({ kind: 'restore', scenarioText: 'name: x\n' }).ok).toBe(true);
    expect(INVOKE_VALIDATORS[IpcChannel.EngineCommand]([{ type: 'edit-scenario', requestId: 1, load: 1, edit: { kind: 'annotations', annotations: [] } }]).ok).toBe(true);
  });

  it('refuses malformed edits, naming the command and the field', () => {
    expect(error(edit(undefined))).toBe('edit-scenario: edit must be an object');
    expect(error(edit({ kind: 'rename' }))).toBe(`edit-scenario: edit.kind must be 'annotations', 'scenes' or 'restore', not "rename"`);
    expect(error(edit({ kind: 'annotations', annotations: 'none' }))).toBe('edit-scenario: annotations must be a list');
    expect(error(edit({ kind: 'annotations', annotations: [{ atMs: 0, text: 'ok' }, { atMs: -5, text: 'before the start' }] }))).toBe(
      'edit-scenario: annotations[1].atMs must be a non-negative number of milliseconds',
    );
    expect(error(edit({ kind: 'annotations', annotations: [{ atMs: 0, text: 'x', colour: 'red' }] }))).toBe('edit-scenario: annotations[0] has an unknown field "colour"');
    expect(error(edit({ kind: 'annotations', annotations: [{ atMs: 0, text: 'x'.repeat(SCENARIO_EDIT_FIELD_MAX_CHARS + 1) }] }))).toMatch(/annotations\[0\]\.text must be a string of at most/);
    expect(error(edit({ kind: 'annotations', annotations: Array.from({ length: SCENARIO_MAX_ANNOTATIONS + 1 }, () => ({ atMs: 0, text: 'x' })) }))).toMatch(
      /annotations holds 501 entries; a scenario takes at most 500/,
    );
    expect(error(edit({ kind: 'scenes', scenes: [{ ...SCENE, then: { kind: 'play', speed: 0 } }] }))).toMatch(/scenes\[0\]\.then must be/);
    expect(error(edit({ kind: 'scenes', scenes: [{ ...SCENE, window: { kind: 'range', fromMs: 'a', toMs: 1 } }] }))).toMatch(/scenes\[0\]\.window must be/);
    expect(error(edit({ kind: 'restore', scenarioText: 42 }))).toMatch(/scenarioText must be a string/);
    expect(error(validateEngineCommandArgs([{ type: 'edit-scenario', requestId: 'x', load: 1, edit: { kind: 'annotations', annotations: [] } }]))).toBe('edit-scenario: requestId must be an integer');
  });

  it('refuses an edit that does not name the load of the scenario it was made on', () => {
    const notes = { kind: 'annotations', annotations: [] };
    const LOAD = 'edit-scenario: load must be a positive integer: the load of the scenario the edit was made on';
    for (const load of [undefined, 0, -1, 1.5, '2', Number.NaN, null]) {
      expect(error(validateEngineCommandArgs([{ type: 'edit-scenario', requestId: 3, load, edit: notes }]))).toBe(LOAD);
    }
  });
});
