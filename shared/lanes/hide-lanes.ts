/**
 * The same lanes without some kinds of lane: an export leaves out what the user unticked, and presentation mode hides
 * the detail lanes (kubectl commands, other Secrets) so both flows fit on one projected screen in large type.
 */
import type { FlowLanes, LaneKind, TimelineLanes } from './lane-types.ts';

export function hideLanes(lanes: TimelineLanes, hidden: readonly LaneKind[] | undefined): TimelineLanes {
  if (!hidden || hidden.length === 0) return lanes;
  const drop = new Set(hidden);
  if (!lanes.flows.some((f) => f.lanes.some((l) => drop.has(l.kind)))) return lanes;
  const flows: FlowLanes[] = lanes.flows.map((f) => (f.lanes.some((l) => drop.has(l.kind)) ? { ...f, lanes: f.lanes.filter((l) => !drop.has(l.kind)) } : f));
  return { ...lanes, flows };
}
