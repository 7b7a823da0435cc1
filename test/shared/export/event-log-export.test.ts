import { describe, expect, it } from 'vitest';
import { csvField, eventLogCsv, eventLogJson, eventsInExport } from '../../../shared/export/event-log-export.ts';
import type { SimEvent } from '../../../shared/model/events.ts';

const event = (message: string, cause: string): SimEvent => ({
  type: 'kubectl.ran',
  seq: 4,
  atMs: 2_400_000,
  flow: 'projected',
  message,
  cause,
  refs: { serviceAccount: 'my-app' },
} as unknown as SimEvent);

describe('event log export', () => {
  it('quotes CSV fields as RFC 4180 says: commas, quotes and line breaks inside quotes, quotes doubled', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0)).toBe('0');
  });

  it('writes a header and one CRLF-terminated row per event', () => {
    const csv = eventLogCsv([event('$ kubectl create token my-app --duration 5m → error: "5m", too short', 'line one\nline two')]);
    expect(csv).toBe(
      'seq,atMs,time,flow,type,token,pod,serviceAccount,actor,message,cause\r\n' +
        '4,2400000,00:40:00,projected,kubectl.ran,,,my-app,,"$ kubectl create token my-app --duration 5m → error: ""5m"", too short","line one\nline two"\r\n',
    );
  });

  it('writes JSON that parses back to the same events', () => {
    const events = [event('a', 'b')];
    expect(JSON.parse(eventLogJson(events))).toEqual({ events });
  });
});

describe('eventsInExport', () => {
  it('keeps the chosen flows inside the chosen window, both ends included', () => {
    const at = (atMs: number, flow: string) => ({ ...({} as SimEvent), seq: atMs, atMs, flow });
    const events = [at(0, 'legacy'), at(10, 'projected'), at(20, 'legacy'), at(30, 'projected'), at(40, 'legacy')];
    expect(eventsInExport(events, {}).map((e) => e.atMs)).toEqual([0, 10, 20, 30, 40]);
    expect(eventsInExport(events, { fromMs: 10, toMs: 30 }).map((e) => e.atMs)).toEqual([10, 20, 30]);
    expect(eventsInExport(events, { fromMs: 10, toMs: 30, flows: ['projected'] }).map((e) => e.atMs)).toEqual([10, 30]);
  });
});
