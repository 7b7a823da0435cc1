import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../shared/manifest/parse-manifest.ts';
import type { ParsedManifest } from '../../../shared/manifest/parse-manifest.ts';
import { splitFieldPath } from '../../../shared/manifest/yaml-source.ts';
import type { InputError } from '../../../shared/scenario/scenario-types.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: app
  namespace: team
  labels:
    app: web
spec:
  serviceAccountName: my-app
  automountServiceAccountToken: false
  nodeName:
  containers:
    - name: app
      image: nginx:stable
      volumeMounts:
        - name: vault-token
          mountPath: /var/run/secrets/vault
  volumes:
    - name: vault-token
      projected:
        sources:
          - serviceAccountToken:
              path: token
              audience: vault
              expirationSeconds: 7200
`;

function parsed(text: string, options = {}): ParsedManifest {
  const result = parseManifest(text, options);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

function errorsOf(text: string, options = {}): InputError[] {
  const result = parseManifest(text, options);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseManifest reads the objects the simulator knows', () => {
  it('parses a Pod into a typed object, dropping explicit nulls', () => {
    const { documents } = parsed(POD);
    expect(documents).toHaveLength(1);
    const doc = documents[0];
    expect(doc?.kind).toBe('Pod');
    if (doc?.kind !== 'Pod') return;
    expect(doc.line).toBe(1);
    expect(doc.object.metadata).toEqual({ name: 'app', namespace: 'team', labels: { app: 'web' } });
    expect(doc.object.spec?.serviceAccountName).toBe('my-app');
    expect(doc.object.spec?.automountServiceAccountToken).toBe(false);
    expect(doc.object.spec && 'nodeName' in doc.object.spec).toBe(false);
    expect(doc.object.spec?.volumes?.[0]?.projected?.sources?.[0]?.serviceAccountToken).toEqual({
      path: 'token',
      audience: 'vault',
      expirationSeconds: 7200,
    });
  });

  it('parses a ServiceAccount and a Secret separated by ---', () => {
    const text = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: build-robot
automountServiceAccountToken: false
---
apiVersion: v1
kind: Secret
metadata:
  name: build-robot-secret
  annotations:
    kubernetes.io/service-account.name: build-robot
type: kubernetes.io/service-account-token
data:
  token: ZXlKaGJHY2lPaUpTVXpJMU5pSjkuZTMwLnNpZw==
stringData:
  note: plain
---
`;
    const { documents } = parsed(text);
    expect(documents.map((d) => [d.kind, d.line])).toEqual([
      ['ServiceAccount', 1],
      ['Secret', 7],
    ]);
    const secret = documents[1];
    if (secret?.kind !== 'Secret') throw new Error('expected a Secret');
    expect(secret.object.type).toBe('kubernetes.io/service-account-token');
    expect(secret.object.stringData).toEqual({ note: 'plain' });
  });

  it('follows YAML anchors and aliases', () => {
    const text = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: &m\n  name: a\nsecrets:\n  - *m\n';
    const doc = parsed(text).documents[0];
    if (doc?.kind !== 'ServiceAccount') throw new Error('expected a ServiceAccount');
    expect(doc.object.secrets).toEqual([{ name: 'a' }]);
  });
});

describe('locate points API-server errors at the manifest', () => {
  const manifest = parsed(POD);

  it.each<[string | string[], { line: number; column: number }]>([
    [['spec', 'volumes', '0', 'projected', 'sources', '0', 'serviceAccountToken', 'expirationSeconds'], { line: 25, column: 34 }],
    ['spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds', { line: 25, column: 34 }],
    ['spec.containers[0].image', { line: 14, column: 14 }],
    ['spec.containers', { line: 12, column: 3 }],
    ['spec.containers[0]', { line: 13, column: 7 }],
    ['metadata.labels[app]', { line: 7, column: 10 }],
    ['spec.nodeName', { line: 11, column: 3 }],
  ])('%j', (path, position) => {
    expect(manifest.locate(path)).toEqual(position);
  });

  it('falls back to the deepest part of the path that exists', () => {
    // `path` is Required on the API side; the error is about a field that is not there.
    expect(manifest.locate('spec.volumes[0].projected.sources[0].serviceAccountToken.missing')).toEqual({ line: 22, column: 13 });
    expect(manifest.locate('spec.volumes[7].name')).toEqual({ line: 18, column: 3 });
    expect(manifest.locate([])).toEqual({ line: 1, column: 1 });
  });

  it('returns undefined for a document that does not exist', () => {
    expect(manifest.locate('metadata', 3)).toBeUndefined();
  });

  it('reports file positions when the manifest is embedded with offsets', () => {
    const embedded = parsed(POD, { lineOffset: 16, columnOffset: 6 });
    expect(embedded.documents[0]?.line).toBe(17);
    expect(embedded.locate('spec.containers[0].image')).toEqual({ line: 30, column: 20 });
  });

  it('splits API field paths into segments', () => {
    expect(splitFieldPath('spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds')).toEqual([
      'spec', 'volumes', '0', 'projected', 'sources', '0', 'serviceAccountToken', 'expirationSeconds',
    ]);
    expect(splitFieldPath('metadata.annotations[example.com/key]')).toEqual(['metadata', 'annotations', 'example.com/key']);
  });
});

