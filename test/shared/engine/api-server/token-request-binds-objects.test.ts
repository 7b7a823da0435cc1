/**
 * spec.boundObjectRef (docs/kubernetes-facts.md §3 step 7): Pod and Secret in every version, Node known from 1.29 behind
 * ServiceAccountTokenNodeBinding (beta, on, in 1.31), anything else ⇒ 400 `cannot bind token to object of type <gvk>`,
 * a stale UID ⇒ 409 Conflict naming the Kind.
 */
import { describe, expect, it } from 'vitest';
import type { TokenRequestSpec } from '../../../../shared/engine/api-server/token-request.ts';
import { apply, bound, errorOf, flow, kubectl, podUid, requestToken, secretUid, simAt } from './token-test-helpers.ts';

const NODE_GATE_OFF = 'cannot bind token to a Node object as the "ServiceAccountTokenNodeBinding" feature-gate is disabled';

function conflict(kind: string, name: string, refUid: string) {
  return {
    status: 409,
    reason: 'Conflict',
    message: `Operation cannot be fulfilled on ${kind} "${name}": the UID in the bound object reference (${refUid}) does not match the UID in record. The object might have been deleted and then recreated`,
  };
}

function cluster130() {
  const sim = simAt({ version: '1.30' }, 10);
  apply(sim, 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: other\n');
  apply(sim, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: plain\ntype: Opaque\n');
  return sim;
}

describe('TokenRequest bound object errors', () => {
  const table: Array<{ name: string; sa?: string; spec: TokenRequestSpec; error: { status: number; reason: string; message: string } }> = [
    {
      name: 'a Pod running as another ServiceAccount',
      sa: 'other',
      spec: { boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'app' } },
      error: {
        status: 400,
        reason: 'BadRequest',
        message: 'cannot bind token for serviceaccount "other" to pod running with different serviceaccount name.',
      },
    },
    {
      name: 'a missing Pod (404 passthrough)',
      spec: { boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'nope' } },
      error: { status: 404, reason: 'NotFound', message: 'pods "nope" not found' },
    },
    {
      name: 'a missing Secret',
      spec: { boundObjectRef: { kind: 'Secret', apiVersion: 'v1', name: 'nope' } },
      error: { status: 404, reason: 'NotFound', message: 'secrets "nope" not found' },
    },
    {
      name: 'a ConfigMap',
      spec: { boundObjectRef: { kind: 'ConfigMap', apiVersion: 'v1', name: 'kube-root-ca.crt' } },
      error: { status: 400, reason: 'BadRequest', message: 'cannot bind token to object of type /v1, Kind=ConfigMap' },
    },
    {
      name: 'a Deployment (apps/v1)',
      spec: { boundObjectRef: { kind: 'Deployment', apiVersion: 'apps/v1', name: 'web' } },
      error: { status: 400, reason: 'BadRequest', message: 'cannot bind token to object of type apps/v1, Kind=Deployment' },
    },
    {
      name: 'a Pod with a stale UID',
      spec: { boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'app', uid: 'old-pod-uid' } },
      error: conflict('Pod', 'app', 'old-pod-uid'),
    },
    {
      name: 'a Secret with a stale UID',
      spec: { boundObjectRef: { kind: 'Secret', apiVersion: 'v1', name: 'plain', uid: 'old-secret-uid' } },
      error: conflict('Secret', 'plain', 'old-secret-uid'),
    },
    {
      name: 'a Node on 1.30 (gate off)',
      spec: { boundObjectRef: { kind: 'Node', apiVersion: 'v1', name: 'node-1' } },
      error: { status: 400, reason: 'BadRequest', message: NODE_GATE_OFF },
    },
  ];

  it.each(table)('$name → $error.status $error.message', ({ sa, spec, error }) => {
    const sim = cluster130();
    expect(errorOf(requestToken(sim, spec, sa ?? 'my-app'))).toEqual(error);
  });

  it('accepts the current Pod and Secret UIDs and binds to them', () => {
    const sim = cluster130();
    const pod = requestToken(sim, { boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'app', uid: podUid(sim) } });
    expect(pod.ok && bound(pod.value.token)['kubernetes.io'].pod).toEqual({ name: 'app', uid: podUid(sim) });
    const secret = requestToken(sim, { boundObjectRef: { kind: 'Secret', apiVersion: 'v1', name: 'plain', uid: secretUid(sim, 'plain') } });
    expect(secret.ok && bound(secret.value.token)['kubernetes.io'].secret).toEqual({ name: 'plain', uid: secretUid(sim, 'plain') });
  });
});

