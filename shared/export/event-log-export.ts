/**
 * The event log as files: CSV for spreadsheets (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds
 * a comma, a quote or a line break, quotes doubled) and JSON with every field of every event.
 */
import type { SimEvent } from '../model/events.ts';
import type { ExportSettings } from './export-types.ts';
import { formatSimTime } from '../time/sim-time.ts';

const COLUMNS = ['seq', 'atMs', 'time', 'flow', 'type', 'token', 'pod', 'serviceAccount', 'actor', 'message', 'cause'] as const;

/** The events an export's log holds: the chosen flows, inside the chosen time window (both ends included). */
export function eventsInExport(events: readonly SimEvent[], settings: Pick<ExportSettings, 'flows' | 'fromMs' | 'toMs'>): SimEvent[] {
  const fromMs = settings.fromMs ?? 0;
  const toMs = settings.toMs ?? Number.POSITIVE_INFINITY;
  return events.filter((e) => e.atMs >= fromMs && e.atMs <= toMs && (settings.flows === undefined || settings.flows.includes(e.flow)));
}

export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function eventLogCsv(events: readonly SimEvent[]): string {
  const rows = events.map((e) => {
    const cells: Record<(typeof COLUMNS)[number], string | number | undefined> = {
      seq: e.seq,
      atMs: e.atMs,
      time: formatSimTime(e.atMs),
      flow: e.flow,
      type: e.type,
      token: e.refs.token,
      pod: e.refs.pod,
      serviceAccount: e.refs.serviceAccount,
      actor: e.refs.actor,
      message: e.message,
      cause: e.cause,
    };
    return COLUMNS.map((c) => csvField(cells[c])).join(',');
  });
  return [COLUMNS.join(','), ...rows].map((line) => `${line}\r\n`).join('');
}

/** Every event with all its fields, as the CLI's `run --json` gives them. */
export function eventLogJson(events: readonly SimEvent[]): string {
  return `${JSON.stringify({ events }, null, 2)}\n`;
}
