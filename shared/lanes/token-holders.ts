/**
 * Which lane holds which token: kubectl's own; the pods it was written into; else the pod it is bound to; else none
 * ("unmounted"). Kept up to date as tokens and writes arrive, so a batch costs what it adds, not the whole log (only
 * the few tokens not yet written anywhere are looked at again every time).
 */
import type { TokenSummary } from '../rpc/engine-protocol.ts';
import type { FlowLog, PodInfo } from './flow-log.ts';

export interface TokenHolding {
  podTokens: Map<PodInfo, readonly TokenSummary[]>;
  kubectlTokens: readonly TokenSummary[];
  unmounted: TokenSummary[];
}

export class TokenHolders {
  private tokensSeen = 0;
  private readonly position = new Map<number, number>();
  private readonly podHeld = new Map<PodInfo, TokenSummary[]>();
  private kubectlHeld: TokenSummary[] = [];
  /** Tokens seen that are neither kubectl's nor written into any pod yet: bound to a pod, or in no pod. */
  private floating: TokenSummary[] = [];

  constructor(private readonly log: FlowLog) {}

  /** The token log was rewritten under this flow (not just extended): assign every token again. */
  reset(): void {
    this.tokensSeen = 0;
    this.position.clear();
    this.podHeld.clear();
    this.kubectlHeld = [];
    this.floating = [];
    this.log.newWrites = [];
    this.log.lateKubectl = [];
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

  assign(flowTokens: readonly TokenSummary[], allTokens: ReadonlyMap<number, TokenSummary>): TokenHolding {
    const log = this.log;
    const held = (info: PodInfo) => {
      let list = this.podHeld.get(info);
      if (!list) this.podHeld.set(info, (list = []));
      return list;
    };
    // Tokens seen before that were written into another pod, or turned out to be kubectl's, since the last batch.
    for (const { token, info } of log.newWrites) {
      const t = this.position.has(token) ? allTokens.get(token) : undefined;
      if (!t) continue;
      this.insertInOrder(held(info), t);
      this.dropFloating(token);
    }
    for (const token of log.lateKubectl) {
      const t = this.position.has(token) ? allTokens.get(token) : undefined;
      if (!t) continue;
      this.insertInOrder(this.kubectlHeld, t);
      this.dropFloating(token);
    }
    log.newWrites = [];
    log.lateKubectl = [];
    // New tokens.
    for (let k = this.tokensSeen; k < flowTokens.length; k++) {
      const t = flowTokens[k]!;
      this.position.set(t.index, k);
      const pods = log.writtenInto.get(t.index);
      if (pods) for (const info of pods) this.insertInOrder(held(info), t);
      if (log.issues.get(t.index)?.requester === 'kubectl') this.kubectlHeld.push(t);
      else if (!pods) this.floating.push(t);
    }
    this.tokensSeen = flowTokens.length;
    // The rest: bound to a pod (which may appear only through this token), or in no pod.
    const bound = new Map<PodInfo, TokenSummary[]>();
    const unmounted: TokenSummary[] = [];
    for (const t of this.floating) {
      if (t.boundObject?.kind === 'Pod') {
        const info = log.pod(t.namespace, t.boundObject.name, t.issuedAtMs);
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
}
