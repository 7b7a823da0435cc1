/**
 * What a pod's sync reads, worked out once per pod. A pod's spec is never changed (docs/architecture.md, the engine's
 * state), and Pod defaulting gives every pod with volumes a spec of its own, so everything a volume's SetUp needs
 * that the spec fixes (token requests and their cache keys, the mount path, the Secret's or ConfigMap's key, the
 * downward API's files) is found once; each sync then only looks up what can change: the token cache, the Secret,
 * the ConfigMap. A week of a thousand pods syncs two hundred thousand times.
 */
import type { ConfigMapProjection, Pod, PodSpec, Volume } from 'kubernetes-types/core/v1';
import { objectKey, type FileContent } from '../engine-state.ts';
import { TOKEN_MOUNT_PATH } from '../admission/service-account-admission.ts';
import { prepareTokenRequest, type PreparedTokenRequest, type TokenSourceRequest } from './token-manager.ts';

/** A token request of the pod's, prepared for the token manager (the spec fixes it). */
export type PodTokenRequest = PreparedTokenRequest;

export type SourcePlan =
  | { kind: 'token'; path: string; request: PodTokenRequest }
  | { kind: 'config-map'; key: string; projection: ConfigMapProjection; files: ConfigMapFiles }
  | { kind: 'fixed'; files: readonly (readonly [path: string, content: FileContent])[] };

/** The files a ConfigMap projection gave for one `data` object (a ConfigMap's data is replaced, never changed). */
export interface ConfigMapFiles {
  data: object | undefined;
  files: readonly (readonly [path: string, content: FileContent])[];
}

export type VolumePlan =
  | { kind: 'secret'; volume: Volume; mountPath: string; key: string; namespaceFile: FileContent }
  | { kind: 'projected'; volume: Volume; mountPath: string; sources: readonly SourcePlan[] }
  | { kind: 'other'; volume: Volume; mountPath: string };

export interface PodPlan {
  /** The objects the pod's sync events name; absent from the plan of a pod without volumes, which may be shared. */
  refs?: { namespace: string; pod: string; podUid: string };
  volumes: readonly VolumePlan[];
  /** Every token request of every volume, in order: what the next sync's earliest refresh is found from. */
  tokenRequests: readonly PodTokenRequest[];
}

const plansBySpec = new WeakMap<PodSpec, PodPlan>();
const NO_VOLUMES: PodPlan = { volumes: [], tokenRequests: [] };

export function podPlan(pod: Pod): PodPlan {
  const spec = pod.spec;
  if (!spec) return NO_VOLUMES;
  let plan = plansBySpec.get(spec);
  if (!plan) {
    plan = buildPodPlan(pod, spec);
    plansBySpec.set(spec, plan);
  }
  return plan;
}

function buildPodPlan(pod: Pod, spec: PodSpec): PodPlan {
  const namespace = pod.metadata?.namespace ?? 'default';
  const volumes = (spec.volumes ?? []).map((volume): VolumePlan => {
    const mountPath = mountPathOf(pod, volume.name);
    if (volume.secret) return { kind: 'secret', volume, mountPath, key: objectKey(namespace, volume.secret.secretName ?? ''), namespaceFile: textFile(namespace) };
    if (!volume.projected) return { kind: 'other', volume, mountPath };
    return { kind: 'projected', volume, mountPath, sources: (volume.projected.sources ?? []).flatMap((source): SourcePlan[] => {
      if (source.serviceAccountToken) return [{ kind: 'token', path: source.serviceAccountToken.path, request: tokenRequestOf(pod, source.serviceAccountToken) }];
      if (source.configMap) {
        return [{ kind: 'config-map', key: objectKey(namespace, source.configMap.name ?? ''), projection: source.configMap, files: { data: undefined, files: [] } }];
      }
      if (source.downwardAPI) {
        const files: [string, FileContent][] = [];
        for (const item of source.downwardAPI.items ?? []) {
          if (item.fieldRef?.fieldPath === 'metadata.namespace') files.push([item.path, textFile(namespace)]);
          else if (item.fieldRef?.fieldPath === 'metadata.name') files.push([item.path, textFile(pod.metadata?.name ?? '')]);
        }
        return [{ kind: 'fixed', files }];
      }
      return [];
    }) };
  });
  const tokenRequests = volumes.flatMap((plan) => (plan.kind === 'projected' ? plan.sources.flatMap((source) => (source.kind === 'token' ? [source.request] : [])) : []));
  const meta = pod.metadata ?? {};
  return { refs: { namespace, pod: meta.name ?? '', podUid: meta.uid ?? '' }, volumes, tokenRequests };
}

function tokenRequestOf(pod: Pod, token: NonNullable<NonNullable<Volume['projected']>['sources']>[number]['serviceAccountToken'] & object): PodTokenRequest {
  const meta = pod.metadata ?? {};
  const request: TokenSourceRequest = {
    namespace: meta.namespace ?? 'default',
    serviceAccount: pod.spec?.serviceAccountName ?? 'default',
    spec: {
      ...(token.audience ? { audiences: [token.audience] } : {}),
      expirationSeconds: token.expirationSeconds ?? 3600,
      boundObjectRef: { apiVersion: 'v1', kind: 'Pod', name: meta.name ?? '', uid: meta.uid ?? '' },
    },
    pod: { name: meta.name ?? '', uid: meta.uid ?? '' },
  };
  return prepareTokenRequest(request);
}

/** Where in the container a volume's files appear (the token mount for the usual case). */
export function mountPathOf(pod: Pod, volumeName: string): string {
  for (const c of pod.spec?.containers ?? []) {
    for (const mount of c.volumeMounts ?? []) if (mount.name === volumeName) return mount.mountPath;
  }
  return TOKEN_MOUNT_PATH;
}

/** A text file's content; the same text is one shared (frozen) object, as a volume's files are never changed in place. */
const textFiles = new Map<string, FileContent>();
export function textFile(text: string): FileContent {
  let content = textFiles.get(text);
  if (!content) {
    content = Object.freeze({ text });
    if (textFiles.size < MAX_SHARED_TEXT_FILES) textFiles.set(text, content);
  }
  return content;
}
/** ca.crt, namespaces and pod names: a few hundred at most; texts beyond are not kept. */
const MAX_SHARED_TEXT_FILES = 1000;
