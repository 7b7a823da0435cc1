/**
 * Turns what the engine reported (scenario, append-only event log, token log, clock) into what the timelines draw:
 * per flow, one lane per token holder (each pod, the kubectl user, unmounted token Secrets), an attacker lane under the
 * pod each leak came from, and flow-wide spans (kubelet or API server down). A flow with more than a dozen pods gets
 * one summary lane instead of a lane per pod: a thin row each, showing which token the pod's file held when.
 * Everything is in simulated milliseconds; nothing here knows about pixels. Pure and deterministic: the same log gives
 * the same lanes, so `createLanesMemo` can cache on `snapshot.version`.
 *
 * Partial logs are normal (a scenario being played): a token whose end has not been reported yet is still alive at
 * `nowMs`; its known future (a JWT `exp`) is kept so the plan can draw it as "ahead of now".
 */
import type { SimEvent, TokenRequester } from '../model/events.ts';
import type { FlowSummary, ScenarioSummary, TokenSummary } from '../rpc/engine-protocol.ts';
import { versionBehaviour } from '../model/versions.ts';
import { formatDuration } from '../time/duration.ts';
import { extensionWords } from '../text/extension-words.ts';

/** The API server keeps accepting a token for 60 s after its `exp` (`pkg/serviceaccount/claims.go`, leeway). */
export const EXP_LEEWAY_MS = 60_000;
/** The kubelet refreshes at 80 % of the TTL or after 24 h (`pkg/kubelet/token/token_manager.go`, `requiresRefresh`). */
const KUBELET_MAX_TTL_MS = 24 * 3_600_000;

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
  kind: 'signing-key-rotated' | 'signing-key-retired' | 'signing-key-fetched' | 'cluster-upgraded';
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
  /** The token log as read so far (append-only like the events; a rewrite is detected and read again). */
  private tokensRead = 0;
  private lastToken: TokenSummary | undefined;
  private readonly flowTokens = new Map<string, TokenSummary[]>();
  private readonly byIndex = new Map<number, TokenSummary>();

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

  private readTokens(tokens: readonly TokenSummary[]): void {
    if (tokens.length < this.tokensRead || (this.tokensRead > 0 && tokens[this.tokensRead - 1] !== this.lastToken)) {
      this.tokensRead = 0;
      this.flowTokens.clear();
      this.byIndex.clear();
      for (const flow of this.flows.values()) flow.resetTokens();
    }
    for (let i = this.tokensRead; i < tokens.length; i++) {
      const t = tokens[i]!;
      this.byIndex.set(t.index, t);
      let list = this.flowTokens.get(t.flow);
      if (!list) this.flowTokens.set(t.flow, (list = []));
      list.push(t);
    }
    this.tokensRead = tokens.length;
    this.lastToken = tokens[tokens.length - 1];
  }

  assemble(snapshot: SnapshotInput): TimelineLanes {
    this.readTokens(snapshot.tokens);
    const tokens = this.flowTokens;
    const byIndex = this.byIndex;
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
  /** When each token was written into this pod's file, by token (kept as the log is read). */
  writes: Map<number, number[]>;
  /** Writes of a different token than the one before (the kubelet rotated it). */
  rotations: number;
  lastWritten: number | undefined;
  /** This pod's bars from earlier batches, rebuilt only when an event touches their token. */
  bars: BarCache;
  /** The lane built last time, reused whole when nothing in it changed. */
  lane: Lane | undefined;
  /** Each first write of a token different from the one before: where its summary row changes token. */
  changes: { token: number; atMs: number }[];
  /** Summary row spans built from `changes[0 .. spansBuilt)`; rebuilt from scratch when `spansStale`. */
  spans: HeldSpan[];
  spansBuilt: number;
  spansStale: boolean;
  /** Closed spans (a later token replaced them): how many and their total length, for the caption. */
  closedCount: number;
  closedMs: number;
  row: PodRow | undefined;
}

interface ActorCalls {
  pod: string | undefined;
  namespace: string;
  marks: LaneMark[];
  ok: number;
}

