/**
 * Object checks of the bound-token validator (docs/kubernetes-facts.md §5, claims.go Validate): the ServiceAccount must exist
 * with the claimed UID and not be deleted before now−60 s; a bound Secret or Pod must exist, not be deleted before
 * now−60 s, and have the claimed UID. The deletion rows are upstream TestValidatePrivateClaims (claims_test.go).
 */
import { describe, expect, it } from 'vitest';
import { apply, authenticate, authError, flow, issue, kubectl, podUid, rfc3339AtSec, saUid, secretUid, simAt, startSim, START_SEC } from './token-test-helpers.ts';
import { injectFault } from '../../../../shared/engine/faults.ts';

const INVALIDATED = 'service account token has been invalidated';
const POD_REF = { kind: 'Pod', apiVersion: 'v1', name: 'app' };
const SECRET_REF = { kind: 'Secret', apiVersion: 'v1', name: 'bound-to' };
const POD_MANIFEST = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  serviceAccountName: my-app\n  containers:\n    - name: app\n      image: nginx\n';
const SECRET_MANIFEST = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: bound-to\ntype: Opaque\n';

function sim130() {
  const sim = simAt({ version: '1.30' }, 10);
  apply(sim, SECRET_MANIFEST);
  return sim;
}

describe('deletionTimestamp leeway (upstream TestValidatePrivateClaims deletion cases)', () => {
  const deletions = [
    { name: 'valid', offsetSec: undefined, expectErr: false },
    { name: 'deleted now', offsetSec: 0, expectErr: false },
    { name: 'deleted near past', offsetSec: -1, expectErr: false },
    { name: 'deleted near future', offsetSec: 1, expectErr: false },
    { name: 'deleted now-leeway', offsetSec: -60, expectErr: false },
    { name: 'deleted now-leeway-1', offsetSec: -61, expectErr: true },
  ];
  const nowSec = 100;

  function at(offsetSec: number | undefined) {
    return offsetSec === undefined ? undefined : rfc3339AtSec(START_SEC + nowSec + offsetSec);
  }

  it.each(deletions)('$name serviceaccount', ({ offsetSec, expectErr }) => {
    const sim = sim130();
    const token = issue(sim, {});
    sim.runUntil(nowSec * 1000);
    const sa = flow(sim).serviceAccounts['default/my-app']!;
    sa.metadata = { ...sa.metadata, deletionTimestamp: at(offsetSec) };
    const result = authenticate(sim, token);
    if (expectErr) expect(authError(result)).toBe('service account default/my-app has been deleted');
    else expect(result.ok).toBe(true);
  });

  it.each(deletions)('$name secret', ({ offsetSec, expectErr }) => {
    const sim = sim130();
    const token = issue(sim, { boundObjectRef: SECRET_REF });
    sim.runUntil(nowSec * 1000);
    const secret = flow(sim).secrets['default/bound-to']!;
    secret.object.metadata = { ...secret.object.metadata, deletionTimestamp: at(offsetSec) };
    const result = authenticate(sim, token);
    if (expectErr) expect(authError(result)).toBe(INVALIDATED);
    else expect(result.ok).toBe(true);
  });

  it.each(deletions)('$name pod', ({ offsetSec, expectErr }) => {
    const sim = sim130();
    const token = issue(sim, { boundObjectRef: POD_REF });
    sim.runUntil(nowSec * 1000);
    const pod = flow(sim).pods['default/app']!;
    pod.object.metadata = { ...pod.object.metadata, deletionTimestamp: at(offsetSec) };
    const result = authenticate(sim, token);
    if (expectErr) expect(authError(result)).toBe(INVALIDATED);
    else expect(result.ok).toBe(true);
  });
});

