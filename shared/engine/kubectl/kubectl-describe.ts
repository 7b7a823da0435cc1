/**
 * `kubectl describe pod|secret|serviceaccount [NAME]`, laid out as staging/src/k8s.io/kubectl/pkg/describe/describe.go
 * writes it: tab-separated lines through one tabwriter (minimum width 0, padding 2), so each run of consecutive
 * `Key:\tvalue` lines aligns on its own. Several objects print one after another, separated by a blank line pair.
 *
 * Three things the simulation does not have are left out rather than invented: pod and node IPs (`IP:` stays empty,
 * `Node:` shows the node name alone), container and image IDs, and Kubernetes Event objects (`Events: <none>`).
 */
import type { Container, EnvVar, Pod, ServiceAccount, Toleration, Volume } from 'kubernetes-types/core/v1';
import type { ResourceKind } from '../../kubectl/kubectl-command.ts';
import { epochMs, type EngineContext } from '../engine-context.ts';
import type { ClusterState, PodState, SecretState } from '../engine-state.ts';
import { notFound } from '../api-server/api-error.ts';
import { versionBehaviour } from '../../model/versions.ts';
import { SA_NAME_ANNOTATION, SA_UID_ANNOTATION, SERVICE_ACCOUNT_TOKEN_TYPE } from '../controllers/tokens-controller.ts';
import { jwtMarker } from '../jwt-markers.ts';
import { clusterNowMs, compareCodePoints, fromServer, noResourcesFound, ok, RESOURCE_PLURAL, type KubectlRun } from './kubectl-output.ts';
import { listObjects, podRunningSinceMs, type ListedObject } from './cluster-objects.ts';
import { humanDuration } from './human-duration.ts';
import { DESCRIBE_TABWRITER, tabwrite } from './go-tabwriter.ts';

export interface DescribeRequest {
  resource: ResourceKind;
  namespace: string;
  name?: string;
}

export function runDescribe(ctx: EngineContext, cluster: ClusterState, request: DescribeRequest): KubectlRun {
  const all = listObjects(cluster, request.resource, request.namespace);
  const selected = request.name === undefined ? all : all.filter((entry) => entry.name === request.name);
  if (request.name !== undefined && selected.length === 0) return fromServer(notFound(RESOURCE_PLURAL[request.resource], request.name));
  if (selected.length === 0) return noResourcesFound(request.namespace);
  return ok(selected.map((entry) => tabwrite(describe(ctx, cluster, entry), DESCRIBE_TABWRITER)).join('\n\n'));
}

function describe(ctx: EngineContext, cluster: ClusterState, entry: ListedObject): string {
  switch (entry.resource) {
    case 'pod':
      return describePod(ctx, entry.state);
    case 'secret':
      return describeSecret(entry.state);
    case 'serviceaccount':
      return describeServiceAccount(cluster, entry.object);
  }
}

// ---- shared pieces -----------------------------------------------------------------------------------------------

const INDENT = ['', '  ', '    ', '      '] as const;
const MAX_ANNOTATION_LENGTH = 140;

/** printLabelsMultiline: `Title:\tk=v`, then `\tk=v` for each further label, sorted; `<none>` when empty. */
function labelLines(title: string, labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort(compareCodePoints);
  if (keys.length === 0) return `${title}:\t<none>\n`;
  return keys.map((key, i) => `${i === 0 ? `${title}:` : ''}\t${key}=${labels![key]}\n`).join('');
}

