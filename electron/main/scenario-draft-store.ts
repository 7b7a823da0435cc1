/**
 * The draft of a scenario with unsaved edits (scenario-draft.json in the user-data folder), so notes survive a
 * crash, a reload or a window closed in a hurry. Written atomically on every edit; removed once the edits are saved
 * or discarded. A draft that cannot be read is moved aside rather than trusted or lost.
 */
import * as nodeFs from 'node:fs';
import { readStoredDraft, type ScenarioDraft } from '../../shared/ipc/scenario-draft.ts';
import { readJsonObjectFile, writeFileAtomicallySync, type AtomicFs } from './atomic-file.ts';

export const SCENARIO_DRAFT_FILE_NAME = 'scenario-draft.json';
const FORMAT_VERSION = 1;

export interface ScenarioDraftStoreOptions {
  fs?: AtomicFs;
  /** Wall clock for naming the set-aside copy of a corrupt file. */
  now?: () => number;
  log?: (message: string) => void;
}

export class ScenarioDraftStore {
  private draft: ScenarioDraft | null = null;
  private readonly fs: AtomicFs;
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  constructor(
    readonly filePath: string,
    options: ScenarioDraftStoreOptions = {},
  ) {
    this.fs = options.fs ?? nodeFs;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((message) => console.warn(`[scenario-draft] ${message}`));
  }

  /** Reads the file once at startup. Never throws: the app must start even when the draft is lost. */
  load(): void {
    const read = readJsonObjectFile(this.fs, this.filePath, this.now, this.log);
    this.draft = null;
    if (read.kind === 'loaded') {
      this.draft = readStoredDraft(read.value.draft) ?? null;
      if (!this.draft && read.value.draft !== null) this.log(`${this.filePath} holds no usable draft; it is ignored`);
    } else if (read.kind === 'unreadable') {
      this.log(`cannot read ${this.filePath}: ${read.reason}`);
    } else if (read.kind === 'corrupt') {
      this.log(`${this.filePath} is corrupt (${read.reason})${read.keptAs ? `; the old file is kept as ${read.keptAs}` : ''}`);
    }
  }

  get(): ScenarioDraft | null {
    return this.draft ? { ...this.draft } : null;
  }

  /** Stores an already validated draft, or removes it (null); throws if the file cannot be written. */
  set(draft: ScenarioDraft | null): void {
    if (draft === null && this.draft === null) return;
    const text = JSON.stringify({ version: FORMAT_VERSION, draft }) + '\n';
    writeFileAtomicallySync(this.fs, this.filePath, Buffer.from(text, 'utf8'));
    this.draft = draft ? { ...draft } : null;
  }
}
