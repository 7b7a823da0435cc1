import { useEffect, useState } from 'react';
import type { Theme } from '../../shared/ipc/ipc-contract.ts';
import type { ThemeName } from '../../shared/figure/theme.ts';

/** The theme shown for a setting: 'system' follows the OS's light or dark preference. */
export function resolveTheme(setting: Theme, prefersDark: boolean): ThemeName {
  return setting === 'system' ? (prefersDark ? 'dark' : 'light') : setting;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * Puts the chosen theme on <html data-theme>, where the app's CSS (renderer/theme/app.css) picks it up, follows the OS
 * preference while the setting is 'system', and returns the theme shown, which App passes down to the canvases
 * (ThemeContext).
 */
export function useAppTheme(setting: Theme): ThemeName {
  const query = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : undefined;
  const [prefersDark, setPrefersDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setPrefersDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  const theme = resolveTheme(setting, prefersDark);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
