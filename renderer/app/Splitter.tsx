/**
 * The bar between the timelines and the bottom panel (WAI-ARIA window splitter): drag it, or focus it and use ↑/↓
 * (Page Up/Down for bigger steps, Home/End for the limits). Its value is the bottom panel's height in CSS px. While
 * dragging the height follows the pointer; `final` says when a change is one to remember (pointer up, a key).
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  valuePx: number;
  minPx: number;
  maxPx: number;
  /** The id of the panel it resizes. */
  controls: string;
  onChange(px: number, final: boolean): void;
}

const STEP_PX = 24;

export function Splitter({ valuePx, minPx, maxPx, controls, onChange }: Props) {
  const drag = useRef<{ pointerId: number; startY: number; startPx: number; lastPx: number } | undefined>(undefined);
  const clamp = (px: number) => Math.round(Math.min(maxPx, Math.max(minPx, px)));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next =
      e.key === 'ArrowUp' ? valuePx + STEP_PX
      : e.key === 'ArrowDown' ? valuePx - STEP_PX
      : e.key === 'PageUp' ? valuePx + 4 * STEP_PX
      : e.key === 'PageDown' ? valuePx - 4 * STEP_PX
      : e.key === 'Home' ? minPx
      : e.key === 'End' ? maxPx
      : undefined;
    if (next === undefined) return;
    e.preventDefault();
    // The app's own shortcuts (Home: back to the start) must not also fire.
    e.stopPropagation();
    onChange(clamp(next), true);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drag.current = { pointerId: e.pointerId, startY: e.clientY, startPx: valuePx, lastPx: valuePx };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    // Up makes the bottom panel taller.
    d.lastPx = clamp(d.startPx + d.startY - e.clientY);
    onChange(d.lastPx, false);
  };
  const onPointerEnd = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    drag.current = undefined;
    onChange(d.lastPx, true);
  };

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the bottom panel"
      aria-controls={controls}
      aria-valuenow={valuePx}
      aria-valuemin={minPx}
      aria-valuemax={maxPx}
      aria-valuetext={`bottom panel ${valuePx} px high`}
      tabIndex={0}
      title="Drag, or focus and press ↑/↓, to resize the bottom panel"
      data-testid="bottom-splitter"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
    >
      <span className="splitter-grip" aria-hidden="true" />
    </div>
  );
}
