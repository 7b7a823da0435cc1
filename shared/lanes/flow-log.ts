/**
 * Everything one flow's events have said so far, read once and kept between batches: which token was issued to whom,
 * refreshed, expired, invalidated, written into which pod's file, leaked and replayed; the kubectl commands; outages
 * and cluster-wide markers. The lanes are built from this, never from the raw log again.
 */
import type { SimEvent, TokenRequester } from '../model/events.ts';
import type { TokenSummary } from '../rpc/engine-protocol.ts';
import { kubectlCaption } from './kubectl-caption.ts';
import type { FlowMarker, FlowSpan, HeldSpan, Lane, LaneMark, MarkKind, PodRow, SpanKind, TokenBar } from './lane-types.ts';

/** A lane's token bars as last built, by token; a bar is rebuilt only when its summary or an event about it changes. */
export type BarCache = Map<number, { summary: TokenSummary; bar: TokenBar }>;

/** A pod as the log tells it, with the parts of its lane built from earlier batches (reused while unchanged). */
export interface PodInfo {
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

/** One client's calls to the API server (an app in a pod, or an attacker replaying a stolen token). */
export interface ActorCalls {
  pod: string | undefined;
  namespace: string;
  marks: LaneMark[];
  ok: number;
}

export interface Leak {
  atMs: number;
  seq: number;
  token: number;
  actor: string;
  podKey: string | undefined;
  text: string;
}

export type RefreshDue = NonNullable<TokenBar['refreshDue']>;

export class FlowLog {
  readonly issues = new Map<number, { requester: TokenRequester; extended: boolean; seq: number }>();
  readonly refreshDue = new Map<number, RefreshDue>();
  readonly expired = new Map<number, { atMs: number; seq: number; leewayEndsAtMs: number }>();
  readonly invalidated = new Map<number, { atMs: number; seq: number; reason: string }>();
  readonly pods = new Map<string, PodInfo>();
  readonly leaks: Leak[] = [];
  readonly actors = new Map<string, ActorCalls>();
  readonly kubectlMarks: LaneMark[] = [];
  readonly spans: FlowSpan[] = [];
  readonly markers: FlowMarker[] = [];
  /** The version the flow runs now, once an upgrade step has changed it. */
  upgradedTo: string | undefined;
  private readonly openSpans = new Map<SpanKind, FlowSpan>();
  /** Per token, the pods whose file it was written into (in order of the first write). */
  readonly writtenInto = new Map<number, PodInfo[]>();
  /** Tokens an event mentioned since the last `assemble`: their cached bars are stale. */
  readonly dirty = new Set<number>();
  /** Since the last assemble: first writes of a token into a pod, and tokens found to be kubectl's. */
  newWrites: { token: number; info: PodInfo }[] = [];
  lateKubectl: number[] = [];

  /** The pod of that name, met for the first time at `atMs` if it is new. */
  pod(namespace: string | undefined, name: string, atMs: number): PodInfo {
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
      // Not drawn on the lanes: the event table lists them.
      case 'manifest.applied':
      case 'manifest.rejected':
      case 'pod.mount-failed':
      case 'pod.running':
      case 'pod.terminating':
      case 'secret.created':
      case 'secret.deleted':
      case 'secret.labelled':
      case 'serviceaccount.created':
      case 'serviceaccount.deleted':
      case 'step.failed':
      case 'warning':
        break;
    }
  }
}
