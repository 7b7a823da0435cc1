import { describe, expect, it } from 'vitest';
import { EXPORT_FONT_FAMILY, exportFigure, exportSize, exportView } from '../../../shared/export/export-figure.ts';
import { M, settings, smallSource } from './export-fixtures.ts';

describe('export figure', () => {
  it('sets every text in the export font, whatever the screen uses', () => {
    const { plan, theme } = exportFigure(smallSource(), settings({ theme: 'projector' }));
    expect(plan.fontFamily).toBe(EXPORT_FONT_FAMILY);
    expect(theme.name).toBe('projector');
  });

  it('draws the whole scenario by default, or the chosen window inside it', () => {
    const lanes = smallSource().lanes;
    expect(exportView(lanes, {})).toEqual({ startMs: 0, endMs: 120 * M });
    expect(exportView(lanes, { fromMs: 30 * M, toMs: 500 * M })).toEqual({ startMs: 30 * M, endMs: 120 * M });
    expect(() => exportView(lanes, { fromMs: 200 * M })).toThrow('the export window 7200000 ms to 7200000 ms is empty');
  });

  it('keeps only the chosen flows and drops hidden lanes', () => {
    const one = exportFigure(smallSource(), settings({ flows: ['projected'], hiddenLanes: ['attacker'] }));
    expect(one.lanes.flows.map((f) => f.flowId)).toEqual(['projected']);
    expect(one.lanes.flows[0]!.lanes.map((l) => l.kind)).not.toContain('attacker');
    expect(exportSize(smallSource(), settings({ flows: ['projected'] })).heightPx).toBeLessThan(exportSize(smallSource(), settings()).heightPx);
  });

  it('names an unknown flow', () => {
    expect(() => exportFigure(smallSource(), settings({ flows: ['nope'] }))).toThrow('no flow "nope" in this scenario; its flows are legacy, projected');
  });

  it('gives the size in device pixels: × scale for PNG, CSS pixels for SVG', () => {
    const png = exportSize(smallSource(), settings({ format: 'png', widthPx: 1000, scale: 4 }));
    const svg = exportSize(smallSource(), settings({ format: 'svg', widthPx: 1000, scale: 4 }));
    expect(png).toEqual({ widthPx: 4000, heightPx: svg.heightPx * 4 });
    expect(svg.widthPx).toBe(1000);
  });

  it('leaves the legend out when asked', () => {
    const texts = (legend: boolean) => exportFigure(smallSource(), settings({ legend })).plan.primitives.filter((p) => p.type === 'text' && p.text === 'valid token');
    expect(texts(true)).toHaveLength(1);
    expect(texts(false)).toHaveLength(0);
  });

  it('leaves annotations out when switched off, and those of flows not exported', () => {
    const source = { ...smallSource(), annotations: [{ atMs: M, text: 'all' }, { atMs: M, flow: 'legacy', text: 'legacy only' }] };
    expect(exportFigure(source, settings({ flows: ['projected'] })).annotations.map((a) => a.text)).toEqual(['all']);
    expect(exportFigure(source, settings({ annotations: false })).annotations).toEqual([]);
  });
});
