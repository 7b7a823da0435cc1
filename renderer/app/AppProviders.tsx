/** What every panel may read from the app without props: the theme the canvases draw in, and how to open the glossary. */
import type { ReactNode } from 'react';
import { GlossaryContext } from '../glossary/use-glossary.ts';
import { ThemeContext } from '../theme/theme-context.ts';
import type { ThemeName } from '../../shared/figure/theme.ts';

interface Props {
  themeName: ThemeName;
  openGlossary(entryId?: string): void;
  children: ReactNode;
}

export function AppProviders({ themeName, openGlossary, children }: Props) {
  return (
    <ThemeContext.Provider value={themeName}>
      <GlossaryContext.Provider value={openGlossary}>{children}</GlossaryContext.Provider>
    </ThemeContext.Provider>
  );
}
