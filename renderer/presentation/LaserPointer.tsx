/**
 * The laser pointer: while on, a large dot with a light ring and a dark outer ring (visible on white, black and
 * every bar colour) follows the pointer over its children, trailed by a few shrinking, fading dots for the last
 * fraction of a second so the eye can follow a quick gesture across a projected screen. The system cursor is
 * hidden there, so the room sees one pointer. Purely visual (aria-hidden): it points, it does not select.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

/** How long a trail dot lives, in wall ms. */
export const TRAIL_MS = 350;
const TRAIL_MAX = 12;

interface Point {
  x: number;
  y: number;
  atMs: number;
}

export function LaserPointer({ active, children }: { active: boolean; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [dot, setDot] = useState<Point | undefined>(undefined);
  // The trail as of the last pointer move or animation frame (`atMs`), which is when the dots' fading is measured.
  const [trail, setTrail] = useState<{ points: Point[]; atMs: number }>({ points: [], atMs: 0 });

  useEffect(() => {
    const element = box.current;
    if (!active || !element) {
      setDot(undefined);
      setTrail({ points: [], atMs: 0 });
      return;
    }
    const onMove = (e: PointerEvent) => {
      const rect = element.getBoundingClientRect();
      const point = { x: e.clientX - rect.left + element.scrollLeft, y: e.clientY - rect.top + element.scrollTop, atMs: performance.now() };
      setDot(point);
      setTrail((old) => ({ points: [...old.points.slice(-(TRAIL_MAX - 1)), point], atMs: point.atMs }));
    };
    const onLeave = () => setDot(undefined);
    element.addEventListener('pointermove', onMove);
    element.addEventListener('pointerleave', onLeave);
    // The trail fades by itself once the pointer rests.
    let frame = 0;
    const fade = () => {
      const now = performance.now();
      // A new array each frame while dots remain, so they re-render as they fade; none left, no render.
      setTrail((old) => (old.points.length === 0 ? old : { points: old.points.filter((p) => now - p.atMs <= TRAIL_MS), atMs: now }));
      frame = requestAnimationFrame(fade);
    };
    frame = requestAnimationFrame(fade);
    return () => {
      element.removeEventListener('pointermove', onMove);
      element.removeEventListener('pointerleave', onLeave);
      cancelAnimationFrame(frame);
    };
  }, [active]);

  const now = trail.atMs;
  return (
    <div ref={box} className={active ? 'laser-area laser-on' : 'laser-area'} data-testid="laser-area" data-laser={active ? 'on' : 'off'}>
      {children}
      {active && (
        <div className="laser-layer" aria-hidden="true">
          {trail.points.slice(0, -1).map((p) => {
            const life = Math.max(0, 1 - (now - p.atMs) / TRAIL_MS);
            return <span key={`${p.atMs}:${p.x}:${p.y}`} className="laser-trail" style={{ left: p.x, top: p.y, opacity: 0.6 * life, transform: `translate(-50%, -50%) scale(${0.4 + 0.5 * life})` }} />;
          })}
          {dot && <span className="laser-dot" data-testid="laser-dot" data-x={Math.round(dot.x)} data-y={Math.round(dot.y)} style={{ left: dot.x, top: dot.y }} />}
        </div>
      )}
    </div>
  );
}
