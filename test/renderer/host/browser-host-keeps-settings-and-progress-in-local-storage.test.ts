/**
 * The browser host against a fake window: settings and lesson progress in a Storage (field by field when read back,
 * under the lesson key learners already have), saving as a download through an object URL, and the asynchronous
 * Clipboard API, with a clear answer whenever the browser cannot do what was asked; no menu and no Open dialog.
 */
import { describe, expect, it, vi } from 'vitest';
import { createBrowserHost, DRAFT_KEY, LESSON_KEY_PREFIX, SETTINGS_KEY, type BrowserEnvironment } from '../../../renderer/host/browser-host.ts';
import { DEFAULT_USER_SETTINGS } from '../../../shared/ipc/ipc-contract.ts';
import { DEFAULT_EXPORT_SETTINGS, type ExportMemory } from '../../../shared/export/export-types.ts';
import type { LessonProgress } from '../../../shared/ipc/lesson-progress.ts';

const PROGRESS: LessonProgress = { stepId: 'rotation', completed: ['legacy-forever'], quizzes: { 'quiz-why-safer': { choice: 1, correct: true } } };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7]);

class FakeClipboardItem {
  constructor(readonly items: Record<string, Blob | string>) {}
}

function fakeWindow(options: { storage?: Record<string, string>; blockedStorage?: boolean; clipboard?: 'none' | 'text-only' | 'full' | 'denied' } = {}) {
  const items = new Map(Object.entries(options.storage ?? {}));
  const storage = {
    items,
    failWrites: undefined as string | undefined,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (storage.failWrites) throw Object.assign(new Error(storage.failWrites), { name: 'QuotaExceededError' });
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
  const links: { href: string; download: string; clicked: boolean; removed: boolean }[] = [];
  const blobs = new Map<string, Blob>();
  const revoked: string[] = [];
  const timers: (() => void)[] = [];
  const written: unknown[] = [];
  const kind = options.clipboard ?? 'full';
  const denied = () => Promise.reject(Object.assign(new Error('Document is not focused.'), { name: 'NotAllowedError' }));
  const clipboard =
    kind === 'none'
      ? undefined
      : {
          write: kind === 'text-only' ? (undefined as never) : kind === 'denied' ? denied : async (data: ClipboardItems) => void written.push(...data),
          writeText: kind === 'denied' ? denied : async (text: string) => void written.push(text),
        };
  const env: BrowserEnvironment = {
    get localStorage() {
      if (options.blockedStorage) throw Object.assign(new Error('The operation is insecure.'), { name: 'SecurityError' });
      return storage;
    },
    navigator: { clipboard },
    document: {
      createElement: () => {
        const link = { href: '', download: '', clicked: false, removed: false, click: () => void (link.clicked = true), remove: () => void (link.removed = true) };
        links.push(link);
        return link;
      },
      body: { append: () => {} },
    },
    URL: {
      createObjectURL: (blob: Blob) => {
        const url = `blob:http://127.0.0.1/${blobs.size + 1}`;
        blobs.set(url, blob);
        return url;
      },
      revokeObjectURL: (url: string) => void revoked.push(url),
    },
    ...(kind === 'text-only' ? {} : { ClipboardItem: FakeClipboardItem as never }),
    setTimeout: (callback: () => void) => timers.push(callback),
  };
  return { env, storage, links, blobs, revoked, timers, written };
}

const quiet = { log: () => {} };

describe('browser host: settings', () => {
  it('starts from the defaults and remembers a change in local storage', async () => {
    const w = fakeWindow();
    const host = createBrowserHost(w.env, quiet);
    expect(host.kind).toBe('browser');
    expect(await host.loadSettings()).toEqual(DEFAULT_USER_SETTINGS);
    expect(await host.saveSettings({ theme: 'projector', fontScalePercent: 150 })).toEqual({ ...DEFAULT_USER_SETTINGS, theme: 'projector', fontScalePercent: 150 });
    expect(JSON.parse(w.storage.items.get(SETTINGS_KEY)!)).toEqual({ ...DEFAULT_USER_SETTINGS, theme: 'projector', fontScalePercent: 150 });
    expect(await createBrowserHost(w.env, quiet).loadSettings()).toMatchObject({ theme: 'projector', fontScalePercent: 150 });
  });

  it('keeps each valid stored field and puts every broken or unknown one back to its default', async () => {
    const memory: ExportMemory = { last: { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [] }, presets: [] };
    const stored = { theme: 'dark', speed: -1, fontScalePercent: 400, announceVerbosity: 'off', exportMemory: memory, lastScenarioId: '../x', injected: true };
    const host = createBrowserHost(fakeWindow({ storage: { [SETTINGS_KEY]: JSON.stringify(stored) } }).env, quiet);
    expect(await host.loadSettings()).toEqual({ ...DEFAULT_USER_SETTINGS, theme: 'dark', announceVerbosity: 'off', exportMemory: memory });
  });

  it.each([
    ['not JSON', '{"theme": "dark"'],
    ['a JSON array', '["dark"]'],
    ['a prototype-polluting object', '{"__proto__": {"theme": "dark"}}'],
  ])('reads stored settings that are %s as the defaults', async (_name, text) => {
    const host = createBrowserHost(fakeWindow({ storage: { [SETTINGS_KEY]: text } }).env, quiet);
    expect(await host.loadSettings()).toEqual(DEFAULT_USER_SETTINGS);
    expect(({} as Record<string, unknown>).theme).toBeUndefined();
  });

  it('rejects an invalid change with the reason, and stores nothing', async () => {
    const w = fakeWindow();
    const host = createBrowserHost(w.env, quiet);
    await expect(host.saveSettings({ fontScalePercent: 99 })).rejects.toThrow(/^cannot save the settings: fontScalePercent must be an integer from 100 to 250/);
    expect(w.storage.items.size).toBe(0);
  });

  it('keeps a change for the tab, and warns once, when storage refuses to write', async () => {
    const w = fakeWindow();
    const log = vi.fn();
    const host = createBrowserHost(w.env, { log });
    w.storage.failWrites = 'quota exceeded';
    expect(await host.saveSettings({ theme: 'dark' })).toMatchObject({ theme: 'dark' });
    expect(await host.saveSettings({ speed: 60 })).toMatchObject({ theme: 'dark', speed: 60 });
    expect(await host.loadSettings()).toMatchObject({ theme: 'dark', speed: 60 });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(/will not be remembered after this tab closes: QuotaExceededError: quota exceeded/);
  });

  it('works for the tab when storage is blocked altogether', async () => {
    const log = vi.fn();
    const host = createBrowserHost(fakeWindow({ blockedStorage: true }).env, { log });
    expect(await host.saveSettings({ theme: 'light' })).toMatchObject({ theme: 'light' });
    expect(await host.saveLessonProgress('projected-tokens', PROGRESS)).toEqual({ ok: true });
    expect(await host.loadLessonProgress('projected-tokens')).toEqual(PROGRESS);
    expect(log.mock.calls[0]![0]).toMatch(/local storage is not available \(SecurityError: The operation is insecure\.\)/);
  });
});

describe('browser host: lesson progress', () => {
  it('reads progress saved before this change, under the same key', async () => {
    const host = createBrowserHost(fakeWindow({ storage: { [`${LESSON_KEY_PREFIX}projected-tokens`]: JSON.stringify(PROGRESS) } }).env, quiet);
    expect(LESSON_KEY_PREFIX).toBe('tokenscope.lesson.');
    expect(await host.loadLessonProgress('projected-tokens')).toEqual(PROGRESS);
    expect(await host.loadLessonProgress('another-lesson')).toBeUndefined();
  });

  it('saves per lesson and loads the same progress back', async () => {
    const w = fakeWindow();
    const host = createBrowserHost(w.env, quiet);
    expect(await host.saveLessonProgress('projected-tokens', PROGRESS)).toEqual({ ok: true });
    expect([...w.storage.items.keys()]).toEqual(['tokenscope.lesson.projected-tokens']);
    expect(await host.loadLessonProgress('projected-tokens')).toEqual(PROGRESS);
  });

  it('reads a corrupt or malformed entry as no progress, and keeps what is sound in a damaged one', async () => {
    const host = createBrowserHost(
      fakeWindow({
        storage: {
          'tokenscope.lesson.a': '{not json',
          'tokenscope.lesson.b': '{"completed":[]}',
          'tokenscope.lesson.c': JSON.stringify({ ...PROGRESS, completed: ['x', 5], quizzes: { q: { choice: 'one' } } }),
        },
      }).env,
      quiet,
    );
    expect(await host.loadLessonProgress('a')).toBeUndefined();
    expect(await host.loadLessonProgress('b')).toBeUndefined();
    expect(await host.loadLessonProgress('c')).toEqual({ stepId: 'rotation', completed: ['x'], quizzes: {} });
  });

  it('refuses malformed progress and bad lesson ids, and reports a storage that refuses to write', async () => {
    const w = fakeWindow();
    const host = createBrowserHost(w.env, quiet);
    expect(await host.saveLessonProgress('../settings', PROGRESS)).toMatchObject({ ok: false, error: expect.stringMatching(/lessonId must be a lesson id/) });
    expect(await host.saveLessonProgress('a', { ...PROGRESS, completed: 'all' } as never)).toMatchObject({ ok: false, error: expect.stringMatching(/progress\.completed/) });
    w.storage.failWrites = 'quota exceeded';
    expect(await host.saveLessonProgress('a', PROGRESS)).toEqual({ ok: false, error: 'the browser refused to store the lesson progress: QuotaExceededError: quota exceeded' });
    expect(await host.loadLessonProgress('../settings')).toBeUndefined();
  });
});

describe('browser host: the scenario draft', () => {
  const DRAFT = { sourceName: 'builtin:side-by-side', title: 'One app', scenarioText: 'name: a\nannotations: []\n', baseText: 'name: a\n', savedAtEpochMs: 1_700_000_000_000 };

  it('keeps the draft in local storage, reads it back in a new tab, and removes it when told', async () => {
    const w = fakeWindow();
    expect(await createBrowserHost(w.env, quiet).saveScenarioDraft(DRAFT)).toEqual({ ok: true });
    expect([...w.storage.items.keys()]).toEqual([DRAFT_KEY]);
    const later = createBrowserHost(w.env, quiet);
    expect(await later.loadScenarioDraft()).toEqual(DRAFT);
    expect(await later.saveScenarioDraft(null)).toEqual({ ok: true });
    expect(w.storage.items.size).toBe(0);
    expect(await later.loadScenarioDraft()).toBeUndefined();
  });

  it('offers no draft from a broken entry, refuses a malformed one, and says when storage refuses it', async () => {
    const broken = createBrowserHost(fakeWindow({ storage: { [DRAFT_KEY]: '{"sourceName":' } }).env, quiet);
    expect(await broken.loadScenarioDraft()).toBeUndefined();
    const half = createBrowserHost(fakeWindow({ storage: { [DRAFT_KEY]: JSON.stringify({ ...DRAFT, baseText: undefined }) } }).env, quiet);
    expect(await half.loadScenarioDraft()).toBeUndefined();
    const w = fakeWindow();
    const host = createBrowserHost(w.env, quiet);
    expect(await host.saveScenarioDraft({ ...DRAFT, sourceName: '' })).toMatchObject({ ok: false, error: expect.stringMatching(/draft\.sourceName/) });
    w.storage.failWrites = 'quota exceeded';
    expect(await host.saveScenarioDraft(DRAFT)).toEqual({ ok: false, error: 'the browser refused to keep a draft of your notes: QuotaExceededError: quota exceeded' });
  });
});

describe('browser host: saving a file', () => {
  it('downloads the bytes under the suggested name through an object URL, revoked later', async () => {
    const w = fakeWindow();
    const host = createBrowserHost(w.env, quiet);
    expect(await host.saveFile({ suggestedName: 'rotation.png', mimeType: 'image/png', data: PNG })).toEqual({ saved: true, where: 'rotation.png' });
    expect(w.links).toEqual([{ href: 'blob:http://127.0.0.1/1', download: 'rotation.png', clicked: true, removed: true, click: expect.any(Function), remove: expect.any(Function) }]);
    const blob = w.blobs.get('blob:http://127.0.0.1/1')!;
    expect(blob.type).toBe('image/png');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(PNG);
    expect(w.revoked).toEqual([]);
    w.timers.forEach((run) => run());
    expect(w.revoked).toEqual(['blob:http://127.0.0.1/1']);
  });

  it('downloads text as UTF-8', async () => {
    const w = fakeWindow();
    await createBrowserHost(w.env, quiet).saveFile({ suggestedName: 'events.csv', mimeType: 'text/csv', data: 'time,event\n0,∞\n' });
    expect(await w.blobs.get('blob:http://127.0.0.1/1')!.text()).toBe('time,event\n0,∞\n');
  });

  it('refuses a bad request and says why, without downloading anything', async () => {
    const w = fakeWindow();
    const host = createBrowserHost(w.env, quiet);
    expect(await host.saveFile({ suggestedName: 'x/y.png', mimeType: 'image/png', data: PNG })).toMatchObject({ saved: false, canceled: false, error: expect.stringMatching(/path separator/) });
    expect(w.links).toEqual([]);
  });

  it('reports a browser that cannot start the download', async () => {
    const w = fakeWindow();
    w.env.URL.createObjectURL = () => {
      throw new TypeError('URL.createObjectURL is not a function');
    };
    expect(await createBrowserHost(w.env, quiet).saveFile({ suggestedName: 'a.svg', mimeType: 'image/svg+xml', data: '<svg/>' })).toEqual({
      saved: false,
      canceled: false,
      error: 'the browser could not start the download: TypeError: URL.createObjectURL is not a function',
    });
  });
});

describe('browser host: the clipboard', () => {
  it('writes a PNG as an image/png ClipboardItem and an SVG as text', async () => {
    const w = fakeWindow();
    const host = createBrowserHost(w.env, quiet);
    expect(await host.copyToClipboard({ mimeType: 'image/png', data: PNG })).toEqual({ ok: true });
    expect(await host.copyToClipboard({ mimeType: 'image/svg+xml', data: '<svg/>' })).toEqual({ ok: true });
    const [item, text] = w.written as [FakeClipboardItem, string];
    expect(Object.keys(item.items)).toEqual(['image/png']);
    expect(new Uint8Array(await (item.items['image/png'] as Blob).arrayBuffer())).toEqual(PNG);
    expect(text).toBe('<svg/>');
  });

  it('says so when the page has no clipboard, or cannot put images on it', async () => {
    expect(await createBrowserHost(fakeWindow({ clipboard: 'none' }).env, quiet).copyToClipboard({ mimeType: 'text/plain', data: 'x' })).toEqual({
      ok: false,
      error: 'this browser gives the page no clipboard (it needs https or localhost); save the file instead',
    });
    const textOnly = createBrowserHost(fakeWindow({ clipboard: 'text-only' }).env, quiet);
    expect(await textOnly.copyToClipboard({ mimeType: 'image/png', data: PNG })).toEqual({ ok: false, error: 'this browser cannot put images on the clipboard; save the PNG instead' });
    expect(await textOnly.copyToClipboard({ mimeType: 'text/plain', data: 'x' })).toEqual({ ok: true });
  });

  it('explains a refused permission', async () => {
    const host = createBrowserHost(fakeWindow({ clipboard: 'denied' }).env, quiet);
    const answer = await host.copyToClipboard({ mimeType: 'image/png', data: PNG });
    expect(answer).toEqual({ ok: false, error: 'the browser refused clipboard access (the page must be focused and allowed to write): NotAllowedError: Document is not focused.' });
  });

  it('refuses bytes that are not a PNG before asking the browser', async () => {
    const w = fakeWindow();
    expect(await createBrowserHost(w.env, quiet).copyToClipboard({ mimeType: 'image/png', data: new Uint8Array([1]) })).toMatchObject({ ok: false, error: expect.stringMatching(/not a PNG/) });
    expect(w.written).toEqual([]);
  });
});

describe('browser host: menu and Open', () => {
  it('has no menu to listen to and no Open dialog of its own (the page\'s file input chooses files)', () => {
    const host = createBrowserHost(fakeWindow().env, quiet);
    const listener = vi.fn();
    const unsubscribe = host.onMenuAction(listener);
    expect(() => unsubscribe()).not.toThrow();
    expect(listener).not.toHaveBeenCalled();
    expect(host.openScenarioFile).toBeUndefined();
  });
});
