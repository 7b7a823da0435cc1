/** The tooltip for what the pointer is over: a token's kind and life, or an event's time and message. */
import type { SimEvent } from '../../shared/model/events.ts';
import type { TokenSummary } from '../../shared/rpc/engine-protocol.ts';
import { formatSimTick } from '../../shared/figure/axis.ts';
import type { HitResult } from './hit-test.ts';

export function hitTooltip(hit: HitResult | undefined, tokens: readonly TokenSummary[], events: readonly SimEvent[]): string | undefined {
  if (!hit) return undefined;
  if (hit.kind === 'token') {
    const t = tokens.find((x) => x.index === hit.token);
    if (!t) return undefined;
    const exp = t.jwtExpiresAtMs !== undefined ? `exp at ${formatSimTick(t.jwtExpiresAtMs, 1000)}` : 'no exp: never expires';
    return `token #${t.number} · ${t.kind === 'legacy' ? 'Secret-based' : 'projected'} · issued at ${formatSimTick(t.issuedAtMs, 1000)} · ${exp} · click to inspect`;
  }
  const event = events[hit.seq]?.seq === hit.seq ? events[hit.seq] : events.find((x) => x.seq === hit.seq);
  return event ? `${formatSimTick(event.atMs, 1000)} · ${event.message}` : undefined;
}
