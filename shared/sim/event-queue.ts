/**
 * The simulation's agenda: a binary min-heap of timed actions ordered by (atMs, seq). `seq` breaks ties in the
 * order actions were scheduled, which is what makes a run deterministic. The heap is a plain array of plain
 * objects so a snapshot can copy it.
 */
export interface Scheduled<A> {
  atMs: number;
  seq: number;
  action: A;
}

export interface EventQueue<A> {
  heap: Scheduled<A>[];
  nextSeq: number;
}

export function createQueue<A>(): EventQueue<A> {
  return { heap: [], nextSeq: 0 };
}

function before<A>(x: Scheduled<A>, y: Scheduled<A>): boolean {
  return x.atMs < y.atMs || (x.atMs === y.atMs && x.seq < y.seq);
}

export function pushAction<A>(queue: EventQueue<A>, atMs: number, action: A): void {
  const heap = queue.heap;
  const item: Scheduled<A> = { atMs, seq: queue.nextSeq++, action };
  let i = heap.length;
  heap.push(item);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent]!;
    if (!before(item, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = item;
}

export function peekAction<A>(queue: EventQueue<A>): Scheduled<A> | undefined {
  return queue.heap[0];
}

export function popAction<A>(queue: EventQueue<A>): Scheduled<A> | undefined {
  const heap = queue.heap;
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  let i = 0;
  const n = heap.length;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
    if (!before(heap[child]!, last)) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = last;
  return top;
}
