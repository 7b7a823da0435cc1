// @vitest-environment jsdom
/**
 * useUserSettings: the stored settings arrive once; a change shows at once and is then saved; saves keep their
 * order; a refused save is rolled back and reported; a change made before the load finished is not lost.
 */
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useUserSettings } from '../../../renderer/host/use-user-settings.ts';
import { DEFAULT_USER_SETTINGS, type UserSettings } from '../../../shared/ipc/ipc-contract.ts';
import { FakeHostServices } from '../../fakes/host-services.ts';

afterEach(cleanup);

async function settle(): Promise<void> {
  await act(async () => {});
}

/** A host whose saves wait until the test lets each one through, in order. */
class SlowSaves extends FakeHostServices {
  readonly waiting: (() => void)[] = [];
  override async saveSettings(patch: Partial<UserSettings>): Promise<UserSettings> {
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return super.saveSettings(patch);
  }
}

describe('useUserSettings', () => {
  it('shows the defaults until the stored settings arrive, then those', async () => {
    const host = new FakeHostServices();
    host.settings = { ...DEFAULT_USER_SETTINGS, theme: 'projector', fontScalePercent: 200 };
    const release = host.holdLoads();
    const { result } = renderHook(() => useUserSettings(host));
    expect(result.current).toMatchObject({ settings: DEFAULT_USER_SETTINGS, loaded: false, error: undefined });
    release();
    await settle();
    expect(result.current).toMatchObject({ settings: { theme: 'projector', fontScalePercent: 200 }, loaded: true });
  });

  it('applies a change at once, before the host has saved it, then keeps it', async () => {
    const host = new SlowSaves();
    const { result } = renderHook(() => useUserSettings(host));
    await settle();
    let saved!: Promise<void>;
    act(() => {
      saved = result.current.update({ fontScalePercent: 150 });
    });
    expect(result.current.settings.fontScalePercent).toBe(150);
    await settle();
    expect(host.settings.fontScalePercent).toBe(100);
    host.waiting.shift()!();
    await act(async () => saved);
    expect(host.settings.fontScalePercent).toBe(150);
    expect(result.current.settings.fontScalePercent).toBe(150);
  });

  it('saves changes one after another, so the last one made is the one stored', async () => {
    const host = new SlowSaves();
    const { result } = renderHook(() => useUserSettings(host));
    await settle();
    act(() => {
      void result.current.update({ theme: 'dark' });
      void result.current.update({ theme: 'projector' });
    });
    expect(result.current.settings.theme).toBe('projector');
    await settle();
    expect(host.waiting).toHaveLength(1);
    host.waiting.shift()!();
    await settle();
    // The first save's answer (dark) must not show while the second (projector) is still on its way.
    expect(result.current.settings.theme).toBe('projector');
    host.waiting.shift()!();
    await settle();
    expect(host.settings.theme).toBe('projector');
    expect(result.current.settings.theme).toBe('projector');
  });

  it('rolls back a change the host refuses and says why; the next saved change clears the error', async () => {
    const host = new FakeHostServices();
    const { result } = renderHook(() => useUserSettings(host));
    await settle();
    host.failWrites = 'EACCES: permission denied';
    await act(async () => result.current.update({ theme: 'dark' }));
    expect(result.current.settings.theme).toBe('system');
    expect(result.current.error).toBe('cannot save the settings: EACCES: permission denied');

    host.failWrites = undefined;
    await act(async () => result.current.update({ announceVerbosity: 'off' }));
    expect(result.current.error).toBeUndefined();
    expect(result.current.settings).toMatchObject({ theme: 'system', announceVerbosity: 'off' });
  });

  it('keeps a change made while the stored settings were still loading', async () => {
    const host = new FakeHostServices();
    host.settings = { ...DEFAULT_USER_SETTINGS, speed: 600 };
    const release = host.holdLoads();
    const { result } = renderHook(() => useUserSettings(host));
    await act(async () => result.current.update({ theme: 'light' }));
    release();
    await settle();
    expect(result.current.settings).toMatchObject({ theme: 'light', speed: 600 });
    expect(result.current.loaded).toBe(true);
  });
});
