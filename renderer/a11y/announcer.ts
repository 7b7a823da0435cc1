/**
 * What a screen reader hears while the simulation plays: events turned into sentences, chosen by verbosity and
 * paced so a reader is never flooded. At 3,600× a projected token rotates every second of class; read aloud one by
 * one, the announcements would fall minutes behind the picture. So at most one announcement is made per interval,
 * and what arrived in between is summed up ("… and 12 more events"), the latest event being the one read.
 *
 * - 'off': nothing.
 * - 'milestones': the moments a lesson turns on: a token rotated (the kubelet replaced a pod's token), expired or was
 *   invalidated, a token was stolen, the attacker's copy started or stopped being accepted, and faults (kubelet or
 *   API server down and back, signing keys rotated or retired).
 * - 'every-event': every event.
 */
import type { AnnounceVerbosity } from '../../shared/ipc/ipc-contract.ts';
import type { SimEvent } from '../../shared/model/events.ts';
import { formatSpan } from '../format/format-time.ts';

export type { AnnounceVerbosity } from '../../shared/ipc/ipc-contract.ts';

/** The choices of the verbosity setting, in words. */
export const VERBOSITY_LABELS: Record<AnnounceVerbosity, string> = {
  off: 'Off',
  milestones: 'Milestones: rotations, expiries, leaks, faults',
  'every-event': 'Every event (paced)',
};

/** At most one announcement per this many wall ms. */
export const ANNOUNCE_INTERVAL_MS = 2000;

const FAULTS = new Set<SimEvent['type']>(['kubelet.stopped', 'kubelet.started', 'apiserver.stopped', 'apiserver.started', 'signing-key.rotated', 'signing-key.retired']);

/** Milestone classification needs memory: which pods already had a token, which actors stole one, how they fared. */
class MilestoneMemory {
  private readonly podsWithToken = new Set<string>();
  private readonly attackers = new Set<string>();
  private readonly lastOutcome = new Map<string, 'accepted' | 'refused'>();

  /** The milestone sentence for `event` (remembering what it needs for later ones), or undefined. */
  read(event: SimEvent): string | undefined {
    switch (event.type) {
      case 'token.issued': {
        if (event.requester !== 'kubelet') return undefined;
        const pod = `${event.flow}/${event.refs.namespace ?? ''}/${event.refs.pod ?? ''}`;
        const rotated = this.podsWithToken.has(pod);
        this.podsWithToken.add(pod);
        return rotated ? `token rotated: ${event.message}` : undefined;
      }
      case 'token.expired':
      case 'token.invalidated':
        return event.message;
      case 'token.leaked':
        this.attackers.add(event.actor);
        return event.message;
      case 'request.allowed':
      case 'request.denied': {
        if (!this.attackers.has(event.actor)) return undefined;
        const key = `${event.flow}/${event.actor}/${event.target}`;
        const outcome = event.type === 'request.allowed' ? 'accepted' : 'refused';
        if (this.lastOutcome.get(key) === outcome) return undefined;
        this.lastOutcome.set(key, outcome);
        return `stolen token ${outcome}: ${event.message}`;
      }
      case 'warning':
        return event.code === 'legacy-token-invalidated' ? event.text : undefined;
      case 'apiserver.started':
      case 'apiserver.stopped':
      case 'cluster.upgraded':
      case 'kubectl.ran':
      case 'kubelet.started':
      case 'kubelet.stopped':
      case 'manifest.applied':
      case 'manifest.rejected':
      case 'pod.created':
      case 'pod.deleted':
      case 'pod.mount-failed':
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
      case 'step.failed':
      case 'token.file-written':
      case 'token.refresh-due':
      case 'token.request-failed':
        return FAULTS.has(event.type) ? event.message : undefined;
    }
  }
}

/** "projected, at 48 m 7 s: token rotated: kubelet got token #2 …" */
function sentence(event: SimEvent, text: string): string {
  return `${event.flow}, at ${formatSpan(event.atMs)}: ${text}`;
}

export class Announcer {
  private memory = new MilestoneMemory();
  private pending: string[] = [];
  private lastAnnouncedAtMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly intervalMs = ANNOUNCE_INTERVAL_MS) {}

  /** Takes in new events, in log order; those worth saying at `verbosity` wait for `take`. */
  observe(events: readonly SimEvent[], verbosity: AnnounceVerbosity): void {
    for (const event of events) {
      // The memory must see every event, or a rotation after a quiet stretch would not be recognised.
      const milestone = this.memory.read(event);
      if (verbosity === 'every-event') this.pending.push(sentence(event, milestone ?? event.message));
      else if (verbosity === 'milestones' && milestone !== undefined) this.pending.push(sentence(event, milestone));
    }
  }

  /** Forgets everything (a new scenario, or the log was cut by a seek back); `events` is the log as it now stands. */
  reset(events: readonly SimEvent[] = []): void {
    this.memory = new MilestoneMemory();
    this.pending = [];
    this.observe(events, 'off');
  }

  /** Wall ms until `take` may announce, or undefined when nothing waits. */
  dueInMs(nowMs: number): number | undefined {
    if (this.pending.length === 0) return undefined;
    return Math.max(0, this.lastAnnouncedAtMs + this.intervalMs - nowMs);
  }

  /** The announcement to make at wall time `nowMs`, if one is due: the latest waiting sentence and how many it stands for. */
  take(nowMs: number): string | undefined {
    const due = this.dueInMs(nowMs);
    if (due === undefined || due > 0) return undefined;
    const latest = this.pending[this.pending.length - 1]!;
    const more = this.pending.length - 1;
    this.pending = [];
    this.lastAnnouncedAtMs = nowMs;
    return more === 0 ? latest : `${latest} (and ${more} more event${more === 1 ? '' : 's'})`;
  }
}
