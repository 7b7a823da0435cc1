/**
 * EngineSession's `kubectl` and `apply` commands: each runs now against one flow and is recorded, the reply carries
 * what the terminal shows (JWTs resolved) or the manifest errors with line and column, and a progress batch with the
 * new events follows. Fuzzed: no console line makes the session throw or leave a request unanswered.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EngineSession, type HostPorts } from '../../../shared/host/engine-session.ts';
import type { EngineMessage } from '../../../shared/rpc/engine-protocol.ts';
import { singleFlow } from '../../support/run-scenario.ts';
import { TimelineStore } from '../../../renderer/state/timeline-store.ts';

type Sent = EngineMessage[];

/** A host with a frozen wall clock and timers that never fire: the test drives the session command by command. */
function fakeHost(): { ports: HostPorts; sent: Sent } {
  const sent: Sent = [];
  return { sent, ports: { wallNowMs: () => 0, setTimer: () => 0, clearTimer: () => undefined, send: (message) => sent.push(message) } };
}

async function loadedSession(options: Parameters<typeof singleFlow>[0] = { version: '1.30' }, atMs = 5 * 60_000) {
  const host = fakeHost();
  // The renderer's store takes every message, those before `sent` starts too.
  const store = new TimelineStore();
  const session = new EngineSession({ ...host.ports, send: (message) => (store.apply(message), host.ports.send(message)) });
  await session.handle({ type: 'load', scenarioText: singleFlow(options), sourceName: 'test.yaml' });
  await session.handle({ type: 'seek', simMs: atMs });
  host.sent.length = 0;
  return { session, sent: host.sent, store };
}

function ofType<T extends EngineMessage['type']>(sent: Sent, type: T): Extract<EngineMessage, { type: T }>[] {
  return sent.filter((m): m is Extract<EngineMessage, { type: T }> => m.type === type);
}

