/**
 * Turns what the engine reported (scenario, append-only event log, token log, clock) into what the timelines draw:
 * per flow, one lane per token holder (each pod, the kubectl user, unmounted token Secrets), an attacker lane under the
 * pod each leak came from, and flow-wide spans (kubelet or API server down). Everything is in simulated
 * milliseconds; nothing here knows about pixels. Pure and deterministic: the same log gives the same lanes, so
 * `createLanesMemo` can cache on `snapshot.version`.
 *
 * Partial logs are normal (a scenario being played): a token whose end has not been reported yet is still alive at
 * `nowMs`; its known future (a JWT `exp`) is kept so the plan can draw it as "ahead of now".
 */
import type { SimEvent, TokenRequester } from '../../shared/model/events.ts';
import type { FlowSummary, ScenarioSummary, TokenSummary } from '../../shared/rpc/engine-protocol.ts';
import { versionBehaviour } from '../../shared/model/versions.ts';
import type { TimelineSnapshot } from './timeline-store.ts';

/** The API server keeps accepting a token for 60 s after its `exp` (`pkg/serviceaccount/claims.go`, leeway). */
export const EXP_LEEWAY_MS = 60_000;
/** The kubelet refreshes at 80 % of the TTL or after 24 h (`pkg/kubelet/token/token_manager.go`, `requiresRefresh`). */
const KUBELET_MAX_TTL_MS = 24 * 3_600_000;

export type SnapshotInput = Pick<TimelineSnapshot, 'version' | 'scenario' | 'events' | 'tokens' | 'nowMs'>;

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

export type LaneKind = 'pod' | 'attacker' | 'kubectl' | 'secrets';

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
}

export type SpanKind = 'kubelet-down' | 'apiserver-down';

export interface FlowSpan {
  kind: SpanKind;
  label: string;
  fromMs: number;
  /** undefined: still down at the end of the log. */
  toMs: number | undefined;
  seq: number;
}

export interface FlowMarker {
  kind: 'signing-key-rotated' | 'signing-key-retired' | 'cluster-upgraded';
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

export function emptyLanes(version = 0): TimelineLanes {
  return { version, nowMs: 0, durationMs: 0, title: '', takeaway: '', flows: [] };
}

/**
 * Derives lanes snapshot after snapshot, consuming only the events appended since the last call (the log is
 * append-only; a seek back truncates it, which starts over). The result for a given version is cached, so calling it
 * on every React render is free; a batch of new events costs time in proportion to the batch, not to the log.
 */
export function createLanesMemo(): (snapshot: SnapshotInput) => TimelineLanes {
  let deriver: LanesDeriver | undefined;
  let last: TimelineLanes | undefined;
  return (snapshot) => {
    if (last && deriver && last.version === snapshot.version && deriver.scenario === snapshot.scenario) return last;
    if (!snapshot.scenario) {
      deriver = undefined;
      return (last = emptyLanes(snapshot.version));
    }
    if (!deriver || !deriver.canContinue(snapshot)) deriver = new LanesDeriver(snapshot.scenario);
    deriver.consume(snapshot.events);
    return (last = deriver.assemble(snapshot));
  };
}

/** Legacy flows above projected ones, otherwise in scenario order. */
export function orderFlows(flows: readonly FlowSummary[]): FlowSummary[] {
  return flows
    .map((flow, index) => ({ flow, index, legacy: isLegacyVersion(flow.kubernetesVersion) }))
    .sort((a, b) => Number(b.legacy) - Number(a.legacy) || a.index - b.index)
    .map((x) => x.flow);
}

function isLegacyVersion(version: string): boolean {
  try {
    return !versionBehaviour(version as FlowSummary['kubernetesVersion']).boundTokenVolume;
  } catch {
    return false;
  }
}

/** The lanes for one snapshot, from scratch. */
export function deriveLanes(snapshot: SnapshotInput): TimelineLanes {
  if (!snapshot.scenario) return emptyLanes(snapshot.version);
  const deriver = new LanesDeriver(snapshot.scenario);
  deriver.consume(snapshot.events);
  return deriver.assemble(snapshot);
}

class LanesDeriver {
  private readonly flows = new Map<string, FlowAccumulator>();
  private consumed = 0;
  private lastSeq = -1;

