/**
 * The story of a flow in one or two sentences, for the canvas's aria-label, the exported SVG's <desc> and alt text:
 * a screen-reader user hears what a sighted user sees at a glance ("legacy lives forever; projected rotates").
 */
import type { FlowLanes, Lane, StolenBar, TimelineLanes, TokenBar } from '../lanes/lane-types.ts';
import { formatSimTick } from './axis.ts';
import { formatDuration } from '../time/duration.ts';
import { upperBound } from './primitives.ts';
import { extensionWords } from '../time/extension-words.ts';

const at = (ms: number) => formatSimTick(Math.round(ms / 60_000) * 60_000, 60_000);

/** Per lane, what it says at a given instant; built once per lane object (lanes are immutable and reused). */
const laneSentences = new WeakMap<Lane, (nowMs: number) => string | undefined>();

export function describeFlow(flow: FlowLanes, nowMs: number): string {
  const parts: string[] = [`${flow.title}.`];
  for (const lane of flow.lanes) {
    let sentence = laneSentences.get(lane);
    if (!sentence) laneSentences.set(lane, (sentence = laneSentence(lane)));
    const text = sentence(nowMs);
    if (text !== undefined) parts.push(text);
  }
  for (const span of flow.spans) {
    parts.push(span.toMs === undefined ? `${capital(span.label)} from ${at(span.fromMs)}.` : `${capital(span.label)} from ${at(span.fromMs)} to ${at(span.toMs)}.`);
  }
  return parts.join(' ');
}

/** The extension of the first extended token: a year, or an external signer's shorter maximum. */
function extendedTo(tokens: readonly TokenBar[]): string {
  const t = tokens.find((bar) => bar.extended && bar.expMs !== undefined);
  return t?.expMs === undefined ? 'a year' : extensionWords(Math.round((t.expMs - t.issuedAtMs) / 1000)).replace(/^one year$/, 'a year');
}

function laneSentence(lane: Lane): (nowMs: number) => string | undefined {
  const tokens = lane.bars.filter((b): b is TokenBar => b.type === 'token');
  if (lane.kind === 'pod') {
    if (tokens.length === 0) return () => `${lane.label} has no token yet.`;
    const legacy = tokens.filter((t) => t.tokenKind === 'legacy');
    if (legacy.length > 0 && legacy.length === tokens.length) {
      const names = legacy.map((t) => `#${t.number}`).join(', ');
      const alive = legacy.filter((t) => t.endMs === undefined);
      const text =
        alive.length === legacy.length
          ? `${lane.label} holds token ${names}: no exp claim, it never expires.`
          : `${lane.label} held token ${names}: no exp claim; it stopped working only when ${endWords(legacy.find((t) => t.endMs !== undefined))}.`;
      return () => text;
    }
    const extended = tokens.some((t) => t.extended);
    // Distinct lifetimes first, then their words (formatting once per lifetime, not once per token).
    const lifetimeMs = new Set<number>();
    for (const t of tokens) {
      const ms = extended && t.expirationSec !== undefined ? t.expirationSec * 1000 : t.expMs !== undefined ? t.expMs - t.issuedAtMs : undefined;
      if (ms !== undefined) lifetimeMs.add(Math.round(ms / 60_000) * 60_000);
    }
    const lifetimes = [...new Set([...lifetimeMs].map((ms) => formatDuration(ms)))];
    const rotations = Math.max(0, tokens.length - 1);
    const head =
      `${lane.label} had ${tokens.length} token${tokens.length === 1 ? '' : 's'}` +
      (lifetimes.length > 0 ? `, each valid for ${lifetimes.join(' or ')}${extended ? ` as far as the kubelet knows (the JWT exp is extended to ${extendedTo(tokens)})` : ''}` : '') +
      `; the kubelet rotated it ${rotations === 1 ? 'once' : `${rotations} times`}`;
    const ends = tokens.flatMap((t) => (t.endMs !== undefined ? [t.endMs] : [])).sort((a, b) => a - b);
    return (nowMs) => {
      const expired = upperBound(ends, nowMs);
      return head + (expired > 0 ? `; ${expired} ${expired === 1 ? 'has' : 'have'} expired or been invalidated.` : '.');
    };
  }
  if (lane.kind === 'pods' && lane.summary) {
    const text = `${lane.label}, one row each: ${lane.summary.caption}.`;
    return () => text;
  }
  if (lane.kind === 'attacker') {
    const stolen = lane.bars.find((b): b is StolenBar => b.type === 'stolen');
    if (!stolen) return () => undefined;
    const replays = `${stolen.replaysOk} replay${stolen.replaysOk === 1 ? '' : 's'} accepted, ${stolen.replaysDenied} rejected`;
    return (nowMs) => {
      if (stolen.usableUntilMs === undefined) {
        return `An attacker copied token #${stolen.number} at ${at(stolen.leakedAtMs)}: the copy still works, forever (${replays}).`;
      } else if (stolen.usableUntilMs <= nowMs) {
        const why = stolen.endReason === 'invalidated' ? 'when the token was invalidated' : 'at exp + 60 s leeway';
        return `An attacker copied token #${stolen.number} at ${at(stolen.leakedAtMs)}: the copy stopped working ${why}, at ${at(stolen.usableUntilMs)} (${replays}).`;
      }
      return `An attacker copied token #${stolen.number} at ${at(stolen.leakedAtMs)}: the copy works until ${at(stolen.usableUntilMs)} (${replays}).`;
    };
  }
  if (lane.kind === 'kubectl' && tokens.length > 0) {
    const text = `kubectl created ${tokens.length} token${tokens.length === 1 ? '' : 's'} that nobody refreshes.`;
    return () => text;
  }
  if (lane.kind === 'secrets' && tokens.length > 0) {
    const text = `${tokens.length} more token${tokens.length === 1 ? '' : 's'} sit in Secrets no pod mounts.`;
    return () => text;
  }
  return () => undefined;
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
