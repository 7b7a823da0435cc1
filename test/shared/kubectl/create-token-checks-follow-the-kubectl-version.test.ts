/**
 * `kubectl create token`'s client-side checks as each release's kubectl prints them (docs/kubernetes-facts.md §7,
 * checked against real kubectl binaries): the `--duration` wording and its treatment of 0, and when
 * `--bound-object-kind Node` is accepted.
 */
import { describe, expect, it } from 'vitest';
import { parseKubectl } from '../../../shared/kubectl/parse-kubectl.ts';
import { kubectlContextFor } from '../../../shared/kubectl/kubectl-version.ts';
import { KUBERNETES_VERSIONS, isAtLeast, type KubernetesVersion } from '../../../shared/model/versions.ts';

const WITH_TOKENS = KUBERNETES_VERSIONS.filter((v) => isAtLeast(v, '1.24'));

function run(line: string, version: KubernetesVersion) {
  return parseKubectl(line, kubectlContextFor(version));
}

describe('--duration by kubectl version', () => {
  const negative = (version: KubernetesVersion) =>
    isAtLeast(version, '1.30') ? 'error: --duration must be greater than or equal to 0\n' : 'error: --duration must be positive\n';

  it.each(WITH_TOKENS)('%s: a negative duration', (version) => {
    expect(run('create token my-app --duration -1s', version)).toEqual({ ok: false, stderr: negative(version), exitCode: 1, column: 21 });
  });

  it.each(WITH_TOKENS)('%s: --duration 0s', (version) => {
    const result = run('create token my-app --duration 0s', version);
    if (version === '1.29') {
      expect(result).toEqual({ ok: false, stderr: 'error: --duration must be positive\n', exitCode: 1, column: 21 });
    } else {
      // 0 leaves expirationSeconds out of the request: the server's default applies.
      expect(result).toEqual({ ok: true, command: { verb: 'create-token', serviceAccount: 'my-app', audiences: [] } });
    }
  });

  it('1.29 still accepts a request without --duration', () => {
    expect(run('create token my-app', '1.29').ok).toBe(true);
  });
});

describe('--bound-object-kind Node by kubectl version', () => {
  const line = 'create token my-app --bound-object-kind Node --bound-object-name worker-1';
  const withEnv = `KUBECTL_NODE_BOUND_TOKENS=true kubectl ${line}`;
  const refused = { ok: false, stderr: 'error: supported --bound-object-kind values are Pod, Secret\n', exitCode: 1, column: 21 };
  const accepted = { ok: true, command: { verb: 'create-token', serviceAccount: 'my-app', audiences: [], boundObject: { kind: 'Node', name: 'worker-1' } } };

  it.each<[KubernetesVersion, boolean, boolean]>([
    ['1.27', false, false],
    ['1.28', false, false],
    ['1.29', false, true],
    ['1.30', false, true],
    ['1.31', true, true],
    ['1.33', true, true],
    ['1.37', true, true],
  ])('%s: plain %s, with KUBECTL_NODE_BOUND_TOKENS=true %s', (version, plain, env) => {
    expect(run(line, version)).toEqual(plain ? accepted : refused);
    const viaEnv = run(withEnv, version);
    expect(viaEnv.ok).toBe(env);
    if (!viaEnv.ok) expect(viaEnv.stderr).toBe(refused.stderr);
  });

  it('only the value true (any case) opens it', () => {
    expect(run(`KUBECTL_NODE_BOUND_TOKENS=TRUE ${line}`, '1.30').ok).toBe(true);
    expect(run(`KUBECTL_NODE_BOUND_TOKENS=1 ${line}`, '1.30').ok).toBe(false);
    expect(run(`OTHER=true ${line}`, '1.30').ok).toBe(false);
  });
});
