/** The playhead's line across the flow, and the outline of the selected token's bar. */
import { Layer } from '../primitives.ts';
import { inView, type FlowCtx } from './flow-context.ts';

export function planNow(ctx: FlowCtx): void {
  const x = ctx.X(ctx.now);
  if (!inView(ctx, x)) return;
  ctx.b.add(Layer.Now, { type: 'line', x1: x, y1: ctx.oy, x2: x, y2: ctx.oy + ctx.layout.height, stroke: ctx.theme.now.line, strokeWidth: ctx.theme.name === 'projector' ? 3 : 2, role: 'now' });
}

export function planSelection(ctx: FlowCtx): void {
  for (const box of ctx.selectionBoxes) {
    const x0 = Math.max(box.x0, ctx.ox + 1);
    const x1 = Math.min(box.x1, ctx.ox + ctx.W - 1);
    if (x1 <= x0) continue;
    ctx.b.add(Layer.Selection, { type: 'rect', x: x0 - 3.5, y: box.y - 3.5, w: x1 - x0 + 7, h: box.h + 7, stroke: ctx.theme.selection.outer, strokeWidth: 3, radius: 3, role: 'selection', token: ctx.selection.token! });
    ctx.b.add(Layer.Selection, { type: 'rect', x: x0 - 1, y: box.y - 1, w: x1 - x0 + 2, h: box.h + 2, stroke: ctx.theme.selection.inner, strokeWidth: 1.5, role: 'selection', token: ctx.selection.token! });
  }
}
