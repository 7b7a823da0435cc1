import { createContext, useContext } from 'react';
import type { ThemeName } from '../../shared/figure/theme.ts';

/**
 * The theme the app shows, resolved from the user's setting ('system' already decided), passed down from App so every
 * canvas repaints with it; outside App (a panel on its own, a test) there is none and canvases draw the light theme.
 */
export const ThemeContext = createContext<ThemeName | undefined>(undefined);

export function useThemeName(): ThemeName | undefined {
  return useContext(ThemeContext);
}
