/**
 * What the timelines draw, as data: per flow, lanes of token bars, stolen copies, marks and strips, plus flow-wide
 * outages and markers. Everything is in simulated milliseconds; nothing here knows about pixels. `derive-lanes.ts`
 * builds these from the engine's reports.
 */
import type { SimEvent, TokenRequester } from '../model/events.ts';
import type { ScenarioSummary, TokenSummary } from '../rpc/engine-protocol.ts';
import type { MarkerKind, SpanKind } from '../model/event-catalogue.ts';

/** What the lanes are derived from: the engine's reports as a host's store holds them (`version` changes with any of them). */
export interface SnapshotInput {
  version: number;
  scenario: ScenarioSummary | undefined;
  events: readonly SimEvent[];
  tokens: readonly TokenSummary[];
  nowMs: number;
}

/** A stretch of a token's life drawn in one style. */
export type SegmentKind =
  /** Accepted, and nobody is about to replace it. */
  | 'valid'
  /** The kubelet will (or did) replace it: from 80 % of its TTL (or 24 h) to the expiry the kubelet was told. */
  | 'refresh'
  /** Past `warnafter` of an extended token: still accepted, audited as stale. */
  | 'stale';

export interface TokenSegment {
  kind: SegmentKind;
  fromMs: number;
  /** undefined: open-ended (a legacy token has no exp). */
  toMs: number | undefined;
}

export interface TokenBar {
  type: 'token';
  /** Global token index (`TokenSummary.index`). */
  token: number;
  /** 1-based per flow: "token #3". */
  number: number;
  tokenKind: 'legacy' | 'bound';
  requester: TokenRequester | undefined;
  /** Row inside the lane (tokens that overlap in time stack). */
  row: number;
  issuedAtMs: number;
  /** JWT `exp`; undefined for a legacy token. */
  expMs: number | undefined;
  /** When the kubelet believes the token expires (TokenRequest status); differs from exp when extended. */
  statusExpirationMs: number | undefined;
  warnAfterMs: number | undefined;
  expirationSec: number | undefined;
  /** Start of the refresh window (80 % of the TTL, or 24 h), for kubelet-managed tokens. */
  refreshFromMs: number | undefined;
  /** When the kubelet decided to refresh it (the `token.refresh-due` event). */
  refreshDue: { atMs: number; seq: number; cause: string; rule: 'ttl-80-percent' | 'max-24h' } | undefined;
  /** The `token.expired` event, once reported. */
  expired: { atMs: number; seq: number } | undefined;
  invalidated: { atMs: number; seq: number; reason: string } | undefined;
  /** End of acceptance: min(exp, invalidation); undefined while open-ended. */
  endMs: number | undefined;
  endReason: 'exp' | 'invalidated' | undefined;
  segments: TokenSegment[];
  /** `token.file-written` events that put this token into a file of this lane's pod. */
  fileWrites: number[];
  audiences: string[];
  secretName: string | undefined;
  extended: boolean;
  issuedSeq: number | undefined;
}

export interface StolenBar {
  type: 'stolen';
  token: number;
  number: number;
  tokenKind: 'legacy' | 'bound';
  actor: string;
  row: number;
  leakedAtMs: number;
  leakSeq: number;
  /** Last instant the copy is accepted: exp + 60 s leeway, or the invalidation; undefined = forever. */
  usableUntilMs: number | undefined;
  endReason: 'leeway' | 'invalidated' | undefined;
  expMs: number | undefined;
  replaysOk: number;
  replaysDenied: number;
}

export type LaneBar = TokenBar | StolenBar;

export type MarkKind =
  | 'file-write'
  | 'refresh-failed'
  | 'call-ok'
  | 'call-denied'
  | 'call-unanswered'
  | 'leak'
  | 'kubectl-ok'
  | 'kubectl-failed'
  | 'pod-deleted';

