/**
 * The event log, stored as columns. The events a run logs by the thousand (token rotations, expiries,
 * invalidations, client calls) are kept as a form number, a time, a flow, a token and a few numbers and interned
 * strings; their `message` and `cause` come from the catalogue (shared/model/event-text.ts) when someone reads them.
 * Rare events (one per step, pod or command) are kept whole. Reading an event builds the same object, with its keys in
 * the same order, that the engine used to store, so logs, exports and the CLI's output are byte for byte the same.
 *
 * Rewinding (a seek back) only moves `length`: the events after it stay, since replaying the same future logs the
 * same events, and a seek forward can restore a later snapshot without running that stretch again. A user command
 * that changes the future drops them (`discardFuture`).
 */
import type { EventRefs, NewEvent, SimEvent } from '../model/events.ts';
import { EVENT_TEXT, type EventText, type RefreshReason } from '../model/event-text.ts';
import { ensureLength } from '../sim/grow-array.ts';
import type { TokenLog } from './token-log.ts';
import { dataDirName } from './kubelet/atomic-writer.ts';

/** The objects a pod's token events name. */
export interface PodRefs {
  namespace: string;
  pod: string;
  podUid: string;
  serviceAccount: string;
}

/** The objects a client's or attacker's calls name. */
export interface ActorRefs {
  namespace: string;
  pod: string;
  actor: string;
}

/** How an event is kept: whole, or as one of the catalogued forms. */
const STORED = 0;
const REFRESH_DUE = 1;
const KUBELET_ISSUED = 2;
const KUBELET_REQUEST_FAILED = 3;
const FILE_WRITTEN = 4;
const CLAMP_WARNING = 5;
const EXPIRED = 6;
const INVALIDATED = 7;
const ALLOWED = 8;
const DENIED_NO_FILE = 9;
const DENIED_API_DOWN = 10;
const UNAUTHORIZED = 11;
const STALE_WARNING = 12;
const LAST_USED = 13;

const FORM_TYPE: readonly SimEvent['type'][] = [
  'warning', // STORED: the type is the stored event's own
  'token.refresh-due',
  'token.issued',
  'token.request-failed',
  'token.file-written',
  'warning',
  'token.expired',
  'token.invalidated',
  'request.allowed',
  'request.denied',
  'request.denied',
  'request.denied',
  'warning',
  'secret.labelled',
];

/** The events that tell, once per token, that it expired, was invalidated or was used stale (see TokenLog.told). */
export type TellingForm = typeof EXPIRED | typeof INVALIDATED | typeof STALE_WARNING;
export const TELLS_EXPIRED: TellingForm = EXPIRED;
export const TELLS_INVALIDATED: TellingForm = INVALIDATED;
export const TELLS_STALE: TellingForm = STALE_WARNING;

const RULES = ['ttl-80-percent', 'max-24h'] as const;

/** Four strings a pod's or an actor's events repeat (namespace, pod, and pod UID and ServiceAccount, or actor). */
type Tuple = [string, string, string, string];

/** Fills in the words of an event built with empty ones (its keys keep their order). */
function text(words: EventText, event: SimEvent): SimEvent {
  event.message = words.message;
  event.cause = words.cause;
  return event;
}
/** Events room is made for when the caller has no estimate; the columns double as they fill. */
/**
 * Numbers made room for per event: a rotation logs 5, 9 and 4 (refresh due, issued, file written). Room never written
 * costs no memory (the pages are only mapped when touched), while a column that has to grow copies itself.
 */
const ARGS_PER_EVENT = 6;
const DEFAULT_CAPACITY = 1024;

export class EventLog {
  private visible = 0;
  /** Events kept after `visible` from a future computed before a seek back. */
  private computed = 0;
  private atMs: Float64Array;
  private form: Uint8Array;
  private flow: Uint8Array;
  /** The token an event is about (its `token`, or its refs' token), or -1. */
  private token: Int32Array;
  /** Where each event's numbers start in `args`, and its objects in `objects` (one more entry than events). */
  private argStart: Uint32Array;
  private objectStart: Uint32Array;
  private args: Float64Array;
  /** Stored events, in log order. */
  private readonly objects: unknown[] = [];
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly lists: string[][] = [];
  private readonly listIds = new Map<string, number>();
  /** The refs a pod's or an actor's events repeat, as one id (found again by the refs object the caller keeps). */
  private readonly tuples: Tuple[] = [];
  private readonly tupleIds = new Map<string, number>();
  private readonly tupleOfRefs = new WeakMap<object, number>();
  private readonly flows: string[] = [];
  private readonly flowIds = new Map<string, number>();

