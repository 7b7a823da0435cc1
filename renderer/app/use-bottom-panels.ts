/**
 * The bottom panels' state: the tab shown, the tabs opened so far (mounted from their first opening on, then kept, so
 * a terminal keeps its state), the flow the console talks to, what the editor holds and what the console's
 * `apply -f` last did with it (the editor shows that), and the event search's focus requests. Opening a tab makes room for it; the console and the editor also show the detail lanes, since their
 * commands land there.
 */
import { useCallback, useRef, useState } from 'react';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import type { EngineReply } from '../bridge/engine-client.ts';
import { DEFAULT_TEMPLATE } from '../panels/manifest-editor/manifest-templates.ts';

/**
 * The room each bottom panel gets when it is opened, in rem of the root type: eight rows of events and more, fifteen
 * lines of a manifest, a terminal tall enough for a whole JWT above its prompt.
 */
const BOTTOM_PANEL_REM: Record<string, number> = { events: 23, console: 24, editor: 31 };
/** The room a search of the events needs: its field and a few rows, leaving the timeline, where the matches are marked, in view. */
const EVENT_SEARCH_REM = 13;

function remPx(): number {
  return typeof getComputedStyle === 'function' ? parseFloat(getComputedStyle(document.documentElement).fontSize) || 17 : 17;
}

export interface BottomPanelsInput {
  snapshot: TimelineSnapshot;
  /** Makes the bottom panel at least this tall, CSS px. */
  ensureBottomPx(px: number): void;
  showDetailLanes(): void;
}

export function useBottomPanels({ snapshot, ensureBottomPx, showDetailLanes }: BottomPanelsInput) {
  const [tab, setTab] = useState('events');
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set(['events']));
  if (!opened.has(tab)) setOpened(new Set([...opened, tab]));
  const [consoleFlow, setConsoleFlow] = useState<string | undefined>();
  // What the editor holds (the console can apply it); until the editor is first opened, the template it starts with.
  const editorBuffer = useRef(DEFAULT_TEMPLATE.text);
  const readEditorBuffer = useCallback(() => editorBuffer.current, []);
  const setEditorBuffer = useCallback((text: string) => {
    editorBuffer.current = text;
  }, []);
  const [consoleApply, setConsoleApply] = useState<EngineReply<'apply'> | undefined>();
  const flowIds = snapshot.scenario?.flows.map((f) => f.id) ?? [];
  const activeFlow = consoleFlow !== undefined && flowIds.includes(consoleFlow) ? consoleFlow : (flowIds[flowIds.length - 1] ?? '');
  const [searchFocus, setSearchFocus] = useState(0);

  const openTab = (next: string) => {
    setTab(next);
    if (next === 'console' || next === 'editor') showDetailLanes();
    ensureBottomPx(Math.round((BOTTOM_PANEL_REM[next] ?? 0) * remPx()));
  };
  const focusSearch = () => {
    setTab('events');
    ensureBottomPx(Math.round(EVENT_SEARCH_REM * remPx()));
    setSearchFocus((n) => n + 1);
  };
  return { tab, openTab, opened, activeFlow, setConsoleFlow, readEditorBuffer, setEditorBuffer, consoleApply, setConsoleApply, searchFocus, focusSearch };
}