describe('missing or replaced objects', () => {
  it('ServiceAccount deleted → serviceaccounts "my-app" not found', () => {
    const sim = sim130();
    const token = issue(sim, {});
    expect(kubectl(sim, 'delete serviceaccount my-app').stdout).toBe('serviceaccount "my-app" deleted\n');
    expect(authError(authenticate(sim, token))).toBe('serviceaccounts "my-app" not found');
  });

  it.each([
    { version: '1.30', message: (now: string, old: string) => `service account UID (${now}) does not match claim (${old})` },
    { version: '1.20', message: (now: string, old: string) => `ServiceAccount UID (${now}) does not match claim (${old})` },
  ])('$version: ServiceAccount recreated under the same name → UID mismatch', ({ version, message }) => {
    const sim = simAt({ version, pod: false }, 10);
    const token = issue(sim, {});
    const oldUid = saUid(sim);
    kubectl(sim, 'delete serviceaccount my-app');
    kubectl(sim, 'create serviceaccount my-app');
    expect(authError(authenticate(sim, token))).toBe(message(saUid(sim), oldUid));
  });

  it.each([
    { version: '1.30', invalidated: INVALIDATED },
    { version: '1.24', invalidated: INVALIDATED },
    { version: '1.20', invalidated: 'Token has been invalidated' },
  ])('$version: pod force-deleted → "$invalidated"', ({ version, invalidated }) => {
    const sim = simAt({ version }, 10);
    const token = issue(sim, { boundObjectRef: POD_REF });
    expect(kubectl(sim, 'delete pod app --grace-period=0 --force').exitCode).toBe(0);
    expect(flow(sim).pods['default/app']).toBeUndefined();
    expect(authError(authenticate(sim, token))).toBe(invalidated);
  });

  it.each([
    { version: '1.30', message: (now: string, old: string) => `pod UID (${now}) does not match service account pod ref claim (${old})` },
    { version: '1.20', message: (now: string, old: string) => `Pod UID (${now}) does not match claim (${old})` },
  ])('$version: pod recreated under the same name → UID mismatch', ({ version, message }) => {
    const sim = simAt({ version }, 10);
    const token = issue(sim, { boundObjectRef: POD_REF });
    const oldUid = podUid(sim);
    kubectl(sim, 'delete pod app --grace-period=0 --force');
    expect(apply(sim, POD_MANIFEST).ok).toBe(true);
    expect(authError(authenticate(sim, token))).toBe(message(podUid(sim), oldUid));
  });

  it.each([
    { version: '1.21', message: (now: string, old: string) => `secret UID (${now}) does not match service account secret ref claim (${old})` },
    { version: '1.20', message: (now: string, old: string) => `Secret UID (${now}) does not match claim (${old})` },
  ])('$version: bound Secret recreated → the version\'s Secret UID wording', ({ version, message }) => {
    const sim = simAt({ version, pod: false }, 10);
    apply(sim, SECRET_MANIFEST);
    const token = issue(sim, { boundObjectRef: SECRET_REF });
    const oldUid = secretUid(sim, 'bound-to');
    kubectl(sim, 'delete secret bound-to');
    apply(sim, SECRET_MANIFEST);
    expect(authError(authenticate(sim, token))).toBe(message(secretUid(sim, 'bound-to'), oldUid));
  });

  it.each([
    // 1.20's claims.go asks "deleted?" before "same UID?"; later releases the other way round.
    { version: '1.20', message: (_now: string, _old: string) => 'ServiceAccount default/my-app has been deleted' },
    { version: '1.21', message: (now: string, old: string) => `service account UID (${now}) does not match claim (${old})` },
  ])('$version: a ServiceAccount both deleting and replaced → the check that comes first', ({ version, message }) => {
    const sim = simAt({ version, pod: false }, 120);
    const token = issue(sim, {});
    const sa = flow(sim).serviceAccounts['default/my-app']!;
    const oldUid = saUid(sim);
    sa.metadata = { ...sa.metadata, uid: 'replaced-uid', deletionTimestamp: rfc3339AtSec(START_SEC) };
    expect(authError(authenticate(sim, token))).toBe(message('replaced-uid', oldUid));
  });

  it('bound Secret deleted → invalidated; recreated → secret UID mismatch', () => {
    const sim = sim130();
    const token = issue(sim, { boundObjectRef: SECRET_REF });
    const oldUid = secretUid(sim, 'bound-to');
    expect(kubectl(sim, 'delete secret bound-to').stdout).toBe('secret "bound-to" deleted\n');
    expect(authError(authenticate(sim, token))).toBe(INVALIDATED);
    sim.runUntil(30_000); // past the 10 s success cache (failures are not cached anyway)
    apply(sim, SECRET_MANIFEST);
    expect(authError(authenticate(sim, token))).toBe(`secret UID (${secretUid(sim, 'bound-to')}) does not match service account secret ref claim (${oldUid})`);
  });

  it('a valid pod-bound token authenticates as the ServiceAccount with pod, node and credential-id extras', () => {
    const sim = sim130();
    const token = issue(sim, { boundObjectRef: POD_REF });
    const result = authenticate(sim, token);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const claims = token.claims as { jti: string };
    expect(result.user).toEqual({
      username: 'system:serviceaccount:default:my-app',
      uid: saUid(sim),
      groups: ['system:serviceaccounts', 'system:serviceaccounts:default'],
      extra: {
        'authentication.kubernetes.io/pod-name': ['app'],
        'authentication.kubernetes.io/pod-uid': [podUid(sim)],
        'authentication.kubernetes.io/node-name': ['node-1'],
        'authentication.kubernetes.io/node-uid': [flow(sim).nodes['node-1']!.metadata!.uid!],
        'authentication.kubernetes.io/credential-id': [`JTI=${claims.jti}`],
      },
      audiences: ['https://kubernetes.default.svc'],
    });
  });
});