  constructor(readonly scenario: ScenarioSummary) {
    for (const flow of scenario.flows) this.flows.set(flow.id, new FlowAccumulator(flow));
  }

  /** True when `snapshot` extends the log this deriver has read (same scenario, nothing rewritten). */
  canContinue(snapshot: SnapshotInput): boolean {
    if (snapshot.scenario !== this.scenario || snapshot.events.length < this.consumed) return false;
    return this.consumed === 0 || snapshot.events[this.consumed - 1]?.seq === this.lastSeq;
  }

  consume(events: readonly SimEvent[]): void {
    for (let i = this.consumed; i < events.length; i++) this.flows.get(events[i]!.flow)?.consume(events[i]!);
    this.consumed = events.length;
    this.lastSeq = events[events.length - 1]?.seq ?? -1;
  }

  assemble(snapshot: SnapshotInput): TimelineLanes {
    const tokens = new Map<string, TokenSummary[]>();
    const byIndex = new Map<number, TokenSummary>();
    for (const t of snapshot.tokens) {
      byIndex.set(t.index, t);
      let list = tokens.get(t.flow);
      if (!list) tokens.set(t.flow, (list = []));
      list.push(t);
    }
    return {
      version: snapshot.version,
      nowMs: snapshot.nowMs,
      durationMs: this.scenario.durationMs,
      title: this.scenario.title || this.scenario.name,
      takeaway: this.scenario.takeaway,
      flows: orderFlows(this.scenario.flows).map((flow) => this.flows.get(flow.id)!.assemble(tokens.get(flow.id) ?? [], byIndex)),
    };
  }
}

interface PodInfo {
  key: string;
  name: string;
  namespace: string;
  firstMs: number;
  /** File writes and failed refreshes, in log order (the "file writes" strip). */
  kubelet: LaneMark[];
  deleted: LaneMark | undefined;
}

interface ActorCalls {
  pod: string | undefined;
  namespace: string;
  marks: LaneMark[];
}

interface Leak {
  atMs: number;
  seq: number;
  token: number;
  actor: string;
  podKey: string | undefined;
  text: string;
}

/** Everything one flow's events have said so far, kept between batches. */
class FlowAccumulator {
  readonly legacy: boolean;
  private readonly issues = new Map<number, { requester: TokenRequester; extended: boolean; seq: number }>();
  private readonly refreshDue = new Map<number, { atMs: number; seq: number; cause: string; rule: 'ttl-80-percent' | 'max-24h' }>();
  private readonly expired = new Map<number, { atMs: number; seq: number; leewayEndsAtMs: number }>();
  private readonly invalidated = new Map<number, { atMs: number; seq: number; reason: string }>();
  private readonly pods = new Map<string, PodInfo>();
  private readonly leaks: Leak[] = [];
  private readonly actors = new Map<string, ActorCalls>();
  private readonly kubectlMarks: LaneMark[] = [];
  private readonly spans: FlowSpan[] = [];
  private readonly markers: FlowMarker[] = [];
  private readonly openSpans = new Map<SpanKind, FlowSpan>();

  constructor(private readonly flow: FlowSummary) {
    this.legacy = isLegacyVersion(flow.kubernetesVersion);
  }

  private pod(namespace: string | undefined, name: string, atMs: number): PodInfo {
    const ns = namespace ?? 'default';
    const key = `${ns}/${name}`;
    let info = this.pods.get(key);
    if (!info) {
      info = { key, name, namespace: ns, firstMs: atMs, kubelet: [], deleted: undefined };
      this.pods.set(key, info);
    }
    return info;
  }

