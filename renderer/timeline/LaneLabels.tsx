import { memo } from 'react';
import type { FlowLayout } from '../../shared/figure/layout.ts';

/** The lane names beside a flow's canvas. Re-rendered only when a label or its place changes, not on every batch. */
export const LaneLabels = memo(
  function LaneLabels({ layout }: { layout: FlowLayout }) {
    return (
      <div className="tl-lane-labels" style={{ height: layout.height }} aria-hidden="true">
        {layout.lanes.map((lane) => (
          <div key={lane.lane.id} className={`tl-lane-label tl-lane-${lane.lane.kind}`} data-lane-id={lane.lane.id} style={{ top: lane.top, height: lane.height }}>
            <div className="tl-lane-name" style={{ top: lane.nameTop - lane.top, height: lane.nameHeight, lineHeight: `${lane.nameHeight}px` }} title={`${lane.lane.label}: ${lane.lane.sublabel}`}>
              {lane.lane.label}
            </div>
            {lane.showSublabel && (
              <div className="tl-lane-sub" style={{ top: lane.subTop - lane.top, height: lane.subHeight, lineHeight: `${lane.subHeight}px` }} title={lane.lane.sublabel}>
                {lane.lane.sublabel}
              </div>
            )}
            {lane.strips.filter((strip) => strip.showLabel).map((strip) => (
              <div key={strip.strip.id} className="tl-strip-label" style={{ top: strip.top - lane.top, height: strip.height, lineHeight: `${strip.height}px` }}>
                {strip.strip.label}
              </div>
            ))}
          </div>
        ))}
      </div>
    );
  },
  (a, b) => sameLabels(a.layout, b.layout),
);

function sameLabels(a: FlowLayout, b: FlowLayout): boolean {
  if (a === b) return true;
  if (a.height !== b.height || a.lanes.length !== b.lanes.length) return false;
  return a.lanes.every((x, i) => {
    const y = b.lanes[i]!;
    return (
      x.lane.id === y.lane.id &&
      x.lane.kind === y.lane.kind &&
      x.lane.label === y.lane.label &&
      x.lane.sublabel === y.lane.sublabel &&
      x.top === y.top &&
      x.height === y.height &&
      x.nameTop === y.nameTop &&
      x.nameHeight === y.nameHeight &&
      x.showSublabel === y.showSublabel &&
      x.subTop === y.subTop &&
      x.subHeight === y.subHeight &&
      x.strips.length === y.strips.length &&
      x.strips.every((s, j) => {
        const t = y.strips[j]!;
        return s.strip.id === t.strip.id && s.strip.label === t.strip.label && s.top === t.top && s.height === t.height && s.showLabel === t.showLabel;
      })
    );
  });
}
