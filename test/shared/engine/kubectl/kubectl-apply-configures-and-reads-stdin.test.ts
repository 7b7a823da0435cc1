/**
 * kubectl apply of objects that exist (`configured`, `unchanged`, a Pod's immutable spec refused with the API server's
 * Forbidden text), the same through the editor's Apply, `-f -` from a here-document for apply, create and delete, and
 * `kubectl create token -o yaml|json` printing the whole TokenRequest.
 */
import { describe, expect, it } from 'vitest';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { parse } from 'yaml';
import { verifyTokenNow } from '../../../../shared/engine/token-jwt.ts';
import { podUpdatableFields } from '../../../../shared/engine/kubectl/update-objects.ts';
import { consoleAt, run, show } from './console-fixture.ts';

/** The pod the fixture applied at 0 s, as a learner would write it again. */
const APP = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  serviceAccountName: my-app\n  containers:\n    - name: app\n      image: nginx:stable\n';
const SA = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: my-app\n';
const SECRET = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\ntype: Opaque\ndata:\n  password: aHVudGVyMg==\n';

const heredoc = (command: string, body: string): string => `${command} <<EOF\n${body}EOF`;

interface TokenRequestPrinted {
  spec: Record<string, unknown>;
  status: { expirationTimestamp: string; token: string };
}

describe('kubectl apply to objects that exist', () => {
  it.each<[string, string, string]>([
    ['the same pod again', APP, 'pod/app unchanged\n'],
    ['the pod with a new image (an updatable field)', APP.replace('nginx:stable', 'nginx:1.27'), 'pod/app configured\n'],
    ['the pod with a label (metadata may change)', APP.replace('  name: app\nspec', '  name: app\n  labels:\n    tier: web\nspec'), 'pod/app configured\n'],
    ['the ServiceAccount kubectl create made', SA, 'serviceaccount/my-app unchanged\n'],
    ['the ServiceAccount with automountServiceAccountToken: false', `${SA}automountServiceAccountToken: false\n`, 'serviceaccount/my-app configured\n'],
  ])('%s', (_, manifest, stdout) => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    expect(run(sim, 'apply -f app.yaml', manifest)).toEqual({ stdout, stderr: '', exitCode: 0 });
    expect(run(sim, 'apply -f app.yaml', manifest).stdout).toMatch(/ unchanged\n$/);
  });

  it('configuring keeps what others added: admission’s token volume and mount survive an image change', () => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    const before = sim.cluster('f')!.pods['default/app']!.object;
    run(sim, 'apply -f app.yaml', APP.replace('nginx:stable', 'nginx:1.27'));
    const after = sim.cluster('f')!.pods['default/app']!.object;
    expect(after.spec?.containers[0]?.image).toBe('nginx:1.27');
    expect(after.spec?.volumes).toEqual(before.spec?.volumes);
    expect(after.spec?.containers[0]?.volumeMounts).toEqual(before.spec?.containers[0]?.volumeMounts);
    expect(Number(after.metadata?.resourceVersion)).toBeGreaterThan(Number(before.metadata?.resourceVersion));
  });

  it.each<[string, string]>([
    ['1.20', '`spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds` or `spec.tolerations` (only additions to existing tolerations)'],
    ['1.24', '`spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds`, `spec.tolerations` (only additions to existing tolerations) or `spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'],
    ['1.30', '`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'],
  ])('%s: a change to an immutable pod field is refused with the API server’s Forbidden text, exit 1', (version, fields) => {
    const sim = consoleAt({ version }, 5_000);
    expect(podUpdatableFields(version as '1.30')).toBe(fields);
    const out = run(sim, 'apply -f app.yaml', APP.replace('serviceAccountName: my-app', 'serviceAccountName: default'));
    expect(out).toEqual({ stdout: '', stderr: `The Pod "app" is invalid: spec: Forbidden: pod updates may not change fields other than ${fields}\n`, exitCode: 1 });
    expect(sim.cluster('f')!.pods['default/app']!.object.spec?.serviceAccountName).toBe('my-app');
  });

  it('a Secret’s type is immutable', () => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    expect(run(sim, 'apply -f s.yaml', SECRET).stdout).toBe('secret/creds created\n');
    const out = run(sim, 'apply -f s.yaml', SECRET.replace('type: Opaque', 'type: kubernetes.io/basic-auth'));
    expect(out.stderr).toBe('The Secret "creds" is invalid: type: Invalid value: "kubernetes.io/basic-auth": field is immutable\n');
  });

  it('several documents: each says what happened to it', () => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    const out = run(sim, 'apply -f all.yaml', `${SA}---\n${APP}---\n${SECRET}`);
    expect(out).toEqual({ stdout: 'serviceaccount/my-app unchanged\npod/app unchanged\nsecret/creds created\n', stderr: '', exitCode: 0 });
  });
});

