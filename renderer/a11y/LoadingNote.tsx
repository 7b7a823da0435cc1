import type { ReactNode } from 'react';

/** What a panel or dialog shows while its code loads on first use: said to screen readers too. */
export function LoadingNote({ children }: { children: ReactNode }) {
  return (
    <p className="ts-empty" role="status">
      {children}
    </p>
  );
}
