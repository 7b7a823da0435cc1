/**
 * The event table's logic as pure functions: event types in words, kind groups, filtering (by flow, pod, kind and
 * text) that keeps up with an append-only log of 100,000+ events without rescanning it, the virtual window (which rows
 * to render for a scroll position), keyboard movement and "is the view at the newest row".
 */
import type { SimEvent, SimEventType } from '../../shared/model/events.ts';
import type { TimelineSnapshot } from '../state/timeline-store.ts';
import type { EventSearchResult } from './event-search.ts';

// ---------------------------------------------------------------------------------------------------------------
// Words

export const EVENT_TYPE_WORDS: Readonly<Record<SimEventType, string>> = {
  'token.issued': 'token issued',
  'token.request-failed': 'token request failed',
  'token.refresh-due': 'refresh due',
  'token.file-written': 'file written',
  'token.expired': 'token expired',
  'token.invalidated': 'token invalidated',
  'token.leaked': 'token leaked',
  'request.allowed': 'request allowed',
  'request.denied': 'request denied',
  'pod.created': 'pod created',
  'pod.running': 'pod running',
  'pod.mount-failed': 'mount failed',
  'pod.terminating': 'pod terminating',
  'pod.deleted': 'pod deleted',
  'secret.created': 'Secret created',
  'secret.deleted': 'Secret deleted',
  'secret.labelled': 'Secret labelled',
  'serviceaccount.created': 'ServiceAccount created',
  'serviceaccount.deleted': 'ServiceAccount deleted',
  'kubelet.stopped': 'kubelet stopped',
  'kubelet.started': 'kubelet started',
  'apiserver.stopped': 'API server stopped',
  'apiserver.started': 'API server started',
  'signing-key.rotated': 'signing key rotated',
  'signing-key.retired': 'signing key retired',
  'signing-key.fetched': 'signer keys fetched',
  'cluster.upgraded': 'cluster upgraded',
  'kubectl.ran': 'kubectl ran',
  'manifest.applied': 'manifest applied',
  'manifest.rejected': 'manifest rejected',
  'step.failed': 'step failed',
  warning: 'warning',
};

/** A symbol that repeats the outcome in shape, never colour alone (screen readers skip it: the words say it). */
export function eventSymbol(type: SimEventType): string {
  switch (type) {
    case 'request.allowed':
      return '✓';
    case 'request.denied':
    case 'token.request-failed':
    case 'pod.mount-failed':
    case 'manifest.rejected':
    case 'step.failed':
      return '✗';
    case 'warning':
    case 'token.leaked':
      return '⚠';
    case 'apiserver.started':
    case 'apiserver.stopped':
    case 'cluster.upgraded':
    case 'kubectl.ran':
    case 'kubelet.started':
    case 'kubelet.stopped':
    case 'manifest.applied':
    case 'pod.created':
    case 'pod.deleted':
    case 'pod.running':
    case 'pod.terminating':
    case 'secret.created':
    case 'secret.deleted':
    case 'secret.labelled':
    case 'serviceaccount.created':
    case 'serviceaccount.deleted':
    case 'signing-key.fetched':
    case 'signing-key.retired':
    case 'signing-key.rotated':
    case 'token.expired':
    case 'token.file-written':
    case 'token.invalidated':
    case 'token.issued':
    case 'token.refresh-due':
      return '';
  }
}

export type EventKind = 'token' | 'request' | 'pod' | 'object' | 'control-plane' | 'kubectl' | 'problem';

export const EVENT_KINDS: ReadonlyArray<{ kind: EventKind; label: string }> = [
  { kind: 'token', label: 'Tokens' },
  { kind: 'request', label: 'API requests' },
  { kind: 'pod', label: 'Pods' },
  { kind: 'object', label: 'Secrets, ServiceAccounts, manifests' },
  { kind: 'control-plane', label: 'Kubelet, API server, keys' },
  { kind: 'kubectl', label: 'kubectl' },
  { kind: 'problem', label: 'Warnings and errors' },
];

const KIND_OF: Readonly<Record<SimEventType, EventKind>> = {
  'token.issued': 'token',
  'token.request-failed': 'token',
  'token.refresh-due': 'token',
  'token.file-written': 'token',
  'token.expired': 'token',
  'token.invalidated': 'token',
  'token.leaked': 'token',
  'request.allowed': 'request',
  'request.denied': 'request',
  'pod.created': 'pod',
  'pod.running': 'pod',
  'pod.mount-failed': 'pod',
  'pod.terminating': 'pod',
  'pod.deleted': 'pod',
  'secret.created': 'object',
  'secret.deleted': 'object',
  'secret.labelled': 'object',
  'serviceaccount.created': 'object',
  'serviceaccount.deleted': 'object',
  'manifest.applied': 'object',
  'kubelet.stopped': 'control-plane',
  'kubelet.started': 'control-plane',
  'apiserver.stopped': 'control-plane',
  'apiserver.started': 'control-plane',
  'signing-key.rotated': 'control-plane',
  'signing-key.retired': 'control-plane',
  'signing-key.fetched': 'control-plane',
  'cluster.upgraded': 'control-plane',
  'kubectl.ran': 'kubectl',
  'manifest.rejected': 'problem',
  'step.failed': 'problem',
  warning: 'problem',
};

