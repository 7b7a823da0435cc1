/**
 * Projected volumes through `kubectl apply`, each case a manifest and the exact 422 text kube-apiserver prints
 * (`pkg/apis/core/validation/validation.go`; `field.Error` bodies, `errors.NewInvalid` aggregate). The upstream
 * function each rule comes from is named on its case.
 */
import { describe, expect, it } from 'vitest';
import type { DownwardAPIVolumeFile, KeyToPath, Pod, VolumeProjection } from 'kubernetes-types/core/v1';
import type { KubernetesVersion } from '../../../../shared/model/versions.ts';
import { validatePod } from '../../../../shared/engine/api-server/pod-validation.ts';
import { apply, eventsOfType, flow, simAt } from './token-test-helpers.ts';
import { consoleAt, run } from '../kubectl/console-fixture.ts';

const P = 'spec.volumes[0].projected';

/** A pod whose one volume is `volume` (YAML at the volume's indentation, after `- name: v`). */
function manifest(volume: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: custom
spec:
  serviceAccountName: my-app
  containers:
    - name: c
      image: nginx
  volumes:
    - name: v
${volume.replace(/^/gm, '      ')}
`;
}

function applyOn(version: KubernetesVersion, volume: string): { ok: boolean; errors: string[]; created: boolean } {
  const sim = simAt({ version, pod: false }, 1);
  const outcome = apply(sim, manifest(volume));
  return { ok: outcome.ok, errors: eventsOfType(sim, 'manifest.rejected').map((e) => e.error), created: flow(sim).pods['default/custom'] !== undefined };
}

const TOKEN = 'serviceAccountToken: {path: token}';

describe('projected volume validation (1.33)', () => {
  const table: { rule: string; volume: string; message?: string }[] = [
    { rule: 'the kube-api-access shape is valid', volume: `projected:\n  sources:\n    - ${TOKEN}\n    - configMap: {name: kube-root-ca.crt, items: [{key: ca.crt, path: ca.crt}]}\n    - downwardAPI: {items: [{path: namespace, fieldRef: {apiVersion: v1, fieldPath: metadata.namespace}}]}` },
    // validateProjectionSources: a source with no kind is not counted, so nothing refuses it.
    { rule: 'an empty source is accepted', volume: `projected:\n  sources:\n    - {}\n    - ${TOKEN}` },
    // validateLocalDescendingPath (via ValidateLocalNonReservedPath), on `fldPath.Child("path")`.
    { rule: 'absolute token path', volume: 'projected:\n  sources:\n    - serviceAccountToken: {path: /abs}', message: `${P}.path: Invalid value: "/abs": must be a relative path` },
    // validatePathNoBacksteps: one error however many `..` elements.
    { rule: 'token path with ..', volume: 'projected:\n  sources:\n    - serviceAccountToken: {path: a/../../b}', message: `${P}.path: Invalid value: "a/../../b": must not contain '..'` },
    // ValidateLocalNonReservedPath: `..` prefix that is not a `..` element.
    { rule: 'token path ..data', volume: 'projected:\n  sources:\n    - serviceAccountToken: {path: ..data}', message: `${P}.path: Invalid value: "..data": must not start with '..'` },
    {
      rule: 'absolute path with a backstep gets both errors',
      volume: 'projected:\n  sources:\n    - serviceAccountToken: {path: /x/..}',
      message: `[${P}.path: Invalid value: "/x/..": must be a relative path, ${P}.path: Invalid value: "/x/..": must not contain '..']`,
    },
    // validateProjectionSources: `numSources > 1` → Forbidden on the source, after the kinds' own errors.
    {
      rule: 'one source, two kinds',
      volume: `projected:\n  sources:\n    - ${TOKEN}\n    - serviceAccountToken: {path: t2, expirationSeconds: 60}\n      secret: {name: s}`,
      message: `[${P}.sources[1].serviceAccountToken.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes, ${P}.sources[1]: Forbidden: may not specify more than 1 volume type per source]`,
    },
    // validateProjectionSources: allPaths; the error is on the volume, valued with the secret's / configMap's name.
    {
      rule: 'duplicate item paths across sources',
      volume: 'projected:\n  sources:\n    - secret: {name: s1, items: [{key: a, path: same}]}\n    - configMap: {name: c1, items: [{key: b, path: same}]}',
      message: `${P}: Invalid value: "c1": conflicting duplicate paths`,
    },
    // The downwardAPI branch values the error with the path itself.
    {
      rule: 'duplicate downwardAPI path',
      volume: 'projected:\n  sources:\n    - configMap: {name: c1, items: [{key: b, path: ns}]}\n    - downwardAPI: {items: [{path: ns, fieldRef: {fieldPath: metadata.namespace}}]}',
      message: `${P}: Invalid value: "ns": conflicting duplicate paths`,
    },
    // The token path is not in allPaths upstream: a clash with an item is not refused.
    { rule: 'token path equal to an item path is accepted', volume: `projected:\n  sources:\n    - ${TOKEN}\n    - configMap: {name: c1, items: [{key: b, path: token}]}` },
    // validateKeyToPath: the item's path must be local and its mode in range.
    {
      rule: 'secret item path and mode',
      volume: 'projected:\n  sources:\n    - secret: {name: s, items: [{key: k, path: /etc/x, mode: 1000}]}',
      message:
        `[${P}.sources[0].secret.items[0].path: Invalid value: "/etc/x": must be a relative path, ` +
        `${P}.sources[0].secret.items[0].mode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive]`,
    },
    // validateProjectedVolumeSource: defaultMode before the sources.
    {
      rule: 'defaultMode out of range',
      volume: 'projected:\n  defaultMode: 512\n  sources:\n    - serviceAccountToken: {path: /t}',
      message: `[${P}.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive, ${P}.path: Invalid value: "/t": must be a relative path]`,
    },
    // validateVolumeSource: a later volume type is Forbidden and not looked into; none at all is Required.
    { rule: 'projected and secret on one volume', volume: `secret: {secretName: s}\nprojected:\n  sources:\n    - serviceAccountToken: {path: /t}`, message: `${P}: Forbidden: may not specify more than 1 volume type` },
    { rule: 'a volume with no type', volume: 'name2: x', message: 'spec.volumes[0]: Required value: must specify a volume type' },
  ];

  it.each(table)('$rule', ({ volume, message }) => {
    const result = applyOn('1.33', volume);
    if (message) {
      expect(result.errors).toEqual([`Pod "custom" is invalid: ${message}`]);
      expect(result.created).toBe(false);
    } else {
      expect(result.errors).toEqual([]);
      expect(result.created).toBe(true);
    }
  });

  it('two identical errors print once (ErrorList.ToAggregate drops repeats)', () => {
    const volume = 'projected:\n  sources:\n    - secret: {name: s1, items: [{key: a, path: p}]}\n    - secret: {name: s1, items: [{key: a, path: p}, {key: b, path: p}]}';
    expect(applyOn('1.33', volume).errors).toEqual([`Pod "custom" is invalid: ${P}: Invalid value: "s1": conflicting duplicate paths`]);
  });
});

/**
 * Fields the manifest's schema check already requires (as kubectl's client-side validation does) reach the API
 * server only from a client that skips it; the server's own answer is checked on the object.
 */
describe('required fields, as the API server answers them', () => {
  function podWith(sources: VolumeProjection[]): Pod {
    return { metadata: { name: 'custom' }, spec: { containers: [{ name: 'c' }], volumes: [{ name: 'v', projected: { sources } }] } };
  }

  it.each<{ rule: string; sources: VolumeProjection[]; field: string; message: string }>([
    // validateProjectionSources (secret name) then validateKeyToPath (key, path).
    {
      rule: 'secret without name, item without key or path',
      sources: [{ secret: { items: [{} as KeyToPath] } }],
      field: `${P}.sources[0].secret.name`,
      message: `[${P}.sources[0].secret.name: Required value, ${P}.sources[0].secret.items[0].key: Required value, ${P}.sources[0].secret.items[0].path: Required value]`,
    },
    // validateDownwardAPIVolumeFile, handed the source's path rather than the item's.
    {
      rule: 'downwardAPI item without path or reference',
      sources: [{ downwardAPI: { items: [{ mode: 256 } as DownwardAPIVolumeFile] } }],
      field: `${P}.sources[0].downwardAPI.path`,
      message: `[${P}.sources[0].downwardAPI.path: Required value, ${P}.sources[0].downwardAPI: Required value: one of fieldRef and resourceFieldRef is required]`,
    },
  ])('$rule', ({ sources, field, message }) => {
    expect(validatePod(podWith(sources), '1.33')).toEqual({ status: 422, reason: 'Invalid', field, message: `Pod "custom" is invalid: ${message}` });
  });
});

describe('version by version', () => {
  it('before 1.30 the token path is not checked (PR #121731 added ValidateLocalNonReservedPath in 1.30)', () => {
    const volume = 'projected:\n  sources:\n    - serviceAccountToken: {path: /abs}';
    expect(applyOn('1.29', volume)).toMatchObject({ errors: [], created: true });
    expect(applyOn('1.30', volume).errors).toEqual([`Pod "custom" is invalid: ${P}.path: Invalid value: "/abs": must be a relative path`]);
  });

  it.each<[KubernetesVersion, string]>([
    ['1.20', 'may not specify more than 1 volume type'],
    ['1.31', 'may not specify more than 1 volume type'],
    ['1.32', 'may not specify more than 1 volume type per source'],
    ['1.37', 'may not specify more than 1 volume type per source'],
  ])('%s: two kinds in one source → %s (PR #125940)', (version, text) => {
    const volume = `projected:\n  sources:\n    - ${TOKEN}\n      secret: {name: s}`;
    expect(applyOn(version, volume).errors).toEqual([`Pod "custom" is invalid: ${P}.sources[0]: Forbidden: ${text}`]);
  });
});

/** The editor and the console's `apply -f` mark the line of the refusal's field (apply-manifest.ts `locate`). */
describe('a refusal points at its field in the manifest', () => {
  function rejectedAt(volume: string): { line?: number; column?: number } {
    const sim = simAt({ version: '1.33', pod: false }, 1);
    apply(sim, manifest(volume));
    const [event] = eventsOfType(sim, 'manifest.rejected');
    return { line: event?.line, column: event?.column };
  }
  /** Line and column (1-based) where `text` first starts in the manifest. */
  const placeOf = (volume: string, text: string) => {
    const lines = manifest(volume).split('\n');
    const index = lines.findIndex((line) => line.includes(text));
    return { line: index + 1, column: lines[index]!.indexOf(text) + 1 };
  };

  it('a token path error names `projected.path`, which is not in the manifest: the `projected` key is marked', () => {
    const volume = 'projected:\n  sources:\n    - serviceAccountToken: {path: /abs}';
    expect(rejectedAt(volume)).toEqual(placeOf(volume, 'projected:'));
  });

  it('two kinds in one source: the second source (its first key) is marked', () => {
    const volume = `projected:\n  sources:\n    - ${TOKEN}\n    - secret: {name: s}\n      configMap: {name: c}`;
    expect(rejectedAt(volume)).toEqual(placeOf(volume, 'secret: {name: s}'));
  });

  it('an item path error marks the path value', () => {
    const volume = 'projected:\n  sources:\n    - configMap:\n        name: c\n        items:\n          - key: k\n            path: ../up';
    expect(rejectedAt(volume)).toEqual(placeOf(volume, '../up'));
  });
});

describe('the console', () => {
  it('`kubectl apply -f` prints the refusal as kubectl does and creates nothing', () => {
    const sim = consoleAt({ version: '1.33', pod: false }, 1000);
    const out = run(sim, 'apply -f pod.yaml', manifest(`projected:\n  sources:\n    - serviceAccountToken: {path: ../t}\n      secret: {name: s}`));
    expect(out).toEqual({
      stdout: '',
      stderr: `Error from server (Invalid): error when creating "pod.yaml": Pod "custom" is invalid: [${P}.path: Invalid value: "../t": must not contain '..', ${P}.sources[0]: Forbidden: may not specify more than 1 volume type per source]\n`,
      exitCode: 1,
    });
  });
});