describe('kubectl command', () => {
  it('replies with kubectl-result (the JWT resolved), then flushes progress with the kubectl.ran event', async () => {
    const { session, sent } = await loadedSession();
    await session.handle({ type: 'kubectl', flow: 'f', line: 'create token my-app', requestId: 7 });
    expect(sent.map((m) => m.type)).toEqual(['kubectl-result', 'progress']);
    const [result] = ofType(sent, 'kubectl-result');
    expect(result).toMatchObject({ requestId: 7, flow: 'f', line: 'create token my-app', stderr: '', exitCode: 0 });
    expect(result!.stdout).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+\n$/);
    const [progress] = ofType(sent, 'progress');
    expect(progress!.nowMs).toBe(5 * 60_000);
    expect(progress!.events.map((e) => e.type)).toEqual(['token.issued', 'kubectl.ran']);
    expect(progress!.tokens).toHaveLength(1);
  });

  it('passes a here-document’s stdin through to -f -, and replays it after a seek back', async () => {
    const { session, sent } = await loadedSession();
    const stdin = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n';
    await session.handle({ type: 'kubectl', flow: 'f', line: 'apply -f - <<EOF', stdin, requestId: 12 });
    expect(ofType(sent, 'kubectl-result')[0]).toMatchObject({ requestId: 12, line: 'apply -f - <<EOF', stdout: 'serviceaccount/builder created\n', exitCode: 0 });
    await session.handle({ type: 'seek', simMs: 0 });
    await session.handle({ type: 'seek', simMs: 6 * 60_000 });
    await session.handle({ type: 'kubectl', flow: 'f', line: 'get sa builder -o name', requestId: 13 });
    expect(ofType(sent, 'kubectl-result')[1]).toMatchObject({ stdout: 'serviceaccount/builder\n', exitCode: 0 });
  });

  it('errors come back as kubectl prints them, with the exit code', async () => {
    const { session, sent } = await loadedSession();
    await session.handle({ type: 'kubectl', flow: 'f', line: 'get pod ghost', requestId: 1 });
    expect(ofType(sent, 'kubectl-result')[0]).toEqual({ type: 'kubectl-result', requestId: 1, flow: 'f', line: 'get pod ghost', stdout: '', stderr: 'Error from server (NotFound): pods "ghost" not found\n', exitCode: 1 });
  });

  it('the command is recorded: seeking back before it and forward again replays it at the same instant', async () => {
    const { session, sent, store } = await loadedSession();
    await session.handle({ type: 'kubectl', flow: 'f', line: 'delete pod app', requestId: 2 });
    const ran = ofType(sent, 'progress')[0]!.events.find((e) => e.type === 'kubectl.ran')!;
    await session.handle({ type: 'seek', simMs: 60_000 });
    const back = ofType(sent, 'progress').at(-1)!;
    await session.handle({ type: 'seek', simMs: 20 * 60_000 });
    const forward = ofType(sent, 'progress').at(-1)!;
    // The UI cuts its log at fromEvent, which hides the command's event; the forward batch shows it again from what
    // the UI kept, since the replay logged the same future.
    expect(back.fromEvent).toBeLessThanOrEqual(ran.seq);
    expect(forward.fromEvent + forward.keptEvents).toBeGreaterThan(ran.seq);
    const shown = store.getSnapshot().events;
    const typed = shown.filter((e) => e.type === 'kubectl.ran').filter((e) => e.command === 'delete pod app');
    expect(typed).toEqual([ran]);
    expect(typed.map((e) => [e.atMs, e.stdout])).toEqual([[5 * 60_000, 'pod "app" deleted\n']]);
    expect(shown.some((e) => e.type === 'pod.deleted')).toBe(true);
  });

  it('an unknown flow or no scenario: an error result, nothing recorded, no crash', async () => {
    const { session, sent } = await loadedSession();
    await session.handle({ type: 'kubectl', flow: 'nope', line: 'get pods', requestId: 3 });
    expect(ofType(sent, 'kubectl-result')[0]).toEqual({ type: 'kubectl-result', requestId: 3, flow: 'nope', line: 'get pods', stdout: '', stderr: 'error: this scenario has no flow "nope"; it has "f"\n', exitCode: 1 });
    const host = fakeHost();
    await new EngineSession(host.ports).handle({ type: 'kubectl', flow: 'f', line: 'get pods', requestId: 4 });
    expect(host.sent).toEqual([{ type: 'kubectl-result', requestId: 4, flow: 'f', line: 'get pods', stdout: '', stderr: 'error: no scenario is loaded\n', exitCode: 1 }]);
  });

  it('exec cat of the token file shows the same JWT as the inspector', async () => {
    const { session, sent } = await loadedSession();
    await session.handle({ type: 'kubectl', flow: 'f', line: 'exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token', requestId: 5 });
    const jwt = ofType(sent, 'kubectl-result')[0]!.stdout;
    await session.handle({ type: 'inspect-token', token: 0, requestId: 6 });
    expect(ofType(sent, 'token-details')[0]!.jwt).toBe(jwt);
  });
});