  constructor(
    private readonly tokens: TokenLog,
    /** The scenario's start: data directory names carry the wall-clock time of their write. */
    private readonly startEpochMs: number,
    /** The events expected (the work estimate): made room for at once, as doubling a long run's columns costs. */
    capacity = DEFAULT_CAPACITY,
  ) {
    this.atMs = new Float64Array(capacity);
    this.form = new Uint8Array(capacity);
    this.flow = new Uint8Array(capacity);
    this.token = new Int32Array(capacity);
    this.argStart = new Uint32Array(capacity + 1);
    this.objectStart = new Uint32Array(capacity + 1);
    this.args = new Float64Array(capacity * ARGS_PER_EVENT);
  }

  get length(): number {
    return this.visible;
  }

  // ---- appending -----------------------------------------------------------------------------------------------

  /** Starts event `seq` = `length`; returns it. Its numbers and objects follow with `arg` and `object`. */
  private begin(form: number, flow: string, atMs: number, token: number): number {
    const seq = this.visible;
    const needed = seq + 1;
    if (needed > this.form.length) {
      this.atMs = ensureLength(this.atMs, needed);
      this.form = ensureLength(this.form, needed);
      this.flow = ensureLength(this.flow, needed);
      this.token = ensureLength(this.token, needed);
      this.argStart = ensureLength(this.argStart, this.form.length + 1);
      this.objectStart = ensureLength(this.objectStart, this.form.length + 1);
    }
    this.atMs[seq] = atMs;
    this.form[seq] = form;
    this.flow[seq] = this.flowId(flow);
    this.token[seq] = token;
    this.argStart[needed] = this.argStart[seq]!;
    this.objectStart[needed] = this.objectStart[seq]!;
    this.visible = needed;
    if (needed > this.computed) this.computed = needed;
    return seq;
  }

  private arg(value: number): void {
    const at = this.argStart[this.visible]!;
    if (at >= this.args.length) this.args = ensureLength(this.args, at + 1);
    this.args[at] = value;
    this.argStart[this.visible] = at + 1;
  }

  private object(value: unknown): void {
    const at = this.objectStart[this.visible]!;
    this.objects[at] = value;
    this.objectStart[this.visible] = at + 1;
  }

  private flowId(flow: string): number {
    let id = this.flowIds.get(flow);
    if (id === undefined) {
      id = this.flows.length;
      this.flows.push(flow);
      this.flowIds.set(flow, id);
    }
    return id;
  }

