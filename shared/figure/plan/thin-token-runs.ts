/**
 * Runs of tokens too thin to draw one by one ("445 tokens, each valid 1 h"): the rotation is the story, so say it. A
 * run of one is a plain bar; a run of many gets the rotation hatch and, where it fits, a caption on a chip.
 */
import { formatDuration } from '../../time/duration.ts';
import { Layer } from '../primitives.ts';
import { estimateTextWidth, fitLabel } from '../text-metrics.ts';
import { pattern, type FlowCtx } from './flow-context.ts';

interface Run {
  x0: number;
  x1: number;
  y: number;
  h: number;
  count: number;
  lifeMs: number;
}

/** The open run of each bar row of a lane. */
export class ThinTokenRuns {
  private readonly runs = new Map<number, Run>();

  constructor(private readonly ctx: FlowCtx) {}

  /** A thin token from x0 to x1 in `row`: it extends that row's run when it touches it, else starts a new one. */
  add(row: number, x0: number, x1: number, y: number, h: number, lifeMs: number): void {
    const run = this.runs.get(row);
    if (run && x0 <= run.x1 + 1) {
      run.x1 = Math.max(run.x1, x1, x0 + 1);
      run.count++;
    } else {
      this.flush(row);
      this.runs.set(row, { x0: Math.max(x0, this.ctx.ox - 4), x1: Math.max(x1, x0 + 1), y, h, count: 1, lifeMs });
    }
  }

  /** Draws every open run. */
  flushAll(): void {
    for (const row of [...this.runs.keys()]) this.flush(row);
  }

  private flush(row: number): void {
    const run = this.runs.get(row);
    this.runs.delete(row);
    if (!run) return;
    const ctx = this.ctx;
    const { theme } = ctx;
    const many = run.count > 1;
    const w = run.x1 - run.x0;
    ctx.b.add(Layer.Fill, { type: 'rect', x: run.x0, y: run.y, w, h: run.h, ...(many ? { pattern: pattern(ctx, 'rotation') } : { fill: theme.valid.fill }), role: 'token-bar' });
    if (!many) return;
    ctx.b.add(Layer.Outline, { type: 'rect', x: run.x0, y: run.y, w, h: run.h, stroke: theme.valid.stroke, strokeWidth: theme.strokeWidth, role: 'token-outline' });
    const life = formatDuration(Math.round(run.lifeMs / 60_000) * 60_000);
    const size = Math.min(theme.font.barLabel, run.h - 6);
    const left = Math.max(run.x0, ctx.ox);
    const text = fitLabel([`${run.count} tokens, one after another, each valid ${life}`, `${run.count} tokens, each valid ${life}`, `${run.count} tokens`], Math.min(run.x1, ctx.ox + ctx.W) - left - 24, size, 700);
    if (!text) return;
    const tw = estimateTextWidth(text, size, 700);
    ctx.b.add(Layer.Label, { type: 'rect', x: left + 6, y: run.y + 3, w: tw + 12, h: run.h - 6, fill: theme.labelChip, radius: 4, role: 'label' });
    ctx.b.add(Layer.Label, { type: 'text', x: left + 12, y: run.y + run.h / 2 + size * 0.36, text, size, weight: 700, fill: theme.text, anchor: 'start', role: 'label' });
  }
}
