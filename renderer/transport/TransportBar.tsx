/**
 * Play/pause, step, speed (presets and custom), a scrubber, "jump to" a typed time, and the simulated and wall
 * clocks. Everything here is a button or an input with a label, so it works from the keyboard and a screen reader.
 */
import { useRef, useState } from 'react';
import { SPEED_PRESETS, type WorkingCommand } from '../../shared/rpc/engine-protocol.ts';
import type { EngineClient } from '../bridge/engine-client.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import { describeSpeed, formatSpan, formatSpeed } from '../format/format-time.ts';
import { formatDuration } from '../../shared/time/duration.ts';
import { parseTimeInput } from '../format/parse-time-input.ts';
import { parseSpeedInput } from '../format/parse-speed-input.ts';
import { useWallClock } from './use-wall-clock.ts';

const WORKING_WORDS: Record<WorkingCommand, string> = { seek: 'Seeking…', load: 'Loading…', recover: 'Restoring the last good state…' };

interface Props {
  snapshot: TimelineSnapshot;
  client: EngineClient;
  /** Presentation mode: play, step, speed and the clocks only (no custom speed, scrubber or jump field). */
  minimal?: boolean;
}

export function TransportBar({ snapshot, client, minimal = false }: Props) {
  const durationMs = snapshot.scenario?.durationMs ?? 0;
  const [jump, setJump] = useState('');
  const [jumpError, setJumpError] = useState<string | undefined>();
  const [customSpeed, setCustomSpeed] = useState('');
  const [speedError, setSpeedError] = useState<string | undefined>();
  const wallMs = useWallClock(snapshot.playing);
  const disabled = snapshot.scenario === undefined;
  const jumpRef = useRef<HTMLInputElement>(null);

  // Another scenario: a complaint about a time typed for the last one no longer applies.
  const [jumpErrorOf, setJumpErrorOf] = useState(snapshot.scenario);
  if (jumpErrorOf !== snapshot.scenario) {
    setJumpErrorOf(snapshot.scenario);
    setJumpError(undefined);
  }

  const submitJump = () => {
    const parsed = parseTimeInput(jump);
    if (!parsed.ok) {
      setJumpError(parsed.error);
      return;
    }
    setJumpError(undefined);
    client.send({ type: 'seek', simMs: Math.min(parsed.ms, durationMs) });
  };
  const submitSpeed = () => {
    const parsed = parseSpeedInput(customSpeed);
    if (!parsed.ok) {
      setSpeedError(parsed.error);
      return;
    }
    setSpeedError(undefined);
    client.send({ type: 'set-speed', speed: parsed.speed });
  };

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
          <form
            className="custom-speed"
            onSubmit={(e) => {
              e.preventDefault();
              submitSpeed();
            }}
          >
            <label>
              <span className="visually-hidden">Custom speed (simulated seconds per second)</span>
              <input
                value={customSpeed}
                onChange={(e) => {
                  setCustomSpeed(e.target.value);
                  setSpeedError(undefined);
                }}
                placeholder="custom ×"
                size={7}
                inputMode="decimal"
                data-testid="custom-speed"
                aria-invalid={speedError !== undefined}
                aria-describedby={speedError ? 'speed-error' : undefined}
                disabled={disabled}
              />
            </label>
            {speedError && (
              <span id="speed-error" role="alert" className="input-error" data-testid="speed-error">
                {speedError}
              </span>
            )}
          </form>
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
          <form
            className="jump"
            onSubmit={(e) => {
              e.preventDefault();
              submitJump();
            }}
          >
            <label>
              <span className="visually-hidden">Jump to time</span>
              <input
                ref={jumpRef}
                data-testid="jump-to"
                value={jump}
                onChange={(e) => {
                  setJump(e.target.value);
                  setJumpError(undefined);
                }}
                placeholder="jump: 47m, 2d"
                size={9}
                aria-invalid={jumpError !== undefined}
                aria-describedby={jumpError ? 'jump-error' : undefined}
                disabled={disabled}
              />
            </label>
            {jumpError && (
              <span id="jump-error" role="alert" className="input-error">
                {jumpError}
              </span>
            )}
          </form>
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
