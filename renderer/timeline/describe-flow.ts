/**
 * The story of a flow in one or two sentences, for the canvas's aria-label, the exported SVG's <desc> and alt text:
 * a screen-reader user hears what a sighted user sees at a glance ("legacy lives forever; projected rotates").
 */
import type { FlowLanes, StolenBar, TimelineLanes, TokenBar } from '../state/derive-lanes.ts';
import { formatSimTick } from './axis.ts';
import { formatDuration } from '../../shared/time/duration.ts';

const at = (ms: number) => formatSimTick(Math.round(ms / 60_000) * 60_000, 60_000);

export function describeFlow(flow: FlowLanes, nowMs: number): string {
  const parts: string[] = [`${flow.title}.`];
  for (const lane of flow.lanes) {
    const tokens = lane.bars.filter((b): b is TokenBar => b.type === 'token');
    if (lane.kind === 'pod') {
      if (tokens.length === 0) {
        parts.push(`${lane.label} has no token yet.`);
        continue;
      }
      const legacy = tokens.filter((t) => t.tokenKind === 'legacy');
      if (legacy.length > 0 && legacy.length === tokens.length) {
        const names = legacy.map((t) => `#${t.number}`).join(', ');
        const alive = legacy.filter((t) => t.endMs === undefined);
        parts.push(
          alive.length === legacy.length
            ? `${lane.label} holds token ${names}: no exp claim, it never expires.`
            : `${lane.label} held token ${names}: no exp claim; it stopped working only when ${endWords(legacy.find((t) => t.endMs !== undefined))}.`,
        );
      } else {
        const extended = tokens.some((t) => t.extended);
        const lifetimes = [
          ...new Set(
            tokens
              .map((t) => (extended && t.expirationSec !== undefined ? t.expirationSec * 1000 : t.expMs !== undefined ? t.expMs - t.issuedAtMs : undefined))
              .filter((ms): ms is number => ms !== undefined)
              .map((ms) => formatDuration(Math.round(ms / 60_000) * 60_000)),
          ),
        ];
        const expired = tokens.filter((t) => t.endMs !== undefined && t.endMs <= nowMs).length;
        const rotations = Math.max(0, tokens.length - 1);
        parts.push(
          `${lane.label} had ${tokens.length} token${tokens.length === 1 ? '' : 's'}` +
            (lifetimes.length > 0 ? `, each valid for ${lifetimes.join(' or ')}${extended ? ' as far as the kubelet knows (the JWT exp is extended to a year)' : ''}` : '') +
            `; the kubelet rotated it ${rotations === 1 ? 'once' : `${rotations} times`}` +
            (expired > 0 ? `; ${expired} ${expired === 1 ? 'has' : 'have'} expired or been invalidated.` : '.'),
        );
      }
    } else if (lane.kind === 'attacker') {
      const stolen = lane.bars.find((b): b is StolenBar => b.type === 'stolen');
      if (!stolen) continue;
      const replays = `${stolen.replaysOk} replay${stolen.replaysOk === 1 ? '' : 's'} accepted, ${stolen.replaysDenied} rejected`;
      if (stolen.usableUntilMs === undefined) {
        parts.push(`An attacker copied token #${stolen.number} at ${at(stolen.leakedAtMs)}: the copy still works, forever (${replays}).`);
      } else if (stolen.usableUntilMs <= nowMs) {
        const why = stolen.endReason === 'invalidated' ? 'when the token was invalidated' : 'at exp + 60 s leeway';
        parts.push(`An attacker copied token #${stolen.number} at ${at(stolen.leakedAtMs)}: the copy stopped working ${why}, at ${at(stolen.usableUntilMs)} (${replays}).`);
      } else {
        parts.push(`An attacker copied token #${stolen.number} at ${at(stolen.leakedAtMs)}: the copy works until ${at(stolen.usableUntilMs)} (${replays}).`);
      }
    } else if (lane.kind === 'kubectl' && tokens.length > 0) {
      parts.push(`kubectl created ${tokens.length} token${tokens.length === 1 ? '' : 's'} that nobody refreshes.`);
    } else if (lane.kind === 'secrets' && tokens.length > 0) {
      parts.push(`${tokens.length} more token${tokens.length === 1 ? '' : 's'} sit in Secrets no pod mounts.`);
    }
  }
  for (const span of flow.spans) {
    parts.push(span.toMs === undefined ? `${capital(span.label)} from ${at(span.fromMs)}.` : `${capital(span.label)} from ${at(span.fromMs)} to ${at(span.toMs)}.`);
  }
  return parts.join(' ');
}

function endWords(t: TokenBar | undefined): string {
  if (!t?.invalidated) return 'it was invalidated';
  return `it was invalidated at ${at(t.invalidated.atMs)}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function describeTimeline(lanes: TimelineLanes): string {
  return [lanes.takeaway, ...lanes.flows.map((f) => describeFlow(f, lanes.nowMs))].filter((s) => s.length > 0).join(' ');
}
