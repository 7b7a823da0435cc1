import { useEffect } from 'react';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';

function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** App-wide keys for driving a class from the keyboard: Space play/pause, "." step, Home back to the start. */
export function useKeyboardShortcuts(snapshot: TimelineSnapshot, client: EngineClient): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingInField(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === ' ') {
        e.preventDefault();
        client.send({ type: snapshot.playing ? 'pause' : 'play' });
      } else if (e.key === '.') client.send({ type: 'step' });
      else if (e.key === 'Home') client.send({ type: 'seek', simMs: 0 });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [snapshot.playing, client]);
}
