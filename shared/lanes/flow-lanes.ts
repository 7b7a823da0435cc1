/**
 * One flow's lanes, batch after batch: its events are read into a `FlowLog`, its tokens are assigned to holders,
 * and the lanes are put together in the order a reader follows them — each pod with the attackers who stole from it
 * under it (or one summary lane when there are many pods), attackers of unknown origin, kubectl, tokens in no pod.
 */
import type { SimEvent } from '../model/events.ts';
import type { FlowSummary, TokenSummary } from '../rpc/engine-protocol.ts';
import { attackerLane } from './attacker-lane.ts';
import { FlowLog, type BarCache, type PodInfo } from './flow-log.ts';
import { flowSubtitle, flowTitle, isLegacyVersion } from './flow-title.ts';
import { kubectlLane } from './kubectl-lane.ts';
import { SUMMARY_MIN_PODS, type FlowLanes, type Lane, type PodRow, type TokenBar } from './lane-types.ts';
import { podClients, podLane } from './pod-lane.ts';
import { podRow, summaryLane } from './pod-summary-lane.ts';
import { secretsLane } from './secrets-lane.ts';
import { cachedBar } from './token-bar.ts';
import { TokenHolders } from './token-holders.ts';

export class FlowLanesBuilder {
  readonly legacy: boolean;
  private readonly log = new FlowLog();
  private readonly holders = new TokenHolders(this.log);
  private readonly kubectlBars: BarCache = new Map();
  private readonly unmountedBars: BarCache = new Map();
  private kubectlLane: Lane | undefined;
  private unmountedLane: Lane | undefined;

  constructor(private readonly flow: FlowSummary) {
    this.legacy = isLegacyVersion(flow.kubernetesVersion);
  }

  consume(e: SimEvent): void {
    this.log.consume(e);
  }

  /** The token log was rewritten under this flow (not just extended): assign every token again. */
  resetTokens(): void {
    this.holders.reset();
  }

  assemble(flowTokens: readonly TokenSummary[], allTokens: ReadonlyMap<number, TokenSummary>): FlowLanes {
    const log = this.log;
    const { podTokens, kubectlTokens, unmounted } = this.holders.assign(flowTokens, allTokens);

    const lanes: Lane[] = [];
    let rotations = 0;
    let callsOk = 0;
    let callsDenied = 0;
    const attackers = new Set(log.leaks.map((l) => l.actor));
    const orderedPods = [...log.pods.values()].sort((a, b) => a.firstMs - b.firstMs);
    const summarise = orderedPods.length >= SUMMARY_MIN_PODS;
    const attackersOf = (info: PodInfo) => {
      for (const leak of log.leaks) if (leak.podKey === info.key) lanes.push(attackerLane(log, leak, allTokens.get(leak.token), lanes.length));
    };
    for (const info of orderedPods) {
      rotations += info.rotations;
      for (const [, calls] of podClients(log, info, attackers)) {
        callsOk += calls.ok;
        callsDenied += calls.marks.length - calls.ok;
      }
    }
    let summaryBars = 0;
    if (summarise) {
      // Many pods: one lane, a thin row per pod; the attackers (if any) after it.
      const rows: PodRow[] = [];
      for (const info of orderedPods) {
        summaryBars += podTokens.get(info)?.length ?? 0;
        rows.push(podRow(log, info, allTokens));
      }
      lanes.push(summaryLane(log, rows));
      for (const info of orderedPods) attackersOf(info);
    } else {
      for (const info of orderedPods) {
        lanes.push(podLane(log, info, podTokens.get(info) ?? [], attackers));
        // Attacker lanes follow the pod they stole from.
        attackersOf(info);
      }
    }
    for (const leak of log.leaks) {
      if (leak.podKey !== undefined && log.pods.has(leak.podKey)) continue;
      lanes.push(attackerLane(log, leak, allTokens.get(leak.token), lanes.length));
    }
    if (kubectlTokens.length > 0 || log.kubectlMarks.length > 0) {
      this.kubectlLane = kubectlLane(log, kubectlTokens, this.kubectlBars, this.kubectlLane);
      lanes.push(this.kubectlLane);
    }
    if (unmounted.length > 0) {
      this.unmountedLane = secretsLane(log, this.legacy, unmounted, this.unmountedBars, this.unmountedLane);
      lanes.push(this.unmountedLane);
    }
    // Before the dirty tokens are forgotten: a summarised flow builds its first pod bars here.
    const subtitle = flowSubtitle(this.flow, this.legacy, summarise ? this.firstPodBars(orderedPods, podTokens) : lanes);
    log.dirty.clear();

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
      title: flowTitle(this.flow, this.legacy, log.upgradedTo),
      subtitle,
      kubernetesVersion: this.flow.kubernetesVersion,
      legacy: this.legacy,
      lanes,
      spans: log.spans.map((span) => ({ ...span })),
      markers: log.markers.slice(),
      tokenBarCount,
      rotations,
      replaysOk,
      replaysDenied,
      callsOk,
      callsDenied,
    };
  }

  /** The pods' first token bars in lane order (as pod lanes would hold them), built only as far as the subtitle reads. */
  private *firstPodBars(pods: readonly PodInfo[], podTokens: ReadonlyMap<PodInfo, readonly TokenSummary[]>): Generator<TokenBar> {
    for (const info of pods) for (const t of podTokens.get(info) ?? []) yield cachedBar(this.log, info.bars, t, info.writes.get(t.index));
  }
}
