import { useEffect, useState } from 'react';

/** The theme named by `<html data-theme="…">`, following changes, so the app's theme switch reaches every canvas. */
export function useDocumentThemeName(): string | undefined {
  const read = () => (typeof document !== 'undefined' ? (document.documentElement.dataset.theme ?? undefined) : undefined);
  const [name, setName] = useState(read);
  useEffect(() => {
    if (typeof MutationObserver === 'undefined') return;
    const observer = new MutationObserver(() => setName(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return name;
}
