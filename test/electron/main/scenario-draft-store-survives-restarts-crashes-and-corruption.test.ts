/**
 * The scenario draft on disk (scenario-draft.json): written atomically, read back after a restart, removed once the
 * edits are saved or discarded; a failed write leaves the previous draft, and a corrupt file is set aside, not trusted.
 */
import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCENARIO_DRAFT_FILE_NAME, ScenarioDraftStore } from '../../../electron/main/scenario-draft-store.ts';
import type { ScenarioDraft } from '../../../shared/ipc/scenario-draft.ts';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tokenscope-draft-'));
  file = path.join(dir, SCENARIO_DRAFT_FILE_NAME);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const logs: string[] = [];
const options = { log: (message: string) => void logs.push(message), now: () => 1_700_000_000_000 };
const DRAFT: ScenarioDraft = {
  sourceName: 'builtin:side-by-side',
  title: 'One app, two clusters, six hours',
  scenarioText: 'name: side-by-side\nannotations:\n  - at: 48m\n    text: here the kubelet refreshes\n',
  baseText: 'name: side-by-side\n',
  savedAtEpochMs: 1_700_000_000_000,
};

function restarted(): ScenarioDraftStore {
  const store = new ScenarioDraftStore(file, options);
  store.load();
  return store;
}

describe('ScenarioDraftStore', () => {
  it('has no draft before the first edit, and keeps one across a restart', () => {
    expect(restarted().get()).toBeNull();
    restarted().set(DRAFT);
    expect(restarted().get()).toEqual(DRAFT);
    expect(readdirSync(dir)).toEqual([SCENARIO_DRAFT_FILE_NAME]);
  });

  it('forgets the draft once it is cleared, and writes nothing when there was none', () => {
    const store = restarted();
    store.set(null);
    expect(readdirSync(dir)).toEqual([]);
    store.set(DRAFT);
    store.set(null);
    expect(restarted().get()).toBeNull();
  });

  it('keeps the previous draft when a write fails half-way, and says why', () => {
    restarted().set(DRAFT);
    const broken = new ScenarioDraftStore(file, { ...options, fs: { ...fs, renameSync: () => { throw new Error('EIO: i/o error'); } } });
    broken.load();
    expect(() => broken.set({ ...DRAFT, scenarioText: 'name: changed\n' })).toThrow('EIO');
    expect(broken.get()).toEqual(DRAFT);
    expect(restarted().get()).toEqual(DRAFT);
    expect(readdirSync(dir)).toEqual([SCENARIO_DRAFT_FILE_NAME]);
  });

  it('sets a corrupt file aside and starts without a draft', () => {
    writeFileSync(file, '{"version":1,"draft":{"sourceName":');
    logs.length = 0;
    expect(restarted().get()).toBeNull();
    expect(readdirSync(dir).some((name) => name.startsWith('scenario-draft.corrupt-'))).toBe(true);
    expect(logs.join('\n')).toMatch(/is corrupt/);
  });

  it('ignores a draft edited by hand into something unusable, rather than loading half of it', () => {
    writeFileSync(file, JSON.stringify({ version: 1, draft: { ...DRAFT, baseText: 42 } }));
    logs.length = 0;
    expect(restarted().get()).toBeNull();
    expect(logs.join('\n')).toMatch(/no usable draft/);
    expect(JSON.parse(readFileSync(file, 'utf8')).draft.baseText).toBe(42);
  });
});
