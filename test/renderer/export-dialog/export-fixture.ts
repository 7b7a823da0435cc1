/**
 * A live engine for the export tests: a real EngineSession feeding a real TimelineStore, whose client runs each
 * command as it is sent (as the worker does, only without the thread), and a HostServices that records what it is
 * asked to save, copy and remember.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { vi } from 'vitest';
import { EngineSession } from '../../../shared/host/engine-session.ts';
import type { EngineCommand } from '../../../shared/rpc/engine-protocol.ts';
import { withRequests, type EngineClient } from '../../../renderer/bridge/engine-client.ts';
import { TimelineStore } from '../../../renderer/state/timeline-store.ts';
import { DEFAULT_USER_SETTINGS, type ClipboardItemRequest, type MenuAction, type SaveFileRequest, type UserSettings } from '../../../shared/ipc/ipc-contract.ts';
import type { HostResult, HostServices, SaveFileResult } from '../../../renderer/host/host-services.ts';
import { REPO_ROOT } from '../panels/cli-tokens.ts';
import { createResvgRasterizer } from '../../../shared/export/resvg-rasterizer.ts';
import type { ExportDeps } from '../../../shared/export/export-file.ts';

export const SIDE_BY_SIDE = 'assets/scenarios/side-by-side.yaml';

export function scenarioText(file = SIDE_BY_SIDE): string {
  return readFileSync(join(REPO_ROOT, file), 'utf8');
}

/**
 * The export font and the resvg wasm from disk, as the CLI's node-export-deps loads them but by path: under jsdom the
 * global URL is jsdom's, which node's file helpers refuse.
 */
export async function exportDepsFromDisk(): Promise<ExportDeps> {
  const read = async (path: string) => new Uint8Array(await readFile(path));
  const [wasm, regular, bold] = await Promise.all([
    read(createRequire(join(REPO_ROOT, 'package.json')).resolve('@resvg/resvg-wasm/index_bg.wasm')),
    read(join(REPO_ROOT, 'assets/fonts/dejavu-sans-export.ttf')),
    read(join(REPO_ROOT, 'assets/fonts/dejavu-sans-bold-export.ttf')),
  ]);
  return { fonts: { regular, bold }, rasterizer: createResvgRasterizer({ wasm, fonts: [regular, bold] }) };
}

export interface LiveEngine {
  store: TimelineStore;
  client: EngineClient & { sent: EngineCommand[]; idle(): Promise<void> };
}

export async function liveEngine(file = SIDE_BY_SIDE, atMs = 0): Promise<LiveEngine> {
  const store = new TimelineStore();
  const session = new EngineSession({ wallNowMs: () => 0, setTimer: () => 0, clearTimer: () => undefined, send: (message) => store.apply(message) });
  await session.handle({ type: 'load', scenarioText: scenarioText(file), sourceName: file });
  await session.handle({ type: 'seek', simMs: atMs });
  const sent: EngineCommand[] = [];
  let queue = Promise.resolve();
  const transport = {
    send(command: EngineCommand) {
      sent.push(command);
      queue = queue.then(() => session.handle(command));
    },
    onMessage: () => () => undefined,
  };
  const client = { ...withRequests(transport), sent, idle: () => queue };
  return { store, client };
}

export interface FakeHost extends HostServices {
  settings: UserSettings;
  saved: SaveFileRequest[];
  copied: ClipboardItemRequest[];
  patches: Partial<UserSettings>[];
  saveAnswer: SaveFileResult | undefined;
  copyAnswer: HostResult;
  /** Chooses an item of the host's menu, as the desktop's menu would. */
  menu(action: MenuAction): void;
}

/**
 * A host that remembers in memory and saves every file as asked (or answers `saveAnswer` instead); it has an Open
 * dialog only when a test gives it `openScenarioFile`.
 */
export function fakeHost(settings: Partial<UserSettings> = {}): FakeHost {
  const menuListeners = new Set<(action: MenuAction) => void>();
  const host: FakeHost = {
    kind: 'browser',
    settings: { ...DEFAULT_USER_SETTINGS, ...settings },
    saved: [],
    copied: [],
    patches: [],
    saveAnswer: undefined,
    copyAnswer: { ok: true },
    loadSettings: vi.fn(async () => structuredClone(host.settings)),
    saveSettings: vi.fn(async (patch: Partial<UserSettings>) => {
      host.patches.push(patch);
      host.settings = { ...host.settings, ...patch };
      return structuredClone(host.settings);
    }),
    loadLessonProgress: async () => undefined,
    saveLessonProgress: async () => ({ ok: true }),
    loadScenarioDraft: async () => undefined,
    saveScenarioDraft: async () => ({ ok: true }),
    saveFile: vi.fn(async (request: SaveFileRequest): Promise<SaveFileResult> => {
      host.saved.push(request);
      return host.saveAnswer ?? { saved: true, where: `/home/user/${request.suggestedName}` };
    }),
    copyToClipboard: vi.fn(async (item: ClipboardItemRequest) => {
      host.copied.push(item);
      return host.copyAnswer;
    }),
    onMenuAction: (listener) => {
      menuListeners.add(listener);
      return () => void menuListeners.delete(listener);
    },
    menu: (action) => menuListeners.forEach((listener) => listener(action)),
  };
  return host;
}
