/**
 * What copying a link came to, in words, with what to do next: the link itself to copy by hand when the clipboard
 * would not take it; for a link too long to paste into a chat, the scenario file and an exported image, which carry
 * the same moment, and the long link after all; on the desktop, the ways to share that do work there.
 */
import { formatBytes } from '../../shared/limits/input-budgets.ts';
import { CHAT_LINK_MAX_CHARS } from '../../shared/export/moment-link.ts';
import type { CopyLinkOutcome } from './use-copy-link.ts';

interface Props {
  outcome: CopyLinkOutcome;
  /** Saves the scenario file (the moment's text, notes and all). */
  onSaveScenario(): void;
  /** Saves an image that carries the moment, when there is a way to here (the export dialog's own Save). */
  onSaveImage?: (() => void) | undefined;
  saveImageLabel?: string;
  onCopyAnyway(): void;
}

function LinkField({ link }: { link: string }) {
  return (
    <input
      className="share-link-text"
      type="text"
      readOnly
      value={link}
      aria-label="The link"
      data-testid="share-link-text"
      onFocus={(e) => e.currentTarget.select()}
    />
  );
}

export function linkOutcomeText(outcome: CopyLinkOutcome): string {
  switch (outcome.kind) {
    case 'copying':
      return 'Copying the link…';
    case 'copied':
      return `Link copied (${formatBytes(outcome.link.length)}). Whoever opens it sees this scenario with its notes, at this moment, in this window. The moment travels in the part after #, which browsers never send to a server.`;
    case 'too-long':
      return `This link is ${formatBytes(outcome.link.length)}: too long for most chat tools, which cut or refuse links past about ${formatBytes(CHAT_LINK_MAX_CHARS)}. Share the scenario file or an exported image instead; both carry the same moment and reopen it when dropped on TokenScope.`;
    case 'failed':
      return `The link could not be copied (${outcome.error}). Here it is: select it and copy it yourself.`;
    case 'desktop':
      return 'A link opens TokenScope in a browser, and the desktop app has no web address to put in one. To share this moment, save the scenario or export an image: both reopen it, here or in the browser. Links sent to you open here with Ctrl/⌘+V on the timeline, or File → Open Link….';
  }
}

export function LinkOutcome({ outcome, onSaveScenario, onSaveImage, saveImageLabel = 'Export an image…', onCopyAnyway }: Props) {
  const offersFile = outcome.kind === 'too-long' || outcome.kind === 'desktop';
  return (
    <div className="share-link-outcome" data-testid="share-link-outcome" data-outcome={outcome.kind}>
      <p>{linkOutcomeText(outcome)}</p>
      {(outcome.kind === 'copied' || outcome.kind === 'failed') && <LinkField link={outcome.link} />}
      {offersFile && (
        <div className="share-link-offers" role="group" aria-label="Share the file instead">
          <button type="button" onClick={onSaveScenario} data-testid="share-save-scenario">
            Save the scenario…
          </button>
          {onSaveImage && (
            <button type="button" onClick={onSaveImage} data-testid="share-save-image">
              {saveImageLabel}
            </button>
          )}
          {outcome.kind === 'too-long' && (
            <button type="button" onClick={onCopyAnyway} data-testid="share-copy-anyway">
              Copy the long link anyway
            </button>
          )}
        </div>
      )}
    </div>
  );
}