  private startSpan(kind: SpanKind, label: string, e: SimEvent): void {
    if (this.openSpans.has(kind)) return;
    const span: FlowSpan = { kind, label, fromMs: e.atMs, toMs: undefined, seq: e.seq };
    this.openSpans.set(kind, span);
    this.spans.push(span);
  }

  private endSpan(kind: SpanKind, e: SimEvent): void {
    const span = this.openSpans.get(kind);
    if (!span) return;
    span.toMs = e.atMs;
    this.openSpans.delete(kind);
  }

  consume(e: SimEvent): void {
    switch (e.type) {
      case 'token.issued':
        this.issues.set(e.token, { requester: e.requester, extended: e.extended, seq: e.seq });
        break;
      case 'token.refresh-due':
        if (!this.refreshDue.has(e.token)) this.refreshDue.set(e.token, { atMs: e.atMs, seq: e.seq, cause: e.cause, rule: e.rule });
        break;
      case 'token.file-written':
        if (e.refs.pod) this.pod(e.refs.namespace, e.refs.pod, e.atMs).kubelet.push({ kind: 'file-write', atMs: e.atMs, seq: e.seq, token: e.token, text: e.message });
        break;
      case 'token.request-failed':
        if (e.requester === 'kubelet' && e.refs.pod) {
          this.pod(e.refs.namespace, e.refs.pod, e.atMs).kubelet.push({ kind: 'refresh-failed', atMs: e.atMs, seq: e.seq, token: e.keptToken, text: e.message });
        }
        break;
      case 'token.expired':
        if (!this.expired.has(e.token)) this.expired.set(e.token, { atMs: e.atMs, seq: e.seq, leewayEndsAtMs: e.leewayEndsAtMs });
        break;
      case 'token.invalidated':
        if (!this.invalidated.has(e.token)) this.invalidated.set(e.token, { atMs: e.atMs, seq: e.seq, reason: e.reason });
        break;
      case 'token.leaked': {
        const podKey = e.refs.pod ? this.pod(e.refs.namespace, e.refs.pod, e.atMs).key : undefined;
        this.leaks.push({ atMs: e.atMs, seq: e.seq, token: e.token, actor: e.actor, podKey, text: e.message });
        break;
      }
      case 'request.allowed':
      case 'request.denied': {
        let calls = this.actors.get(e.actor);
        if (!calls) this.actors.set(e.actor, (calls = { pod: e.refs.pod, namespace: e.refs.namespace ?? 'default', marks: [] }));
        const kind: MarkKind = e.type === 'request.allowed' ? 'call-ok' : e.status === 0 ? 'call-unanswered' : 'call-denied';
        calls.marks.push({ kind, atMs: e.atMs, seq: e.seq, token: e.token, text: e.message });
        break;
      }
      case 'pod.created':
        if (e.refs.pod) this.pod(e.refs.namespace, e.refs.pod, e.atMs);
        break;
      case 'pod.deleted':
        if (e.refs.pod) this.pod(e.refs.namespace, e.refs.pod, e.atMs).deleted = { kind: 'pod-deleted', atMs: e.atMs, seq: e.seq, token: undefined, text: e.message };
        break;
      case 'kubectl.ran':
        if (/\bcreate\s+token\b/.test(e.command)) {
          this.kubectlMarks.push({ kind: e.exitCode === 0 ? 'kubectl-ok' : 'kubectl-failed', atMs: e.atMs, seq: e.seq, token: e.token, text: e.message, label: kubectlCaption(e.command, e.exitCode, e.stderr) });
        }
        break;
      case 'kubelet.stopped':
        this.startSpan('kubelet-down', 'kubelet down', e);
        break;
      case 'kubelet.started':
        this.endSpan('kubelet-down', e);
        break;
      case 'apiserver.stopped':
        this.startSpan('apiserver-down', 'API server down', e);
        break;
      case 'apiserver.started':
        this.endSpan('apiserver-down', e);
        break;
      case 'signing-key.rotated':
        this.markers.push({ kind: 'signing-key-rotated', atMs: e.atMs, seq: e.seq, label: 'signing key rotated' });
        break;
      case 'signing-key.retired':
        this.markers.push({ kind: 'signing-key-retired', atMs: e.atMs, seq: e.seq, label: 'old signing keys retired' });
        break;
      case 'cluster.upgraded':
        this.markers.push({ kind: 'cluster-upgraded', atMs: e.atMs, seq: e.seq, label: `upgraded to ${e.toVersion}` });
        break;
      default:
        break;
    }
  }

