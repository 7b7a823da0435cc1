import { useEffect, useState } from 'react';
import { themeNamed, type TimelineTheme } from '../../timeline/theme.ts';

/** The timeline theme named by <html data-theme>, following changes, so the token's timeline matches the main one. */
export function useDocumentTheme(): TimelineTheme {
  const read = () => (typeof document !== 'undefined' ? document.documentElement.dataset.theme : undefined);
  const [name, setName] = useState(read);
  useEffect(() => {
    if (typeof MutationObserver === 'undefined') return;
    const observer = new MutationObserver(() => setName(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return themeNamed(name);
}