describe('parseManifest errors say what and where', () => {
  const header = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n';
  const cases: Array<[string, string, string, InputError]> = [
    ['an empty manifest', '', '', { message: 'the manifest is empty; it needs apiVersion, kind and metadata.name (line 1, column 1)', line: 1, column: 1 }],
    ['a comment-only manifest', '# nothing\n', '', { message: 'the manifest is empty; it needs apiVersion, kind and metadata.name (line 1, column 1)', line: 1, column: 1 }],
    ['a list instead of a mapping', '- a\n', '', { message: 'a manifest must be a mapping with apiVersion, kind and metadata, got a list (line 1, column 1)', line: 1, column: 1 }],
    ['a missing kind', 'apiVersion: v1\nmetadata: {name: a}\n', 'kind', { message: 'kind: Required value: one of Pod, ServiceAccount, Secret (line 1, column 1)', path: 'kind', line: 1, column: 1 }],
    ['a lowercase kind', 'apiVersion: v1\nkind: pod\n', 'kind', { message: 'kind: "pod" is not a kind; kinds are case-sensitive, did you mean Pod? (line 2, column 7)', path: 'kind', line: 2, column: 7 }],
    ['an unsimulated kind', 'apiVersion: apps/v1\nkind: Deployment\n', 'kind', { message: "kind: Deployment is not simulated; TokenScope's cluster knows Pod, ServiceAccount and Secret (line 2, column 7)", path: 'kind', line: 2, column: 7 }],
    ['an unknown kind', 'apiVersion: v1\nkind: Gizmo\n', 'kind', { message: 'kind: "Gizmo" is not one of Pod, ServiceAccount, Secret (line 2, column 7)', path: 'kind', line: 2, column: 7 }],
    ['a wrong apiVersion', 'apiVersion: apps/v1\nkind: Pod\n', 'apiVersion', { message: 'apiVersion: Pod is in "v1", not "apps/v1" (line 1, column 13)', path: 'apiVersion', line: 1, column: 13 }],
    ['a numeric apiVersion', 'apiVersion: 1\nkind: Pod\n', 'apiVersion', { message: 'apiVersion: must be "v1", got the number 1 (line 1, column 13)', path: 'apiVersion', line: 1, column: 13 }],
    ['a missing metadata', 'apiVersion: v1\nkind: ServiceAccount\n', 'metadata', { message: 'metadata: Required value (line 1, column 1)', path: 'metadata', line: 1, column: 1 }],
    ['a missing name', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  labels: {}\n', 'metadata.name', { message: 'metadata.name: Required value: name or generateName is required (line 4, column 3)', path: 'metadata.name', line: 4, column: 3 }],
    ['an empty name', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name:\n', 'metadata.name', { message: 'metadata.name: Required value: name or generateName is required (line 4, column 3)', path: 'metadata.name', line: 4, column: 3 }],
    ['a name that is not a DNS-1123 subdomain', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: My_App\n', 'metadata.name', {
      message: `metadata.name: Invalid value: "My_App": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*') (line 4, column 9)`,
      path: 'metadata.name', line: 4, column: 9,
    }],
    ['a name longer than 253 characters', `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${'a'.repeat(254)}\n`, 'metadata.name', {
      message: `metadata.name: Invalid value: "${'a'.repeat(60)}…": must be no more than 253 characters (line 4, column 9)`, path: 'metadata.name', line: 4, column: 9,
    }],
    ['a namespace that is not a DNS-1123 label', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n  namespace: a.b\n', 'metadata.namespace', {
      message: `metadata.namespace: Invalid value: "a.b": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?') (line 5, column 14)`,
      path: 'metadata.namespace', line: 5, column: 14,
    }],
    ['a Pod without spec', header, 'spec', { message: 'spec: Required value (line 1, column 1)', path: 'spec', line: 1, column: 1 }],
    ['containers that are not a list', `${header}spec:\n  containers: nginx\n`, 'spec.containers', { message: 'spec.containers: must be a list, got the string "nginx" (line 6, column 15)', path: 'spec.containers', line: 6, column: 15 }],
    ['an empty containers list', `${header}spec:\n  containers: []\n`, 'spec.containers', { message: 'spec.containers: Required value: needs at least one item (line 6, column 15)', path: 'spec.containers', line: 6, column: 15 }],
    ['a container without image', `${header}spec:\n  containers:\n    - name: app\n`, 'spec.containers[0].image', { message: 'spec.containers[0].image: Required value (line 7, column 7)', path: 'spec.containers[0].image', line: 7, column: 7 }],
    ['a quoted expirationSeconds', `${header}spec:\n  containers: [{name: a, image: b}]\n  volumes:\n    - name: t\n      projected:\n        sources:\n          - serviceAccountToken: {path: token, expirationSeconds: "600"}\n`, 'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds', {
      message: 'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: must be an integer, got the string "600"; remove the quotes (line 11, column 67)',
      path: 'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds', line: 11, column: 67,
    }],
    ['a fractional expirationSeconds', `${header}spec:\n  containers: [{name: a, image: b}]\n  volumes: [{name: t, projected: {sources: [{serviceAccountToken: {path: t, expirationSeconds: 600.5}}]}}]\n`, 'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds', {
      message: 'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: must be an integer, got the number 600.5 (line 7, column 96)',
      path: 'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds', line: 7, column: 96,
    }],
    ['a boolean written as a string', `${header}spec:\n  automountServiceAccountToken: "false"\n  containers: [{name: a, image: b}]\n`, 'spec.automountServiceAccountToken', {
      message: 'spec.automountServiceAccountToken: must be true or false, got the string "false" (line 6, column 33)', path: 'spec.automountServiceAccountToken', line: 6, column: 33,
    }],
    ['a numeric label value', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n  labels:\n    version: 1.0\n', 'metadata.labels.version', {
      message: 'metadata.labels.version: must be a string, got the number 1.0; put it in quotes (line 6, column 14)', path: 'metadata.labels.version', line: 6, column: 14,
    }],
    ['Secret data that is not base64', 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  token: not base64!\n', 'data.token', {
      message: 'data.token: must be base64-encoded (use stringData for plain text) (line 5, column 10)', path: 'data.token', line: 5, column: 10,
    }],
    ['a YAML syntax error', 'apiVersion: v1\nkind: [Pod\n', '', { message: 'YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ] (line 3, column 1)', line: 3, column: 1 }],
    ['a duplicate key', 'apiVersion: v1\nkind: Pod\nkind: Secret\n', '', { message: 'the key "kind" appears twice in the same mapping (first on line 2); keys must be unique (line 3, column 1)', line: 3, column: 1 }],
  ];

  it.each(cases)('%s', (_name, text, path, expected) => {
    const errors = errorsOf(text);
    const error = errors.find((e) => (e.path ?? '') === path);
    expect(error).toEqual(expected);
  });

  it('collects every error, in file order', () => {
    const errors = errorsOf('apiVersion: v1\nkind: Secret\nmetadata:\n  name: Bad\n  labels: {a: 1}\ndata:\n  x: "%%"\n');
    expect(errors.map((e) => e.path)).toEqual(['metadata.name', 'metadata.labels.a', 'data.x']);
  });

  it('prefixes paths and shifts positions for a manifest embedded in a scenario', () => {
    const errors = errorsOf(`${header}spec:\n  containers: nginx\n`, { lineOffset: 16, columnOffset: 6, pathPrefix: 'steps[1].apply' });
    expect(errors).toEqual([
      {
        message: 'steps[1].apply.spec.containers: must be a list, got the string "nginx" (line 22, column 21)',
        path: 'steps[1].apply.spec.containers',
        line: 22,
        column: 21,
      },
    ]);
  });

  it('refuses alias bombs without hanging or throwing', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
    const text = `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: a}\nbomb:\n${bomb.map((l) => `  ${l}`).join('\n')}\n`;
    const result = parseManifest(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/could not be read/);
  });
});
