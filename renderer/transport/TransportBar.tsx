/**
 * Play/pause, step, speed (presets and custom), a scrubber, "jump to" a typed time, and the simulated and wall
 * clocks. Everything here is a button or an input with a label, so it works from the keyboard and a screen reader.
 */
import { SPEED_PRESETS, type WorkingCommand } from '../../shared/rpc/engine-protocol.ts';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import { describeSpeed, formatSpan, formatSpeed } from '../format/format-time.ts';
import { formatDuration } from '../../shared/time/duration.ts';
import { useWallClock } from './use-wall-clock.ts';
import { CustomSpeedField } from './CustomSpeedField.tsx';
import { JumpToField } from './JumpToField.tsx';

const WORKING_WORDS: Record<WorkingCommand, string> = { seek: 'Seeking…', load: 'Loading…', recover: 'Restoring the last good state…' };

interface Props {
  snapshot: TimelineSnapshot;
  client: EngineClient;
  /** Presentation mode: play, step, speed and the clocks only (no custom speed, scrubber or jump field). */
  minimal?: boolean;
}

export function TransportBar({ snapshot, client, minimal = false }: Props) {
  const durationMs = snapshot.scenario?.durationMs ?? 0;
  const wallMs = useWallClock(snapshot.playing);
  const disabled = snapshot.scenario === undefined;

  return (
    <div className="transport" role="toolbar" aria-label="Simulation controls">
      <button type="button" onClick={() => client.send({ type: 'seek', simMs: 0 })} disabled={disabled} title="Back to the start (Home)" aria-label="Back to the start">
        |◀
      </button>
      <button
        type="button"
        className="primary"
        data-testid="play-pause"
        onClick={() => client.send({ type: snapshot.playing ? 'pause' : 'play' })}
        disabled={disabled}
        aria-label={snapshot.playing ? 'Pause' : 'Play'}
        title={snapshot.playing ? 'Pause (Space)' : 'Play (Space)'}
      >
        {snapshot.playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" onClick={() => client.send({ type: 'step' })} disabled={disabled} aria-label="Step to the next event" title="Step to the next event (.)">
        ▶|
      </button>
      <label className="speed">
        <span className="visually-hidden">Speed</span>
        <select
          data-testid="speed"
          value={(SPEED_PRESETS as readonly number[]).includes(snapshot.speed) ? String(snapshot.speed) : 'custom'}
          onChange={(e) => e.target.value !== 'custom' && client.send({ type: 'set-speed', speed: Number(e.target.value) })}
          disabled={disabled}
        >
          {SPEED_PRESETS.map((s) => (
            <option key={s} value={s}>
              {formatSpeed(s)}
            </option>
          ))}
          <option value="custom">custom…</option>
        </select>
      </label>
      {!minimal && (
        <>
          <CustomSpeedField client={client} disabled={disabled} />
          <label className="scrubber">
            <span>Time</span>
            <input
              type="range"
              data-testid="scrubber"
              min={0}
              max={durationMs}
              step={1000}
              value={snapshot.nowMs}
              onChange={(e) => client.send({ type: 'seek', simMs: Number(e.target.value) })}
              disabled={disabled}
              aria-valuetext={formatSpan(snapshot.nowMs)}
            />
          </label>
          <JumpToField client={client} durationMs={durationMs} disabled={disabled} scenarioKey={snapshot.scenario} />
        </>
      )}
      {snapshot.working && (
        <span className="working" role="status" data-testid="engine-working">
          {WORKING_WORDS[snapshot.working.command]} {Math.floor(snapshot.working.fraction * 100)} %
          <button type="button" onClick={() => client.send({ type: 'cancel' })} data-testid="cancel-work">
            Cancel
          </button>
        </span>
      )}
      <div className="clocks" aria-live="off" title={describeSpeed(snapshot.speed)}>
        <div className="sim-clock" data-testid="sim-clock" data-now-ms={snapshot.nowMs} data-lag-ms={snapshot.lagMs}>
          <span className="visually-hidden">simulated </span>
          <strong>{formatSpan(snapshot.nowMs)}</strong>
          {durationMs > 0 && <span className="of"> of {formatSpan(durationMs)}</span>}
        </div>
        <div className="wall-clock">
          1 s = {formatDuration(snapshot.speed * 1000)} · wall {formatSpan(wallMs)}
          {snapshot.lagMs > 60_000 && <span className="lag"> · engine behind by {formatSpan(snapshot.lagMs)}</span>}
        </div>
      </div>
    </div>
  );
}