  private bar(t: TokenSummary, fileWrites: number[]): TokenBar {
    const issue = this.issues.get(t.index);
    const inv = this.invalidated.get(t.index);
    const exp = this.expired.get(t.index);
    const expMs = t.jwtExpiresAtMs;
    let endMs: number | undefined = expMs;
    let endReason: TokenBar['endReason'] = expMs !== undefined ? 'exp' : undefined;
    if (inv && (endMs === undefined || inv.atMs < endMs)) {
      endMs = inv.atMs;
      endReason = 'invalidated';
    }
    const due = this.refreshDue.get(t.index);
    const kubeletManaged = issue?.requester === 'kubelet' && t.kind === 'bound';
    const refreshFromMs = kubeletManaged ? refreshStartMs(t, due?.atMs) : undefined;
    return {
      type: 'token',
      token: t.index,
      number: t.number,
      tokenKind: t.kind,
      requester: issue?.requester,
      row: 0,
      issuedAtMs: t.issuedAtMs,
      expMs,
      statusExpirationMs: t.statusExpirationMs,
      warnAfterMs: t.warnAfterMs,
      expirationSec: t.expirationSec,
      refreshFromMs,
      refreshDue: due,
      expired: exp ? { atMs: exp.atMs, seq: exp.seq } : undefined,
      invalidated: inv,
      endMs,
      endReason,
      segments: segmentsOf(t, refreshFromMs, endMs, issue?.extended ?? false),
      fileWrites,
      audiences: t.audiences,
      secretName: t.secretName,
      extended: issue?.extended ?? false,
      issuedSeq: issue?.seq,
    };
  }

  private attackerLane(leak: Leak, token: TokenSummary | undefined, index: number): Lane {
    const calls = this.actors.get(leak.actor)?.marks ?? [];
    const replays = calls.filter((m) => m.token === leak.token && m.atMs >= leak.atMs);
    const expMs = token?.jwtExpiresAtMs;
    const inv = this.invalidated.get(leak.token);
    let usableUntilMs: number | undefined = expMs === undefined ? undefined : (this.expired.get(leak.token)?.leewayEndsAtMs ?? expMs + EXP_LEEWAY_MS);
    let endReason: StolenBar['endReason'] = usableUntilMs === undefined ? undefined : 'leeway';
    if (inv && (usableUntilMs === undefined || inv.atMs < usableUntilMs)) {
      usableUntilMs = inv.atMs;
      endReason = 'invalidated';
    }
    let ok = 0;
    for (const m of replays) if (m.kind === 'call-ok') ok++;
    const stolen: StolenBar = {
      type: 'stolen',
      token: leak.token,
      number: token?.number ?? 0,
      tokenKind: token?.kind ?? 'bound',
      actor: leak.actor,
      row: 0,
      leakedAtMs: leak.atMs,
      leakSeq: leak.seq,
      usableUntilMs: usableUntilMs === undefined ? undefined : Math.max(usableUntilMs, leak.atMs),
      endReason,
      expMs,
      replaysOk: ok,
      replaysDenied: replays.length - ok,
    };
    const id = `attacker:${leak.actor}:${leak.token}:${index}`;
    return {
      id,
      kind: 'attacker',
      label: leak.actor,
      sublabel: `stolen copy of token #${stolen.number}`,
      rows: 1,
      bars: [stolen],
      strips: [{ id: `${id}/replays`, label: `${leak.actor} calls`, marks: replays }],
      marks: [{ kind: 'leak', atMs: leak.atMs, seq: leak.seq, token: leak.token, text: leak.text }],
      compact: false,
    };
  }

