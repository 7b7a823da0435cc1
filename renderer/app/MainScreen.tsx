/**
 * The main screen outside presentation mode: scenario and transport on top (AppHeader); the two timelines on one time
 * axis with the token inspector, the guided lesson, the notes and the paste panel beside them (SidePanels); the event
 * table (the chart's accessible twin), the kubectl console and the manifest editor below (BottomPanels), under a
 * splitter that sets how the height is shared.
 */
import type { ClipboardEvent, CSSProperties, ReactNode } from 'react';
import type { SimEvent } from '../../shared/model/events.ts';
import { AppHeader, type AppHeaderProps } from './AppHeader.tsx';
import { SidePanels } from './SidePanels.tsx';
import { BottomPanels } from './BottomPanels.tsx';
import { Splitter } from './Splitter.tsx';
import type { PanelLayout } from './use-panel-layout.ts';
import type { useBottomPanels } from './use-bottom-panels.ts';
import type { useEventSearch } from './use-event-search.ts';

/** The header's own props, and the rest of the screen's. */
interface Props extends AppHeaderProps {
  scenarioKey: string;
  title: string;
  /** The element the layout measures (the main grid). */
  mainRef: PanelLayout['mainRef'];
  layout: Omit<PanelLayout, 'mainRef'>;
  bottom: ReturnType<typeof useBottomPanels>;
  search: ReturnType<typeof useEventSearch>;
  side: { tab: string; onTab(tab: string): void; selectedToken: number | undefined; showIntro: boolean; onDismissIntro(): void; onOpenScene(sourceName: string, index: number): void };
  selectedSeq: number | undefined;
  onSelectEvent(event: SimEvent): void;
  /** Status lines and banners under the header: a draft to restore, the last save, the engine's last error. */
  banners: ReactNode;
  timelines: ReactNode;
  notes: ReactNode;
  scenes: ReactNode;
  onPaste(event: ClipboardEvent<HTMLElement>): void;
  /** The live region and the dialogs. */
  children: ReactNode;
}

export function MainScreen({ mainRef, ...props }: Props) {
  const { snapshot, client, host, scenarioKey, layout, bottom, search, side } = props;
  return (
    <div className="app" data-testid="app" data-presenting="false">
      <AppHeader {...props} />
      {props.banners}
      <main
        className="app-main"
        aria-label={props.title}
        ref={mainRef}
        data-side={layout.sideOpen ? 'open' : 'closed'}
        data-bottom={layout.bottomOpen ? 'open' : 'closed'}
        style={{ '--bottom-panel-px': `${layout.bottomPx}px` } as CSSProperties}
      >
        <section className="timelines" aria-label="Timelines" onPaste={props.onPaste}>
          {props.timelines}
        </section>
        <SidePanels
          snapshot={snapshot}
          client={client}
          host={host}
          scenarioKey={scenarioKey}
          layout={layout}
          tab={side.tab}
          onTab={side.onTab}
          selectedToken={side.selectedToken}
          notes={props.notes}
          scenes={props.scenes}
          showIntro={side.showIntro}
          onDismissIntro={side.onDismissIntro}
          confirmReplace={props.confirmReplace}
          onOpenScene={side.onOpenScene}
        />
        {layout.bottomOpen && <Splitter valuePx={layout.bottomPx} minPx={layout.minBottomPx} maxPx={layout.maxBottomPx} controls="bottom-panel" onChange={layout.setBottomPx} />}
        <BottomPanels
          snapshot={snapshot}
          client={client}
          scenarioKey={scenarioKey}
          layout={layout}
          tab={bottom.tab}
          onTab={bottom.openTab}
          opened={bottom.opened}
          activeFlow={bottom.activeFlow}
          onFlowChange={bottom.setConsoleFlow}
          editorBuffer={bottom.readEditorBuffer}
          onEditorBuffer={bottom.setEditorBuffer}
          consoleApply={bottom.consoleApply}
          onConsoleApply={bottom.setConsoleApply}
          selectedSeq={props.selectedSeq}
          onSelectEvent={props.onSelectEvent}
          search={{ query: search.query, onQuery: search.setQuery, result: search.result, focusRequest: bottom.searchFocus }}
        />
      </main>
      {props.children}
    </div>
  );
}
