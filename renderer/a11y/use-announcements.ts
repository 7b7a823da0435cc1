import { useEffect, useRef, useState } from 'react';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import { Announcer, type AnnounceVerbosity } from './announcer.ts';

export interface Announcement {
  text: string;
  /** Changes with every announcement, so the same sentence twice is still read twice. */
  id: number;
}

/**
 * Feeds the store's new events to an Announcer and hands back what to announce, when it is due. A new scenario or a
 * seek back (the log gets shorter) starts afresh without reading the replayed past aloud.
 */
export function useAnnouncements(snapshot: TimelineSnapshot, verbosity: AnnounceVerbosity): Announcement | undefined {
  const announcer = useRef<Announcer | undefined>(undefined);
  announcer.current ??= new Announcer();
  // The log is one array the store appends to (and cuts on a seek back): remember its length and last event.
  const seen = useRef<{ scenario: unknown; count: number; last: unknown }>({ scenario: undefined, count: 0, last: undefined });
  const [announcement, setAnnouncement] = useState<Announcement | undefined>(undefined);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const a = announcer.current!;
    const events = snapshot.events;
    const cut = events.length < seen.current.count || (seen.current.count > 0 && events[seen.current.count - 1] !== seen.current.last);
    if (seen.current.scenario !== snapshot.scenario || cut) {
      a.reset(events);
    } else if (events.length > seen.current.count) {
      a.observe(events.slice(seen.current.count), verbosity);
    }
    seen.current = { scenario: snapshot.scenario, count: events.length, last: events[events.length - 1] };
    const due = a.dueInMs(performance.now());
    if (due === undefined) return;
    const timer = setTimeout(() => {
      const text = a.take(performance.now());
      if (text !== undefined) setAnnouncement((old) => ({ text, id: (old?.id ?? 0) + 1 }));
      else setTick((n) => n + 1);
    }, due);
    return () => clearTimeout(timer);
  }, [snapshot.events, snapshot.events.length, snapshot.scenario, verbosity, tick]);

  return verbosity === 'off' ? undefined : announcement;
}
