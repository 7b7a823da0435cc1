/**
 * `kubectl exec POD -- cat|ls …` inside the token volume: the AtomicWriter layout (docs/kubernetes-facts.md §2.4: a
 * timestamped directory, `..data` pointing at it, `token -> ..data/token`), the file modes of docs/kubernetes-facts.md §2.3 (0644 by default,
 * 0640 with fsGroup, 0600 owned by the shared runAsUser), tmpfs sizes, and GNU coreutils' messages and exit codes
 * passed through kubectl's `command terminated with exit code N`.
 */
import { describe, expect, it } from 'vitest';
import { compactJwt } from '../../../../shared/engine/token-jwt.ts';
import { injectFault } from '../../../../shared/engine/faults.ts';
import { CLUSTER_CA_PEM } from '../../../../shared/engine/controllers/tokens-controller.ts';
import type { Simulation } from '../../../../shared/engine/simulation.ts';
import type { MountedVolume } from '../../../../shared/engine/engine-state.ts';
import { consoleAt, run, show } from './console-fixture.ts';

const DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

function cluster(sim: Simulation) {
  return sim.cluster('f')!;
}

function tokenVolume(sim: Simulation, pod = 'app'): MountedVolume {
  const state = cluster(sim).pods[`default/${pod}`]!;
  const volume = state.object.spec!.volumes!.find((v) => v.projected ?? v.secret)!;
  return state.volumes[volume.name]!;
}

async function fileJwt(sim: Simulation, pod = 'app'): Promise<string> {
  const content = tokenVolume(sim, pod).files['token']!;
  if (!('token' in content)) throw new Error('the token file holds text');
  return compactJwt(sim, sim.tokens[content.token]!);
}

function mountListing(dataDir: string, swapped: string, created: string): string {
  return `total 4
drwxrwxrwt 3 root root  140 ${swapped} .
drwxr-xr-x 3 root root 4096 ${created} ..
drwxr-xr-x 2 root root  100 ${swapped} ${dataDir}
lrwxrwxrwx 1 root root ${String(dataDir.length).padStart(4)} ${swapped} ..data -> ${dataDir}
lrwxrwxrwx 1 root root   13 ${created} ca.crt -> ..data/ca.crt
lrwxrwxrwx 1 root root   16 ${created} namespace -> ..data/namespace
lrwxrwxrwx 1 root root   12 ${created} token -> ..data/token
`;
}

