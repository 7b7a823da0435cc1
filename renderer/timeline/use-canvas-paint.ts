/**
 * The paint loop: each flow's canvas is painted from its draw plan in one requestAnimationFrame, only when the plan,
 * its window or the device pixel ratio changed (a plan that draws the same picture keeps the pixels). Returns the
 * callback each flow's canvas element reports to.
 */
import { useCallback, useEffect, useRef } from 'react';
import { samePicture, type DrawPlan } from '../../shared/figure/primitives.ts';
import { useLatest } from '../state/use-latest.ts';
import { paintCanvas } from './canvas-painter.ts';
import { sameWindow, type FlowWindow } from './flow-window.ts';
import { useFrameScheduler } from './use-frame-scheduler.ts';

export function useCanvasPaint(plans: readonly DrawPlan[], windows: readonly (FlowWindow | undefined)[]): (index: number, element: HTMLCanvasElement | null) => void {
  const live = useLatest({ plans, windows });
  const canvases = useRef(new Map<number, HTMLCanvasElement>());
  const painted = useRef(new Map<number, { plan: DrawPlan; dpr: number; band: FlowWindow | undefined }>());
  const paint = useCallback(() => {
    const dpr = typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
    live().plans.forEach((plan, i) => {
      const canvas = canvases.current.get(i);
      if (!canvas) return;
      const last = painted.current.get(i);
      const band = live().windows[i];
      if (last && last.dpr === dpr && sameWindow(last.band, band)) {
        if (last.plan === plan) return;
        // Nothing in view changed (say, play goes on past a zoomed-in view): keep the pixels.
        if (samePicture(last.plan, plan)) {
          painted.current.set(i, { plan, dpr, band });
          return;
        }
      }
      const width = Math.max(1, Math.round(plan.width * dpr));
      const height = band ? Math.round(band.height * dpr) : Math.max(1, Math.round(plan.height * dpr));
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      painted.current.set(i, { plan, dpr, band });
      if (height === 0) return;
      const ctx = canvas.getContext('2d');
      if (!ctx) {
        painted.current.delete(i);
        return;
      }
      paintCanvas(ctx, plan, band ? { dpr, window: band } : { dpr });
    });
  }, [live]);
  const requestPaint = useFrameScheduler(paint);
  useEffect(() => requestPaint(), [plans, requestPaint]);
  useEffect(() => {
    const onResize = () => requestPaint();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [requestPaint]);
  return useCallback(
    (index: number, element: HTMLCanvasElement | null) => {
      if (element) canvases.current.set(index, element);
      else canvases.current.delete(index);
      painted.current.delete(index);
      requestPaint();
    },
    [requestPaint],
  );
}