export interface LaneMark {
  kind: MarkKind;
  atMs: number;
  /** The event it came from (for hit testing and the event table). */
  seq: number;
  token: number | undefined;
  /** One line for tooltips and screen readers: the event's message. */
  text: string;
  /** A short caption drawn beside the glyph where there is room ("create token --duration 5m → refused"). */
  label?: string;
}

/** A thin row of glyphs under a lane's bars, with its own label ("file writes", "app-client calls"). */
export interface LaneStrip {
  id: string;
  label: string;
  marks: LaneMark[];
}

/** `pods`: many pods summarised in one lane, a thin row each (see `SUMMARY_MIN_PODS`). */
export type LaneKind = 'pod' | 'attacker' | 'kubectl' | 'secrets' | 'pods';

/** A flow with at least this many pods shows them as one summary lane of thin rows instead of a lane each. */
export const SUMMARY_MIN_PODS = 13;

/** A token in a pod's file: from the kubelet's first write of it to the write of the next one. */
export interface HeldSpan {
  token: number;
  number: number;
  tokenKind: 'legacy' | 'bound';
  fromMs: number;
  /** When another token was written in its place; undefined while it is still the pod's token. */
  toMs: number | undefined;
  /** When the token stops being accepted (exp or invalidation); undefined: never. */
  endMs: number | undefined;
}

/** One pod's thin row in a summary lane: which token its file held, when. */
export interface PodRow {
  key: string;
  /** "app-3" (or "ns/app-3" outside the default namespace). */
  name: string;
  deletedMs: number | undefined;
  held: HeldSpan[];
}

export interface PodSummary {
  rows: PodRow[];
  /** What the rows show, in words ("every pod holds the same token #3: no exp claim, nothing rotates it"). */
  caption: string;
  /** Distinct tokens the pods' files held. */
  tokens: number;
}

export interface Lane {
  id: string;
  kind: LaneKind;
  /** Big label: "pod app", "attacker", "kubectl". */
  label: string;
  /** One short line under it: "token in Secret my-app-token-2vcmq", "stolen copy of token #1". */
  sublabel: string;
  /** Bar rows (0 for a lane with only glyphs, such as a kubectl lane whose commands all failed). */
  rows: number;
  bars: LaneBar[];
  strips: LaneStrip[];
  /** Point marks drawn on the bar rows (a leak ▼, a pod deletion). */
  marks: LaneMark[];
  /** Thin bars: background detail rather than the story (tokens in Secrets no pod mounts). */
  compact: boolean;
  /** Only on a `pods` lane: the pods it stands for, a row each (its `bars` and `strips` are empty). */
  summary?: PodSummary;
}

export type { SpanKind };

export interface FlowSpan {
  kind: SpanKind;
  label: string;
  fromMs: number;
  /** undefined: still down at the end of the log. */
  toMs: number | undefined;
  seq: number;
}

export interface FlowMarker {
  kind: MarkerKind;
  atMs: number;
  seq: number;
  label: string;
}

export interface FlowLanes {
  flowId: string;
  /** "Legacy flow · Kubernetes 1.20". */
  title: string;
  /** One line: how this flow's pods get their tokens. */
  subtitle: string;
  kubernetesVersion: string;
  /** True when the version mounts Secret-based tokens (before BoundServiceAccountTokenVolume, 1.21). */
  legacy: boolean;
  lanes: Lane[];
  spans: FlowSpan[];
  markers: FlowMarker[];
  /** Token bars drawn (stolen copies not counted). */
  tokenBarCount: number;
  /** Per pod, how many times the kubelet wrote a different token into its file after the first write. */
  rotations: number;
  replaysOk: number;
  replaysDenied: number;
  callsOk: number;
  callsDenied: number;
}

export interface TimelineLanes {
  /** The snapshot version these lanes were derived from. */
  version: number;
  nowMs: number;
  durationMs: number;
  title: string;
  takeaway: string;
  flows: FlowLanes[];
}