describe('Node binding by version (ServiceAccountTokenNodeBinding: alpha 1.29, beta 1.31)', () => {
  const table: Array<{ version: string; outcome: 'unknown kind' | 'gate off' | 'bound' }> = [
    { version: '1.24', outcome: 'unknown kind' },
    { version: '1.28', outcome: 'unknown kind' },
    { version: '1.29', outcome: 'gate off' },
    { version: '1.30', outcome: 'gate off' },
    { version: '1.31', outcome: 'bound' },
    { version: '1.32', outcome: 'bound' },
    { version: '1.33', outcome: 'bound' },
  ];

  it.each(table)('$version: $outcome', ({ version, outcome }) => {
    const sim = simAt({ version, pod: false }, 5);
    const response = requestToken(sim, { boundObjectRef: { kind: 'Node', apiVersion: 'v1', name: 'node-1' } });
    if (outcome === 'unknown kind') {
      expect(errorOf(response)).toEqual({ status: 400, reason: 'BadRequest', message: 'cannot bind token to object of type /v1, Kind=Node' });
    } else if (outcome === 'gate off') {
      expect(errorOf(response)).toEqual({ status: 400, reason: 'BadRequest', message: NODE_GATE_OFF });
    } else {
      expect(response.ok).toBe(true);
      if (!response.ok) return;
      const priv = bound(response.value.token)['kubernetes.io'];
      expect(priv.node).toEqual({ name: 'node-1', uid: flow(sim).nodes['node-1']?.metadata?.uid });
      expect(priv.pod).toBeUndefined();
      expect(priv.secret).toBeUndefined();
      expect(response.value.extended).toBe(false);
    }
  });

  it('1.31: a missing Node is a 404 and a stale Node UID a 409 on Node', () => {
    const sim = simAt({ version: '1.31', pod: false }, 5);
    expect(errorOf(requestToken(sim, { boundObjectRef: { kind: 'Node', apiVersion: 'v1', name: 'node-9' } }))).toEqual({
      status: 404,
      reason: 'NotFound',
      message: 'nodes "node-9" not found',
    });
    expect(errorOf(requestToken(sim, { boundObjectRef: { kind: 'Node', apiVersion: 'v1', name: 'node-1', uid: 'x' } }))).toEqual(conflict('Node', 'node-1', 'x'));
  });
});

describe('kubectl create token --bound-object-* reports the server errors', () => {
  it.each([
    {
      line: 'create token my-app --bound-object-kind Pod --bound-object-name app --bound-object-uid 1234',
      stderr: `error: failed to create token: ${conflict('Pod', 'app', '1234').message}\n`,
    },
    {
      line: 'create token other --bound-object-kind Pod --bound-object-name app',
      stderr: 'error: failed to create token: cannot bind token for serviceaccount "other" to pod running with different serviceaccount name.\n',
    },
    {
      line: 'create token my-app --bound-object-kind Pod --bound-object-name gone',
      stderr: 'error: failed to create token: pods "gone" not found\n',
    },
    {
      line: 'create token nope',
      stderr: 'error: failed to create token: serviceaccounts "nope" not found\n',
    },
  ])('$line', ({ line, stderr }) => {
    const sim = cluster130();
    const out = kubectl(sim, line);
    expect(out).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