  private stringArg(value: string): void {
    let id = this.stringIds.get(value);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(value);
      this.stringIds.set(value, id);
    }
    this.arg(id);
  }

  private listArg(values: readonly string[]): void {
    if (values.length === 0) return this.arg(-1);
    const key = values.join('\u0000');
    let id = this.listIds.get(key);
    if (id === undefined) {
      id = this.lists.length;
      this.lists.push([...values]);
      this.listIds.set(key, id);
    }
    this.arg(id);
  }

  /** The id of `tuple`, which `refs` names; the caller finds it again next time by `refs` (see `tupleOfRefs`). */
  private internTuple(refs: object, tuple: Tuple): number {
    const key = tuple.join('\u0000');
    let id = this.tupleIds.get(key);
    if (id === undefined) {
      id = this.tuples.length;
      this.tuples.push(tuple);
      this.tupleIds.set(key, id);
    }
    this.tupleOfRefs.set(refs, id);
    return id;
  }

  private podArgs(refs: PodRefs): void {
    this.arg(this.tupleOfRefs.get(refs) ?? this.internTuple(refs, [refs.namespace, refs.pod, refs.podUid, refs.serviceAccount]));
  }

  private actorArgs(refs: ActorRefs): void {
    this.arg(this.tupleOfRefs.get(refs) ?? this.internTuple(refs, [refs.namespace, refs.pod, refs.actor, '']));
  }

  /** A rare event, kept whole: `event` itself becomes the logged event (completed with seq, atMs and flow). */
  append(flow: string, atMs: number, event: NewEvent): SimEvent {
    const full = event as SimEvent;
    full.seq = this.begin(STORED, flow, atMs, -1);
    full.atMs = atMs;
    full.flow = flow;
    this.object(full);
    return full;
  }

  // The kubelet's forms take their fields as arguments rather than an object: they are logged a few hundred thousand
  // times in a long run.

  /** `refresh` says why (its `ttlSec` is the cached token's, which the event's words recall from the token). */
  refreshDue(flow: string, atMs: number, token: number, refs: PodRefs, refresh: RefreshReason, thresholdSec: number): number {
    const seq = this.begin(REFRESH_DUE, flow, atMs, token);
    this.arg(refresh.ageSec);
    this.arg(thresholdSec);
    this.arg(refresh.jitterSec);
    this.arg(RULES.indexOf(refresh.rule));
    this.podArgs(refs);
    return seq;
  }

  /** `refresh`: why the cached token was replaced; undefined for the pod's first token. */
  kubeletIssued(flow: string, atMs: number, token: number, refs: PodRefs, expirationSec: number, jwtLifetimeSec: number, extended: boolean, refresh: RefreshReason | undefined): number {
    const seq = this.begin(KUBELET_ISSUED, flow, atMs, token);
    this.arg(expirationSec);
    this.arg(jwtLifetimeSec);
    this.arg(extended ? 1 : 0);
    this.podArgs(refs);
    this.arg(refresh ? RULES.indexOf(refresh.rule) : -1);
    this.arg(refresh?.ageSec ?? 0);
    this.arg(refresh?.ttlSec ?? 0);
    this.arg(refresh?.jitterSec ?? 0);
    return seq;
  }

  kubeletRequestFailed(flow: string, atMs: number, refs: PodRefs, failed: { status: number; error: string; keptToken: number | undefined; namesCacheKey: boolean }): number {
    const seq = this.begin(KUBELET_REQUEST_FAILED, flow, atMs, failed.keptToken ?? -1);
    this.arg(failed.status);
    this.stringArg(failed.error);
    this.arg(failed.namesCacheKey ? 1 : 0);
    this.podArgs(refs);
    return seq;
  }

  /** `refs.serviceAccount` is the token's, as the kubelet names it. */
  /**
   * `path` is `mountPath/file`; `refs` is kept by the caller for the pod (the ServiceAccount named is the token's). The
   * data directory's name is spelled again from the write's instant and `dataDirRandom` (see dataDirName).
   */
  fileWritten(flow: string, atMs: number, token: number, refs: Omit<PodRefs, 'serviceAccount'>, mountPath: string, file: string, dataDirRandom: number): number {
    const seq = this.begin(FILE_WRITTEN, flow, atMs, token);
    this.stringArg(mountPath);
    this.stringArg(file);
    this.arg(this.tupleOfRefs.get(refs) ?? this.internTuple(refs, [refs.namespace, refs.pod, refs.podUid, '']));
    this.arg(dataDirRandom);
    return seq;
  }

  clampWarning(flow: string, atMs: number, refs: PodRefs, text: string): number {
    const seq = this.begin(CLAMP_WARNING, flow, atMs, -1);
    this.stringArg(text);
    this.podArgs(refs);
    return seq;
  }

  /** The event's refs name the token's namespace, ServiceAccount and bound pod. */
  expired(flow: string, atMs: number, token: number, leewayEndsAtMs: number): number {
    const seq = this.begin(EXPIRED, flow, atMs, token);
    this.arg(leewayEndsAtMs);
    return seq;
  }

  /** The event's refs name the token's namespace, ServiceAccount, bound pod and Secret. */
  invalidated(flow: string, atMs: number, token: number, reason: string): number {
    const seq = this.begin(INVALIDATED, flow, atMs, token);
    this.stringArg(reason);
    return seq;
  }

  allowed(flow: string, atMs: number, token: number, refs: ActorRefs, call: { target: string; username: string; warnings: readonly string[]; cached: boolean }): number {
    const seq = this.begin(ALLOWED, flow, atMs, token);
    this.actorArgs(refs);
    this.stringArg(call.target);
    this.stringArg(call.username);
    this.listArg(call.warnings);
    this.arg(call.cached ? 1 : 0);
    return seq;
  }

  /** A call refused: no token file yet (`token` undefined), the API server down (status 0), or 401 Unauthorized. */
  denied(flow: string, atMs: number, token: number | undefined, refs: ActorRefs, call: { target: string; status: 0 | 401; error: string }): number {
    const form = token === undefined ? DENIED_NO_FILE : call.status === 0 ? DENIED_API_DOWN : UNAUTHORIZED;
    const seq = this.begin(form, flow, atMs, token ?? -1);
    this.actorArgs(refs);
    this.stringArg(call.target);
    this.stringArg(call.error);
    return seq;
  }

  staleWarning(flow: string, atMs: number, token: number, refs: ActorRefs, text: string): number {
    const seq = this.begin(STALE_WARNING, flow, atMs, token);
    this.actorArgs(refs);
    this.stringArg(text);
    return seq;
  }

  lastUsed(flow: string, atMs: number, refs: { namespace: string; secret: string }, label: { label: string; value: string }): number {
    const seq = this.begin(LAST_USED, flow, atMs, -1);
    this.stringArg(label.label);
    this.stringArg(label.value);
    this.stringArg(refs.namespace);
    this.stringArg(refs.secret);
    return seq;
  }

  // ---- rewinding -----------------------------------------------------------------------------------------------

  /** Back to `length` events (a seek back); the ones after stay for a seek forward over the same future. */
  rewindTo(length: number): void {
    this.visible = length;
  }

  /** Forward to `length` events of the future computed before (a seek forward that restores a later snapshot). */
  restoreTo(length: number): void {
    if (length > this.computed) throw new Error(`internal: the event log has ${this.computed} events, not ${length}`);
    this.visible = length;
  }

  /** The future after `length` no longer holds (a user command changed it). */
  discardFuture(): void {
    this.computed = this.visible;
    this.objects.length = this.objectStart[this.visible]!;
  }

  // ---- reading -------------------------------------------------------------------------------------------------

  private check(seq: number): number {
    if (!(seq >= 0 && seq < this.visible)) throw new Error(`internal: no event ${seq}`);
    return seq;
  }

  typeAt(seq: number): SimEvent['type'] {
    const form = this.form[this.check(seq)]!;
    return form === STORED ? (this.objects[this.objectStart[seq]!] as SimEvent).type : FORM_TYPE[form]!;
  }

  atMsAt(seq: number): number {
    return this.atMs[this.check(seq)]!;
  }

  flowAt(seq: number): string {
    return this.flows[this.flow[this.check(seq)]!]!;
  }

  /**
   * The pod and the actor event `seq` names in its refs, without building the event (the work meter counts them
   * over the whole log when a run reaches its budget).
   */
  podAndActorAt(seq: number): Pick<EventRefs, 'pod' | 'actor'> {
    const form = this.form[this.check(seq)]!;
    const a = this.argStart[seq]!;
    switch (form) {
      case STORED: {
        const { pod, actor } = (this.objects[this.objectStart[seq]!] as SimEvent).refs;
        return { pod, actor };
      }
      case REFRESH_DUE:
        return { pod: this.tuples[this.args[a + 4]!]![1] };
      case KUBELET_ISSUED:
      case KUBELET_REQUEST_FAILED:
        return { pod: this.tuples[this.args[a + 3]!]![1] };
      case FILE_WRITTEN:
        return { pod: this.tuples[this.args[a + 2]!]![1] };
      case CLAMP_WARNING:
        return { pod: this.tuples[this.args[a + 1]!]![1] };
      case EXPIRED:
      case INVALIDATED: {
        const bound = this.tokens.profileOf(this.token[seq]!).boundObject;
        return { pod: bound?.kind === 'Pod' ? bound.name : undefined };
      }
      case ALLOWED:
      case DENIED_NO_FILE:
      case DENIED_API_DOWN:
      case UNAUTHORIZED:
      case STALE_WARNING: {
        const [, pod, actor] = this.tuples[this.args[a]!]!;
        return { pod, actor };
      }
      default:
        return {};
    }
  }

  /** Whether `seq` is in the log and is the event of `form` that told about `token`. */
  tells(seq: number, form: TellingForm, token: number): boolean {
    return seq >= 0 && seq < this.visible && this.form[seq] === form && this.token[seq] === token;
  }

  /** Events `from` (inclusive) to `to` (exclusive), built now. */
  slice(from: number, to = this.visible): SimEvent[] {
    const out: SimEvent[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.visible); i++) out.push(this.get(i));
    return out;
  }

  get(seq: number): SimEvent {
    const form = this.form[this.check(seq)]!;
    if (form === STORED) return this.objects[this.objectStart[seq]!] as SimEvent;
    const a = this.argStart[seq]!;
    const args = this.args;
    const s = this.strings;
    const atMs = this.atMs[seq]!;
    const flow = this.flows[this.flow[seq]!]!;
    const token = this.token[seq]!;
    const tokens = this.tokens;
    const t = this.tuples;
    switch (form) {
      case REFRESH_DUE: {
        const [namespace, pod, podUid, serviceAccount] = t[args[a + 4]!]!;
        const e = {
          type: 'token.refresh-due', token, ageSec: args[a]!, thresholdSec: args[a + 1]!, jitterSec: args[a + 2]!, rule: RULES[args[a + 3]!]!, message: '', cause: '',
          refs: { namespace, pod, podUid, serviceAccount, token },
          seq, atMs, flow,
        } satisfies SimEvent;
        return text(EVENT_TEXT['token.refresh-due'].kubelet(e, tokens), e);
      }
      case KUBELET_ISSUED: {
        const [namespace, pod, podUid, serviceAccount] = t[args[a + 3]!]!;
        const e = {
          type: 'token.issued', token, kind: 'bound', requester: 'kubelet', expirationSec: args[a]!, jwtLifetimeSec: args[a + 1]!, extended: args[a + 2] === 1, message: '', cause: '',
          refs: { namespace, pod, podUid, serviceAccount, token },
          seq, atMs, flow,
        } satisfies SimEvent;
        const rule = args[a + 4]!;
        const refresh = rule < 0 ? undefined : { rule: RULES[rule]!, ageSec: args[a + 5]!, ttlSec: args[a + 6]!, jitterSec: args[a + 7]! };
        return text(EVENT_TEXT['token.issued'].kubelet(e, tokens, refresh), e);
      }
      case KUBELET_REQUEST_FAILED: {
        const [namespace, pod, podUid, serviceAccount] = t[args[a + 3]!]!;
        const refs = { namespace, pod, podUid, serviceAccount };
        const status = args[a]!;
        const error = s[args[a + 1]!]!;
        const e: SimEvent =
          token >= 0
            ? { type: 'token.request-failed', requester: 'kubelet', status, error, keptToken: token, message: '', cause: '', refs, seq, atMs, flow }
            : { type: 'token.request-failed', requester: 'kubelet', status, error, message: '', cause: '', refs, seq, atMs, flow };
        return text(EVENT_TEXT['token.request-failed'].kubelet(e, tokens, args[a + 2] === 1), e);
      }
      case FILE_WRITTEN: {
        const [namespace, pod, podUid] = t[args[a + 2]!]!;
        const e = {
          type: 'token.file-written', token, path: `${s[args[a]!]!}/${s[args[a + 1]!]!}`, dataDir: dataDirName(this.startEpochMs + atMs, args[a + 3]!), message: '', cause: '',
          refs: { namespace, pod, podUid, token, serviceAccount: tokens.profileOf(token).serviceAccount },
          seq, atMs, flow,
        } satisfies SimEvent;
        return text(EVENT_TEXT['token.file-written'].kubelet(e, tokens), e);
      }
      case CLAMP_WARNING: {
        const [namespace, pod, podUid, serviceAccount] = t[args[a + 1]!]!;
        const e = {
          type: 'warning', code: 'max-expiration-clamp', text: s[args[a]!]!, message: '', cause: '',
          refs: { namespace, pod, podUid, serviceAccount },
          seq, atMs, flow,
        } satisfies SimEvent;
        return text(EVENT_TEXT.warning['max-expiration-clamp'](e), e);
      }
      case EXPIRED: {
        const p = tokens.profileOf(token);
        const refs = p.boundObject?.kind === 'Pod'
          ? { namespace: p.namespace, serviceAccount: p.serviceAccount, token, pod: p.boundObject.name }
          : { namespace: p.namespace, serviceAccount: p.serviceAccount, token };
        const e = { type: 'token.expired', token, leewayEndsAtMs: args[a]!, message: '', cause: '', refs, seq, atMs, flow } satisfies SimEvent;
        return text(EVENT_TEXT['token.expired'].clock(e, tokens), e);
      }
      case INVALIDATED: {
        const p = tokens.profileOf(token);
        const refs: SimEvent['refs'] = { namespace: p.namespace, serviceAccount: p.serviceAccount, token };
        if (p.boundObject?.kind === 'Pod') {
          refs.pod = p.boundObject.name;
          refs.podUid = p.boundObject.uid;
        }
        if (p.secretName) refs.secret = p.secretName;
        const e = { type: 'token.invalidated', token, reason: s[args[a]!]!, message: '', cause: '', refs, seq, atMs, flow } satisfies SimEvent;
        return text(EVENT_TEXT['token.invalidated'].any(e, tokens), e);
      }
      case ALLOWED: {
        const [namespace, pod, actor] = t[args[a]!]!;
        const list = args[a + 3]!;
        const e = {
          type: 'request.allowed', actor, token, target: s[args[a + 1]!]!, username: s[args[a + 2]!]!, warnings: list < 0 ? [] : [...this.lists[list]!], cached: args[a + 4] === 1,
          message: '', cause: '',
          refs: { namespace, pod, actor, token, serviceAccount: tokens.profileOf(token).serviceAccount },
          seq, atMs, flow,
        } satisfies SimEvent;
        return text(EVENT_TEXT['request.allowed'].client(e, tokens), e);
      }
      case DENIED_NO_FILE: {
        const [namespace, pod, actor] = t[args[a]!]!;
        const e = {
          type: 'request.denied', actor, target: s[args[a + 1]!]!, status: 0, error: s[args[a + 2]!]!, message: '', cause: '',
          refs: { namespace, pod, actor },
          seq, atMs, flow,
        } satisfies SimEvent;
        return text(EVENT_TEXT['request.denied']['no-token-file'](e), e);
      }
      case DENIED_API_DOWN:
      case UNAUTHORIZED: {
        const [namespace, pod, actor] = t[args[a]!]!;
        const e = {
          type: 'request.denied', actor, token, target: s[args[a + 1]!]!, status: form === UNAUTHORIZED ? 401 : 0, error: s[args[a + 2]!]!, message: '', cause: '',
          refs: { namespace, pod, actor, token, serviceAccount: tokens.profileOf(token).serviceAccount },
          seq, atMs, flow,
        } satisfies SimEvent;
        return text(form === UNAUTHORIZED ? EVENT_TEXT['request.denied'].unauthorized(e, tokens) : EVENT_TEXT['request.denied']['api-server-down'](e), e);
      }
      case STALE_WARNING: {
        const [namespace, pod, actor] = t[args[a]!]!;
        const e = {
          type: 'warning', code: 'stale-token', text: s[args[a + 1]!]!, message: '', cause: '',
          refs: { namespace, pod, actor, token, serviceAccount: tokens.profileOf(token).serviceAccount },
          seq, atMs, flow,
        } satisfies SimEvent;
        return text(EVENT_TEXT.warning['stale-token'](e, tokens), e);
      }
      case LAST_USED: {
        const e = {
          type: 'secret.labelled', label: s[args[a]!]!, value: s[args[a + 1]!]!, message: '', cause: '',
          refs: { namespace: s[args[a + 2]!]!, secret: s[args[a + 3]!]! },
          seq, atMs, flow,
        } satisfies SimEvent;
        return text(EVENT_TEXT['secret.labelled']['last-used'](e), e);
      }
      default:
        throw new Error(`internal: event ${seq} has no form ${form}`);
    }
  }
}