  assemble(flowTokens: readonly TokenSummary[], allTokens: ReadonlyMap<number, TokenSummary>): FlowLanes {
    // Which lane holds which token: kubectl's own, then the pods it was written into or bound to, then the rest.
    const podTokens = new Map<string, Set<number>>();
    for (const info of this.pods.values()) {
      const set = new Set<number>();
      for (const m of info.kubelet) if (m.kind === 'file-write' && m.token !== undefined) set.add(m.token);
      podTokens.set(info.key, set);
    }
    const kubectlTokens: TokenSummary[] = [];
    const unmounted: TokenSummary[] = [];
    for (const t of flowTokens) {
      if (this.issues.get(t.index)?.requester === 'kubectl') {
        kubectlTokens.push(t);
        continue;
      }
      let held = false;
      for (const set of podTokens.values()) if (set.has(t.index)) held = true;
      if (!held && t.boundObject?.kind === 'Pod') {
        const info = this.pod(t.namespace, t.boundObject.name, t.issuedAtMs);
        let set = podTokens.get(info.key);
        if (!set) podTokens.set(info.key, (set = new Set()));
        set.add(t.index);
        held = true;
      }
      if (!held) unmounted.push(t);
    }

    const lanes: Lane[] = [];
    let rotations = 0;
    let callsOk = 0;
    let callsDenied = 0;
    const attackers = new Set(this.leaks.map((l) => l.actor));
    const orderedPods = [...this.pods.values()].sort((a, b) => a.firstMs - b.firstMs);
    for (const info of orderedPods) {
      const held = podTokens.get(info.key) ?? new Set<number>();
      const writesByToken = new Map<number, number[]>();
      let previous: number | undefined;
      for (const m of info.kubelet) {
        if (m.kind !== 'file-write' || m.token === undefined) continue;
        let list = writesByToken.get(m.token);
        if (!list) writesByToken.set(m.token, (list = []));
        list.push(m.atMs);
        if (previous !== undefined && m.token !== previous) rotations++;
        previous = m.token;
      }
      const bars = flowTokens.filter((t) => held.has(t.index)).map((t) => this.bar(t, writesByToken.get(t.index) ?? []));
      const rows = packRows(bars);
      const strips: LaneStrip[] = [{ id: `${info.key}/writes`, label: 'file writes', marks: info.kubelet.slice() }];
      for (const [actor, calls] of this.actors) {
        if (attackers.has(actor) || calls.pod !== info.name || calls.namespace !== info.namespace) continue;
        strips.push({ id: `${info.key}/calls/${actor}`, label: `${actor} calls`, marks: calls.marks.slice() });
        for (const m of calls.marks) if (m.kind === 'call-ok') callsOk++;
        callsDenied += calls.marks.length;
      }
      lanes.push({
        id: `pod:${info.key}`,
        kind: 'pod',
        label: info.namespace === 'default' ? `pod ${info.name}` : `pod ${info.namespace}/${info.name}`,
        sublabel: podSublabel(bars, bars[0]),
        rows,
        bars,
        strips,
        marks: info.deleted ? [info.deleted] : [],
        compact: false,
      });
      // Attacker lanes follow the pod they stole from.
      for (const leak of this.leaks) if (leak.podKey === info.key) lanes.push(this.attackerLane(leak, allTokens.get(leak.token), lanes.length));
    }
    callsDenied -= callsOk;
    for (const leak of this.leaks) {
      if (leak.podKey !== undefined && this.pods.has(leak.podKey)) continue;
      lanes.push(this.attackerLane(leak, allTokens.get(leak.token), lanes.length));
    }
    if (kubectlTokens.length > 0 || this.kubectlMarks.length > 0) {
      const bars = kubectlTokens.map((t) => this.bar(t, []));
      lanes.push({
        id: 'kubectl',
        kind: 'kubectl',
        label: 'kubectl',
        sublabel: 'tokens it asked for',
        rows: packRows(bars),
        bars,
        strips: [{ id: 'kubectl/commands', label: 'commands', marks: this.kubectlMarks.slice() }],
        marks: [],
        compact: false,
      });
    }
    if (unmounted.length > 0) {
      const bars = unmounted.map((t) => this.bar(t, []));
      lanes.push({
        id: 'secrets',
        kind: 'secrets',
        label: this.legacy ? 'other Secrets' : 'unmounted tokens',
        sublabel: `${unmounted.length === 1 ? 'token' : 'tokens'} ${unmounted.map((t) => `#${t.number}`).join(', ')}, in no pod`,
        rows: packRows(bars),
        bars,
        strips: [],
        marks: [],
        compact: true,
      });
    }

    let tokenBarCount = 0;
    let replaysOk = 0;
    let replaysDenied = 0;
    for (const lane of lanes) {
      for (const b of lane.bars) {
        if (b.type === 'token') tokenBarCount++;
        else {
          replaysOk += b.replaysOk;
          replaysDenied += b.replaysDenied;
        }
      }
    }
    return {
      flowId: this.flow.id,
      title: flowTitle(this.flow, this.legacy),
      subtitle: flowSubtitle(this.flow, this.legacy, lanes),
      kubernetesVersion: this.flow.kubernetesVersion,
      legacy: this.legacy,
      lanes,
      spans: this.spans.map((span) => ({ ...span })),
      markers: this.markers.slice(),
      tokenBarCount,
      rotations,
      replaysOk,
      replaysDenied,
      callsOk,
      callsDenied,
    };
  }
}

/** "create token my-app --duration 5m → may not specify a duration less than 10 minutes". */
export function kubectlCaption(command: string, exitCode: number, stderr: string): string {
  const args = command.replace(/^\s*kubectl\s+/, '').trim();
  if (exitCode === 0) return args;
  const line = stderr.split('\n').find((l) => l.trim().length > 0) ?? 'failed';
  let reason = line.replace(/^error:\s*/, '');
  const invalid = reason.lastIndexOf('Invalid value:');
  if (invalid >= 0) reason = reason.slice(reason.indexOf(': ', invalid + 'Invalid value:'.length + 1) + 2);
  return `${args} → ${reason.trim()}`;
}

/**
 * Where the kubelet's refresh window starts: `requiresRefresh` says yes once the age passes 80 % of the TTL (the TTL
 * counted back from the TokenRequest status expiry) or 24 h. If the kubelet acted earlier (its 0–9 s jitter), that.
 */
export function refreshStartMs(t: Pick<TokenSummary, 'statusExpirationMs' | 'expirationSec' | 'issuedAtMs'>, dueAtMs?: number): number | undefined {
  if (t.statusExpirationMs === undefined || t.expirationSec === undefined) return dueAtMs;
  const ttlMs = t.expirationSec * 1000;
  const iatMs = t.statusExpirationMs - ttlMs;
  const byTtl = t.statusExpirationMs - Math.floor((t.expirationSec * 20) / 100) * 1000;
  const start = Math.min(byTtl, iatMs + KUBELET_MAX_TTL_MS);
  return dueAtMs !== undefined ? Math.min(start, dueAtMs) : start;
}

function segmentsOf(t: TokenSummary, refreshFromMs: number | undefined, endMs: number | undefined, extended: boolean): TokenSegment[] {
  const cuts: { at: number; kind: SegmentKind }[] = [{ at: t.issuedAtMs, kind: 'valid' }];
  if (refreshFromMs !== undefined) cuts.push({ at: refreshFromMs, kind: 'refresh' });
  // An extended token outlives what the kubelet was told: past status expiry (= warnafter) it is only audited as stale.
  const staleFrom = extended ? (t.warnAfterMs ?? t.statusExpirationMs) : undefined;
  if (staleFrom !== undefined && (t.jwtExpiresAtMs === undefined || staleFrom < t.jwtExpiresAtMs)) cuts.push({ at: staleFrom, kind: 'stale' });
  cuts.sort((a, b) => a.at - b.at);
  const segments: TokenSegment[] = [];
  for (let i = 0; i < cuts.length; i++) {
    const cut = cuts[i]!;
    const from = Math.max(cut.at, t.issuedAtMs);
    const next = cuts[i + 1]?.at;
    let to = next ?? endMs;
    if (endMs !== undefined && (to === undefined || to > endMs)) to = endMs;
    if (to !== undefined && to <= from) continue;
    if (endMs !== undefined && from >= endMs) continue;
    segments.push({ kind: cut.kind, fromMs: from, toMs: to });
  }
  if (segments.length === 0) segments.push({ kind: 'valid', fromMs: t.issuedAtMs, toMs: endMs ?? undefined });
  return segments;
}

/** First-fit rows: a bar goes to the lowest row whose last bar has ended by the time it starts. */
function packRows(bars: LaneBar[]): number {
  const rowEnds: number[] = [];
  const sorted = [...bars].sort((a, b) => startOf(a) - startOf(b));
  for (const b of sorted) {
    const start = startOf(b);
    let row = rowEnds.findIndex((end) => end <= start);
    if (row < 0) {
      row = rowEnds.length;
      rowEnds.push(0);
    }
    b.row = row;
    rowEnds[row] = endOf(b) ?? Number.POSITIVE_INFINITY;
  }
  return rowEnds.length;
}

function startOf(b: LaneBar): number {
  return b.type === 'token' ? b.issuedAtMs : b.leakedAtMs;
}

function endOf(b: LaneBar): number | undefined {
  return b.type === 'token' ? b.endMs : b.usableUntilMs;
}

function podSublabel(bars: TokenBar[], first: TokenBar | undefined): string {
  if (!first) return 'no token yet';
  if (first.tokenKind === 'legacy') return 'Secret-based token';
  const extended = bars.some((b) => b.extended);
  return extended ? 'projected, exp extended' : 'projected token';
}

function flowTitle(flow: FlowSummary, legacy: boolean): string {
  const custom = flow.label && flow.label !== flow.id ? flow.label : undefined;
  if (custom && /kubernetes\s+\d/i.test(custom)) return custom;
  return `${custom ?? (legacy ? 'Legacy flow' : 'Projected flow')} · Kubernetes ${flow.kubernetesVersion}`;
}

function flowSubtitle(flow: FlowSummary, legacy: boolean, lanes: readonly Lane[]): string {
  const podBars = lanes.filter((l) => l.kind === 'pod').flatMap((l) => l.bars).filter((b): b is TokenBar => b.type === 'token');
  const first = podBars[0];
  if (first?.tokenKind === 'legacy' || (legacy && !first)) {
    return first?.secretName
      ? `Secret ${first.secretName}, mounted from a Secret volume; no exp claim`
      : 'Secret-based tokens, mounted from a Secret volume; no exp claim';
  }
  const managed = podBars.find((b) => b.tokenKind === 'bound');
  if (!managed) return 'TokenRequest tokens, rotated by the kubelet at ~80 % of their life';
  const audience = managed.audiences[0] ?? flow.apiAudiences[0] ?? flow.issuer;
  const seconds = managed.expirationSec !== undefined ? `, expirationSeconds ${managed.expirationSec}` : '';
  const extension = managed.extended ? '; JWT exp extended to one year' : '';
  return `TokenRequest token, audience ${audience}${seconds}, rotated by the kubelet${extension}`;
}
