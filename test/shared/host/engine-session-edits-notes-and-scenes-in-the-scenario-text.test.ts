/**
 * EngineSession's `edit-scenario` command: the notes or the scenes are rewritten into the scenario's text with the
 * comments kept, parsed again, and the new scenario comes back in `edit-result` without the simulation running again;
 * an edit the format refuses, a restore of a text that runs differently, an edit with nothing loaded, and an edit
 * made on a scenario that a later load replaced before the edit arrived are each refused with a message saying why,
 * and change nothing.
 */
import { describe, expect, it } from 'vitest';
import { EngineSession } from '../../../shared/host/engine-session.ts';
import type { EngineMessage } from '../../../shared/rpc/engine-protocol.ts';
import { parseScenario } from '../../../shared/scenario/parse-scenario.ts';
import { singleFlow } from '../../support/run-scenario.ts';

const TEXT = `# The author's note on this file, which must survive an edit.\n${singleFlow({ version: '1.30', duration: '2h' })}`;
const SCENE = { atMs: 30 * 60_000, window: { kind: 'range' as const, fromMs: 0, toMs: 60 * 60_000 }, note: 'the first refresh', then: { kind: 'stop' as const } };

async function loadedSession(text = TEXT) {
  const sent: EngineMessage[] = [];
  const session = new EngineSession({ wallNowMs: () => 0, setTimer: () => 0, clearTimer: () => undefined, send: (message) => sent.push(message) });
  await session.handle({ type: 'load', scenarioText: text, sourceName: 'class.yaml' });
  await session.handle({ type: 'seek', simMs: 40 * 60_000 });
  sent.length = 0;
  return { session, sent };
}

function resultOf(sent: readonly EngineMessage[]) {
  expect(sent.map((m) => m.type)).toEqual(['edit-result']);
  return sent[0] as Extract<EngineMessage, { type: 'edit-result' }>;
}

