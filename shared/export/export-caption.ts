/**
 * The caption and alt text every export carries, written from the lanes at the exported moment. The caption is one
 * line for under a slide ("Projected token rotated at 48 m; legacy token still valid after 2 h; stolen token usable
 * for 31 m vs forever"); the alt text tells a screen-reader user what each flow shows, in full sentences
 * (describe-flow's, the same words the canvas's aria-label uses), plus the window, the moment and the annotations.
 */
import type { FlowLanes, Lane, StolenBar, TimelineLanes, TokenBar } from '../lanes/lane-types.ts';
import { describeFlow } from '../figure/describe-flow.ts';
import { formatDuration } from '../time/duration.ts';
import type { ExportSettings } from './export-types.ts';
import type { ExportSource } from './export-source.ts';
import { exportFigure } from './export-figure.ts';
import { sourcesAt } from './animation/animation-frames.ts';

export interface ExportText {
  caption: string;
  altText: string;
}

/** Simulated instants to the minute ("48 m", "1 h 1 m"), as the timeline's axis and sentences give them. */
const at = (ms: number) => formatDuration(Math.round(ms / 60_000) * 60_000);

const tokensOf = (lane: Lane) => lane.bars.filter((b): b is TokenBar => b.type === 'token');

/** "legacy"/"projected" when a scenario has one flow of each kind; the flow id when that would be ambiguous. */
function flowNames(flows: readonly FlowLanes[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const f of flows) {
    const sameKind = flows.filter((g) => g.legacy === f.legacy).length;
    names.set(f.flowId, sameKind === 1 ? (f.legacy ? 'legacy' : 'projected') : f.flowId);
  }
  return names;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Whether the flow's kubelet was down at `ms` (why a projected token ran out instead of being replaced). */
function kubeletDownAt(flow: FlowLanes, ms: number): boolean {
  return flow.spans.some((s) => s.kind === 'kubelet-down' && s.fromMs <= ms && (s.toMs === undefined || ms <= s.toMs));
}

/** What the first pod's token did by `nowMs`, in order: rotations, expiries while nobody replaced it, where it stands. */
function podPhrase(flow: FlowLanes, name: string, nowMs: number): string | undefined {
  const pod = flow.lanes.find((l) => l.kind === 'pod');
  if (!pod) {
    const summary = flow.lanes.find((l) => l.kind === 'pods');
    if (!summary) return undefined;
    return flow.rotations > 0 ? `${name} tokens rotated ${flow.rotations} time${flow.rotations === 1 ? '' : 's'} across ${summary.summary?.rows.length ?? 0} pods` : undefined;
  }
  const held = tokensOf(pod)
    .filter((t) => t.fileWrites.length > 0)
    .sort((a, b) => a.fileWrites[0]! - b.fileWrites[0]!);
  if (held.length === 0) return `${name} pod has no token yet`;
  const ended = (t: TokenBar, beforeMs: number) => {
    const how = t.endReason === 'invalidated' ? 'invalidated' : 'expired';
    return `${how} at ${at(t.endMs!)}${how === 'expired' && kubeletDownAt(flow, t.endMs!) && t.endMs! < beforeMs ? ' while the kubelet was down' : ''}`;
  };
  const clauses: string[] = [];
  let rotations: number[] = [];
  const flushRotations = () => {
    if (rotations.length === 0) return;
    clauses.push(rotations.length <= 3 ? `rotated at ${list(rotations.map(at))}` : `rotated ${rotations.length} times from ${at(rotations[0]!)}`);
    rotations = [];
  };
  for (let i = 1; i < held.length; i++) {
    const previous = held[i - 1]!;
    const writtenMs = held[i]!.fileWrites[0]!;
    if (previous.endMs !== undefined && previous.endMs < writtenMs) {
      flushRotations();
      clauses.push(ended(previous, writtenMs), `replaced at ${at(writtenMs)}`);
    } else rotations.push(writtenMs);
  }
  flushRotations();
  const current = held[held.length - 1]!;
  if (current.endMs !== undefined && current.endMs <= nowMs) clauses.push(ended(current, Infinity));
  else if (current.tokenKind === 'legacy') clauses.push(`still valid after ${at(nowMs)}`);
  else if (clauses.length === 0 && current.endMs !== undefined) clauses.push(`valid until ${at(current.endMs)}`);
  if (clauses.length === 0) return undefined;
  const last = clauses.length > 1 ? `then ${clauses.pop()!}` : undefined;
  return `${name} token ${[...clauses, ...(last ? [last] : [])].join(', ')}`;
}

function stolenPhrase(flows: readonly FlowLanes[], names: Map<string, string>): string | undefined {
  const stolen = flows.flatMap((f) => f.lanes.filter((l) => l.kind === 'attacker').flatMap((l) => l.bars.filter((b): b is StolenBar => b.type === 'stolen').map((bar) => ({ flow: f, bar }))));
  if (stolen.length === 0) return undefined;
  const life = (bar: StolenBar) => (bar.usableUntilMs === undefined ? 'forever' : `for ${at(Math.max(0, bar.usableUntilMs - bar.leakedAtMs))}`);
  if (stolen.length === 1) return `stolen ${names.get(stolen[0]!.flow.flowId)} token usable ${life(stolen[0]!.bar)}`;
  // Shortest life first: the contrast reads "31 m vs forever".
  const sorted = [...stolen].sort((a, b) => (a.bar.usableUntilMs ?? Infinity) - a.bar.leakedAtMs - ((b.bar.usableUntilMs ?? Infinity) - b.bar.leakedAtMs));
  const distinctFlows = new Set(stolen.map((s) => s.flow.flowId)).size === stolen.length;
  if (distinctFlows && stolen.length === 2) return `stolen token usable ${life(sorted[0]!.bar)} (${names.get(sorted[0]!.flow.flowId)}) vs ${life(sorted[1]!.bar).replace(/^for /, '')} (${names.get(sorted[1]!.flow.flowId)})`;
  return `stolen tokens usable ${list(sorted.map((s) => `${life(s.bar)} (${names.get(s.flow.flowId)} #${s.bar.number})`))}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The caption and alt text of the figure as exported (its flows, lanes and window). */
export function exportCaptionOf(lanes: TimelineLanes, source: Pick<ExportSource, 'annotations'>, window: { startMs: number; endMs: number }): ExportText {
  const names = flowNames(lanes.flows);
  const parts: string[] = [];
  // Projected flows first: their rotation is the news, the legacy token's "still valid" the contrast.
  const ordered = [...lanes.flows].sort((a, b) => Number(a.legacy) - Number(b.legacy));
  for (const flow of ordered) {
    const phrase = podPhrase(flow, names.get(flow.flowId)!, lanes.nowMs);
    if (phrase) parts.push(phrase);
  }
  const stolen = stolenPhrase(ordered, names);
  if (stolen) parts.push(stolen);
  const caption = parts.length > 0 ? capital(parts.join('; ')) : lanes.title || 'TokenScope timeline';

  const sentences: string[] = [];
  sentences.push(
    `Timeline${lanes.title ? ` of "${lanes.title}"` : ''}: ${lanes.flows.length === 1 ? 'one flow' : `${lanes.flows.length} flows`}, simulated time from ${at(window.startMs)} to ${at(window.endMs)}, shown at ${at(lanes.nowMs)}.`,
  );
  if (lanes.takeaway) sentences.push(lanes.takeaway);
  for (const flow of lanes.flows) sentences.push(describeFlow(flow, lanes.nowMs));
  const notes = source.annotations.map((a) => `${a.untilMs !== undefined ? `from ${at(a.atMs)} to ${at(a.untilMs)}` : `at ${at(a.atMs)}`}${a.flow ? ` (${a.flow})` : ''}: ${a.text.trim()}`);
  if (notes.length > 0) sentences.push(`Notes: ${notes.join('; ')}.`);
  return { caption, altText: sentences.join(' ') };
}

/** The caption and alt text for an export with these settings. */
export function exportCaption(source: ExportSource, settings: ExportSettings): ExportText {
  const animation = settings.format === 'animation' ? settings.animation : undefined;
  const still = exportFigure(source, settings);
  if (!animation) return exportCaptionOf(still.lanes, { annotations: still.annotations }, still.view);
  // An animation is described by its last frame, the end of its range, and its alt text first says what moves.
  const [last] = source.scenario && still.view.endMs < source.lanes.nowMs ? sourcesAt(source, [still.view.endMs]) : [source];
  const figure = exportFigure(last!, settings);
  const text = exportCaptionOf(figure.lanes, { annotations: figure.annotations }, figure.view);
  const moves = `An animation of ${formatDuration(animation.durationMs)}: the playhead moves from ${at(figure.view.startMs)} to ${at(figure.view.endMs)}, and each token's bar grows with it.`;
  return { caption: text.caption, altText: `${moves} ${text.altText}` };
}
