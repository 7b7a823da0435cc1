/**
 * How any part of the app opens the glossary at a term (a claim name in the inspector, an event kind in the table):
 * the app provides the opener once, and a component that has none (a test mounting a panel alone) shows plain text.
 */
import { createContext, useContext } from 'react';

/** Opens the glossary, at the entry with this id (shared/explain/glossary.ts) when one is given. */
export type OpenGlossary = (entryId?: string) => void;

export const GlossaryContext = createContext<OpenGlossary | undefined>(undefined);

export function useOpenGlossary(): OpenGlossary | undefined {
  return useContext(GlossaryContext);
}
