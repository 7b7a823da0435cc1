/**
 * `kubectl get` as kubectl prints it: the server-side table columns (printers.go), laid out by Go's tabwriter
 * (minimum width 6, padding 3, last column unpadded), AGE as apimachinery's HumanDuration, and -o yaml|json|name
 * with keys sorted. The SECRETS column and the `secrets:` field show the 1.24 change (docs/kubernetes-facts.md §6).
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { humanDuration } from '../../../../shared/engine/kubectl/human-duration.ts';
import { tabwrite, DESCRIBE_TABWRITER, TABLE_TABWRITER } from '../../../../shared/engine/kubectl/go-tabwriter.ts';
import { injectFault } from '../../../../shared/engine/faults.ts';
import { compactJwt } from '../../../../shared/engine/token-jwt.ts';
import type { Simulation } from '../../../../shared/engine/simulation.ts';
import { consoleAt, run, show } from './console-fixture.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

function cluster(sim: Simulation) {
  return sim.cluster('f')!;
}

describe('HumanDuration (apimachinery util/duration), the AGE column', () => {
  it.each([
    [0, '0s'],
    [-1500, '0s'],
    [-2000, '<invalid>'],
    [5 * S, '5s'],
    [5 * S + 999, '5s'],
    [119 * S, '119s'],
    [2 * M, '2m'],
    [3 * M + 12 * S, '3m12s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M + 30 * S, '10m'],
    [47 * M, '47m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [5 * H + 3 * M, '5h3m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H + 30 * M, '8h'],
    [47 * H, '47h'],
    [2 * D, '2d'],
    [2 * D + 3 * H, '2d3h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D + 5 * H, '8d'],
    [729 * D, '729d'],
    [730 * D, '2y'],
    [735 * D, '2y5d'],
    [8 * 365 * D + 40 * D, '8y'],
  ])('%i ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe("Go's text/tabwriter as kubectl configures it", () => {
  it('pads each column to its widest cell + 3 (at least 6 wide) and leaves the last column unpadded', () => {
    expect(tabwrite('NAME\tAGE\na\t5s\nlonger-name\t3h\n', TABLE_TABWRITER)).toBe('NAME          AGE\na             5s\nlonger-name   3h\n');
    expect(tabwrite('A\tB\n', TABLE_TABWRITER)).toBe('A     B\n');
  });

  it('aligns describe blocks separately: a line without a tab ends the block', () => {
    const text = 'Name:\tx\nNamespace:\tdefault\nSection:\n  Long key here:\tv\n\nType:\tOpaque\n';
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe('Name:       x\nNamespace:  default\nSection:\n  Long key here:  v\n\nType:  Opaque\n');
  });

  it('counts width in runes, not UTF-16 units', () => {
    expect(tabwrite('é😀\tx\nab\ty\n', DESCRIBE_TABWRITER)).toBe('é😀  x\nab  y\n');
  });
});

describe('kubectl get pods', () => {
  it.each([
    { atMs: 5 * S, age: '5s' },
    { atMs: 3 * M + 12 * S, age: '3m12s' },
    { atMs: 47 * M, age: '47m' },
    { atMs: 5 * H + 3 * M, age: '5h3m' },
    { atMs: 2 * D + 3 * H, age: '2d3h' },
  ])('at $atMs ms: NAME READY STATUS RESTARTS AGE with AGE $age', ({ atMs, age }) => {
    const sim = consoleAt({ version: '1.30', duration: '3d' }, atMs);
    expect(run(sim, 'get pods')).toEqual({ stdout: `NAME   READY   STATUS    RESTARTS   AGE\napp    1/1     Running   0          ${age}\n`, stderr: '', exitCode: 0 });
  });

  it('before the kubelet has set up its volumes the pod is ContainerCreating, 0/1 ready', () => {
    const sim = consoleAt({ version: '1.30' }, 500);
    expect(run(sim, 'get pod app').stdout).toBe('NAME   READY   STATUS              RESTARTS   AGE\napp    0/1     ContainerCreating   0          0s\n');
  });

  it('a pod deleted gracefully is Terminating until its grace period ends', () => {
    const sim = consoleAt({ version: '1.30' }, 10 * S);
    run(sim, 'delete pod app');
    expect(run(sim, 'get po').stdout).toBe('NAME   READY   STATUS        RESTARTS   AGE\napp    1/1     Terminating   0          10s\n');
  });

  it('-o wide adds IP, NODE, NOMINATED NODE and READINESS GATES', () => {
    const sim = consoleAt({ version: '1.30' }, 5 * S);
    expect(run(sim, 'get pods -o wide').stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES\n' +
        'app    1/1     Running   0          5s    <none>   node-1   <none>           <none>\n',
    );
  });

  it('-o name prints resource/name lines', () => {
    const sim = consoleAt({ version: '1.30' }, 5 * S);
    expect(run(sim, 'get pods -o name')).toEqual({ stdout: 'pod/app\n', stderr: '', exitCode: 0 });
  });

  it('an empty namespace: "No resources found in default namespace." on stderr, exit 0', () => {
    const sim = consoleAt({ version: '1.30', pod: false }, 5 * S);
    expect(run(sim, 'get pods')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(run(sim, 'get pods -n kube-system')).toEqual({ stdout: '', stderr: 'No resources found in kube-system namespace.\n', exitCode: 0 });
  });

  it('-o yaml of an empty listing is an empty v1 List', () => {
    const sim = consoleAt({ version: '1.30', pod: false }, 5 * S);
    expect(run(sim, 'get pods -o yaml').stdout).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
  });

  it('a missing name → Error from server (NotFound), exit 1', () => {
    const sim = consoleAt({ version: '1.30' }, 5 * S);
    expect(run(sim, 'get pod ghost')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "ghost" not found\n', exitCode: 1 });
  });

  it('the API server down → discovery complains five times, then the connection is refused, exit 1', () => {
    const sim = consoleAt({ version: '1.30' }, 5 * S);
    injectFault(sim.context, cluster(sim), 'apiserver-stop');
    const out = run(sim, 'get pods');
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr.split('\n').slice(-2)).toEqual(['The connection to the server 10.96.0.1:443 was refused - did you specify the right host or port?', '']);
    expect(out.stderr.split('\n').filter((line) => line.includes("memcache.go:265] couldn't get current server API group list"))).toHaveLength(5);
  });
});

describe('kubectl get serviceaccounts: SECRETS is len(.secrets)', () => {
  it.each([
    { version: '1.20', secrets: '1' },
    { version: '1.23', secrets: '1' },
    { version: '1.24', secrets: '0' },
    { version: '1.30', secrets: '0' },
    { version: '1.33', secrets: '0' },
  ])('$version: $secrets for each ServiceAccount', ({ version, secrets }) => {
    const sim = consoleAt({ version, pod: false }, 47 * M);
    expect(run(sim, 'get sa')).toEqual({ stdout: `NAME      SECRETS   AGE\ndefault   ${secrets}         47m\nmy-app    ${secrets}         47m\n`, stderr: '', exitCode: 0 });
  });

  it.each([
    { version: '1.20', listed: true },
    { version: '1.23', listed: true },
    { version: '1.24', listed: false },
    { version: '1.30', listed: false },
  ])('$version: `get sa my-app -o yaml` has a secrets: field: $listed', ({ version, listed }) => {
    const sim = consoleAt({ version, pod: false }, 5 * S);
    const sa = cluster(sim).serviceAccounts['default/my-app']!;
    const secretLines = listed ? `secrets:\n- name: ${sa.secrets?.[0]?.name}\n` : '';
    expect(run(sim, 'get sa my-app -o yaml').stdout).toBe(
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  creationTimestamp: "2025-01-06T09:00:00Z"\n  name: my-app\n  namespace: default\n' +
        `  resourceVersion: "${sa.metadata?.resourceVersion}"\n  uid: ${sa.metadata?.uid}\n${secretLines}`,
    );
  });

  it('-o json: keys sorted at every level, four-space indent, as json.MarshalIndent of an unstructured object', () => {
    const sim = consoleAt({ version: '1.20', pod: false }, 5 * S);
    const sa = cluster(sim).serviceAccounts['default/my-app']!;
    expect(run(sim, 'get serviceaccount my-app -o json').stdout).toBe(`{
    "apiVersion": "v1",
    "kind": "ServiceAccount",
    "metadata": {
        "creationTimestamp": "2025-01-06T09:00:00Z",
        "name": "my-app",
        "namespace": "default",
        "resourceVersion": "${sa.metadata?.resourceVersion}",
        "uid": "${sa.metadata?.uid}"
    },
    "secrets": [
        {
            "name": "${sa.secrets?.[0]?.name}"
        }
    ]
}
`);
  });
});

describe('kubectl get secrets', () => {
  it('1.20: NAME TYPE DATA AGE with the two auto-generated token Secrets, DATA 3', () => {
    const sim = consoleAt({ version: '1.20', pod: false }, 5 * H + 3 * M);
    const out = run(sim, 'get secrets');
    expect(out.exitCode).toBe(0);
    const suffix = '[bcdfghjklmnpqrstvwxz2456789]{5}';
    expect(out.stdout).toMatch(
      new RegExp(
        `^NAME {18}TYPE {34}DATA   AGE\\ndefault-token-${suffix}   kubernetes\\.io/service-account-token   3      5h3m\\nmy-app-token-${suffix} {4}kubernetes\\.io/service-account-token   3      5h3m\\n$`,
      ),
    );
  });

  it('1.30: no token Secrets are generated, so the namespace has none', () => {
    const sim = consoleAt({ version: '1.30', pod: false }, 5 * S);
    expect(run(sim, 'get secrets')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });

  it('-o yaml prints data.token on one plain line: base64 of the legacy JWT', async () => {
    const sim = consoleAt({ version: '1.20', pod: false }, 5 * S);
    const name = cluster(sim).serviceAccounts['default/my-app']!.secrets![0]!.name!;
    const out = await show(sim, `get secret ${name} -o yaml`);
    const tokenLine = out.stdout.split('\n').find((line) => line.startsWith('  token: '))!;
    expect(tokenLine).toMatch(/^ {2}token: [A-Za-z0-9+/]+=*$/);
    const jwt = await compactJwt(sim, sim.tokens[cluster(sim).secrets[`default/${name}`]!.tokenIndex!]!);
    expect(Buffer.from(tokenLine.slice('  token: '.length), 'base64').toString()).toBe(jwt);
    expect(parse(out.stdout)).toMatchObject({ apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/service-account-token', metadata: { name } });
  });

  it('-o json keeps the same base64 value as a JSON string', async () => {
    const sim = consoleAt({ version: '1.20', pod: false }, 5 * S);
    const name = cluster(sim).serviceAccounts['default/my-app']!.secrets![0]!.name!;
    const out = await show(sim, `get secret ${name} -o json`);
    const jwt = await compactJwt(sim, sim.tokens[cluster(sim).secrets[`default/${name}`]!.tokenIndex!]!);
    expect(Buffer.from((JSON.parse(out.stdout) as { data: { token: string } }).data.token, 'base64').toString()).toBe(jwt);
  });
});
