/**
 * The pods, ServiceAccounts and Secrets a flow holds, as far as its events tell: what Tab offers after
 * `get pod `, `create token ` or `exec `. Read incrementally over the append-only log; a seek back that rewrote
 * the log starts the count again.
 */
import type { SimEvent } from '../../../shared/model/events.ts';
import { AppendOnlyCursor } from '../event-table-model.ts';

export type ObjectKind = 'pod' | 'serviceaccount' | 'secret';

export interface ObjectNames {
  /** Sorted names of one kind in one namespace. */
  names(kind: ObjectKind, namespace: string): string[];
  /** Sorted namespaces that hold (or held) anything. */
  namespaces(): string[];
}

const DEFAULT_NAMESPACE = 'default';

const CHANGES: Partial<Record<SimEvent['type'], { kind: ObjectKind; exists: boolean }>> = {
  'pod.created': { kind: 'pod', exists: true },
  'pod.deleted': { kind: 'pod', exists: false },
  'serviceaccount.created': { kind: 'serviceaccount', exists: true },
  'serviceaccount.deleted': { kind: 'serviceaccount', exists: false },
  'secret.created': { kind: 'secret', exists: true },
  'secret.deleted': { kind: 'secret', exists: false },
};

function nameOf(event: SimEvent, kind: ObjectKind): string | undefined {
  if (kind === 'pod') return event.refs.pod;
  if (kind === 'serviceaccount') return event.refs.serviceAccount;
  return event.refs.secret;
}

export class KnownObjects implements ObjectNames {
  private readonly cursor = new AppendOnlyCursor<SimEvent>();
  private flow = '';
  /** namespace → kind → names */
  private byNamespace = new Map<string, Map<ObjectKind, Set<string>>>();

  /** Brings the names up to date with the log for `flow` (switching flows reads the log again). */
  update(events: readonly SimEvent[], flow: string): this {
    let { from, reset } = this.cursor.sync(events);
    if (flow !== this.flow) {
      reset = true;
      from = 0;
      this.flow = flow;
    }
    if (reset) this.byNamespace = new Map();
    for (let i = from; i < events.length; i++) {
      const event = events[i];
      if (event === undefined || event.flow !== flow) continue;
      const change = CHANGES[event.type];
      if (change === undefined) continue;
      const name = nameOf(event, change.kind);
      if (name === undefined) continue;
      const set = this.set(event.refs.namespace ?? DEFAULT_NAMESPACE, change.kind);
      if (change.exists) set.add(name);
      else set.delete(name);
    }
    return this;
  }

  names(kind: ObjectKind, namespace: string): string[] {
    return [...(this.byNamespace.get(namespace)?.get(kind) ?? [])].sort();
  }

  namespaces(): string[] {
    return [...this.byNamespace.keys()].sort();
  }

  private set(namespace: string, kind: ObjectKind): Set<string> {
    let kinds = this.byNamespace.get(namespace);
    if (kinds === undefined) {
      kinds = new Map();
      this.byNamespace.set(namespace, kinds);
    }
    let set = kinds.get(kind);
    if (set === undefined) {
      set = new Set();
      kinds.set(kind, set);
    }
    return set;
  }
}
