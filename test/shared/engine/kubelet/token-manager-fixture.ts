/**
 * A running cluster (1.30 unless told otherwise) with ServiceAccount `my-app` and pod `app`, stopped 1 s in (the kubelet has mounted the
 * pod's token), for calling the token manager directly at chosen instants. Tests that use it move the clock by
 * hand and never resume the simulation.
 */
import { loadScenario, singleFlow } from '../../../support/run-scenario.ts';
import { Simulation } from '../../../../shared/engine/simulation.ts';
import type { EngineContext } from '../../../../shared/engine/engine-context.ts';
import type { ClusterState } from '../../../../shared/engine/engine-state.ts';
import type { SimEvent, SimEventType } from '../../../../shared/model/events.ts';
import type { TokenSourceRequest } from '../../../../shared/engine/kubelet/token-manager.ts';

export interface TokenManagerFixture {
  sim: Simulation;
  ctx: EngineContext;
  cluster: ClusterState;
  podUid: string;
  /** A kubelet-style request for pod `app`, with the given expirationSeconds and audiences. */
  request(expirationSeconds: number, audiences?: string[]): TokenSourceRequest;
  /** Moves the simulated clock without running anything. */
  setNow(ms: number): void;
  /** Events logged since `from`, of one type. */
  eventsSince<T extends SimEventType>(from: number, type: T): Extract<SimEvent, { type: T }>[];
}

export function tokenManagerFixture(version = '1.30'): TokenManagerFixture {
  const sim = new Simulation(loadScenario(singleFlow({ version, duration: '400d' })));
  sim.runUntil(1000);
  const ctx = sim.context;
  const cluster = sim.cluster('f');
  if (!cluster) throw new Error('no flow f');
  const pod = cluster.pods['default/app'];
  if (!pod) throw new Error('no pod app');
  const podUid = pod.object.metadata?.uid ?? '';
  return {
    sim,
    ctx,
    cluster,
    podUid,
    request: (expirationSeconds, audiences) => ({
      namespace: 'default',
      serviceAccount: 'my-app',
      spec: {
        ...(audiences ? { audiences } : {}),
        expirationSeconds,
        boundObjectRef: { apiVersion: 'v1', kind: 'Pod', name: 'app', uid: podUid },
      },
      pod: { name: 'app', uid: podUid },
    }),
    setNow: (ms) => {
      ctx.state.nowMs = ms;
    },
    eventsSince: <T extends SimEventType>(from: number, type: T) =>
      sim.events.slice(from).filter((e): e is Extract<SimEvent, { type: T }> => e.type === type),
  };
}
