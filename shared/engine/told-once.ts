/**
 * The event log tells about each token once that its `exp` passed, that it stopped being accepted, and that it was
 * used past its warnafter. Where it told is kept in the token log and checked against the event log, so a seek back
 * (which shortens the event log) forgets exactly what it should, with nothing to copy into a snapshot.
 */
import type { EngineContext } from './engine-context.ts';
import { TELLS_EXPIRED, TELLS_INVALIDATED, TELLS_STALE, type TellingForm } from './event-log.ts';
import { TOLD_EXPIRED, TOLD_INVALIDATED, TOLD_STALE, type ToldKind } from './token-log.ts';

export type Told = 'expired' | 'invalidated' | 'stale';

const KINDS: Record<Told, { kind: ToldKind; form: TellingForm }> = {
  expired: { kind: TOLD_EXPIRED, form: TELLS_EXPIRED },
  invalidated: { kind: TOLD_INVALIDATED, form: TELLS_INVALIDATED },
  stale: { kind: TOLD_STALE, form: TELLS_STALE },
};

export function wasTold(ctx: EngineContext, told: Told, token: number): boolean {
  const { kind, form } = KINDS[told];
  return ctx.eventLog.tells(ctx.tokenLog.toldAt(kind, token), form, token);
}

/** Records that the event at `seq` told about `token`. */
export function markTold(ctx: EngineContext, told: Told, token: number, seq: number): void {
  ctx.tokenLog.setTold(KINDS[told].kind, token, seq);
}