export function eventKind(type: SimEventType): EventKind {
  return KIND_OF[type];
}

/** Simulated time for the table, fixed width so the column lines up: "0 h 05 m 07 s", "1 d 02 h 13 m 40 s". */
export function formatSimClock(ms: number): string {
  const totalSec = Math.floor(Math.max(0, ms) / 1000);
  const d = Math.floor(totalSec / 86_400);
  const h = Math.floor((totalSec % 86_400) / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return d > 0 ? `${d} d ${two(h)} h ${two(m)} m ${two(s)} s` : `${h} h ${two(m)} m ${two(s)} s`;
}

// ---------------------------------------------------------------------------------------------------------------
// Filtering

export const ALL = '*';

export interface EventFilter {
  /** A flow id, or ALL. */
  flow: string;
  /** A pod name (refs.pod), or ALL. */
  pod: string;
  /** The kinds shown; an empty set shows nothing. */
  kinds: ReadonlySet<EventKind>;
  /** The search's words (event-search.ts); none shows every event. */
  words?: readonly string[];
}

export const ALL_KINDS: ReadonlySet<EventKind> = new Set(EVENT_KINDS.map((k) => k.kind));

export function defaultFilter(): EventFilter {
  return { flow: ALL, pod: ALL, kinds: ALL_KINDS };
}

export function matchesFilter(event: SimEvent, filter: EventFilter): boolean {
  if (filter.flow !== ALL && event.flow !== filter.flow) return false;
  if (filter.pod !== ALL && event.refs.pod !== filter.pod) return false;
  if (!filter.kinds.has(KIND_OF[event.type])) return false;
  return !filter.words || filter.words.length === 0 || eventMatches(event, filter.words);
}

// Text search: an event matches when every word of the query appears, in any case, in its message, its kind (the type,
// "token.expired", and its words, "token expired") or the objects it concerns (flow, namespace, pod, ServiceAccount,
// Secret, node, actor).

/** Longest query the search field takes: far more than anyone types, short enough that matching stays cheap. */
export const EVENT_QUERY_MAX_CHARS = 200;

/** The words of a query, lower-cased; none for a blank query (which matches nothing: there is no search). */
export function queryWords(query: string): string[] {
  return query.slice(0, EVENT_QUERY_MAX_CHARS).toLowerCase().split(/\s+/).filter((word) => word !== '');
}

/** Everything a query is matched against, lower-cased, each part on its own line so no word spans two of them. */
export function searchableText(event: SimEvent): string {
  const { refs } = event;
  return [event.message, event.type, EVENT_TYPE_WORDS[event.type], event.flow, refs.namespace, refs.pod, refs.serviceAccount, refs.secret, refs.node, refs.actor]
    .filter((part) => part !== undefined && part !== '')
    .join('\n')
    .toLowerCase();
}

export function eventMatches(event: SimEvent, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const text = searchableText(event);
  return words.every((word) => text.includes(word));
}

function filterKey(filter: EventFilter): string {
  return JSON.stringify([filter.flow, filter.pod, [...filter.kinds].sort(), filter.words ?? []]);
}

/**
 * Follows an append-only list that is sometimes cut back and refilled (a seek back in the store truncates the same
 * array in place): says from which position items are new, or that everything must be read again.
 */
export class AppendOnlyCursor<T> {
  private source: readonly T[] | undefined;
  private seen = 0;
  private last: T | undefined;

  /** Returns the first position not yet read, or 0 with `reset` when what was read before changed. */
  sync(items: readonly T[]): { from: number; reset: boolean } {
    const reset =
      items !== this.source || items.length < this.seen || (this.seen > 0 && items[this.seen - 1] !== this.last);
    const from = reset ? 0 : this.seen;
    this.source = items;
    this.seen = items.length;
    this.last = items[items.length - 1];
    return { from, reset };
  }
}

/** Positions (= seq) of the events that pass a filter, extended incrementally as the log grows. */
export class FilteredEvents {
  private readonly cursor = new AppendOnlyCursor<SimEvent>();
  private key = '';
  private rows: number[] = [];

  update(events: readonly SimEvent[], filter: EventFilter): readonly number[] {
    const key = filterKey(filter);
    let { from, reset } = this.cursor.sync(events);
    if (key !== this.key) {
      reset = true;
      from = 0;
      this.key = key;
    }
    if (reset) this.rows = [];
    for (let i = from; i < events.length; i++) {
      const event = events[i];
      if (event && matchesFilter(event, filter)) this.rows.push(i);
    }
    return this.rows;
  }
}

/** Positions of the events a predicate keeps, for one fixed key (e.g. the events of one token). */
export class EventSelection {
  private readonly cursor = new AppendOnlyCursor<SimEvent>();
  private key: unknown = undefined;
  private rows: number[] = [];

  update(events: readonly SimEvent[], key: unknown, keep: (event: SimEvent) => boolean): readonly number[] {
    let { from, reset } = this.cursor.sync(events);
    if (!Object.is(key, this.key)) {
      reset = true;
      from = 0;
      this.key = key;
    }
    if (reset) this.rows = [];
    for (let i = from; i < events.length; i++) {
      const event = events[i];
      if (event && keep(event)) this.rows.push(i);
    }
    return this.rows;
  }
}

/** The pod names that appear in the log (refs.pod), sorted, collected incrementally. */
export class PodNames {
  private readonly cursor = new AppendOnlyCursor<SimEvent>();
  private names = new Set<string>();
  private sorted: string[] = [];

  update(events: readonly SimEvent[]): readonly string[] {
    const { from, reset } = this.cursor.sync(events);
    let changed = reset;
    if (reset) this.names = new Set();
    for (let i = from; i < events.length; i++) {
      const pod = events[i]?.refs.pod;
      if (pod !== undefined && !this.names.has(pod)) {
        this.names.add(pod);
        changed = true;
      }
    }
    if (changed) this.sorted = [...this.names].sort();
    return this.sorted;
  }
}

/** Where `seq` sits among the filtered rows (ascending), or -1. */
export function rowIndexOfSeq(rows: readonly number[], seq: number | undefined): number {
  if (seq === undefined) return -1;
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = rows[mid] ?? 0;
    if (value === seq) return mid;
    if (value < seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------------------------
// Virtual window

export interface WindowInput {
  scrollTop: number;
  /** Height available for rows (the scroll area minus the sticky header). */
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** Extra rows rendered above and below, so fast scrolling does not show gaps. */
  overscan: number;
}

export interface RowWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
  /** Height of all rows: the scroll extent. */
  totalHeight: number;
}

export function visibleWindow({ scrollTop, viewportHeight, rowHeight, rowCount, overscan }: WindowInput): RowWindow {
  const totalHeight = rowCount * rowHeight;
  if (rowCount === 0 || rowHeight <= 0) return { start: 0, end: 0, totalHeight };
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, totalHeight - viewportHeight)));
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight);
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(rowCount, Math.max(last, first + 1) + overscan),
    totalHeight,
  };
}

