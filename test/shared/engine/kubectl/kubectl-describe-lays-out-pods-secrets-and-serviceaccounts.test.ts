/**
 * `kubectl describe` as describe.go lays it out (tabwriter, minimum width 0, padding 2, blocks broken by lines
 * without a tab): the pod's Mounts and Volumes show where its token comes from — the projected sources with
 * TokenExpirationSeconds 3607 from 1.21, the Secret volume on 1.20 (docs/kubernetes-facts.md §2.1) — and a
 * service-account-token Secret shows its token in full while every other value is shown as its size.
 */
import { describe, expect, it } from 'vitest';
import { compactJwt } from '../../../../shared/engine/token-jwt.ts';
import { CLUSTER_CA_PEM } from '../../../../shared/engine/controllers/tokens-controller.ts';
import type { Simulation } from '../../../../shared/engine/simulation.ts';
import { consoleAt, run, show } from './console-fixture.ts';

function cluster(sim: Simulation) {
  return sim.cluster('f')!;
}

function volumeName(sim: Simulation): string {
  return cluster(sim).pods['default/app']!.object.spec!.volumes![0]!.name;
}

const MANUAL_SECRET = `apiVersion: v1
kind: Secret
metadata:
  name: build-robot-secret
  annotations:
    kubernetes.io/service-account.name: my-app
type: kubernetes.io/service-account-token
`;

describe('kubectl describe pod', () => {
  it('1.30: the kube-api-access volume projects a 3607 s token, the root CA and the namespace', () => {
    const sim = consoleAt({ version: '1.30' }, 5 * 60_000);
    const volume = volumeName(sim);
    expect(volume).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(run(sim, 'describe pod app')).toEqual({
      stdout: `Name:             app
Namespace:        default
Service Account:  my-app
Node:             node-1
Labels:           <none>
Annotations:      <none>
Status:           Running
IP:               
IPs:              <none>
Containers:
  app:
    Image:          nginx:stable
    Port:           <none>
    Host Port:      <none>
    State:          Running
      Started:      Mon, 06 Jan 2025 09:00:01 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from ${volume} (ro)
Volumes:
  ${volume}:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 <none>
Events:                      <none>
`,
      stderr: '',
      exitCode: 0,
    });
  });

  it('1.20: the token comes from the ServiceAccount’s Secret, mounted as a Secret volume', () => {
    const sim = consoleAt({ version: '1.20' }, 5 * 60_000);
    const secret = volumeName(sim);
    expect(secret).toMatch(/^my-app-token-/);
    const out = run(sim, 'describe pod app').stdout;
    expect(out).toContain(`    Mounts:\n      /var/run/secrets/kubernetes.io/serviceaccount from ${secret} (ro)\n`);
    expect(out).toContain(`Volumes:\n  ${secret}:\n    Type:        Secret (a volume populated by a Secret)\n    SecretName:  ${secret}\n    Optional:    false\nQoS Class:       BestEffort\n`);
    expect(out).not.toContain('TokenExpirationSeconds');
  });

  it('a pod whose volumes are not set up yet waits in ContainerCreating', () => {
    const sim = consoleAt({ version: '1.30' }, 500);
    const out = run(sim, 'describe pod app').stdout;
    expect(out).toContain('Status:           Pending\n');
    expect(out).toContain('    State:          Waiting\n      Reason:       ContainerCreating\n    Ready:          False\n');
  });

  it('a terminating pod: "Terminating (lasts <invalid>)" (time.Since of a future timestamp) and the grace period', () => {
    const sim = consoleAt({ version: '1.30' }, 60_000);
    run(sim, 'delete pod app');
    const out = run(sim, 'describe pod app').stdout;
    expect(out).toContain('Status:                    Terminating (lasts <invalid>)\nTermination Grace Period:  30s\n');
  });

  it('a missing pod → NotFound, exit 1; no pods at all → "No resources found" on stderr, exit 0', () => {
    const sim = consoleAt({ version: '1.30', pod: false }, 5_000);
    expect(run(sim, 'describe pod ghost')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "ghost" not found\n', exitCode: 1 });
    expect(run(sim, 'describe pods')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });
});

describe('kubectl describe secret', () => {
  it('1.20: the auto-generated token Secret prints its JWT in full and the other keys as sizes', async () => {
    const sim = consoleAt({ version: '1.20', pod: false }, 5_000);
    const name = cluster(sim).serviceAccounts['default/my-app']!.secrets![0]!.name!;
    const secret = cluster(sim).secrets[`default/${name}`]!;
    const jwt = await compactJwt(sim, sim.tokens[secret.tokenIndex!]!);
    const out = await show(sim, `describe secret ${name}`);
    expect(out).toEqual({
      stdout: `Name:         ${name}
Namespace:    default
Labels:       <none>
Annotations:  kubernetes.io/service-account.name: my-app
              kubernetes.io/service-account.uid: ${cluster(sim).serviceAccounts['default/my-app']!.metadata!.uid}

Type:  kubernetes.io/service-account-token

Data
====
ca.crt:     ${Buffer.byteLength(CLUSTER_CA_PEM)} bytes
namespace:  7 bytes
token:      ${jwt}
`,
      stderr: '',
      exitCode: 0,
    });
  });

  it('an Opaque Secret shows every value as its decoded size, never the value', () => {
    const sim = consoleAt({ version: '1.30', pod: false }, 5_000);
    const applied = run(sim, 'apply -f secret.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\ndata:\n  password: aHVudGVyMg==\n  token: c2VjcmV0\n');
    expect(applied.exitCode).toBe(0);
    const out = run(sim, 'describe secret creds').stdout;
    expect(out).toContain('\nType:  Opaque\n\nData\n====\npassword:  7 bytes\ntoken:     6 bytes\n');
    expect(out).not.toContain('c2VjcmV0');
  });
});

describe('kubectl describe serviceaccount', () => {
  it('1.20: the auto-generated Secret is both mountable and a token', () => {
    const sim = consoleAt({ version: '1.20', pod: false }, 5_000);
    const name = cluster(sim).serviceAccounts['default/my-app']!.secrets![0]!.name!;
    expect(run(sim, 'describe sa my-app').stdout).toBe(`Name:                my-app
Namespace:           default
Labels:              <none>
Annotations:         <none>
Image pull secrets:  <none>
Mountable secrets:   ${name}
Tokens:              ${name}
Events:              <none>
`);
  });

  it('1.30: nothing is generated; a manually created token Secret is a token but not mountable', () => {
    const sim = consoleAt({ version: '1.30', pod: false }, 5_000);
    expect(run(sim, 'describe serviceaccount my-app').stdout).toContain('Mountable secrets:   <none>\nTokens:              <none>\n');
    expect(run(sim, 'apply -f secret.yaml', MANUAL_SECRET)).toEqual({ stdout: 'secret/build-robot-secret created\n', stderr: '', exitCode: 0 });
    expect(run(sim, 'describe serviceaccount my-app').stdout).toContain('Mountable secrets:   <none>\nTokens:              build-robot-secret\n');
  });

  it('without a name, describes each ServiceAccount of the namespace, separated by a blank line', () => {
    const sim = consoleAt({ version: '1.30', pod: false }, 5_000);
    const out = run(sim, 'describe sa').stdout;
    expect(out.startsWith('Name:                default\n')).toBe(true);
    expect(out).toContain('Events:              <none>\n\n\nName:                my-app\n');
  });
});
