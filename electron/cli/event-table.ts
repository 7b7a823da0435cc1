/** The event log as a plain-text table for a terminal: time, flow, type, message. */
import type { SimEvent } from '../../shared/model/events.ts';
import { formatSimTime } from '../../shared/time/sim-time.ts';

export function formatEventTable(events: readonly SimEvent[]): string {
  const rows = events.map((e) => [formatSimTime(e.atMs), e.flow, e.type, e.message]);
  const header = ['TIME', 'FLOW', 'EVENT', 'WHAT HAPPENED'];
  const widths = [0, 1, 2].map((i) => rows.reduce((width, row) => Math.max(width, row[i]!.length), header[i]!.length));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