/** printAnnotationsMultiline: `key: value`, or the value on its own lines when it is long or multi-line. */
function annotationLines(annotations: Record<string, string> | undefined): string {
  const keys = Object.keys(annotations ?? {}).sort(compareCodePoints);
  if (keys.length === 0) return 'Annotations:\t<none>\n';
  return keys
    .map((key, i) => {
      const lead = i === 0 ? 'Annotations:\t' : '\t';
      const value = annotations![key]!.replace(/\n$/, '');
      if (value.length + key.length + 2 <= MAX_ANNOTATION_LENGTH && !value.includes('\n')) return `${lead}${key}: ${value}\n`;
      const shorten = (line: string) => (line.length > MAX_ANNOTATION_LENGTH - 2 ? `${line.slice(0, MAX_ANNOTATION_LENGTH - 2)}...` : line);
      return `${lead}${key}:\n${value.split('\n').map((line) => `\t  ${shorten(line)}\n`).join('')}`;
    })
    .join('');
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: `Mon, 06 Jan 2025 09:00:01 +0000`. */
function rfc1123z(epoch: number): string {
  const d = new Date(Math.floor(epoch / 1000) * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

// ---- pods --------------------------------------------------------------------------------------------------------

function describePod(ctx: EngineContext, state: PodState): string {
  const pod = state.object;
  const meta = pod.metadata ?? {};
  const spec = pod.spec;
  let out = `Name:\t${meta.name ?? ''}\nNamespace:\t${meta.namespace ?? ''}\n`;
  if (spec?.priority !== undefined) out += `Priority:\t${spec.priority}\n`;
  if (spec?.serviceAccountName) out += `Service Account:\t${spec.serviceAccountName}\n`;
  out += `Node:\t${spec?.nodeName || '<none>'}\n`;
  out += labelLines('Labels', meta.labels);
  out += annotationLines(meta.annotations);
  const phase = pod.status?.phase ?? 'Pending';
  if (meta.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') {
    // translateTimestampSince of a future deletion timestamp: kubectl really prints "(lasts <invalid>)" then.
    out += `Status:\tTerminating (lasts ${humanDuration(clusterNowMs(ctx) - Date.parse(meta.deletionTimestamp))})\n`;
    out += `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`;
  } else {
    out += `Status:\t${phase}\n`;
  }
  out += `IP:\t${pod.status?.podIP ?? ''}\nIPs:\t<none>\n`;
  if (spec?.initContainers?.length) out += containers(ctx, 'Init Containers', spec.initContainers, pod, undefined);
  out += containers(ctx, 'Containers', spec?.containers ?? [], pod, state);
  out += volumes(spec?.volumes ?? []);
  out += `QoS Class:\t${qosClass(pod)}\n`;
  out += labelLines('Node-Selectors', spec?.nodeSelector);
  out += tolerations(spec?.tolerations ?? []);
  out += 'Events:\t<none>\n';
  return out;
}

/** describeContainers; `state` is given for the containers whose runtime state the simulation knows. */
function containers(ctx: EngineContext, label: string, list: Container[], pod: Pod, state: PodState | undefined): string {
  let out = `${label}:${list.length === 0 ? ' <none>' : ''}\n`;
  for (const container of list) {
    out += `${INDENT[1]}${container.name}:\n`;
    out += `${INDENT[2]}Image:\t${container.image ?? ''}\n`;
    const ports = (container.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`);
    const hostPorts = (container.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`);
    out += ports.length > 1 ? `${INDENT[2]}Ports:\t${ports.join(', ')}\n` : `${INDENT[2]}Port:\t${ports[0] ?? '<none>'}\n`;
    out += hostPorts.length > 1 ? `${INDENT[2]}Host Ports:\t${hostPorts.join(', ')}\n` : `${INDENT[2]}Host Port:\t${hostPorts[0] ?? '<none>'}\n`;
    for (const [title, words] of [['Command', container.command], ['Args', container.args]] as const) {
      if (!words?.length) continue;
      out += `${INDENT[2]}${title}:\n${words.flatMap((word) => word.split('\n')).map((line) => `${INDENT[3]}${line}\n`).join('')}`;
    }
    if (state) {
      if (state.running) {
        out += `${INDENT[2]}State:\tRunning\n`;
        const startedAtMs = podRunningSinceMs(ctx, pod.metadata?.uid);
        if (startedAtMs !== undefined) out += `${INDENT[3]}Started:\t${rfc1123z(epochMs(ctx, startedAtMs))}\n`;
      } else {
        out += `${INDENT[2]}State:\tWaiting\n${INDENT[3]}Reason:\tContainerCreating\n`;
      }
      out += `${INDENT[2]}Ready:\t${state.running ? 'True' : 'False'}\n${INDENT[2]}Restart Count:\t0\n`;
    }
    const env = container.env ?? [];
    out += `${INDENT[2]}Environment:${env.length === 0 ? '\t<none>' : ''}\n`;
    for (const variable of env) out += envLine(variable, pod);
    const mounts = [...(container.volumeMounts ?? [])].sort((a, b) => compareCodePoints(a.mountPath, b.mountPath));
    out += `${INDENT[2]}Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`;
    for (const mount of mounts) {
      const flags = [mount.readOnly ? 'ro' : 'rw', ...(mount.subPath ? [`path=${JSON.stringify(mount.subPath)}`] : [])];
      out += `${INDENT[3]}${mount.mountPath} from ${mount.name} (${flags.join(',')})\n`;
    }
  }
  return out;
}

function envLine(variable: EnvVar, pod: Pod): string {
  const from = variable.valueFrom;
  if (!from) return (variable.value ?? '').split('\n').map((line, i) => `${INDENT[3]}${i === 0 ? `${variable.name}:` : ''}\t${line}\n`).join('');
  if (from.fieldRef) {
    const path = from.fieldRef.fieldPath;
    const value = path === 'metadata.name' ? pod.metadata?.name ?? '' : path === 'metadata.namespace' ? pod.metadata?.namespace ?? '' : path === 'spec.serviceAccountName' ? pod.spec?.serviceAccountName ?? '' : '';
    return `${INDENT[3]}${variable.name}:\t${value} (${from.fieldRef.apiVersion ?? 'v1'}:${path})\n`;
  }
  if (from.secretKeyRef) return `${INDENT[3]}${variable.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name ?? ''}'>\tOptional: ${from.secretKeyRef.optional === true}\n`;
  if (from.configMapKeyRef) return `${INDENT[3]}${variable.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name ?? ''}'>\tOptional: ${from.configMapKeyRef.optional === true}\n`;
  return `${INDENT[3]}${variable.name}:\t (${from.resourceFieldRef?.resource ?? ''})\n`;
}

function volumes(list: Volume[]): string {
  if (list.length === 0) return 'Volumes:\t<none>\n';
  let out = 'Volumes:\n';
  for (const volume of list) {
    out += `${INDENT[1]}${volume.name}:\n`;
    const L2 = INDENT[2];
    if (volume.projected) {
      out += `${L2}Type:\tProjected (a volume that contains injected data from multiple sources)\n`;
      for (const source of volume.projected.sources ?? []) {
        if (source.secret) out += `${L2}SecretName:\t${source.secret.name ?? ''}\n${L2}Optional:\t${source.secret.optional === true}\n`;
        else if (source.downwardAPI) out += `${L2}DownwardAPI:\ttrue\n`;
        else if (source.configMap) out += `${L2}ConfigMapName:\t${source.configMap.name ?? ''}\n${L2}Optional:\t${source.configMap.optional === true}\n`;
        else if (source.serviceAccountToken) out += `${L2}TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 3600}\n`;
      }
    } else if (volume.secret) {
      out += `${L2}Type:\tSecret (a volume populated by a Secret)\n${L2}SecretName:\t${volume.secret.secretName ?? ''}\n${L2}Optional:\t${volume.secret.optional === true}\n`;
    } else if (volume.configMap) {
      out += `${L2}Type:\tConfigMap (a volume populated by a ConfigMap)\n${L2}Name:\t${volume.configMap.name ?? ''}\n${L2}Optional:\t${volume.configMap.optional === true}\n`;
    } else if (volume.downwardAPI) {
      out += `${L2}Type:\tDownwardAPI (a volume populated by information about the pod)\n${L2}Items:\n`;
      for (const item of volume.downwardAPI.items ?? []) out += `${INDENT[3]}${item.fieldRef?.fieldPath ?? item.resourceFieldRef?.resource ?? ''} -> ${item.path}\n`;
    } else if (volume.emptyDir) {
      out += `${L2}Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n${L2}Medium:\t${volume.emptyDir.medium ?? ''}\n${L2}SizeLimit:\t${volume.emptyDir.sizeLimit ?? '<unset>'}\n`;
    } else if (volume.hostPath) {
      out += `${L2}Type:\tHostPath (bare host directory volume)\n${L2}Path:\t${volume.hostPath.path}\n${L2}HostPathType:\t${volume.hostPath.type || '<none>'}\n`;
    } else {
      out += `${INDENT[1]}<unknown>\n`;
    }
  }
  return out;
}

/** qos.GetPodQOS, for the resources a manifest may carry through: none at all is BestEffort. */
function qosClass(pod: Pod): string {
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  const resources = all.map((c) => c.resources ?? {});
  if (resources.every((r) => Object.keys(r.requests ?? {}).length === 0 && Object.keys(r.limits ?? {}).length === 0)) return 'BestEffort';
  const guaranteed = resources.every((r) =>
    ['cpu', 'memory'].every((name) => r.limits?.[name] !== undefined && (r.requests?.[name] === undefined || String(r.requests[name]) === String(r.limits[name]))),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function tolerations(list: Toleration[]): string {
  if (list.length === 0) return 'Tolerations:\t<none>\n';
  return [...list]
    .sort((a, b) => compareCodePoints(a.key ?? '', b.key ?? ''))
    .map((t, i) => {
      let text = t.key ?? '';
      if (t.value) text += `=${t.value}`;
      if (t.effect) text += `:${t.effect}`;
      if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
      if (t.tolerationSeconds !== undefined) text += ` for ${t.tolerationSeconds}s`;
      return `${i === 0 ? 'Tolerations:' : ''}\t${text}\n`;
    })
    .join('');
}

// ---- secrets -----------------------------------------------------------------------------------------------------

/** Bytes of a Secret value as the API serves it (base64 of the bytes). */
function decodedLength(base64: string): number {
  const clean = base64.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

const TOKEN_MARKER = /^\{\{jwt-base64:(\d+)\}\}$/;

function describeSecret(state: SecretState): string {
  const secret = state.object;
  const meta = secret.metadata ?? {};
  let out = `Name:\t${meta.name ?? ''}\nNamespace:\t${meta.namespace ?? ''}\n`;
  out += labelLines('Labels', meta.labels);
  out += annotationLines(meta.annotations);
  out += `\nType:\t${secret.type ?? 'Opaque'}\n\nData\n====\n`;
  const data = secret.data ?? {};
  for (const key of Object.keys(data).sort(compareCodePoints)) {
    const value = data[key]!;
    const marker = TOKEN_MARKER.exec(value);
    // describe.go prints a service-account token in full (string(v)); every other value only as its size.
    if (key === 'token' && secret.type === SERVICE_ACCOUNT_TOKEN_TYPE && marker) out += `${key}:\t${jwtMarker(Number(marker[1]))}\n`;
    else out += `${key}:\t${decodedLength(value)} bytes\n`;
  }
  return out;
}

// ---- service accounts --------------------------------------------------------------------------------------------

function describeServiceAccount(cluster: ClusterState, sa: ServiceAccount): string {
  const meta = sa.metadata ?? {};
  let out = `Name:\t${meta.name ?? ''}\nNamespace:\t${meta.namespace ?? ''}\n`;
  out += labelLines('Labels', meta.labels);
  out += annotationLines(meta.annotations);
  // Tokens: every token Secret in the namespace annotated with this ServiceAccount's name and UID, listed or not.
  const inNamespace = Object.values(cluster.secrets)
    .map((s) => s.object)
    .filter((s) => s.metadata?.namespace === meta.namespace)
    .sort((a, b) => compareCodePoints(a.metadata?.name ?? '', b.metadata?.name ?? ''));
  const existing = new Set(inNamespace.map((s) => s.metadata?.name ?? ''));
  const tokens = inNamespace
    .filter((s) => s.type === SERVICE_ACCOUNT_TOKEN_TYPE && s.metadata?.annotations?.[SA_NAME_ANNOTATION] === meta.name && s.metadata?.annotations?.[SA_UID_ANNOTATION] === meta.uid)
    .map((s) => s.metadata?.name ?? '');
  // kubectl 1.35 (#117160) stopped listing a ServiceAccount's Secrets: only its image pull secrets remain.
  const sections: [string, string[]][] = [
    ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((ref) => ref.name ?? '')],
    ...(versionBehaviour(cluster.version).describeServiceAccountSecrets
      ? ([['Mountable secrets: ', (sa.secrets ?? []).map((ref) => ref.name ?? '')], ['Tokens:            ', tokens]] as [string, string[]][])
      : []),
  ];
  for (const [header, names] of sections) {
    if (names.length === 0) {
      out += `${header}\t<none>\n`;
      continue;
    }
    names.forEach((name, i) => {
      out += `${i === 0 ? header : ' '.repeat(19)}\t${name}${existing.has(name) ? '' : ' (not found)'}\n`;
    });
  }
  out += 'Events:\t<none>\n';
  return out;
}