const POD_WITH = (name: string, securityContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  serviceAccountName: my-app
  securityContext:
${securityContext}
  containers:
    - name: app
      image: nginx:stable
`;

describe('cat the token volume', () => {
  it.each(['1.20', '1.30'])('%s: cat token prints the JWT the kubelet wrote, with no newline', async (version) => {
    const sim = consoleAt({ version }, 5 * 60_000);
    expect(await show(sim, `exec app -- cat ${DIR}/token`)).toEqual({ stdout: await fileJwt(sim), stderr: '', exitCode: 0 });
  });

  it('cat namespace and ca.crt print the namespace and the cluster CA', () => {
    const sim = consoleAt({ version: '1.30' }, 5 * 60_000);
    expect(run(sim, `exec app -- cat ${DIR}/namespace`)).toEqual({ stdout: 'default', stderr: '', exitCode: 0 });
    expect(run(sim, `exec app -- cat ${DIR}/ca.crt`)).toEqual({ stdout: CLUSTER_CA_PEM, stderr: '', exitCode: 0 });
  });

  it('after a rotation cat token prints the new token', async () => {
    const sim = consoleAt({ version: '1.30' }, 5 * 60_000);
    const before = (await show(sim, `exec app -- cat ${DIR}/token`)).stdout;
    sim.seek(60 * 60_000);
    const after = (await show(sim, `exec app -- cat ${DIR}/token`)).stdout;
    expect(after).not.toBe(before);
    expect(after).toBe(await fileJwt(sim));
  });
});

describe('ls -la shows the AtomicWriter layout', () => {
  it.each(['1.20', '1.30'])('%s: ..data points at the timestamped directory; the files are symlinks through ..data', (version) => {
    const sim = consoleAt({ version }, 5 * 60_000);
    const { dataDir } = tokenVolume(sim);
    expect(dataDir).toMatch(/^\.\.2025_01_06_09_00_01\.\d+$/);
    expect(run(sim, `exec app -- ls -la ${DIR}`)).toEqual({ stdout: mountListing(dataDir, 'Jan  6 09:00', 'Jan  6 09:00'), stderr: '', exitCode: 0 });
  });

  it('1.30: a rotation swaps ..data to a new directory; the visible symlinks stay as they were', () => {
    const sim = consoleAt({ version: '1.30' }, 5 * 60_000);
    const first = tokenVolume(sim).dataDir;
    sim.seek(60 * 60_000);
    const second = tokenVolume(sim).dataDir;
    expect(second).not.toBe(first);
    const written = /^\.\.2025_01_06_(\d\d)_(\d\d)_/.exec(second)!;
    expect(run(sim, `exec app -- ls -la ${DIR}`).stdout).toBe(mountListing(second, `Jan  6 ${written[1]}:${written[2]}`, 'Jan  6 09:00'));
  });

  it('1.20: the legacy token never changes, so ..data keeps its first target', () => {
    const sim = consoleAt({ version: '1.20' }, 5 * 60_000);
    const first = tokenVolume(sim).dataDir;
    sim.seek(3 * 60 * 60_000);
    expect(run(sim, `exec app -- ls -la ${DIR}`).stdout).toBe(mountListing(first, 'Jan  6 09:00', 'Jan  6 09:00'));
  });

  it.each([
    { version: '1.30', apiServer: undefined },
    { version: '1.30', apiServer: 'signingAlgorithm: ES256' },
    { version: '1.20', apiServer: undefined },
  ])('$version $apiServer: inside ..data the files are 0644 and the token is as long as its JWT', async ({ version, apiServer }) => {
    const sim = consoleAt({ version, ...(apiServer ? { apiServer } : {}) }, 5 * 60_000);
    const jwt = await fileJwt(sim);
    const size = String(jwt.length);
    const width = size.length;
    expect(run(sim, `exec app -- ls -la ${DIR}/..data/`).stdout).toBe(`total 12
drwxr-xr-x 2 root root ${'100'.padStart(width)} Jan  6 09:00 .
drwxrwxrwt 3 root root ${'140'.padStart(width)} Jan  6 09:00 ..
-rw-r--r-- 1 root root ${String(Buffer.byteLength(CLUSTER_CA_PEM)).padStart(width)} Jan  6 09:00 ca.crt
-rw-r--r-- 1 root root ${'7'.padStart(width)} Jan  6 09:00 namespace
-rw-r--r-- 1 root root ${size} Jan  6 09:00 token
`);
  });

  it('ls without -a hides the dot entries; without -l it prints one name per line (no terminal)', () => {
    const sim = consoleAt({ version: '1.30' }, 5 * 60_000);
    expect(run(sim, `exec app -- ls ${DIR}`).stdout).toBe('ca.crt\nnamespace\ntoken\n');
    expect(run(sim, `exec app -- ls -A ${DIR}`).stdout).toBe(`${tokenVolume(sim).dataDir}\n..data\nca.crt\nnamespace\ntoken\n`);
    expect(run(sim, `exec app -- ls -l ${DIR}`).stdout).toBe(
      'total 0\nlrwxrwxrwx 1 root root 13 Jan  6 09:00 ca.crt -> ..data/ca.crt\nlrwxrwxrwx 1 root root 16 Jan  6 09:00 namespace -> ..data/namespace\nlrwxrwxrwx 1 root root 12 Jan  6 09:00 token -> ..data/token\n',
    );
  });

  it('ls -l on the token symlink shows the link; ls -l through ..data/ shows the file', async () => {
    const sim = consoleAt({ version: '1.30' }, 5 * 60_000);
    expect(run(sim, `exec app -- ls -l ${DIR}/token`).stdout).toBe(`lrwxrwxrwx 1 root root 12 Jan  6 09:00 ${DIR}/token -> ..data/token\n`);
    expect(run(sim, `exec app -- ls -l ${DIR}/..data/token`).stdout).toBe(`-rw-r--r-- 1 root root ${(await fileJwt(sim)).length} Jan  6 09:00 ${DIR}/..data/token\n`);
  });
});

describe('file modes (docs/kubernetes-facts.md §2.3)', () => {
  it('fsGroup: the token goes 0600 → 0640 and everything belongs to the group; directories get setgid', () => {
    const sim = consoleAt({ version: '1.30' }, 60_000);
    expect(run(sim, 'apply -f pod.yaml', POD_WITH('grouped', '    fsGroup: 2000')).exitCode).toBe(0);
    sim.seek(2 * 60_000);
    const listing = run(sim, `exec grouped -- ls -la ${DIR}/..data/`).stdout.split('\n');
    expect(listing[1]).toMatch(/^drwxr-sr-x 2 root 2000 +100 Jan {2}6 09:01 \.$/);
    expect(listing[2]).toMatch(/^drwxrwsrwt 3 root 2000 +140 Jan {2}6 09:01 \.\.$/);
    expect(listing[3]).toMatch(/^-rw-r--r-- 1 root 2000 +\d+ Jan {2}6 09:01 ca\.crt$/);
    expect(listing[5]).toMatch(/^-rw-r----- 1 root 2000 +\d+ Jan {2}6 09:01 token$/);
  });

  it('every container runs as one user: the token is 0600 and owned by that user', () => {
    const sim = consoleAt({ version: '1.30' }, 60_000);
    run(sim, 'apply -f pod.yaml', POD_WITH('user', '    runAsUser: 1000'));
    sim.seek(2 * 60_000);
    const listing = run(sim, `exec user -- ls -la ${DIR}/..data/`).stdout.split('\n');
    expect(listing[3]).toMatch(/^-rw-r--r-- 1 root root +\d+ Jan {2}6 09:01 ca\.crt$/);
    expect(listing[5]).toMatch(/^-rw------- 1 1000 root +\d+ Jan {2}6 09:01 token$/);
  });
});

describe('errors, as coreutils and kubectl print them', () => {
  it.each([
    { line: `exec app -- cat ${DIR}/nope`, stderr: `cat: ${DIR}/nope: No such file or directory\ncommand terminated with exit code 1\n`, exitCode: 1 },
    { line: `exec app -- cat ${DIR}`, stderr: `cat: ${DIR}: Is a directory\ncommand terminated with exit code 1\n`, exitCode: 1 },
    { line: `exec app -- cat ${DIR}/token/x`, stderr: `cat: ${DIR}/token/x: Not a directory\ncommand terminated with exit code 1\n`, exitCode: 1 },
    { line: `exec app -- cat -z ${DIR}/token`, stderr: "cat: invalid option -- 'z'\nTry 'cat --help' for more information.\ncommand terminated with exit code 1\n", exitCode: 1 },
    { line: `exec app -- ls ${DIR}/nope`, stderr: `ls: cannot access '${DIR}/nope': No such file or directory\ncommand terminated with exit code 2\n`, exitCode: 2 },
    { line: `exec app -- ls -q ${DIR}`, stderr: "ls: invalid option -- 'q'\nTry 'ls --help' for more information.\ncommand terminated with exit code 2\n", exitCode: 2 },
    { line: `exec app -- ls --color ${DIR}`, stderr: "ls: unrecognized option '--color'\nTry 'ls --help' for more information.\ncommand terminated with exit code 2\n", exitCode: 2 },
    { line: `exec ghost -- cat ${DIR}/token`, stderr: 'Error from server (NotFound): pods "ghost" not found\n', exitCode: 1 },
    { line: `exec app -c sidecar -- cat ${DIR}/token`, stderr: 'error: container sidecar is not valid for pod app out of: app\n', exitCode: 1 },
  ])('$line → exit $exitCode', ({ line, stderr, exitCode }) => {
    const sim = consoleAt({ version: '1.30' }, 5 * 60_000);
    expect(run(sim, line)).toEqual({ stdout: '', stderr, exitCode });
  });

  it('cat prints what it can and still fails for the missing file', () => {
    const sim = consoleAt({ version: '1.30' }, 5 * 60_000);
    expect(run(sim, `exec app -- cat ${DIR}/namespace ${DIR}/nope`)).toEqual({
      stdout: 'default',
      stderr: `cat: ${DIR}/nope: No such file or directory\ncommand terminated with exit code 1\n`,
      exitCode: 1,
    });
  });

  it('a pod whose containers have not started: unable to upgrade connection', () => {
    const sim = consoleAt({ version: '1.30' }, 500);
    expect(run(sim, `exec app -- cat ${DIR}/token`)).toEqual({ stdout: '', stderr: 'error: unable to upgrade connection: container not found ("app")\n', exitCode: 1 });
  });

  it('a stopped kubelet cannot be reached through the API server', () => {
    const sim = consoleAt({ version: '1.30' }, 5 * 60_000);
    injectFault(sim.context, cluster(sim), 'kubelet-stop');
    expect(run(sim, `exec app -- cat ${DIR}/token`)).toEqual({ stdout: '', stderr: 'Error from server: error dialing backend: dial tcp node-1:10250: connect: connection refused\n', exitCode: 1 });
  });

  it('files outside the modelled volumes and other programs are refused in words, not invented', () => {
    const sim = consoleAt({ version: '1.30' }, 5 * 60_000);
    const outside = run(sim, 'exec app -- cat /etc/passwd');
    expect(outside.exitCode).toBe(1);
    expect(outside.stderr).toMatch(/^error: TokenScope simulates only the volumes the kubelet writes .* "\/etc\/passwd" is outside them\n$/);
    const program = run(sim, 'exec app -- sh -c id');
    expect(program.exitCode).toBe(1);
    expect(program.stderr).toMatch(/^error: TokenScope's simulated containers run only cat and ls .* "sh" is not simulated\n$/);
  });

  it('the old form without -- warns that it is deprecated, then runs', () => {
    const sim = consoleAt({ version: '1.30' }, 5 * 60_000);
    expect(run(sim, `exec app cat ${DIR}/namespace`)).toEqual({
      stdout: 'default',
      stderr: 'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n',
      exitCode: 0,
    });
  });
});
