/**
 * What kubectl prints for the commands the engine runs against the simulated API server (docs/kubernetes-facts.md §7 for
 * `create token`): success lines, `error: failed to create token: …`, and `Error from server (Reason): …` lines.
 */
import { resolveTokenMarkers } from '../../../../shared/engine/token-markers.ts';
import { describe, expect, it } from 'vitest';
import { injectFault } from '../../../../shared/engine/faults.ts';
import { flow, kubectl, simAt } from './token-test-helpers.ts';

describe('kubectl create serviceaccount', () => {
  it.each([
    { line: 'create serviceaccount builder', stdout: 'serviceaccount/builder created\n' },
    { line: 'create sa builder', stdout: 'serviceaccount/builder created\n' },
    { line: 'create sa builder -n kube-system', stdout: 'serviceaccount/builder created\n' },
  ])('$line → $stdout', ({ line, stdout }) => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    expect(kubectl(sim, line)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });

  it('creates it in the namespace given with -n', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    kubectl(sim, 'create sa builder -n kube-system');
    expect(flow(sim).serviceAccounts['kube-system/builder']?.metadata?.namespace).toBe('kube-system');
    expect(flow(sim).serviceAccounts['default/builder']).toBeUndefined();
  });

  it('an existing name → error: failed to create serviceaccount: serviceaccounts "my-app" already exists', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    expect(kubectl(sim, 'create sa my-app')).toEqual({
      stdout: '',
      stderr: 'error: failed to create serviceaccount: serviceaccounts "my-app" already exists\n',
      exitCode: 1,
    });
  });
});

describe('kubectl create token', () => {
  const LESS = 'TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes';
  it.each([
    { line: 'create token my-app --duration 5m', stderr: `error: failed to create token: ${LESS}\n` },
    { line: 'create token ghost', stderr: 'error: failed to create token: serviceaccounts "ghost" not found\n' },
    { line: 'create token my-app -n kube-system', stderr: 'error: failed to create token: serviceaccounts "my-app" not found\n' },
    {
      line: 'create token my-app --bound-object-kind Secret --bound-object-name nope',
      stderr: 'error: failed to create token: secrets "nope" not found\n',
    },
  ])('$line → $stderr', ({ line, stderr }) => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    expect(kubectl(sim, line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('prints the token (a marker that resolves to the signed JWT) and issues it with the requested lifetime and audience', async () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    const out = kubectl(sim, 'create token my-app --duration 1h --audience vault');
    const token = sim.tokens[sim.tokens.length - 1]!;
    expect(out).toEqual({ stdout: `{{jwt:${token.index}}}\n`, stderr: '', exitCode: 0 });
    const printed = await resolveTokenMarkers(sim, out.stdout);
    expect(printed).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+\n$/);
    expect(JSON.parse(Buffer.from(printed.split('.')[1]!, 'base64url').toString()).aud).toEqual(['vault']);
    expect(token.number).toBe(1);
    expect(token.audiences).toEqual(['vault']);
    expect(token.expirationSec).toBe(3600);
  });

  it('the API server being down → the POST fails, with no discovery first', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    injectFault(sim.context, flow(sim), 'apiserver-stop');
    expect(kubectl(sim, 'create token my-app')).toEqual({
      stdout: '',
      stderr: 'error: failed to create token: Post "https://10.96.0.1:443/api/v1/namespaces/default/serviceaccounts/my-app/token": dial tcp 10.96.0.1:443: connect: connection refused\n',
      exitCode: 1,
    });
  });
});

describe('kubectl delete', () => {
  it.each([
    { line: 'delete pod app', stdout: 'pod "app" deleted\n', stderr: '', exitCode: 0 },
    { line: 'delete pod x', stdout: '', stderr: 'Error from server (NotFound): pods "x" not found\n', exitCode: 1 },
    { line: 'delete pod app x', stdout: 'pod "app" deleted\n', stderr: 'Error from server (NotFound): pods "x" not found\n', exitCode: 1 },
    { line: 'delete secret nope', stdout: '', stderr: 'Error from server (NotFound): secrets "nope" not found\n', exitCode: 1 },
    { line: 'delete sa my-app', stdout: 'serviceaccount "my-app" deleted\n', stderr: '', exitCode: 0 },
    { line: 'delete serviceaccount ghost', stdout: '', stderr: 'Error from server (NotFound): serviceaccounts "ghost" not found\n', exitCode: 1 },
  ])('$line', ({ line, stdout, stderr, exitCode }) => {
    const sim = simAt({ version: '1.30' }, 5);
    expect(kubectl(sim, line)).toEqual({ stdout, stderr, exitCode });
  });

  it('--grace-period=0 --force prints the immediate-deletion warning and "pod \"app\" force deleted" (kubectl delete.go PrintObj)', () => {
    const sim = simAt({ version: '1.30' }, 5);
    const out = kubectl(sim, 'delete pod app --grace-period=0 --force');
    // The warning's capital letter changed across kubectl releases ("warning:" in older delete.go, "Warning:" later).
    expect(out.stderr).toMatch(
      /^[Ww]arning: Immediate deletion does not wait for confirmation that the running resource has been terminated\. The resource may continue to run on the cluster indefinitely\.\n$/,
    );
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toBe('pod "app" force deleted\n');
    expect(flow(sim).pods['default/app']).toBeUndefined();
  });

  it('a graceful delete leaves the pod terminating with deletionTimestamp = now + 30 s', () => {
    const sim = simAt({ version: '1.30' }, 5);
    kubectl(sim, 'delete pod app');
    const meta = flow(sim).pods['default/app']?.object.metadata;
    expect(meta?.deletionTimestamp).toBe('2025-01-06T09:00:35Z');
    expect(meta?.deletionGracePeriodSeconds).toBe(30);
  });
});

describe('kubectl get', () => {
  it.each([
    { line: 'get sa ghost', stderr: 'Error from server (NotFound): serviceaccounts "ghost" not found\n' },
    { line: 'get pod ghost', stderr: 'Error from server (NotFound): pods "ghost" not found\n' },
    { line: 'get secret ghost', stderr: 'Error from server (NotFound): secrets "ghost" not found\n' },
  ])('$line → NotFound', ({ line, stderr }) => {
    const sim = simAt({ version: '1.30' }, 5);
    expect(kubectl(sim, line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