/** The smallest change of scrollTop that shows row `index` completely (unchanged when it already is). */
export function scrollTopToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** Whether the view shows the newest row: the user has not scrolled up (a couple of pixels of slack). */
export function isAtBottom(scrollTop: number, viewportHeight: number, totalHeight: number, slack = 2): boolean {
  return scrollTop + viewportHeight >= totalHeight - slack;
}

/** scrollTop that shows the newest row at the bottom. */
export function bottomScrollTop(viewportHeight: number, totalHeight: number): number {
  return Math.max(0, totalHeight - viewportHeight);
}

// ---------------------------------------------------------------------------------------------------------------
// Keyboard

/** The row the active one moves to for a key, or undefined when the key does not move it. */
export function moveActive(key: string, current: number, rowCount: number, pageSize: number): number | undefined {
  if (rowCount === 0) return undefined;
  const page = Math.max(1, pageSize);
  const from = current < 0 ? -1 : current;
  let next: number;
  switch (key) {
    case 'ArrowDown':
      next = from < 0 ? 0 : from + 1;
      break;
    case 'ArrowUp':
      next = from < 0 ? rowCount - 1 : from - 1;
      break;
    case 'PageDown':
      next = from < 0 ? 0 : from + page;
      break;
    case 'PageUp':
      next = from < 0 ? 0 : from - page;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = rowCount - 1;
      break;
    default:
      return undefined;
  }
  return Math.max(0, Math.min(rowCount - 1, next));
}

// ---------------------------------------------------------------------------------------------------------------
// Props (declared here so tests and other modules can name them without importing the .tsx)

export interface EventTableProps {
  snapshot: TimelineSnapshot;
  /** seq of the selected event (shared with the chart), or undefined. */
  selectedSeq: number | undefined;
  onSelect(event: SimEvent): void;
  /** The text search, kept by the app (the timeline marks what it finds); without it the table has no search field. */
  search?: EventSearchProps;
}

export interface EventSearchProps {
  query: string;
  onQuery(query: string): void;
  /** What the query finds over the whole log (the other filters aside). */
  result: EventSearchResult;
  /** Counts the requests to focus the search field (the / key): each new value focuses it. */
  focusRequest: number;
}
