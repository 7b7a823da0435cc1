/**
 * The one strip of controls left in presentation mode: the transport cut down to play, step, speed and the clock,
 * then type size, spotlight, laser, the shortcut sheet and the way out. Every tool says its key, and a toggle says
 * whether it is on in words (aria-pressed and the label), not by colour.
 */
import type { ReactNode } from 'react';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import { TransportBar } from '../transport/TransportBar.tsx';
import { MAX_FONT_SCALE_PERCENT, MIN_FONT_SCALE_PERCENT } from '../../shared/figure/scale-theme.ts';

interface Props {
  snapshot: TimelineSnapshot;
  client: EngineClient;
  fontScalePercent: number;
  onFontScale(direction: 1 | -1): void;
  spotlightOn: boolean;
  onSpotlight(): void;
  laserOn: boolean;
  onLaser(): void;
  /** Whether the kubectl and other-Secrets lanes are shown (hidden by default, so both flows fit). */
  detailLanes: boolean;
  onDetailLanes(): void;
  onCheatSheet(): void;
  onLeave(): void;
  /** More controls for the bar (the app puts its Export button here, so a moment can be exported mid-class). */
  extra?: ReactNode;
  /** Beside the transport: where the class is on the run-sheet ("Scene 3 of 7"). */
  place?: ReactNode;
}

export function PresentationBar(props: Props) {
  const { fontScalePercent: scale } = props;
  return (
    <header className="presentation-bar" data-testid="presentation-bar">
      <TransportBar snapshot={props.snapshot} client={props.client} minimal />
      {props.place}
      <div className="presentation-tools" role="toolbar" aria-label="Presentation tools">
        <span className="font-scale" role="group" aria-label="Type size">
          <button type="button" onClick={() => props.onFontScale(-1)} disabled={scale <= MIN_FONT_SCALE_PERCENT} aria-label="A− smaller type" title="Smaller type (Ctrl/⌘ + −)">
            A−
          </button>
          <output data-testid="font-scale" aria-live="polite" aria-label={`Type size ${scale} percent`}>
            {scale} %
          </output>
          <button type="button" onClick={() => props.onFontScale(1)} disabled={scale >= MAX_FONT_SCALE_PERCENT} aria-label="A+ larger type" title="Larger type (Ctrl/⌘ + =)">
            A+
          </button>
        </span>
        <button type="button" aria-pressed={props.spotlightOn} onClick={props.onSpotlight} data-testid="spotlight-toggle" title="Spotlight one lane (S; ↑/↓ move it)">
          Spotlight {props.spotlightOn ? 'on' : 'off'} <kbd>S</kbd>
        </button>
        <button type="button" aria-pressed={props.laserOn} onClick={props.onLaser} data-testid="laser-toggle" title="Laser pointer (L)">
          Laser {props.laserOn ? 'on' : 'off'} <kbd>L</kbd>
        </button>
        <button type="button" aria-pressed={props.detailLanes} onClick={props.onDetailLanes} data-testid="detail-lanes-toggle" title="Detail lanes: kubectl commands and other Secrets (D)">
          Details {props.detailLanes ? 'on' : 'off'} <kbd>D</kbd>
        </button>
        {props.extra}
        <button type="button" onClick={props.onCheatSheet} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ? <span className="visually-hidden">shortcuts</span>
        </button>
        <button type="button" onClick={props.onLeave} data-testid="leave-presentation">
          Leave <kbd>Esc</kbd>
        </button>
      </div>
    </header>
  );
}
