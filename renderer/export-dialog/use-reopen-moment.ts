/**
 * Carries out an OpenRequest: loads a scenario, or reopens an exported moment — load its scenario, then seek to its
 * playhead, then show its time window. The steps wait on what the store reports rather than on timers, and the view is
 * set only in a render after the one that showed the newly loaded scenario: the app fits the view to a new scenario
 * when it first renders it, and setting ours in that same render would be undone.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { ExportMoment } from '../../shared/export/export-types.ts';
import type { ScenarioSummary } from '../../shared/rpc/engine-protocol.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import { boundsOf, clamp, type TimeView } from '../../shared/figure/time-view.ts';
import { formatSpan } from '../format/format-time.ts';
import type { OpenRequest } from './open-exported-file.ts';
import { axisTime } from './export-form.ts';
import { useLatest } from '../state/use-latest.ts';

export type OpenStatus = { tone: 'progress' | 'ok'; text: string } | { tone: 'error'; text: string };

interface Pending {
  sourceName: string;
  scenarioText: string;
  /** The file the moment came from; undefined for a plain scenario. */
  moment: { fileName: string; value: ExportMoment } | undefined;
  /** What the store showed when the load was sent, to tell the answer to this load from what was there before. */
  before: ScenarioSummary | undefined;
  beforeErrors: TimelineSnapshot['loadErrors'];
  beforeFailure: TimelineSnapshot['lastFailure'];
  /** Set once the scenario has loaded and the seek was sent, with the snapshot version at that moment. */
  seekSentAt?: number;
}

export interface ReopenOptions {
  snapshot: TimelineSnapshot;
  client: EngineClient;
  onViewChange(view: TimeView): void;
}

export interface Reopen {
  open(request: OpenRequest): void;
  status: OpenStatus | undefined;
  dismiss(): void;
}

export function useReopenMoment({ snapshot, client, onViewChange }: ReopenOptions): Reopen {
  const [status, setStatus] = useState<OpenStatus | undefined>();
  const pending = useRef<Pending | undefined>(undefined);
  const latest = useLatest(snapshot);
  const viewChange = useLatest(onViewChange);

  const open = useCallback(
    (request: OpenRequest) => {
      if (request.kind === 'refused') {
        // A file that is not ours changes nothing, not even a reopening already under way.
        setStatus({ tone: 'error', text: `${request.error}. Nothing was changed.` });
        return;
      }
      const { sourceName, scenarioText } = request.kind === 'scenario' ? request : { sourceName: request.moment.sourceName, scenarioText: request.moment.scenarioText };
      pending.current = {
        sourceName,
        scenarioText,
        moment: request.kind === 'moment' ? { fileName: request.fileName, value: request.moment } : undefined,
        before: latest().scenario,
        beforeErrors: latest().loadErrors,
        beforeFailure: latest().lastFailure,
      };
      setStatus({ tone: 'progress', text: request.kind === 'moment' ? `Reopening the moment in ${request.fileName}…` : `Opening ${sourceName}…` });
      client.send({ type: 'load', scenarioText, sourceName });
    },
    [client, latest],
  );

  useEffect(() => {
    const p = pending.current;
    if (!p) return;
    // The load or the seek was refused, or the engine failed on it: say so instead of "Reopening…" forever.
    const failure = snapshot.lastFailure;
    if (failure !== p.beforeFailure && failure !== undefined && (failure.command === undefined || failure.command === 'load' || failure.command === 'seek')) {
      pending.current = undefined;
      setStatus({ tone: 'error', text: `${p.moment ? p.moment.fileName : p.sourceName} could not be opened: ${failure.message}` });
      return;
    }
    if (p.seekSentAt === undefined) {
      if (snapshot.loadErrors !== p.beforeErrors && snapshot.loadErrors?.sourceName === p.sourceName) {
        pending.current = undefined;
        const first = snapshot.loadErrors.errors[0];
        const where = first?.line !== undefined ? ` (line ${first.line}${first.column !== undefined ? `, column ${first.column}` : ''})` : '';
        setStatus({
          tone: 'error',
          text: `${p.moment ? `${p.moment.fileName}: its scenario` : p.sourceName} could not be loaded${first ? `${where}: ${first.message}` : ''}. The current scenario is unchanged.`,
        });
        return;
      }
      const scenario = snapshot.scenario;
      if (!scenario || scenario === p.before || scenario.sourceName !== p.sourceName || scenario.scenarioText !== p.scenarioText) return;
      if (!p.moment) {
        pending.current = undefined;
        setStatus({ tone: 'ok', text: `Opened ${p.sourceName}.` });
        return;
      }
      client.send({ type: 'seek', simMs: p.moment.value.playheadMs });
      p.seekSentAt = snapshot.version;
      return;
    }
    const scenario = snapshot.scenario;
    if (!scenario || scenario.scenarioText !== p.scenarioText || !p.moment) {
      // Something else was loaded meanwhile: that choice wins.
      pending.current = undefined;
      setStatus(undefined);
      return;
    }
    const targetMs = Math.min(Math.max(p.moment.value.playheadMs, 0), scenario.durationMs, snapshot.halt?.atMs ?? Number.POSITIVE_INFINITY);
    if (snapshot.version <= p.seekSentAt || snapshot.working !== undefined || snapshot.nowMs !== targetMs) return;
    const view = clamp(p.moment.value.view, boundsOf(scenario.durationMs));
    pending.current = undefined;
    viewChange()(view);
    setStatus({
      tone: 'ok',
      text: `Reopened ${p.moment.fileName}: ${scenario.title || scenario.name} at ${formatSpan(targetMs)}, showing ${axisTime(view.startMs)} to ${axisTime(view.endMs)}.`,
    });
  }, [snapshot, client, viewChange]);

  const dismiss = useCallback(() => setStatus(undefined), []);
  return { open, status, dismiss };
}
