/**
 * The copy of the engine's state a snapshot keeps, and the copy a seek restores from it. The engine changes its state
 * in two ways only: it sets entries of records (`cluster.pods[key] = …`, `tokenCache[key] = …`) and fields of the
 * objects those records hold (`podState.running`, `pod.metadata = {…}`, `sa.secrets = […]`); everything below those
 * (a pod's spec, a metadata object, a volume's files, a cache entry) is replaced, never changed in place. So a copy
 * only needs new records and new holders, and shares the rest: a thousand pods copy in a few milliseconds instead of
 * a tenth of a second, and two hundred snapshots hold one copy of each spec instead of two hundred.
 *
 * What is shared is frozen, so code that changed a shared value in place would fail at once (a TypeError in every
 * test that runs it) instead of quietly rewriting the past a seek goes back to.
 */
import type { Namespace, Node, ConfigMap, Secret, ServiceAccount, Pod } from 'kubernetes-types/core/v1';
import type { ActorState, ClusterState, EngineState, KubeletState, PodState, SecretState } from './engine-state.ts';

export function copyState(state: EngineState): EngineState {
  const flows: Record<string, ClusterState> = {};
  for (const id of Object.keys(state.flows)) flows[id] = copyCluster(state.flows[id]!);
  const actors: Record<string, ActorState> = {};
  for (const key of Object.keys(state.actors)) actors[key] = { ...state.actors[key]! };
  // The agenda's entries are never changed once scheduled (the heap only moves them).
  const heap = state.queue.heap;
  for (const entry of heap) shareFrozen(entry);
  return {
    ...state,
    prng: [...state.prng],
    queue: { heap: heap.slice(), nextSeq: state.queue.nextSeq },
    flows,
    actors,
  };
}

function copyCluster(cluster: ClusterState): ClusterState {
  return {
    ...cluster,
    flags: { ...cluster.flags },
    tokenOptions: { ...cluster.tokenOptions },
    signingKey: { ...cluster.signingKey },
    verifyingKeys: cluster.verifyingKeys.map((key) => ({ ...key })),
    namespaces: copyRecord(cluster.namespaces, copyObject<Namespace>),
    serviceAccounts: copyRecord(cluster.serviceAccounts, copyObject<ServiceAccount>),
    secrets: copyRecord(cluster.secrets, copySecret),
    pods: copyRecord(cluster.pods, copyPod),
    podKeysByUid: { ...cluster.podKeysByUid },
    nodes: copyRecord(cluster.nodes, copyObject<Node>),
    configMaps: copyRecord(cluster.configMaps, copyObject<ConfigMap>),
    kubelet: copyKubelet(cluster.kubelet),
    authSuccessCache: copyRecord(cluster.authSuccessCache, shareFrozen),
    ...(cluster.externalSigner ? { externalSigner: { ...shareFields(cluster.externalSigner) } } : {}),
  };
}

function copyKubelet(kubelet: KubeletState): KubeletState {
  return { ...kubelet, tokenCache: copyRecord(kubelet.tokenCache, shareFrozen) };
}

function copySecret(secret: SecretState): SecretState {
  return { ...secret, object: copyObject<Secret>(secret.object) };
}

function copyPod(pod: PodState): PodState {
  return { ...pod, object: copyObject<Pod>(pod.object), volumes: copyRecord(pod.volumes, shareFrozen) };
}

/** A Kubernetes object whose fields may be set again (`metadata`, `secrets`…), sharing what they hold. */
function copyObject<T extends object>(object: T): T {
  return { ...shareFields(object) };
}

function copyRecord<T>(record: Record<string, T>, copy: (value: T) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record)) out[key] = copy(record[key]!);
  return out;
}

/** `holder`, with every value it holds frozen (the holder itself stays writable). */
function shareFields<T extends object>(holder: T): T {
  for (const key of Object.keys(holder)) shareFrozen((holder as Record<string, unknown>)[key]);
  return holder;
}

/** Freezes `value` and everything it holds, once: a frozen value is taken to be frozen all the way down. */
function shareFrozen<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) shareFrozen((value as Record<string, unknown>)[key]);
  return value;
}