type BarCache = Map<number, { summary: TokenSummary; bar: TokenBar }>;

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
  /** The version the flow runs now, once an upgrade step has changed it. */
  private upgradedTo: string | undefined;
  private readonly openSpans = new Map<SpanKind, FlowSpan>();
  /** Per token, the pods whose file it was written into (in order of the first write). */
  private readonly writtenInto = new Map<number, PodInfo[]>();
  /** Tokens an event mentioned since the last `assemble`: their cached bars are stale. */
  private readonly dirty = new Set<number>();
  private readonly kubectlBars: BarCache = new Map();
  private readonly unmountedBars: BarCache = new Map();
  private kubectlLane: Lane | undefined;
  private unmountedLane: Lane | undefined;
  // Which lane holds which token, kept as tokens arrive (see `assignTokens`).
  private tokensSeen = 0;
  private readonly position = new Map<number, number>();
  private readonly podHeld = new Map<PodInfo, TokenSummary[]>();
  private kubectlHeld: TokenSummary[] = [];
  /** Tokens seen that are neither kubectl's nor written into any pod yet: bound to a pod, or in no pod. */
  private floating: TokenSummary[] = [];
  /** Since the last assemble: first writes of a token into a pod, and tokens found to be kubectl's. */
  private newWrites: { token: number; info: PodInfo }[] = [];
  private lateKubectl: number[] = [];

  constructor(private readonly flow: FlowSummary) {
    this.legacy = isLegacyVersion(flow.kubernetesVersion);
  }

  private pod(namespace: string | undefined, name: string, atMs: number): PodInfo {
    const ns = namespace ?? 'default';
    const key = `${ns}/${name}`;
    let info = this.pods.get(key);
    if (!info) {
      info = { key, name, namespace: ns, firstMs: atMs, kubelet: [], deleted: undefined, writes: new Map(), rotations: 0, lastWritten: undefined, bars: new Map(), lane: undefined, changes: [], spans: [], spansBuilt: 0, spansStale: false, closedCount: 0, closedMs: 0, row: undefined };
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
        if (e.requester === 'kubectl') this.lateKubectl.push(e.token);
        this.dirty.add(e.token);
        break;
      case 'token.refresh-due':
        if (!this.refreshDue.has(e.token)) this.refreshDue.set(e.token, { atMs: e.atMs, seq: e.seq, cause: e.cause, rule: e.rule });
        this.dirty.add(e.token);
        break;
      case 'token.file-written':
        if (e.refs.pod) {
          const info = this.pod(e.refs.namespace, e.refs.pod, e.atMs);
          info.kubelet.push({ kind: 'file-write', atMs: e.atMs, seq: e.seq, token: e.token, text: e.message });
          let writes = info.writes.get(e.token);
          if (!writes) {
            info.writes.set(e.token, (writes = []));
            let pods = this.writtenInto.get(e.token);
            if (!pods) this.writtenInto.set(e.token, (pods = []));
            pods.push(info);
            this.newWrites.push({ token: e.token, info });
          }
          writes.push(e.atMs);
          if (info.lastWritten !== undefined && e.token !== info.lastWritten) info.rotations++;
          if (e.token !== info.lastWritten) info.changes.push({ token: e.token, atMs: e.atMs });
          info.lastWritten = e.token;
          this.dirty.add(e.token);
        }
        break;
      case 'token.request-failed':
        if (e.requester === 'kubelet' && e.refs.pod) {
          this.pod(e.refs.namespace, e.refs.pod, e.atMs).kubelet.push({ kind: 'refresh-failed', atMs: e.atMs, seq: e.seq, token: e.keptToken, text: e.message });
        }
        break;
      case 'token.expired':
        if (!this.expired.has(e.token)) this.expired.set(e.token, { atMs: e.atMs, seq: e.seq, leewayEndsAtMs: e.leewayEndsAtMs });
        this.dirty.add(e.token);
        break;
      case 'token.invalidated':
        if (!this.invalidated.has(e.token)) this.invalidated.set(e.token, { atMs: e.atMs, seq: e.seq, reason: e.reason });
        this.dirty.add(e.token);
        for (const info of this.writtenInto.get(e.token) ?? []) info.spansStale = true;
        break;
      case 'token.leaked': {
        const podKey = e.refs.pod ? this.pod(e.refs.namespace, e.refs.pod, e.atMs).key : undefined;
        this.leaks.push({ atMs: e.atMs, seq: e.seq, token: e.token, actor: e.actor, podKey, text: e.message });
        break;
      }
      case 'request.allowed':
      case 'request.denied': {
        let calls = this.actors.get(e.actor);
        if (!calls) this.actors.set(e.actor, (calls = { pod: e.refs.pod, namespace: e.refs.namespace ?? 'default', marks: [], ok: 0 }));
        const kind: MarkKind = e.type === 'request.allowed' ? 'call-ok' : e.status === 0 ? 'call-unanswered' : 'call-denied';
        calls.marks.push({ kind, atMs: e.atMs, seq: e.seq, token: e.token, text: e.message });
        if (kind === 'call-ok') calls.ok++;
        break;
      }
      case 'pod.created':
        if (e.refs.pod) this.pod(e.refs.namespace, e.refs.pod, e.atMs);
        break;
      case 'pod.deleted':
        if (e.refs.pod) this.pod(e.refs.namespace, e.refs.pod, e.atMs).deleted = { kind: 'pod-deleted', atMs: e.atMs, seq: e.seq, token: undefined, text: e.message };
        break;
      // Every kubectl command (console lines, scenario steps and the editor's Apply, which the engine logs as
      // `kubectl apply`) is a mark on the kubectl lane: a check when it succeeded, a cross when it failed.
      case 'kubectl.ran':
        this.kubectlMarks.push({ kind: e.exitCode === 0 ? 'kubectl-ok' : 'kubectl-failed', atMs: e.atMs, seq: e.seq, token: e.token, text: e.message, label: kubectlCaption(e.command, e.exitCode, e.stderr) });
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
      case 'signing-key.fetched':
        this.markers.push({ kind: 'signing-key-fetched', atMs: e.atMs, seq: e.seq, label: 'API server fetched signer keys' });
        break;
      case 'cluster.upgraded':
        this.markers.push({ kind: 'cluster-upgraded', atMs: e.atMs, seq: e.seq, label: `upgraded to ${e.toVersion}` });
        this.upgradedTo = e.toVersion;
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

  /** The bar for `t` in one lane, from that lane's cache unless an event touched the token since it was built. */
  private cachedBar(cache: BarCache, t: TokenSummary, writes: readonly number[] | undefined): TokenBar {
    const hit = cache.get(t.index);
    if (hit && hit.summary === t && !this.dirty.has(t.index)) return hit.bar;
    const bar = this.bar(t, writes ? writes.slice() : []);
    cache.set(t.index, { summary: t, bar });
    return bar;
  }

  /**
   * A lane's token bars with their rows packed. Bars are shared between batches, so a bar whose row changes is
   * copied, never edited (lanes handed out earlier stay as they were). Unchanged bars keep the previous array.
   */
  private packedBars(cache: BarCache, bars: TokenBar[], previous: Lane | undefined): { bars: LaneBar[]; rows: number } {
    if (previous && previous.bars.length === bars.length && bars.every((b, i) => previous.bars[i] === b)) return { bars: previous.bars, rows: previous.rows };
    const rows = packRowsOf(bars);
    const packed = bars.map((b, i) => {
      const row = rows.of[i]!;
      if (b.row === row) return b;
      const moved = { ...b, row };
      const hit = cache.get(b.token);
      if (hit && hit.bar === b) hit.bar = moved;
      return moved;
    });
    return { bars: packed, rows: rows.count };
  }

  /** A pod's summary row, extended by the tokens written since the last batch (a row object per change). */
  private podRow(info: PodInfo, allTokens: ReadonlyMap<number, TokenSummary>): PodRow {
    let changed = false;
    if (info.spansStale) {
      info.spans = [];
      info.spansBuilt = 0;
      info.closedCount = 0;
      info.closedMs = 0;
      info.spansStale = false;
      changed = true;
    }
    for (let k = info.spansBuilt; k < info.changes.length; k++) {
      const change = info.changes[k]!;
      const t = allTokens.get(change.token);
      if (!t) break; // its summary comes with a later batch
      const last = info.spans[info.spans.length - 1];
      if (last) {
        info.spans[info.spans.length - 1] = { ...last, toMs: change.atMs };
        info.closedCount++;
        info.closedMs += change.atMs - last.fromMs;
      }
      const inv = this.invalidated.get(change.token);
      let endMs = t.jwtExpiresAtMs;
      if (inv && (endMs === undefined || inv.atMs < endMs)) endMs = inv.atMs;
      info.spans.push({ token: change.token, number: t.number, tokenKind: t.kind, fromMs: change.atMs, toMs: undefined, endMs });
      info.spansBuilt = k + 1;
      changed = true;
    }
    const deletedMs = info.deleted?.atMs;
    if (!changed && info.row && info.row.deletedMs === deletedMs) return info.row;
    info.row = { key: info.key, name: info.namespace === 'default' ? info.name : `${info.namespace}/${info.name}`, deletedMs, held: info.spans.slice() };
    return info.row;
  }

  private summaryLane(rows: PodRow[]): Lane {
    let spans = 0;
    let closed = 0;
    let closedMs = 0;
    for (const info of this.pods.values()) {
      spans += info.spans.length;
      closed += info.closedCount;
      closedMs += info.closedMs;
    }
    const anyBound = rows.some((r) => r.held.some((h) => h.tokenKind === 'bound'));
    const tokens = this.writtenInto.size;
    const first = rows.find((r) => r.held.length > 0)?.held[0];
    const count = (n: number, word: string) => `${COUNT_FORMAT.format(n)} ${word}${n === 1 ? '' : 's'}`;
    let caption: string;
    if (spans === 0 || !first) caption = 'no pod has a token yet';
    else if (!anyBound && tokens === 1 && closed === 0) caption = `every pod holds the same token #${first.number}: no exp claim, nothing rotates it`;
    else if (closed === 0) caption = `${count(tokens, 'token')} so far, none replaced yet`;
    else caption = `each pod's token is replaced every ~${formatDuration(Math.max(60_000, Math.round(closedMs / closed / 60_000) * 60_000))}: ${count(tokens, 'token')} so far`;
    return {
      id: 'pods',
      kind: 'pods',
      label: count(rows.length, 'pod'),
      sublabel: 'one row per pod',
      rows: rows.length,
      bars: [],
      strips: [],
      marks: [],
      compact: true,
      summary: { rows, caption, tokens },
    };
  }

  /** The pods' first token bars in lane order (as pod lanes would hold them), built only as far as the subtitle reads. */
  private *firstPodBars(pods: readonly PodInfo[], podTokens: ReadonlyMap<PodInfo, readonly TokenSummary[]>): Generator<TokenBar> {
    for (const info of pods) for (const t of podTokens.get(info) ?? []) yield this.cachedBar(info.bars, t, info.writes.get(t.index));
  }

  /** The token log was rewritten under this flow (not just extended): assign every token again. */
  resetTokens(): void {
    this.tokensSeen = 0;
    this.position.clear();
    this.podHeld.clear();
    this.kubectlHeld = [];
    this.floating = [];
    this.newWrites = [];
    this.lateKubectl = [];
  }

  /** Puts `t` into `list` (kept in token-log order); almost always an append. */
  private insertInOrder(list: TokenSummary[], t: TokenSummary): void {
    const at = this.position.get(t.index)!;
    let i = list.length;
    while (i > 0 && this.position.get(list[i - 1]!.index)! > at) i--;
    if (list[i - 1] !== t) list.splice(i, 0, t);
  }

  private dropFloating(token: number): void {
    const i = this.floating.findIndex((t) => t.index === token);
    if (i >= 0) this.floating.splice(i, 1);
  }

  /**
   * Which lane holds which token: kubectl's own; the pods it was written into; else the pod it is bound to; else
   * none ("unmounted"). Kept up to date as tokens and writes arrive, so a batch costs what it adds, not the whole log
   * (only the few tokens not yet written anywhere are looked at again every time).
   */
  private assignTokens(flowTokens: readonly TokenSummary[], allTokens: ReadonlyMap<number, TokenSummary>) {
    const held = (info: PodInfo) => {
      let list = this.podHeld.get(info);
      if (!list) this.podHeld.set(info, (list = []));
      return list;
    };
    // Tokens seen before that were written into another pod, or turned out to be kubectl's, since the last batch.
    for (const { token, info } of this.newWrites) {
      const t = this.position.has(token) ? allTokens.get(token) : undefined;
      if (!t) continue;
      this.insertInOrder(held(info), t);
      this.dropFloating(token);
    }
    for (const token of this.lateKubectl) {
      const t = this.position.has(token) ? allTokens.get(token) : undefined;
      if (!t) continue;
      this.insertInOrder(this.kubectlHeld, t);
      this.dropFloating(token);
    }
    this.newWrites = [];
    this.lateKubectl = [];
    // New tokens.
    for (let k = this.tokensSeen; k < flowTokens.length; k++) {
      const t = flowTokens[k]!;
      this.position.set(t.index, k);
      const pods = this.writtenInto.get(t.index);
      if (pods) for (const info of pods) this.insertInOrder(held(info), t);
      if (this.issues.get(t.index)?.requester === 'kubectl') this.kubectlHeld.push(t);
      else if (!pods) this.floating.push(t);
    }
    this.tokensSeen = flowTokens.length;
    // The rest: bound to a pod (which may appear only through this token), or in no pod.
    const bound = new Map<PodInfo, TokenSummary[]>();
    const unmounted: TokenSummary[] = [];
    for (const t of this.floating) {
      if (t.boundObject?.kind === 'Pod') {
        const info = this.pod(t.namespace, t.boundObject.name, t.issuedAtMs);
        const list = bound.get(info);
        if (list) list.push(t);
        else bound.set(info, [t]);
      } else unmounted.push(t);
    }
    const podTokens = new Map<PodInfo, readonly TokenSummary[]>(this.podHeld);
    for (const [info, extra] of bound) {
      const written = this.podHeld.get(info) ?? [];
      podTokens.set(info, written.length === 0 ? extra : [...written, ...extra].sort((a, b) => this.position.get(a.index)! - this.position.get(b.index)!));
    }
    return { podTokens, kubectlTokens: this.kubectlHeld, unmounted };
  }

  assemble(flowTokens: readonly TokenSummary[], allTokens: ReadonlyMap<number, TokenSummary>): FlowLanes {
    const { podTokens, kubectlTokens, unmounted } = this.assignTokens(flowTokens, allTokens);

    const lanes: Lane[] = [];
    let rotations = 0;
    let callsOk = 0;
    let callsDenied = 0;
    const attackers = new Set(this.leaks.map((l) => l.actor));
    const orderedPods = [...this.pods.values()].sort((a, b) => a.firstMs - b.firstMs);
    const summarise = orderedPods.length >= SUMMARY_MIN_PODS;
    let summaryBars = 0;
    if (summarise) {
      // Many pods: one lane, a thin row per pod; the attackers (if any) after it.
      const rows: PodRow[] = [];
      for (const info of orderedPods) {
        rotations += info.rotations;
        summaryBars += podTokens.get(info)?.length ?? 0;
        for (const [actor, calls] of this.actors) {
          if (attackers.has(actor) || calls.pod !== info.name || calls.namespace !== info.namespace) continue;
          callsOk += calls.ok;
          callsDenied += calls.marks.length;
        }
        rows.push(this.podRow(info, allTokens));
      }
      lanes.push(this.summaryLane(rows));
      for (const info of orderedPods) for (const leak of this.leaks) if (leak.podKey === info.key) lanes.push(this.attackerLane(leak, allTokens.get(leak.token), lanes.length));
    }
    for (const info of summarise ? [] : orderedPods) {
      rotations += info.rotations;
      const previous = info.lane;
      const { bars, rows } = this.packedBars(
        info.bars,
        (podTokens.get(info) ?? []).map((t) => this.cachedBar(info.bars, t, info.writes.get(t.index))),
        previous,
      );
      const strips: LaneStrip[] = [{ id: `${info.key}/writes`, label: 'file writes', marks: sameLength(previous?.strips[0]?.marks, info.kubelet) }];
      for (const [actor, calls] of this.actors) {
        if (attackers.has(actor) || calls.pod !== info.name || calls.namespace !== info.namespace) continue;
        const id = `${info.key}/calls/${actor}`;
        strips.push({ id, label: `${actor} calls`, marks: sameLength(previous?.strips.find((x) => x.id === id)?.marks, calls.marks) });
        callsOk += calls.ok;
        callsDenied += calls.marks.length;
      }
      const marks = info.deleted ? [info.deleted] : [];
      const label = info.namespace === 'default' ? `pod ${info.name}` : `pod ${info.namespace}/${info.name}`;
      const unchanged =
        previous &&
        previous.bars === bars &&
        previous.label === label &&
        previous.strips.length === strips.length &&
        previous.strips.every((x, i) => x.id === strips[i]!.id && x.marks === strips[i]!.marks) &&
        previous.marks.length === marks.length &&
        previous.marks.every((m, i) => m === marks[i]);
      const lane: Lane = unchanged
        ? previous
        : {
            id: `pod:${info.key}`,
            kind: 'pod',
            label,
            sublabel: podSublabel(bars as TokenBar[], bars[0] as TokenBar | undefined),
            rows,
            bars,
            strips,
            marks,
            compact: false,
          };
      info.lane = lane;
      lanes.push(lane);
      // Attacker lanes follow the pod they stole from.
      for (const leak of this.leaks) if (leak.podKey === info.key) lanes.push(this.attackerLane(leak, allTokens.get(leak.token), lanes.length));
    }
    callsDenied -= callsOk;
    for (const leak of this.leaks) {
      if (leak.podKey !== undefined && this.pods.has(leak.podKey)) continue;
      lanes.push(this.attackerLane(leak, allTokens.get(leak.token), lanes.length));
    }
    if (kubectlTokens.length > 0 || this.kubectlMarks.length > 0) {
      const previous = this.kubectlLane;
      const { bars, rows } = this.packedBars(this.kubectlBars, kubectlTokens.map((t) => this.cachedBar(this.kubectlBars, t, undefined)), previous);
      const marks = sameLength(previous?.strips[0]?.marks, this.kubectlMarks);
      this.kubectlLane =
        previous && previous.bars === bars && previous.strips[0]!.marks === marks
          ? previous
          : {
              id: 'kubectl',
              kind: 'kubectl',
              label: 'kubectl',
              sublabel: 'tokens it asked for',
              rows,
              bars,
              strips: [{ id: 'kubectl/commands', label: 'commands', marks }],
              marks: [],
              compact: false,
            };
      lanes.push(this.kubectlLane);
    }
    if (unmounted.length > 0) {
      const previous = this.unmountedLane;
      const { bars, rows } = this.packedBars(this.unmountedBars, unmounted.map((t) => this.cachedBar(this.unmountedBars, t, undefined)), previous);
      const label = this.legacy ? 'other Secrets' : 'unmounted tokens';
      this.unmountedLane =
        previous && previous.bars === bars && previous.label === label
          ? previous
          : {
              id: 'secrets',
              kind: 'secrets',
              label,
              sublabel: `${unmounted.length === 1 ? 'token' : 'tokens'} ${unmounted.map((t) => `#${t.number}`).join(', ')}, in no pod`,
              rows,
              bars,
              strips: [],
              marks: [],
              compact: true,
            };
      lanes.push(this.unmountedLane);
    }
    // Before the dirty tokens are forgotten: a summarised flow builds its first pod bars here.
    const subtitle = flowSubtitle(this.flow, this.legacy, summarise ? this.firstPodBars(orderedPods, podTokens) : lanes);
    this.dirty.clear();

    let tokenBarCount = 0;
    let replaysOk = 0;
    let replaysDenied = 0;
    for (const lane of lanes) {
      if (lane.kind !== 'attacker') {
        // Pod, kubectl and Secret lanes hold only token bars; a summary lane stands for the pods' bars.
        tokenBarCount += lane.kind === 'pods' ? summaryBars : lane.bars.length;
        continue;
      }
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
      title: flowTitle(this.flow, this.legacy, this.upgradedTo),
      subtitle,
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

/** One formatter for every caption ("7,200 tokens"): `toLocaleString` builds a new one on every call. */
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** `previous` when it is still a copy of `current` (an append-only list that has not grown), else a new copy. */
function sameLength<T>(previous: readonly T[] | undefined, current: readonly T[]): T[] {
  return previous && previous.length === current.length ? (previous as T[]) : current.slice();
}

/** "create token my-app --duration 5m → may not specify a duration less than 10 minutes". */
export function kubectlCaption(command: string, exitCode: number, stderr: string): string {
  // A command with a here-document is captioned by its command line, not the manifest under it.
  const args = (command.split('\n')[0] ?? '').replace(/^\s*kubectl\s+/, '').trim();
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

/**
 * First-fit rows: a bar goes to the lowest row whose last bar has ended by the time it starts. Returns the row of each
 * bar (by position in `bars`) and the number of rows, without editing the bars.
 */
function packRowsOf(bars: readonly LaneBar[]): { of: number[]; count: number } {
  const rowEnds: number[] = [];
  const of = new Array<number>(bars.length);
  const order = bars.map((_, i) => i).sort((a, b) => startOf(bars[a]!) - startOf(bars[b]!) || a - b);
  for (const i of order) {
    const b = bars[i]!;
    const start = startOf(b);
    let row = rowEnds.findIndex((end) => end <= start);
    if (row < 0) {
      row = rowEnds.length;
      rowEnds.push(0);
    }
    of[i] = row;
    rowEnds[row] = endOf(b) ?? Number.POSITIVE_INFINITY;
  }
  return { of, count: rowEnds.length };
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

/** "Legacy flow · Kubernetes 1.20", or "… 1.20 → 1.30" once the flow has been upgraded by the playhead. */
function flowTitle(flow: FlowSummary, legacy: boolean, upgradedTo: string | undefined): string {
  const custom = flow.label && flow.label !== flow.id ? flow.label : undefined;
  const upgrade = upgradedTo !== undefined ? ` → ${upgradedTo}` : '';
  if (custom && /kubernetes\s+\d/i.test(custom)) return `${custom}${upgrade}`;
  return `${custom ?? (legacy ? 'Legacy flow' : 'Projected flow')} · Kubernetes ${flow.kubernetesVersion}${upgrade}`;
}

/** The token bars of the pod lanes, in lane order. */
function* podLaneBars(lanes: readonly Lane[]): Generator<TokenBar> {
  for (const lane of lanes) if (lane.kind === 'pod') for (const b of lane.bars) if (b.type === 'token') yield b;
}

/** `podBars`: the pods' token bars in lane order (the pod lanes, or what they would hold when summarised). */
function flowSubtitle(flow: FlowSummary, legacy: boolean, podBars: readonly Lane[] | Iterable<TokenBar>): string {
  let first: TokenBar | undefined;
  let managed: TokenBar | undefined;
  for (const b of Array.isArray(podBars) ? podLaneBars(podBars as readonly Lane[]) : (podBars as Iterable<TokenBar>)) {
    first ??= b;
    if (b.tokenKind === 'bound') {
      managed = b;
      break;
    }
  }
  if (first?.tokenKind === 'legacy' || (legacy && !first)) {
    return first?.secretName
      ? `Secret ${first.secretName}, mounted from a Secret volume; no exp claim`
      : 'Secret-based tokens, mounted from a Secret volume; no exp claim';
  }
  if (!managed) return 'TokenRequest tokens, rotated by the kubelet at ~80 % of their life';
  const audience = managed.audiences[0] ?? flow.apiAudiences[0] ?? flow.issuer;
  const seconds = managed.expirationSec !== undefined ? `, expirationSeconds ${managed.expirationSec}` : '';
  const extension = managed.extended && managed.expMs !== undefined ? `; JWT exp extended to ${extensionWords(Math.round((managed.expMs - managed.issuedAtMs) / 1000))}` : '';
  return `TokenRequest token, audience ${audience}${seconds}, rotated by the kubelet${extension}`;
}
