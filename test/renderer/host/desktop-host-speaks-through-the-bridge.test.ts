/**
 * The desktop host over the preload bridge (a fake that validates as the main process does): each HostServices call
 * (the menu and the Open dialog too) reaches its bridge function, and each refusal comes back as the interface's
 * outcome with the main process's words.
 */
import { describe, expect, it, vi } from 'vitest';
import { createDesktopHost } from '../../../renderer/host/desktop-host.ts';
import { DEFAULT_USER_SETTINGS } from '../../../shared/ipc/ipc-contract.ts';
import type { LessonProgress } from '../../../shared/ipc/lesson-progress.ts';
import { createFakeDesktopBridge } from '../../fakes/desktop-bridge.ts';

const PROGRESS: LessonProgress = { stepId: 'rotation', completed: ['welcome'], quizzes: {} };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]);

function setup() {
  const fake = createFakeDesktopBridge();
  const log = vi.fn();
  return { fake, log, host: createDesktopHost(fake.bridge, { log }) };
}

describe('createDesktopHost', () => {
  it('is the desktop host', () => {
    expect(setup().host.kind).toBe('desktop');
  });

  it('loads and saves settings through the main process', async () => {
    const { fake, host } = setup();
    expect(await host.loadSettings()).toEqual(DEFAULT_USER_SETTINGS);
    expect(await host.saveSettings({ theme: 'projector', fontScalePercent: 200 })).toEqual({ ...DEFAULT_USER_SETTINGS, theme: 'projector', fontScalePercent: 200 });
    expect(fake.settings.theme).toBe('projector');
  });

  it('answers the defaults, and logs why, when the settings cannot be read', async () => {
    const { fake, log, host } = setup();
    fake.bridge.getSettings = async () => ({ ok: false, error: 'refused: the sender is not the main frame' });
    expect(await host.loadSettings()).toEqual(DEFAULT_USER_SETTINGS);
    expect(log).toHaveBeenCalledWith('cannot load the settings: refused: the sender is not the main frame');
  });

  it('rejects a settings change the main process refuses, with its reason', async () => {
    const { fake, host } = setup();
    await expect(host.saveSettings({ fontScalePercent: 999 })).rejects.toThrow(/^cannot save the settings: invalid request: fontScalePercent/);
    fake.failWrites = 'EACCES: permission denied';
    await expect(host.saveSettings({ theme: 'dark' })).rejects.toThrow('cannot save the settings: EACCES: permission denied');
  });

  it('saves lesson progress and reads it back; no progress reads as undefined', async () => {
    const { host } = setup();
    expect(await host.loadLessonProgress('projected-tokens')).toBeUndefined();
    expect(await host.saveLessonProgress('projected-tokens', PROGRESS)).toEqual({ ok: true });
    expect(await host.loadLessonProgress('projected-tokens')).toEqual(PROGRESS);
  });

  it('reports a progress write that fails or is refused, and reads unreadable progress as none', async () => {
    const { fake, log, host } = setup();
    fake.failWrites = 'ENOSPC: no space left on device';
    expect(await host.saveLessonProgress('projected-tokens', PROGRESS)).toEqual({ ok: false, error: 'ENOSPC: no space left on device' });
    expect(await host.saveLessonProgress('projected-tokens', { ...PROGRESS, stepId: 'Not An Id' })).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid request: /) });
    fake.bridge.getLessonProgress = () => Promise.reject(new Error('bridge gone'));
    expect(await host.loadLessonProgress('projected-tokens')).toBeUndefined();
    expect(log).toHaveBeenCalledWith('cannot load the progress of projected-tokens: bridge gone');
  });

  it('passes the save dialog’s answer on: saved, canceled, or failed', async () => {
    const { fake, host } = setup();
    const request = { suggestedName: 'slide.png', mimeType: 'image/png' as const, data: PNG };
    fake.nextSave = { ok: true, value: { saved: true, where: '/home/me/slide.png' } };
    expect(await host.saveFile(request)).toEqual({ saved: true, where: '/home/me/slide.png' });
    expect(fake.saves).toEqual([request]);
    fake.nextSave = { ok: true, value: { saved: false, canceled: true } };
    expect(await host.saveFile(request)).toEqual({ saved: false, canceled: true });
    fake.nextSave = { ok: false, error: 'cannot save slide.png: EROFS: read-only file system' };
    expect(await host.saveFile(request)).toEqual({ saved: false, canceled: false, error: 'cannot save slide.png: EROFS: read-only file system' });
    expect(await host.saveFile({ ...request, suggestedName: '../slide.png' })).toMatchObject({ saved: false, canceled: false, error: expect.stringMatching(/path separator/) });
  });

  it('copies to the clipboard, and reports a refusal', async () => {
    const { fake, host } = setup();
    expect(await host.copyToClipboard({ mimeType: 'image/png', data: PNG })).toEqual({ ok: true });
    expect(await host.copyToClipboard({ mimeType: 'image/svg+xml', data: '<svg/>' })).toEqual({ ok: true });
    expect(fake.clipboard.map((c) => c.mimeType)).toEqual(['image/png', 'image/svg+xml']);
    expect(await host.copyToClipboard({ mimeType: 'image/png', data: new Uint8Array([1, 2]) })).toMatchObject({ ok: false, error: expect.stringMatching(/not a PNG/) });
    fake.bridge.writeClipboard = () => Promise.reject(new Error('An object could not be cloned.'));
    expect(await host.copyToClipboard({ mimeType: 'text/plain', data: 'x' })).toEqual({ ok: false, error: 'An object could not be cloned.' });
  });

  it('passes the app menu\'s items on until unsubscribed', () => {
    const { fake, host } = setup();
    const chosen: string[] = [];
    const unsubscribe = host.onMenuAction((action) => chosen.push(action));
    fake.pushMenuAction('export');
    unsubscribe();
    fake.pushMenuAction('cheat-sheet');
    expect(chosen).toEqual(['export']);
  });

  it('opens a file through the OS dialog, and answers a failed call as an error', async () => {
    const { fake, host } = setup();
    fake.nextOpen = { canceled: false, sourceName: 'mine.yaml', scenarioText: 'name: mine' };
    expect(await host.openScenarioFile?.()).toEqual({ ok: true, value: { canceled: false, sourceName: 'mine.yaml', scenarioText: 'name: mine' } });
    fake.bridge.openScenarioFile = () => Promise.reject(new Error('bridge gone'));
    expect(await host.openScenarioFile?.()).toEqual({ ok: false, error: 'bridge gone' });
  });
});
