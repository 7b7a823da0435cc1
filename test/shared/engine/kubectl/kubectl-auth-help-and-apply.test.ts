/**
 * `kubectl auth whoami` (1.27+, as the kubeadm admin: system:masters, kubeadm:cluster-admins from 1.29), TokenScope's
 * own `help`, and `kubectl apply -f FILE` reading the editor's text, with kubectl's output lines and exit codes.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { injectFault } from '../../../../shared/engine/faults.ts';
import { consoleAt, run } from './console-fixture.ts';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  serviceAccountName: my-app
  containers:
    - name: web
      image: nginx:stable
`;

describe('kubectl auth whoami', () => {
  it.each([
    { version: '1.27', group: 'system:masters' },
    { version: '1.28', group: 'system:masters' },
    { version: '1.29', group: 'kubeadm:cluster-admins' },
    { version: '1.30', group: 'kubeadm:cluster-admins' },
    { version: '1.33', group: 'kubeadm:cluster-admins' },
  ])('$version: kubernetes-admin in $group and system:authenticated', ({ version, group }) => {
    const sim = consoleAt({ version, pod: false }, 5_000);
    expect(run(sim, 'auth whoami')).toEqual({
      stdout: `ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [${group} system:authenticated]\n`,
      stderr: '',
      exitCode: 0,
    });
  });

  it.each(['1.20', '1.26'])('%s: kubectl has no auth whoami yet', (version) => {
    const sim = consoleAt({ version, pod: false }, 5_000);
    const out = run(sim, 'auth whoami');
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain('unknown command "whoami"');
  });

  it.each([
    { version: '1.27', apiVersion: 'authentication.k8s.io/v1beta1' },
    { version: '1.28', apiVersion: 'authentication.k8s.io/v1' },
  ])('$version: -o yaml prints the SelfSubjectReview ($apiVersion)', ({ version, apiVersion }) => {
    const sim = consoleAt({ version, pod: false }, 5_000);
    const out = run(sim, 'auth whoami -o yaml');
    expect(out.stdout).toBe(
      `apiVersion: ${apiVersion}\nkind: SelfSubjectReview\nmetadata:\n  creationTimestamp: "2025-01-06T09:00:05Z"\nstatus:\n  userInfo:\n    groups:\n    - system:masters\n    - system:authenticated\n    username: kubernetes-admin\n`,
    );
  });

  it('-o json carries the same user', () => {
    const sim = consoleAt({ version: '1.30', pod: false }, 5_000);
    expect(JSON.parse(run(sim, 'auth whoami -o json').stdout)).toMatchObject({ kind: 'SelfSubjectReview', status: { userInfo: { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] } } });
  });

  it('the API server down → connection refused', () => {
    const sim = consoleAt({ version: '1.30', pod: false }, 5_000);
    injectFault(sim.context, sim.cluster('f')!, 'apiserver-stop');
    expect(run(sim, 'auth whoami').exitCode).toBe(1);
  });
});

describe('kubectl help', () => {
  it('lists the commands this flow’s kubectl runs: create token from 1.24, auth whoami from 1.27', () => {
    const old = run(consoleAt({ version: '1.20', pod: false }, 0), 'help');
    const current = run(consoleAt({ version: '1.30', pod: false }, 0), 'help');
    expect(old.exitCode).toBe(0);
    expect(old.stdout).toContain('kubectl get pod|secret|sa');
    expect(old.stdout).not.toContain('create token');
    expect(old.stdout).not.toContain('auth whoami');
    expect(current.stdout).toContain('kubectl create token SA');
    expect(current.stdout).toContain('kubectl auth whoami');
    expect(run(consoleAt({ version: '1.30', pod: false }, 0), '').stdout).toBe(current.stdout);
  });

  it('works while the API server is down (kubectl prints help itself)', () => {
    const sim = consoleAt({ version: '1.30', pod: false }, 5_000);
    injectFault(sim.context, sim.cluster('f')!, 'apiserver-stop');
    expect(run(sim, 'help').exitCode).toBe(0);
  });

  it.each([
    { line: 'help get', shows: 'kubectl get pod|secret|sa' },
    { line: 'get -h', shows: 'kubectl get pod|secret|sa' },
    { line: 'exec --help', shows: 'kubectl exec POD' },
    { line: 'create token --help', shows: 'kubectl create token SA' },
    { line: 'help create', shows: 'kubectl create serviceaccount NAME' },
  ])('$line → usage of that command', ({ line, shows }) => {
    const out = run(consoleAt({ version: '1.30', pod: false }, 0), line);
    expect(out.exitCode).toBe(0);
    expect(out.stdout.startsWith('Usage:\n')).toBe(true);
    expect(out.stdout).toContain(shows);
    expect(out.stdout).not.toContain('kubectl delete');
  });

  it('an unknown topic is reported, then the full list follows', () => {
    const out = run(consoleAt({ version: '1.30', pod: false }, 0), 'help frobnicate');
    expect(out.exitCode).toBe(0);
    expect(out.stdout.startsWith('Unknown help topic [`frobnicate`]\n')).toBe(true);
    expect(out.stdout).toContain('kubectl describe');
  });
});

describe('kubectl apply -f FILE (the editor’s text)', () => {
  it('creates the objects and prints kind/name created', () => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    expect(run(sim, 'apply -f web.yaml', POD)).toEqual({ stdout: 'pod/web created\n', stderr: '', exitCode: 0 });
    expect(sim.cluster('f')!.pods['default/web']).toBeDefined();
  });

  it('any file name reads the editor’s text', () => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    expect(run(sim, 'apply --filename=whatever.yml', POD).stdout).toBe('pod/web created\n');
  });

  it('without an editor text the path does not exist, as for a missing file', () => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    expect(run(sim, 'apply -f web.yaml')).toEqual({ stdout: '', stderr: 'error: the path "web.yaml" does not exist\n', exitCode: 1 });
  });

  it('an object the API server refuses: Error from server (…): error when creating "FILE": …, exit 1', () => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    const out = run(sim, 'apply -f web.yaml', POD.replace('serviceAccountName: my-app', 'serviceAccountName: ghost'));
    expect(out).toEqual({
      stdout: '',
      stderr: 'Error from server (Forbidden): error when creating "web.yaml": pods "web" is forbidden: error looking up service account default/ghost: serviceaccount "ghost" not found\n',
      exitCode: 1,
    });
  });

  it('with several documents, the created ones go to stdout and the refused ones to stderr', () => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    const out = run(sim, 'apply -f two.yaml', `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n---\n${POD.replace('name: web\n', 'name: app\n')}`);
    expect(out.stdout).toBe('serviceaccount/builder created\n');
    // Pod app exists with another image and service account: apply patches it, and the spec change is refused.
    expect(out.stderr).toMatch(/^The Pod "app" is invalid: spec: Forbidden: pod updates may not change fields other than /);
    expect(out.exitCode).toBe(1);
  });

  it('a manifest that does not parse is refused with the parser’s error', () => {
    const sim = consoleAt({ version: '1.30' }, 5_000);
    const out = run(sim, 'apply -f bad.yaml', 'kind: Pod\nmetadata: [\n');
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^error: /);
  });

  it('create serviceaccount -o yaml prints the created object; -o name its resource/name', () => {
    const sim = consoleAt({ version: '1.30', pod: false }, 5_000);
    expect(parse(run(sim, 'create sa builder -o yaml').stdout)).toMatchObject({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder', namespace: 'default' } });
    expect(run(sim, 'create sa tester -o name')).toEqual({ stdout: 'serviceaccount/tester\n', stderr: '', exitCode: 0 });
  });
});
