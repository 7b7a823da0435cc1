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
import type { SimEvent } from '../model/events.ts';
import type { FlowSummary, ScenarioSummary, TokenSummary } from '../rpc/engine-protocol.ts';
import { FlowLanesBuilder } from './flow-lanes.ts';
import { isLegacyVersion } from './flow-title.ts';
import type { SnapshotInput, TimelineLanes } from './lane-types.ts';

function emptyLanes(version = 0): TimelineLanes {
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
function orderFlows(flows: readonly FlowSummary[]): FlowSummary[] {
  return flows
    .map((flow, index) => ({ flow, index, legacy: isLegacyVersion(flow.kubernetesVersion) }))
    .sort((a, b) => Number(b.legacy) - Number(a.legacy) || a.index - b.index)
    .map((x) => x.flow);
}

/** The lanes for one snapshot, from scratch. */
export function deriveLanes(snapshot: SnapshotInput): TimelineLanes {
  if (!snapshot.scenario) return emptyLanes(snapshot.version);
  const deriver = new LanesDeriver(snapshot.scenario);
  deriver.consume(snapshot.events);
  return deriver.assemble(snapshot);
}

class LanesDeriver {
  private readonly flows = new Map<string, FlowLanesBuilder>();
  private consumed = 0;
  private lastSeq = -1;
  /** The token log as read so far (append-only like the events; a rewrite is detected and read again). */
  private tokensRead = 0;
  private lastToken: TokenSummary | undefined;
  private readonly flowTokens = new Map<string, TokenSummary[]>();
  private readonly byIndex = new Map<number, TokenSummary>();

  constructor(readonly scenario: ScenarioSummary) {
    for (const flow of scenario.flows) this.flows.set(flow.id, new FlowLanesBuilder(flow));
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