describe('edit-scenario', () => {
  it('rewrites the notes into the text, keeping comments, and answers with the new scenario alone (no run, no batch)', async () => {
    const { session, sent } = await loadedSession();
    await session.handle({ type: 'edit-scenario', requestId: 4, load: 1, edit: { kind: 'annotations', annotations: [{ atMs: 48 * 60_000, text: 'the kubelet refreshes here' }] } });
    const result = resultOf(sent);
    if (!result.ok) throw new Error(result.errors[0]?.message);
    expect(result.requestId).toBe(4);
    expect(result.scenario.scenarioText).toContain("# The author's note on this file, which must survive an edit.");
    expect(result.scenario.scenarioText).toContain('text: the kubelet refreshes here');
    expect(result.scenario.annotations).toEqual([{ atMs: 48 * 60_000, text: 'the kubelet refreshes here' }]);
    expect(result.scenario.sourceName).toBe('class.yaml');
    const reparsed = parseScenario(result.scenario.scenarioText);
    expect(reparsed.ok && reparsed.value.annotations).toEqual(result.scenario.annotations);
  });

  it('edits the scenes on top of the notes: each edit starts from the text the last one left', async () => {
    const { session, sent } = await loadedSession();
    await session.handle({ type: 'edit-scenario', requestId: 1, load: 1, edit: { kind: 'annotations', annotations: [{ atMs: 60_000, text: 'first' }] } });
    await session.handle({ type: 'edit-scenario', requestId: 2, load: 1, edit: { kind: 'scenes', scenes: [SCENE] } });
    const last = sent[1] as Extract<EngineMessage, { type: 'edit-result' }>;
    if (!last.ok) throw new Error(last.errors[0]?.message);
    expect(last.scenario.scenes).toEqual([SCENE]);
    expect(last.scenario.annotations).toEqual([{ atMs: 60_000, text: 'first' }]);
    expect(last.scenario.scenarioText).toContain('text: first');
  });

  it('refuses a note the scenario format refuses, with its words, and keeps the text it had', async () => {
    const { session, sent } = await loadedSession();
    await session.handle({ type: 'edit-scenario', requestId: 5, load: 1, edit: { kind: 'annotations', annotations: [{ atMs: 60_000, flow: 'nowhere', text: 'lost' }] } });
    const refused = resultOf(sent);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors[0]?.message).toMatch(/nowhere/);
    sent.length = 0;
    await session.handle({ type: 'edit-scenario', requestId: 6, load: 1, edit: { kind: 'annotations', annotations: [] } });
    const after = resultOf(sent);
    expect(after.ok && after.scenario.scenarioText).toBe(TEXT);
  });

  it('restores an earlier text of the same run (undo), and refuses one that would run differently', async () => {
    const { session, sent } = await loadedSession();
    await session.handle({ type: 'edit-scenario', requestId: 1, load: 1, edit: { kind: 'annotations', annotations: [{ atMs: 60_000, text: 'gone on undo' }] } });
    await session.handle({ type: 'edit-scenario', requestId: 2, load: 1, edit: { kind: 'restore', scenarioText: TEXT } });
    const restored = sent[1] as Extract<EngineMessage, { type: 'edit-result' }>;
    expect(restored.ok && restored.scenario.scenarioText).toBe(TEXT);
    expect(restored.ok && restored.scenario.annotations).toEqual([]);

    sent.length = 0;
    await session.handle({ type: 'edit-scenario', requestId: 3, load: 1, edit: { kind: 'restore', scenarioText: TEXT.replace('1.30', '1.31') } });
    const refused = resultOf(sent);
    expect(!refused.ok && refused.errors[0]?.message).toMatch(/runs differently from the loaded scenario/);
  });

  it('refuses an edit made on load N that arrives after load N + 1, and leaves the new scenario as loaded', async () => {
    const { session, sent } = await loadedSession();
    const other = singleFlow({ version: '1.31', duration: '3h' });
    await session.handle({ type: 'load', scenarioText: other, sourceName: 'other.yaml' });
    const loaded = sent.find((m) => m.type === 'loaded');
    expect(loaded?.type === 'loaded' && loaded.scenario.load).toBe(2);
    sent.length = 0;

    await session.handle({ type: 'edit-scenario', requestId: 11, load: 1, edit: { kind: 'annotations', annotations: [{ atMs: 60_000, text: 'meant for class.yaml' }] } });
    await session.handle({ type: 'edit-scenario', requestId: 12, load: 1, edit: { kind: 'restore', scenarioText: other } });
    expect(sent.map((m) => m.type === 'edit-result' && m.ok)).toEqual([false, false]);
    for (const refused of sent) expect(refused.type === 'edit-result' && !refused.ok && refused.errors[0]?.message).toMatch(/has since been replaced by .*, so the edit was not applied/);

    sent.length = 0;
    await session.handle({ type: 'edit-scenario', requestId: 13, load: 2, edit: { kind: 'annotations', annotations: [] } });
    const now = resultOf(sent);
    expect(now.ok && now.scenario).toMatchObject({ load: 2, sourceName: 'other.yaml', scenarioText: other, annotations: [] });
  });

  it('refuses an edit when no scenario is loaded', async () => {
    const sent: EngineMessage[] = [];
    const session = new EngineSession({ wallNowMs: () => 0, setTimer: () => 0, clearTimer: () => undefined, send: (message) => sent.push(message) });
    await session.handle({ type: 'edit-scenario', requestId: 9, load: 1, edit: { kind: 'annotations', annotations: [] } });
    expect(sent).toEqual([{ type: 'edit-result', requestId: 9, ok: false, errors: [{ message: 'no scenario is loaded' }] }]);
  });

  it('takes an edit at once, even while a seek is under way', async () => {
    const sent: EngineMessage[] = [];
    let wallMs = 0;
    const session = new EngineSession({ wallNowMs: () => (wallMs += 1), setTimer: () => 0, clearTimer: () => undefined, send: (message) => sent.push(message) });
    await session.handle({ type: 'load', scenarioText: singleFlow({ version: '1.30', duration: '30d' }), sourceName: 's.yaml' });
    await session.handle({ type: 'seek', simMs: 29 * 86_400_000 });
    expect(sent.filter((m) => m.type === 'working').at(-1)).toMatchObject({ command: 'seek', done: false });
    sent.length = 0;
    await session.handle({ type: 'edit-scenario', requestId: 7, load: 1, edit: { kind: 'annotations', annotations: [{ atMs: 0, text: 'now' }] } });
    expect(sent.filter((m) => m.type === 'edit-result').map((m) => m.type === 'edit-result' && m.ok)).toEqual([true]);
  });
});