describe('the editor’s Apply behaves the same', () => {
  it.each<[string, string, boolean, string]>([
    ['unchanged', APP, true, 'pod/app unchanged'],
    ['configured', APP.replace('nginx:stable', 'nginx:1.27'), true, 'pod/app configured'],
    ['immutable field', APP.replace('serviceAccountName: my-app', 'serviceAccountName: default'), false, 'The Pod "app" is invalid: spec: Forbidden: pod updates may not change fields other than '],
  ])('%s', (_, manifest, ok, output) => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    const result = sim.runUserCommand({ flow: 'f', kind: 'apply', text: manifest });
    expect(result.ok).toBe(ok);
    expect(result.output.startsWith(output)).toBe(true);
    if (!ok) expect(result.errors).toEqual([{ message: expect.stringMatching(/^Pod "app" is invalid: spec: Forbidden: /), line: 5, column: 1 }]);
    const logged = sim.events.filter((e) => e.type === 'kubectl.ran').at(-1);
    expect(logged).toMatchObject({ command: 'apply -f manifest-editor.yaml', exitCode: ok ? 0 : 1 });
  });
});

describe('-f - reads the here-document', () => {
  it.each<[string, string, string, string, number]>([
    ['apply creates', 'apply -f -', SECRET, 'secret/creds created\n', 0],
    ['apply of what exists', 'apply -f -', SA, 'serviceaccount/my-app unchanged\n', 0],
    ['create', 'create -f -', SECRET, 'secret/creds created\n', 0],
    ['delete', 'delete -f -', SA, 'serviceaccount "my-app" deleted\n', 0],
    ['delete, now', 'delete -f - --grace-period=0 --force', APP, 'pod "app" force deleted\n', 0],
  ])('%s: %s', (_, command, body, stdout, exitCode) => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    const out = run(sim, heredoc(command, body));
    expect(out.stdout).toBe(stdout);
    expect(out.exitCode).toBe(exitCode);
  });

  it('the body may come apart from its line, as the console sends it', () => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    expect(run(sim, 'apply -f - <<EOF', SECRET)).toEqual({ stdout: 'secret/creds created\n', stderr: '', exitCode: 0 });
  });

  it.each<[string, string, string]>([
    ['create of what exists', heredoc('create -f -', SA), 'Error from server (AlreadyExists): error when creating "STDIN": serviceaccounts "my-app" already exists\n'],
    ['delete of what is not there', heredoc('delete -f -', SECRET), 'Error from server (NotFound): error when deleting "STDIN": secrets "creds" not found\n'],
    ['an API error names STDIN', heredoc('apply -f -', APP.replace('name: app\n', 'name: web\n').replace('serviceAccountName: my-app', 'serviceAccountName: ghost')), 'Error from server (Forbidden): error when creating "STDIN": pods "web" is forbidden: error looking up service account default/ghost: serviceaccount "ghost" not found\n'],
    ['an empty here-document', 'apply -f - <<EOF\nEOF', 'error: no objects passed to apply\n'],
    ['a here-document whose body never came (a one-line scenario step)', 'create -f - <<EOF', 'error: no objects passed to create\n'],
    ['-f - with no here-document', 'apply -f -', 'error: -f - reads the manifest from stdin, and nothing feeds stdin here; give it as a here-document:\n  kubectl apply -f - <<EOF\n  (the manifest)\n  EOF\n'],
  ])('%s', (_, text, stderr) => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    expect(run(sim, text)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it.each<[string, string, RegExp, number]>([
    ['a field the schema does not know', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  nmae: builder\n', /^error: error parsing STDIN: metadata\.name: Required value: .*\(line 4, column 3\)\n$/, 4],
    ['YAML that does not parse', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: [a\n', /^error: error parsing STDIN: YAML syntax: .*\(line 5, column 1\)\n$/, 5],
  ])('%s is placed by line and column within the here-document', (_, body, stderr, line) => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    const out = run(sim, heredoc('apply -f -', body));
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toMatch(stderr);
    expect(sim.events.filter((e) => e.type === 'manifest.rejected').at(-1)).toMatchObject({ line });
  });

  it('is replayed with its here-document after a seek back', () => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    run(sim, 'apply -f - <<EOF', SECRET);
    sim.seek(1_000);
    sim.seek(10_000);
    expect(sim.cluster('f')!.secrets['default/creds']).toBeDefined();
  });
});

describe('kubectl create token -o yaml|json prints the TokenRequest', () => {
  it.each(['yaml', 'json'] as const)('-o %s: apiVersion, kind, metadata, spec with defaults, status with a token that verifies', async (format) => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    const out = await show(sim, `create token my-app -o ${format}`);
    expect(out.exitCode).toBe(0);
    const object = (format === 'yaml' ? parse(out.stdout) : JSON.parse(out.stdout)) as TokenRequestPrinted;
    expect(object).toEqual({
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      metadata: { creationTimestamp: '2025-01-06T09:00:05Z', name: 'my-app', namespace: 'default' },
      spec: { audiences: ['https://kubernetes.default.svc'], boundObjectRef: null, expirationSeconds: 3600 },
      status: { expirationTimestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/), token: expect.any(String) },
    });
    const token = object.status.token;
    expect(decodeProtectedHeader(token).alg).toBe('RS256');
    const claims = decodeJwt(token);
    expect(claims.sub).toBe('system:serviceaccount:default:my-app');
    expect(new Date(object.status.expirationTimestamp).getTime() / 1000).toBe(claims.exp);
    const issued = sim.tokens.at(-1)!;
    await expect(verifyTokenNow(sim, issued.index)).resolves.toMatchObject({ ok: true, jwt: token });
  });

  it('a bound token shows its boundObjectRef, the given audiences and the duration', async () => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    const out = await show(sim, 'create token my-app --audience vault --duration 20m --bound-object-kind Pod --bound-object-name app -o json');
    const object = JSON.parse(out.stdout) as TokenRequestPrinted;
    expect(object.spec).toEqual({ audiences: ['vault'], boundObjectRef: { apiVersion: 'v1', kind: 'Pod', name: 'app' }, expirationSeconds: 1200 });
    expect(decodeJwt(object.status.token).aud).toEqual(['vault']);
  });

  it('prints YAML the way kubectl does: sorted keys, the timestamp quoted, the token plain', async () => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    const out = run(sim, 'create token my-app -o yaml');
    expect(out.stdout).toMatch(/^apiVersion: authentication\.k8s\.io\/v1\nkind: TokenRequest\nmetadata:\n  creationTimestamp: "2025-01-06T09:00:05Z"\n  name: my-app\n  namespace: default\nspec:\n  audiences:\n  - https:\/\/kubernetes\.default\.svc\n  boundObjectRef: null\n  expirationSeconds: 3600\nstatus:\n  expirationTimestamp: "[^"]+"\n  token: \{\{jwt:\d+\}\}\n$/);
  });

  it('-o name prints the resource/name; without -o only the token', async () => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    expect(run(sim, 'create token my-app -o name').stdout).toBe('tokenrequest.authentication.k8s.io/my-app\n');
    expect(run(sim, 'create token my-app').stdout).toMatch(/^\{\{jwt:\d+\}\}\n$/);
  });
});
