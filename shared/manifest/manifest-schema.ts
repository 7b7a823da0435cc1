/**
 * The part of the Pod, ServiceAccount and Secret schemas that the simulator reads, as data. Only these fields are
 * type-checked; other fields pass through untouched (the real API has hundreds, and a manifest copied from a real
 * cluster must still load). Semantic rules such as "expirationSeconds ≥ 600" belong to the simulated API server,
 * which points at them with `locate`.
 */

export type FieldSpec =
  | { type: 'string' }
  | { type: 'integer' }
  | { type: 'boolean' }
  | { type: 'stringMap' }
  | { type: 'base64Map' }
  | { type: 'list'; of: FieldSpec; nonEmpty?: boolean }
  | { type: 'object'; fields: Readonly<Record<string, FieldSpec>>; required?: readonly string[] }
  | { type: 'any' };

const string: FieldSpec = { type: 'string' };
const integer: FieldSpec = { type: 'integer' };
const boolean: FieldSpec = { type: 'boolean' };
const stringMap: FieldSpec = { type: 'stringMap' };
const any: FieldSpec = { type: 'any' };

function object(fields: Record<string, FieldSpec>, required: readonly string[] = []): FieldSpec {
  return { type: 'object', fields, required };
}

function list(of: FieldSpec, nonEmpty = false): FieldSpec {
  return { type: 'list', of, nonEmpty };
}

const localObjectReference = object({ name: string }, ['name']);
const keyToPath = object({ key: string, path: string, mode: integer }, ['key', 'path']);
const downwardItems = list(
  object(
    {
      path: string,
      fieldRef: object({ apiVersion: string, fieldPath: string }, ['fieldPath']),
      resourceFieldRef: any,
      mode: integer,
    },
    ['path'],
  ),
);

const serviceAccountTokenProjection = object({ path: string, audience: string, expirationSeconds: integer });

const volumeProjection = object({
  serviceAccountToken: serviceAccountTokenProjection,
  secret: object({ name: string, items: list(keyToPath), optional: boolean }),
  configMap: object({ name: string, items: list(keyToPath), optional: boolean }),
  downwardAPI: object({ items: downwardItems }),
  clusterTrustBundle: any,
});

const volume = object(
  {
    name: string,
    projected: object({ sources: list(volumeProjection), defaultMode: integer }),
    secret: object({ secretName: string, items: list(keyToPath), defaultMode: integer, optional: boolean }),
    configMap: object({ name: string, items: list(keyToPath), defaultMode: integer, optional: boolean }),
    downwardAPI: object({ items: downwardItems, defaultMode: integer }),
    emptyDir: object({ medium: string, sizeLimit: any }),
    hostPath: object({ path: string, type: string }, ['path']),
  },
  ['name'],
);

const container = object(
  {
    name: string,
    image: string,
    command: list(string),
    args: list(string),
    workingDir: string,
    env: list(object({ name: string, value: string, valueFrom: any }, ['name'])),
    ports: list(object({ containerPort: integer, name: string, protocol: string })),
    volumeMounts: list(object({ name: string, mountPath: string, readOnly: boolean, subPath: string }, ['name', 'mountPath'])),
    securityContext: object({ runAsUser: integer, runAsGroup: integer, runAsNonRoot: boolean, readOnlyRootFilesystem: boolean }),
  },
  ['name', 'image'],
);

const metadata = object({
  name: string,
  namespace: string,
  uid: string,
  labels: stringMap,
  annotations: stringMap,
});

export const POD_SCHEMA = object(
  {
    metadata,
    spec: object(
      {
        serviceAccountName: string,
        serviceAccount: string,
        automountServiceAccountToken: boolean,
        nodeName: string,
        restartPolicy: string,
        terminationGracePeriodSeconds: integer,
        securityContext: object({ fsGroup: integer, runAsUser: integer, runAsGroup: integer, runAsNonRoot: boolean }),
        containers: list(container, true),
        initContainers: list(container),
        volumes: list(volume),
        imagePullSecrets: list(localObjectReference),
      },
      ['containers'],
    ),
  },
  ['metadata', 'spec'],
);

export const SERVICE_ACCOUNT_SCHEMA = object(
  {
    metadata,
    automountServiceAccountToken: boolean,
    secrets: list(object({ name: string, namespace: string, kind: string, apiVersion: string, uid: string })),
    imagePullSecrets: list(localObjectReference),
  },
  ['metadata'],
);

export const SECRET_SCHEMA = object(
  {
    metadata,
    type: string,
    immutable: boolean,
    data: { type: 'base64Map' },
    stringData: stringMap,
  },
  ['metadata'],
);
