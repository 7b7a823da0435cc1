/**
 * The spotlight on screen: a DOM overlay, because it covers the lane labels (DOM text) as well as the canvas and is
 * scrolled into view. Its bands, frame, tag and colours come from shared/figure/spotlight.ts, the same description an
 * exported figure (a scene's deck page) draws, placed from the flow's layout like the canvas and the labels.
 */
import { useEffect, useRef } from 'react';
import { SPOTLIGHT_FRAME, spotlightDimBands, spotlightTag, type SpotlightTarget } from '../../shared/figure/spotlight.ts';

const { borderPx, outsetPx, radiusPx, haloPx, tagInsetPx } = SPOTLIGHT_FRAME;

export function SpotlightOverlay({ target, flowHeight }: { target: SpotlightTarget; flowHeight: number }) {
  const frame = useRef<HTMLDivElement>(null);
  // Large type can make the flows taller than the screen: the lane in the spotlight is scrolled into view.
  useEffect(() => {
    frame.current?.scrollIntoView?.({ block: 'nearest' });
  }, [target.flowIndex, target.laneId]);
  return (
    <div className="tl-spotlight" data-testid="spotlight" data-lane={target.laneId} aria-hidden="true">
      {spotlightDimBands(target, flowHeight).map((band) => (
        <div key={band.top} className="tl-spotlight-dim" style={{ position: 'absolute', left: 0, right: 0, top: band.top, height: band.height }} />
      ))}
      <div
        ref={frame}
        className="tl-spotlight-frame"
        data-testid="spotlight-frame"
        style={{
          position: 'absolute',
          left: -outsetPx,
          right: -outsetPx,
          top: target.top - outsetPx,
          height: target.height + 2 * outsetPx,
          borderWidth: borderPx,
          borderRadius: radiusPx,
          boxShadow: `0 0 0 ${haloPx}px var(--tl-spotlight-halo)`,
        }}
      >
        <span className="tl-spotlight-tag" style={{ right: tagInsetPx }}>
          {spotlightTag(target.label)}
        </span>
      </div>
    </div>
  );
}
