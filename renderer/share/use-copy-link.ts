/**
 * Copying the link to a moment, and what came of it: copied (the link is shown too, to copy by hand), too long for
 * the chat tools people paste links into (the file is offered instead; the link is copied only if asked again),
 * refused by the clipboard (the link is shown, to copy by hand), or not possible at all on the desktop, which has no
 * web address of its own to put in a link.
 */
import { useCallback, useState } from 'react';
import type { ExportMoment } from '../../shared/export/export-types.ts';
import type { HostServices } from '../host/host-services.ts';

export type CopyLinkOutcome =
  | { kind: 'copying'; link: string }
  | { kind: 'copied'; link: string }
  | { kind: 'too-long'; link: string }
  | { kind: 'failed'; link: string; error: string }
  | { kind: 'desktop' };

export interface CopyLink {
  outcome: CopyLinkOutcome | undefined;
  /** Makes the link to `moment`; copies it unless it is too long for a chat message. */
  copy(moment: ExportMoment): void;
  /** Copies the link the last `copy` made, however long it is. */
  copyAnyway(): void;
  dismiss(): void;
}

/** The code that reads and writes links (a compressor among it): loaded on first use, not with the app. */
export const loadMomentLinks = () => import('../../shared/export/moment-link.ts');

/** Where the page was loaded from, which a link must lead back to; the desktop has none to give. */
export function pageAddress(host: Pick<HostServices, 'kind'>): string | undefined {
  return host.kind === 'browser' && typeof window !== 'undefined' ? window.location.href : undefined;
}

export function useCopyLink(host: Pick<HostServices, 'kind' | 'copyToClipboard'>): CopyLink {
  const [outcome, setOutcome] = useState<CopyLinkOutcome | undefined>();

  const write = useCallback(
    (link: string) => {
      setOutcome({ kind: 'copying', link });
      host.copyToClipboard({ mimeType: 'text/plain', data: link }).then(
        (result) => setOutcome(result.ok ? { kind: 'copied', link } : { kind: 'failed', link, error: result.error }),
        (error: unknown) => setOutcome({ kind: 'failed', link, error: error instanceof Error ? error.message : String(error) }),
      );
    },
    [host],
  );

  const copy = useCallback(
    (moment: ExportMoment) => {
      const base = pageAddress(host);
      if (base === undefined) return setOutcome({ kind: 'desktop' });
      void loadMomentLinks().then(({ CHAT_LINK_MAX_CHARS, momentLink }) => {
        const link = momentLink(base, moment);
        if (link.length > CHAT_LINK_MAX_CHARS) return setOutcome({ kind: 'too-long', link });
        write(link);
      });
    },
    [host, write],
  );

  const copyAnyway = useCallback(() => {
    if (outcome && 'link' in outcome) write(outcome.link);
  }, [outcome, write]);

  const dismiss = useCallback(() => setOutcome(undefined), []);
  return { outcome, copy, copyAnyway, dismiss };
}
