/**
 * The user's settings as the app uses them: the settings, an update nobody waits for (a change shows at once, and a
 * save the host refuses is rolled back by useUserSettings), the theme resolved ('system' decided by the OS), and the
 * presentation type size kept within its range.
 */
import { useCallback } from 'react';
import type { UserSettings } from '../../shared/ipc/ipc-contract.ts';
import { clampFontScale } from '../../shared/figure/scale-theme.ts';
import type { HostServices } from '../host/host-services.ts';
import { useUserSettings } from '../host/use-user-settings.ts';
import { useAppTheme } from './use-app-theme.ts';

export function useAppSettings(host: HostServices) {
  const { settings, update } = useUserSettings(host);
  const updateSettings = useCallback((patch: Partial<UserSettings>) => void update(patch), [update]);
  const themeName = useAppTheme(settings.theme);
  const fontScalePercent = clampFontScale(settings.fontScalePercent);
  return { settings, updateSettings, themeName, fontScalePercent };
}