describe('apply command', () => {
  const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccountName: my-app\n  containers:\n    - name: web\n      image: nginx:stable\n';

  it('applies the manifest now and replies ok, then flushes progress', async () => {
    const { session, sent } = await loadedSession();
    await session.handle({ type: 'apply', flow: 'f', manifest: POD, requestId: 9 });
    expect(sent.map((m) => m.type)).toEqual(['apply-result', 'progress']);
    expect(ofType(sent, 'apply-result')[0]).toEqual({ type: 'apply-result', requestId: 9, flow: 'f', ok: true, output: 'pod/web created', errors: [] });
    // The editor's Apply is logged as the kubectl command it stands for, so it lands on the kubectl lane.
    expect(ofType(sent, 'progress')[0]!.events.map((e) => e.type)).toEqual(['pod.created', 'manifest.applied', 'kubectl.ran']);
  });

  it('an API error points at the line and column of the field it names', async () => {
    const { session, sent } = await loadedSession();
    const manifest = POD.replace('  containers:', '  volumes:\n    - name: t\n      projected:\n        sources:\n          - serviceAccountToken:\n              path: token\n              expirationSeconds: 60\n  containers:');
    await session.handle({ type: 'apply', flow: 'f', manifest, requestId: 10 });
    const [result] = ofType(sent, 'apply-result');
    expect(result!.ok).toBe(false);
    expect(result!.errors).toEqual([
      { message: 'Pod "web" is invalid: spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes', line: 13, column: 34 },
    ]);
  });

  it('a manifest that does not parse: every parse error with its place, nothing created', async () => {
    const { session, sent } = await loadedSession();
    await session.handle({ type: 'apply', flow: 'f', manifest: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a, b]\nspec:\n  containers: 3\n', requestId: 11 });
    const [result] = ofType(sent, 'apply-result');
    expect(result!.ok).toBe(false);
    expect(result!.errors.map((e) => [e.line, e.column])).toEqual([
      [4, 9],
      [6, 15],
    ]);
    expect(ofType(sent, 'progress')[0]!.events.map((e) => e.type)).toEqual(['manifest.rejected', 'kubectl.ran']);
  });

  it('an unknown flow → a refusal in words', async () => {
    const { session, sent } = await loadedSession();
    await session.handle({ type: 'apply', flow: 'nope', manifest: POD, requestId: 12 });
    expect(ofType(sent, 'apply-result')[0]).toMatchObject({ requestId: 12, ok: false, errors: [{ message: 'this scenario has no flow "nope"; it has "f"' }] });
  });
});

describe('fuzz: random console lines through the session', () => {
  const WORDS = [
    'kubectl', 'get', 'describe', 'exec', 'apply', 'delete', 'create', 'token', 'sa', 'serviceaccount', 'pods', 'pod', 'po', 'secret', 'secrets',
    'app', 'my-app', 'ghost', 'auth', 'whoami', 'help', '-o', 'yaml', 'json', 'wide', 'name', '-n', 'kube-system', '--', 'cat', 'ls', '-la', '-l',
    '/var/run/secrets/kubernetes.io/serviceaccount', '/var/run/secrets/kubernetes.io/serviceaccount/token', '..', '../..data/', '-f', '-', 'x.yaml',
    '--duration', '10m', '1h', '--audience', 'vault', '--grace-period=0', '--force', '-c', 'app', '"quoted word"', "'", '\\', '|', '&&', '#', '-h',
  ];
  const line = fc.oneof(
    fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((words) => words.join(' ')),
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
  );

  it('thousands of lines never throw and always answer with an integer exit code', async () => {
    const { session, sent } = await loadedSession({ version: '1.30' }, 10 * 60_000);
    let requestId = 0;
    await fc.assert(
      fc.asyncProperty(line, fc.constantFrom('f', 'nope'), async (text, flow) => {
        requestId += 1;
        sent.length = 0;
        await session.handle({ type: 'kubectl', flow, line: text, requestId });
        const [result] = ofType(sent, 'kubectl-result');
        expect(result?.requestId).toBe(requestId);
        expect(Number.isInteger(result?.exitCode)).toBe(true);
        expect(result!.exitCode === 0 || result!.stderr.length > 0).toBe(true);
        expect(result!.stdout).not.toMatch(/\{\{jwt/);
      }),
      { numRuns: 3000 },
    );
  });

  it('on a 1.20 flow and with the API server down, too', async () => {
    const { session, sent } = await loadedSession({ version: '1.20', steps: '  - at: 1m\n    fault: apiserver-stop\n' }, 2 * 60_000);
    let requestId = 0;
    await fc.assert(
      fc.asyncProperty(line, async (text) => {
        requestId += 1;
        sent.length = 0;
        await session.handle({ type: 'kubectl', flow: 'f', line: text, requestId });
        expect(Number.isInteger(ofType(sent, 'kubectl-result')[0]?.exitCode)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