describe('graceful pod deletion (valid until deletionTimestamp + 60 s or until the Pod object is gone)', () => {
  it('kubelet running: the pod disappears at deletionTimestamp, and its tokens fail then', () => {
    const sim = startSim({ version: '1.30', duration: '1h' });
    sim.runUntil(10_000);
    const before = issue(sim, { boundObjectRef: POD_REF });
    const after = issue(sim, { boundObjectRef: POD_REF });
    sim.runUntil(20_000);
    expect(kubectl(sim, 'delete pod app').stdout).toBe('pod "app" deleted\n');
    expect(flow(sim).pods['default/app']?.object.metadata?.deletionTimestamp).toBe(rfc3339AtSec(START_SEC + 50));
    sim.runUntil(49_999);
    expect(authenticate(sim, before).ok).toBe(true);
    sim.runUntil(50_000);
    expect(flow(sim).pods['default/app']).toBeUndefined();
    expect(authError(authenticate(sim, after))).toBe(INVALIDATED);
  });

  it.each([
    { atMs: 50_000, ok: true },
    { atMs: 110_000, ok: true },
    { atMs: 110_001, ok: false },
    { atMs: 200_000, ok: false },
  ])('kubelet stopped (pod stays terminating): at $atMs ms after a delete at 20 s (deletionTimestamp 50 s) → ok $ok', ({ atMs, ok }) => {
    const sim = startSim({ version: '1.30', duration: '1h' });
    sim.runUntil(10_000);
    const token = issue(sim, { boundObjectRef: POD_REF });
    injectFault(sim.context, flow(sim), 'kubelet-stop');
    sim.runUntil(20_000);
    kubectl(sim, 'delete pod app');
    sim.runUntil(atMs);
    expect(flow(sim).pods['default/app']).toBeDefined();
    const result = authenticate(sim, token);
    if (ok) expect(result.ok).toBe(true);
    else expect(authError(result)).toBe(INVALIDATED);
  });
});

describe('node-bound tokens (1.31+, ServiceAccountTokenNodeBindingValidation)', () => {
  const NODE_REF = { kind: 'Node', apiVersion: 'v1', name: 'node-1' };

  it('a valid node-bound token carries node-name and node-uid extras', () => {
    const sim = simAt({ version: '1.31', pod: false }, 10);
    const token = issue(sim, { boundObjectRef: NODE_REF });
    const nodeUid = flow(sim).nodes['node-1']!.metadata!.uid!;
    const result = authenticate(sim, token);
    expect(result.ok && result.user.extra).toEqual({
      'authentication.kubernetes.io/node-name': ['node-1'],
      'authentication.kubernetes.io/node-uid': [nodeUid],
      'authentication.kubernetes.io/credential-id': [`JTI=${(token.claims as { jti: string }).jti}`],
    });
  });

  it('the Node gone → invalidated; the Node replaced → node UID mismatch', () => {
    const sim = simAt({ version: '1.31', pod: false }, 10);
    const token = issue(sim, { boundObjectRef: NODE_REF });
    const node = flow(sim).nodes['node-1']!;
    const oldUid = node.metadata!.uid!;
    delete flow(sim).nodes['node-1'];
    expect(authError(authenticate(sim, token))).toBe(INVALIDATED);
    flow(sim).nodes['node-1'] = { ...node, metadata: { ...node.metadata, uid: 'new-node-uid' } };
    expect(authError(authenticate(sim, token))).toBe(`node UID (new-node-uid) does not match service account node ref claim (${oldUid})`);
  });

  it('after a downgrade to 1.29 (validation gate off) a node-bound token is refused', () => {
    const sim = simAt({ version: '1.31', pod: false, steps: '  - at: 1m\n    upgrade: "1.29"\n' }, 10);
    const token = issue(sim, { boundObjectRef: NODE_REF });
    sim.runUntil(120_000);
    expect(authError(authenticate(sim, token))).toBe('token is bound to a Node object but the ServiceAccountTokenNodeBindingValidation feature gate is disabled');
  });
});
