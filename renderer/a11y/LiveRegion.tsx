/**
 * The polite live region that screen readers read events from. It is always in the document (a region added
 * together with its first text is often not read), visually hidden, and its text node is replaced per announcement.
 */
import type { Announcement } from './use-announcements.ts';

export function LiveRegion({ announcement }: { announcement: Announcement | undefined }) {
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {announcement && <p key={announcement.id}>{announcement.text}</p>}
    </div>
  );
}
