/**
 * Reading a flow's objects as `kubectl get` and `describe` see them: one namespace at a time, in the API server's
 * list order (by name, bytewise), and the container state a pod's status would report.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ResourceKind } from '../../kubectl/kubectl-command.ts';
import type { EngineContext } from '../engine-context.ts';
import type { ClusterState, PodState, SecretState } from '../engine-state.ts';
import { compareCodePoints } from './kubectl-output.ts';

export type ListedObject =
  | { resource: 'pod'; name: string; object: Pod; state: PodState }
  | { resource: 'secret'; name: string; object: SecretState['object']; state: SecretState }
  | { resource: 'serviceaccount'; name: string; object: ClusterState['serviceAccounts'][string] };

export function listObjects(cluster: ClusterState, resource: ResourceKind, namespace: string): ListedObject[] {
  const listed: ListedObject[] =
    resource === 'pod'
      ? Object.values(cluster.pods).map((state) => ({ resource, name: state.object.metadata?.name ?? '', object: state.object, state }))
      : resource === 'secret'
        ? Object.values(cluster.secrets).map((state) => ({ resource, name: state.object.metadata?.name ?? '', object: state.object, state }))
        : Object.values(cluster.serviceAccounts).map((object) => ({ resource, name: object.metadata?.name ?? '', object }));
  return listed.filter((entry) => entry.object.metadata?.namespace === namespace).sort((a, b) => compareCodePoints(a.name, b.name));
}

/**
 * The pod's status as `kubectl get` words it (printers.printPod): Terminating once a deletion timestamp is set,
 * ContainerCreating while the kubelet cannot set up its volumes, Running after.
 */
export function podStatusWord(state: PodState): string {
  if (state.object.metadata?.deletionTimestamp) return 'Terminating';
  return state.running ? 'Running' : 'ContainerCreating';
}

/** `READY`: containers ready out of containers; the simulated containers are ready once they run. */
export function podReady(state: PodState): string {
  const containers = state.object.spec?.containers.length ?? 0;
  return `${state.running ? containers : 0}/${containers}`;
}

/** When the pod's containers started: the simulated moment the engine logged it running. */
export function podRunningSinceMs(ctx: EngineContext, podUid: string | undefined): number | undefined {
  const events = ctx.eventLog;
  for (let i = events.length - 1; i >= 0; i--) {
    if (events.typeAt(i) !== 'pod.running') continue;
    const event = events.get(i);
    if (event.refs.podUid === podUid) return event.atMs;
  }
  return undefined;
}
