/**
 * The contract's validators for the settings, save-file, clipboard and lesson-progress channels: each valid payload
 * passes unchanged, each bad one is refused with a reason a developer can act on.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_EXPORT_PRESETS, DEFAULT_EXPORT_SETTINGS, type ExportMemory } from '../../../shared/export/export-types.ts';
import {
  BRIDGE_CHANNELS,
  DEFAULT_USER_SETTINGS,
  INVOKE_VALIDATORS,
  IpcChannel,
  MAX_FILE_BYTES,
  extensionOf,
  fileNameProblem,
  isMenuAction,
  validateClipboardItem,
  validateLessonProgressGetArgs,
  validateLessonProgressSetArgs,
  validateSaveFileRequest,
  validateSettingsPatch,
} from '../../../shared/ipc/ipc-contract.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const MEMORY: ExportMemory = { last: { ...DEFAULT_EXPORT_SETTINGS, hiddenLanes: [] }, presets: [{ name: 'Mine', settings: BUILTIN_EXPORT_PRESETS[0]!.settings }] };

const error = (checked: { ok: boolean; error?: string }) => (checked.ok ? 'accepted' : checked.error);

describe('settings', () => {
  it('has the presentation, announcement and export defaults', () => {
    expect(DEFAULT_USER_SETTINGS).toEqual({
      theme: 'system',
      speed: 3600,
      lastScenarioId: null,
      fontScalePercent: 100,
      announceVerbosity: 'milestones',
      exportMemory: null,
      bottomPanelPx: {},
      dismissedIntros: [],
    });
  });

  it('accepts bottom-panel heights by window size and the dismissed introductions', () => {
    const patch = { bottomPanelPx: { '1366x768': 240, '1920x1080': 0 }, dismissedIntros: ['builtin:side-by-side', 'my file.yaml · My title'] };
    expect(validateSettingsPatch(patch)).toEqual({ ok: true, value: patch });
  });

  it('accepts the projector theme, a font scale, a verbosity and an export memory', () => {
    const patch = { theme: 'projector', fontScalePercent: 250, announceVerbosity: 'every-event', exportMemory: MEMORY } as const;
    expect(validateSettingsPatch(patch)).toEqual({ ok: true, value: patch });
    expect(validateSettingsPatch({ exportMemory: null })).toEqual({ ok: true, value: { exportMemory: null } });
  });

  it.each<[string, unknown, RegExp]>([
    ['a font scale below 100', { fontScalePercent: 99 }, /fontScalePercent must be an integer from 100 to 250/],
    ['a font scale above 250', { fontScalePercent: 251 }, /fontScalePercent/],
    ['a fractional font scale', { fontScalePercent: 150.5 }, /fontScalePercent/],
    ['a font scale as text', { fontScalePercent: '150' }, /fontScalePercent/],
    ['an unknown verbosity', { announceVerbosity: 'loud' }, /announceVerbosity must be one of off, milestones, every-event/],
    ['an export memory with a bad scale', { exportMemory: { ...MEMORY, last: { ...MEMORY.last, scale: 3 } } }, /exportMemory\.last\.scale/],
    ['an export memory that is a string', { exportMemory: 'png' }, /exportMemory: expected an object/],
    ['an unknown theme', { theme: 'sepia' }, /theme must be one of system, light, dark, projector/],
    ['a panel height keyed by something other than a window size', { bottomPanelPx: { tall: 200 } }, /bottomPanelPx: "tall" is not a window size/],
    ['a fractional panel height', { bottomPanelPx: { '1366x768': 200.5 } }, /bottomPanelPx/],
    ['a panel height past the budget', { bottomPanelPx: { '1366x768': 20_000 } }, /whole pixels from 0 to 10000/],
    ['panel heights for too many window sizes', { bottomPanelPx: Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`${1000 + i}x700`, 200])) }, /holds 25 window sizes, more than the 24/],
    ['a dismissed introduction that is not text', { dismissedIntros: [7] }, /dismissedIntros\[0\] must be a scenario key/],
    ['an empty dismissed introduction', { dismissedIntros: [''] }, /dismissedIntros/],
  ])('refuses %s', (_name, patch, reason) => {
    expect(error(validateSettingsPatch(patch))).toMatch(reason);
  });
});

describe('save-file requests', () => {
  it('accepts bytes and text whose name ends in their type’s extension', () => {
    expect(validateSaveFileRequest({ suggestedName: 'rotation at 48 m.png', mimeType: 'image/png', data: PNG }).ok).toBe(true);
    expect(validateSaveFileRequest({ suggestedName: 'events.csv', mimeType: 'text/csv', data: 'a,b\n' }).ok).toBe(true);
    expect(validateSaveFileRequest({ suggestedName: 'mine.YML', mimeType: 'application/yaml', data: 'name: x' }).ok).toBe(true);
  });

  it.each<[string, unknown, RegExp]>([
    ['a name with a folder', { suggestedName: '../../.bashrc.png', mimeType: 'image/png', data: PNG }, /path separator/],
    ['a Windows path', { suggestedName: 'C:\\Users\\me\\x.png', mimeType: 'image/png', data: PNG }, /path separator/],
    ['a hidden file', { suggestedName: '.png', mimeType: 'image/png', data: PNG }, /must not start with a dot/],
    ['a NUL in the name', { suggestedName: 'x\u0000.png', mimeType: 'image/png', data: PNG }, /control characters/],
    ['a reserved Windows character', { suggestedName: 'a|b.png', mimeType: 'image/png', data: PNG }, /Windows forbids/],
    ['an empty name', { suggestedName: '', mimeType: 'image/png', data: PNG }, /empty/],
    ['a 300-character name', { suggestedName: `${'a'.repeat(296)}.png`, mimeType: 'image/png', data: PNG }, /longer than 255/],
    ['a name that is not a string', { suggestedName: 42, mimeType: 'image/png', data: PNG }, /must be a string/],
    ['an executable named as a PNG type', { suggestedName: 'run.exe', mimeType: 'image/png', data: PNG }, /must end in \.png/],
    ['an unknown mime type', { suggestedName: 'x.html', mimeType: 'text/html', data: '<script>' }, /mimeType must be one of/],
    ['data that is a number', { suggestedName: 'x.png', mimeType: 'image/png', data: 7 }, /data must be a Uint8Array or a string/],
    ['data that is another typed array', { suggestedName: 'x.png', mimeType: 'image/png', data: new Uint16Array(4) }, /data must be a Uint8Array/],
    ['an unknown field', { suggestedName: 'x.png', mimeType: 'image/png', data: PNG, path: '/etc' }, /unknown field "path"/],
    ['not an object', 'x.png', /expected \{ suggestedName, mimeType, data \}/],
  ])('refuses %s', (_name, request, reason) => {
    expect(error(validateSaveFileRequest(request))).toMatch(reason);
  });

  it('refuses more than 64 MB, as bytes or as text', () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    expect(error(validateSaveFileRequest({ suggestedName: 'x.png', mimeType: 'image/png', data: big }))).toMatch(/larger than 64 MB/);
    expect(error(validateSaveFileRequest({ suggestedName: 'x.svg', mimeType: 'image/svg+xml', data: 'x'.repeat(MAX_FILE_BYTES + 1) }))).toMatch(/larger than 64 MB/);
  });

  it('reads extensions and file-name problems', () => {
    expect(extensionOf('a.b.PNG')).toBe('png');
    expect(extensionOf('noext')).toBe('');
    expect(fileNameProblem('fine name (2).pdf')).toBeNull();
  });
});

describe('clipboard items', () => {
  it('accepts a PNG as bytes and SVG or plain text as strings', () => {
    expect(validateClipboardItem({ mimeType: 'image/png', data: PNG }).ok).toBe(true);
    expect(validateClipboardItem({ mimeType: 'image/svg+xml', data: '<svg/>' }).ok).toBe(true);
    expect(validateClipboardItem({ mimeType: 'text/plain', data: 'caption' }).ok).toBe(true);
  });

  it.each<[string, unknown, RegExp]>([
    ['bytes that are not a PNG', { mimeType: 'image/png', data: new Uint8Array([1, 2, 3]) }, /not a PNG image/],
    ['a PNG given as text', { mimeType: 'image/png', data: 'iVBORw0' }, /must be given as a Uint8Array/],
    ['an SVG given as bytes', { mimeType: 'image/svg+xml', data: PNG }, /must be given as a string/],
    ['HTML', { mimeType: 'text/html', data: '<b>x</b>' }, /mimeType must be one of/],
    ['an extra field', { mimeType: 'text/plain', data: 'x', selection: true }, /unknown field "selection"/],
    ['too much text', { mimeType: 'text/plain', data: 'x'.repeat(MAX_FILE_BYTES + 1) }, /larger than 64 MB/],
  ])('refuses %s', (_name, item, reason) => {
    expect(error(validateClipboardItem(item))).toMatch(reason);
  });
});

describe('lesson-progress arguments', () => {
  it('takes one lesson id to read, and { lessonId, progress } to write', () => {
    expect(validateLessonProgressGetArgs(['projected-tokens'])).toEqual({ ok: true, value: 'projected-tokens' });
    const progress = { stepId: 'welcome', completed: [], quizzes: {} };
    expect(validateLessonProgressSetArgs([{ lessonId: 'projected-tokens', progress }])).toEqual({ ok: true, value: { lessonId: 'projected-tokens', progress } });
  });

  it.each<[string, unknown[], RegExp]>([
    ['no id', [], /expected exactly one argument/],
    ['a path as id', ['../settings'], /lessonId must be a lesson id/],
    ['an id with capitals', ['Projected'], /lessonId/],
  ])('refuses to read with %s', (_name, args, reason) => {
    expect(error(validateLessonProgressGetArgs(args))).toMatch(reason);
  });

  it.each<[string, unknown[], RegExp]>([
    ['two arguments', ['projected-tokens', {}], /expected exactly one argument/],
    ['no progress', [{ lessonId: 'projected-tokens' }], /progress: expected an object/],
    ['an extra field', [{ lessonId: 'projected-tokens', progress: {}, file: '/etc/passwd' }], /unknown field "file"/],
    ['a bad lesson id', [{ lessonId: '', progress: { stepId: 'a', completed: [], quizzes: {} } }], /lessonId/],
  ])('refuses to write with %s', (_name, args, reason) => {
    expect(error(validateLessonProgressSetArgs(args))).toMatch(reason);
  });
});

describe('channels and menu actions', () => {
  it('has a validator for every invoke channel and a bridge function for every channel', () => {
    expect(Object.keys(INVOKE_VALIDATORS).sort()).toEqual(
      Object.values(IpcChannel)
        .filter((c) => c !== IpcChannel.EngineMessage && c !== IpcChannel.MenuAction)
        .sort(),
    );
    expect(new Set(Object.values(BRIDGE_CHANNELS))).toEqual(new Set(Object.values(IpcChannel)));
  });

  it('knows the presentation, export, save and cheat-sheet actions, and nothing else', () => {
    for (const action of ['zoom-to-fit', 'toggle-presentation', 'export', 'save-scenario', 'cheat-sheet']) expect(isMenuAction(action)).toBe(true);
    expect(isMenuAction('quit')).toBe(false);
  });
});
