import { describe, expect, it } from 'vitest';
import { createLanesMemo, deriveLanes } from '../../../shared/lanes/derive-lanes.ts';
import { CLOCK_SKEW_LEEWAY_MS, refreshWindowOpensMs } from '../../../shared/engine/token-rules.ts';
import { kubectlCaption } from '../../../shared/lanes/kubectl-caption.ts';
import type { FlowLanes, Lane, StolenBar, TokenBar } from '../../../shared/lanes/lane-types.ts';
import { builtinScenario, sideBySideWithKubeletStop, snapshotOf } from '../../support/scenario-snapshot.ts';
import { parseScenario } from '../../../shared/scenario/parse-scenario.ts';
import { Simulation } from '../../../shared/engine/simulation.ts';
import { summarizeScenario, summarizeToken } from '../../../shared/host/engine-session.ts';

const M = 60_000;
const H = 60 * M;

const flow = (lanes: { flows: FlowLanes[] }, id: string) => lanes.flows.find((f) => f.flowId === id)!;
const lane = (f: FlowLanes, kind: Lane['kind']) => f.lanes.find((l) => l.kind === kind)!;
const tokens = (l: Lane) => l.bars.filter((b): b is TokenBar => b.type === 'token');
const stolen = (l: Lane) => l.bars.find((b): b is StolenBar => b.type === 'stolen')!;

describe('deriveLanes on the side-by-side scenario with a kubelet stop (6 h, leak at 30 m, projected kubelet stops at 2 h)', () => {
  const snapshot = snapshotOf(sideBySideWithKubeletStop());
  const lanes = deriveLanes(snapshot);
  const legacy = flow(lanes, 'legacy');
  const projected = flow(lanes, 'projected');

  it('puts the legacy flow above the projected one, titled by kind and version', () => {
    expect(lanes.flows.map((f) => f.flowId)).toEqual(['legacy', 'projected']);
    expect(legacy.title).toBe('Legacy flow · Kubernetes 1.20');
    expect(projected.title).toBe('Projected flow · Kubernetes 1.36');
    expect(legacy.subtitle).toMatch(/^Secret my-app-token-\w+, mounted from a Secret volume; no exp claim$/);
    expect(projected.subtitle).toBe('TokenRequest token, audience https://kubernetes.default.svc, expirationSeconds 3607, rotated by the kubelet');
  });

  it('gives the legacy pod one Secret-based token that never ends', () => {
    const pod = lane(legacy, 'pod');
    expect(pod.label).toBe('pod app');
    const [bar, ...rest] = tokens(pod);
    expect(rest).toEqual([]);
    expect(bar).toMatchObject({ tokenKind: 'legacy', expMs: undefined, endMs: undefined, endReason: undefined, refreshFromMs: undefined });
    expect(bar!.segments).toEqual([{ kind: 'valid', fromMs: 0, toMs: undefined }]);
    expect(legacy.rotations).toBe(0);
  });

  it('gives the projected pod three tokens, each ending at its JWT exp, rotated twice by the kubelet', () => {
    const bars = tokens(lane(projected, 'pod'));
    expect(bars.map((b) => b.number)).toEqual([1, 2, 3]);
    const summaries = snapshot.tokens.filter((t) => t.flow === 'projected');
    for (const bar of bars) {
      const summary = summaries.find((t) => t.index === bar.token)!;
      expect(bar.endMs).toBe(summary.jwtExpiresAtMs);
      expect(bar.endReason).toBe('exp');
      expect(bar.statusExpirationMs).toBe(summary.jwtExpiresAtMs);
    }
    expect(projected.rotations).toBe(2);
    expect(bars[0]!.refreshDue?.rule).toBe('ttl-80-percent');
    expect(bars[1]!.refreshDue).toBeDefined();
    expect(bars[2]!.refreshDue).toBeUndefined(); // the kubelet was down by then
    expect(bars.map((b) => b.row)).toEqual([0, 1, 0]);
    expect(lane(projected, 'pod').rows).toBe(2);
  });

  it('splits a kubelet-managed token into a valid part and a refresh window from 80 % of its TTL', () => {
    const first = tokens(lane(projected, 'pod'))[0]!;
    // 3607 s: the window is the last floor(20 % × 3607) = 721 s (or earlier if the kubelet's jitter fired first).
    expect(first.refreshFromMs).toBe(Math.min(first.statusExpirationMs! - 721_000, first.refreshDue!.atMs));
    expect(first.segments.map((s) => s.kind)).toEqual(['valid', 'refresh']);
    expect(first.segments[1]).toMatchObject({ fromMs: first.refreshFromMs, toMs: first.expMs });
    expect(first.fileWrites).toHaveLength(1);
  });

  it('draws the stolen legacy copy as usable forever, and every replay as accepted', () => {
    const attacker = lane(legacy, 'attacker');
    const copy = stolen(attacker);
    expect(copy).toMatchObject({ leakedAtMs: 30 * M, usableUntilMs: undefined, endReason: undefined, replaysDenied: 0 });
    expect(copy.replaysOk).toBe(attacker.strips[0]!.marks.length);
    expect(attacker.strips[0]!.marks.every((m) => m.kind === 'call-ok')).toBe(true);
    expect(attacker.marks).toMatchObject([{ kind: 'leak', atMs: 30 * M }]);
  });

  it('ends the stolen projected copy at exp + 60 s leeway; replays before are accepted, after rejected', () => {
    const attacker = lane(projected, 'attacker');
    const copy = stolen(attacker);
    expect(copy.usableUntilMs).toBe(copy.expMs! + CLOCK_SKEW_LEEWAY_MS);
    expect(copy.endReason).toBe('leeway');
    for (const mark of attacker.strips[0]!.marks) expect(mark.kind).toBe(mark.atMs <= copy.usableUntilMs! ? 'call-ok' : 'call-denied');
    expect(copy.replaysOk).toBe(4);
    expect(copy.replaysOk + copy.replaysDenied).toBe(attacker.strips[0]!.marks.length);
  });

  it('follows the attacker lane right after the pod it stole from', () => {
    expect(projected.lanes.map((l) => l.kind)).toEqual(['pod', 'attacker', 'kubectl']);
    expect(legacy.lanes.map((l) => l.kind)).toEqual(['pod', 'attacker', 'kubectl', 'secrets']);
  });

  it('shows the client calls and file writes as strips of the pod lane', () => {
    const pod = lane(projected, 'pod');
    expect(pod.strips.map((s) => s.label)).toEqual(['file writes', 'app-client calls']);
    expect(pod.strips[0]!.marks.map((m) => m.kind)).toEqual(['file-write', 'file-write', 'file-write']);
    const calls = pod.strips[1]!.marks;
    expect(calls.length).toBe(72);
    expect(projected.callsOk + projected.callsDenied).toBe(72);
  });

  it('marks the kubelet outage as a flow-wide span still open at the end', () => {
    expect(projected.spans).toMatchObject([{ kind: 'kubelet-down', fromMs: 2 * H, toMs: undefined }]);
    expect(legacy.spans).toEqual([]);
  });

  it('puts every kubectl step in the kubectl lane: the ServiceAccount it created, and the refused 5-minute token with the reason', () => {
    const kubectl = lane(projected, 'kubectl');
    expect(tokens(kubectl)).toEqual([]);
    expect(kubectl.rows).toBe(0);
    expect(kubectl.strips[0]!.marks).toMatchObject([
      { kind: 'kubectl-ok', atMs: 0, label: 'create serviceaccount my-app' },
      { kind: 'kubectl-failed', atMs: 40 * M, label: 'create token my-app --duration 5m → may not specify a duration less than 10 minutes' },
    ]);
  });

  it('keeps Secret tokens no pod mounts in a compact lane of their own', () => {
    const secrets = lane(legacy, 'secrets');
    expect(secrets.compact).toBe(true);
    expect(tokens(secrets).map((b) => b.number)).toEqual([1, 2]);
    expect(legacy.tokenBarCount).toBe(3);
    expect(projected.tokenBarCount).toBe(3);
  });
});

describe('deriveLanes on a partial log (played to 1 h 30 m)', () => {
  const lanes = deriveLanes(snapshotOf(builtinScenario('side-by-side'), 90 * M));
  const projected = flow(lanes, 'projected');

  it('keeps a token that has not expired yet alive, with its known exp ahead of now', () => {
    const [first, second] = tokens(lane(projected, 'pod'));
    expect(first!.expired).toBeDefined();
    expect(second!.expired).toBeUndefined();
    expect(second!.endMs).toBeGreaterThan(lanes.nowMs);
    expect(lanes.nowMs).toBe(90 * M);
  });

  it('has no outage yet and one rotation so far', () => {
    expect(projected.spans).toEqual([]);
    expect(projected.rotations).toBe(1);
  });
});

describe('deriveLanes with the one-year extension, an API server outage and a pod deletion', () => {
  const yaml = `name: rich
seed: 3
duration: 3h
flows:
  - id: legacy
    kubernetesVersion: "1.20"
  - id: projected
    kubernetesVersion: "1.30"
steps:
  - at: 0s
    kubectl: create serviceaccount my-app
  - at: 0s
    apply: |
      apiVersion: v1
      kind: Pod
      metadata:
        name: app
      spec:
        serviceAccountName: my-app
        containers:
          - name: app
            image: nginx:stable
  - at: 20m
    leak: {pod: app, replayEvery: 10m, audience: api}
  - at: 30m
    kubectl: create token my-app --duration 20m
    flows: [projected]
  - at: 50m
    fault: apiserver-stop
  - at: 1h
    fault: apiserver-start
  - at: 2h
    kubectl: delete pod app
  - at: 2h30m
    kubectl: delete serviceaccount my-app
    flows: [legacy]
`;
  const lanes = deriveLanes(snapshotOf(yaml));
  const legacy = flow(lanes, 'legacy');
  const projected = flow(lanes, 'projected');

  it('shows where the kubelet thinks the token expires, and the stale stretch after it', () => {
    const first = tokens(lane(projected, 'pod'))[0]!;
    expect(first.extended).toBe(true);
    expect(first.expMs! - first.statusExpirationMs!).toBeGreaterThan(300 * 24 * H);
    expect(first.segments.map((s) => s.kind)).toEqual(['valid', 'refresh', 'stale']);
    expect(projected.subtitle).toMatch(/JWT exp extended to one year$/);
  });

  it('ends every pod-bound token when its pod is deleted, and the stolen copy with it', () => {
    for (const bar of tokens(lane(projected, 'pod'))) {
      expect(bar.endReason).toBe('invalidated');
      expect(bar.endMs).toBe(bar.invalidated!.atMs);
    }
    const copy = stolen(lane(projected, 'attacker'));
    expect(copy.endReason).toBe('invalidated');
    expect(lane(projected, 'pod').marks).toMatchObject([{ kind: 'pod-deleted' }]);
  });

  it('ends the legacy token when its ServiceAccount goes', () => {
    const bar = tokens(lane(legacy, 'pod'))[0]!;
    expect(bar.endReason).toBe('invalidated');
    expect(stolen(lane(legacy, 'attacker')).usableUntilMs).toBe(bar.endMs);
  });

  it('puts the kubectl token in the kubectl lane, ending at its own exp and never refreshed', () => {
    const [bar] = tokens(lane(projected, 'kubectl'));
    expect(bar).toMatchObject({ requester: 'kubectl', refreshFromMs: undefined, endReason: 'exp' });
    expect(bar!.endMs! - bar!.issuedAtMs).toBe(20 * M);
  });

  it('records both API server outages, and calls nobody answered', () => {
    for (const f of [legacy, projected]) expect(f.spans).toMatchObject([{ kind: 'apiserver-down', fromMs: 50 * M, toMs: H }]);
    const replays = lane(projected, 'attacker').strips[0]!.marks;
    expect(replays.find((m) => m.atMs === 50 * M)?.kind).toBe('call-unanswered');
  });
});

describe('deriveLanes edge cases', () => {
  it('returns no flows before a scenario is loaded', () => {
    expect(deriveLanes({ version: 4, scenario: undefined, events: [], tokens: [], nowMs: 0 })).toMatchObject({ version: 4, flows: [] });
  });

  it('memoises on the snapshot version', () => {
    const snapshot = snapshotOf(builtinScenario('side-by-side'), 10 * M, 7);
    const memo = createLanesMemo();
    const a = memo(snapshot);
    expect(memo({ ...snapshot })).toBe(a);
    expect(memo({ ...snapshot, version: 8 })).not.toBe(a);
  });

  it('finds the refresh window start from the TokenRequest status, not the JWT', () => {
    expect(refreshWindowOpensMs(3_608_000, 3607)).toBe(3_608_000 - 721_000);
    // 24 h cap: a 2-day token is refreshed after 24 h.
    expect(refreshWindowOpensMs(172_800_000, 172_800)).toBe(24 * H);
  });

  it('captions kubectl commands with the reason they failed', () => {
    expect(kubectlCaption('kubectl create token my-app --duration 5m', 1, 'error: unknown flag: --duration\n')).toBe('create token my-app --duration 5m → unknown flag: --duration');
    expect(kubectlCaption('kubectl create token my-app', 0, '')).toBe('create token my-app');
  });

  it('captions a command with a here-document by its command line alone', () => {
    expect(kubectlCaption('kubectl apply -f - <<EOF\napiVersion: v1\nEOF', 0, '')).toBe('apply -f - <<EOF');
  });
});

describe('deriveLanes marks console commands and editor applies on the kubectl lane', () => {
  const yaml = `name: marks\nseed: 5\nduration: 1h\nflows:\n  - id: f\n    kubernetesVersion: "1.30"\nsteps:\n  - at: 0s\n    kubectl: create serviceaccount my-app\n`;
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error('scenario does not parse');
  const sim = new Simulation(parsed.value);
  sim.runUntil(5 * M);
  sim.runUserCommand({ flow: 'f', kind: 'kubectl', text: 'get sa my-app' });
  sim.runUserCommand({ flow: 'f', kind: 'kubectl', text: 'get pod ghost' });
  sim.runUserCommand({ flow: 'f', kind: 'apply', text: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n' });
  sim.runUserCommand({ flow: 'f', kind: 'apply', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n' });
  sim.runUserCommand({ flow: 'f', kind: 'kubectl', text: 'apply -f - <<EOF', manifest: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n' });
  sim.runUntil(10 * M);
  const snapshot = {
    version: 1,
    scenario: summarizeScenario(parsed.value, 'test', yaml),
    events: [...sim.events],
    tokens: sim.tokens.map(summarizeToken),
    nowMs: sim.nowMs,
  };
  const marks = lane(flow(deriveLanes(snapshot), 'f'), 'kubectl').strips[0]!.marks;

  it('drops one mark per command, ok or failed, captioned with the command', () => {
    expect(marks.map((m) => [m.kind, m.atMs, m.label])).toEqual([
      ['kubectl-ok', 0, 'create serviceaccount my-app'],
      ['kubectl-ok', 5 * M, 'get sa my-app'],
      ['kubectl-failed', 5 * M, 'get pod ghost → Error from server (NotFound): pods "ghost" not found'],
      ['kubectl-ok', 5 * M, 'apply -f manifest-editor.yaml'],
      ['kubectl-failed', 5 * M, expect.stringMatching(/^apply -f manifest-editor\.yaml → /)],
      ['kubectl-ok', 5 * M, 'apply -f - <<EOF'],
    ]);
  });

  it('tells each mark with the command’s own log line, for tooltips and screen readers', () => {
    expect(marks[5]!.text).toBe('$ kubectl apply -f - <<EOF → serviceaccount/builder unchanged');
    expect(marks[3]!.text).toMatch(/the manifest editor's Apply\) → serviceaccount\/builder created$/);
  });
});

describe('deriving while the engine plays (the store, batch by batch)', () => {
  it('gives the same lanes batch by batch as from the whole log at once', () => {
    const whole = snapshotOf(builtinScenario('kubelet-outage'));
    const memo = createLanesMemo();
    let version = 1;
    for (let end = 0; end <= whole.events.length; end += 37) {
      const events = whole.events.slice(0, end);
      const nowMs = events.at(-1)?.atMs ?? 0;
      const snapshot = { version: version++, scenario: whole.scenario, events, tokens: whole.tokens.filter((t) => t.issuedAtMs <= nowMs), nowMs };
      expect(memo(snapshot)).toEqual(deriveLanes(snapshot));
    }
  });

  it('starts over when a seek back rewrites the log', () => {
    const whole = snapshotOf(builtinScenario('side-by-side'));
    const memo = createLanesMemo();
    const full = memo(whole);
    const cut = whole.events.findIndex((e) => e.atMs > 60 * M);
    const rewound = { ...whole, version: whole.version + 1, events: whole.events.slice(0, cut), nowMs: 60 * M, tokens: whole.tokens.filter((t) => t.issuedAtMs <= 60 * M) };
    const lanes = memo(rewound);
    expect(lanes).toEqual(deriveLanes(rewound));
    expect(flow(lanes, 'projected').rotations).toBe(1);
    expect(flow(full, 'projected').rotations).toBe(7);
  });
});

describe('an upgraded flow', () => {
  it('says the version it started on and the one it runs now, and only once the upgrade has happened', () => {
    const yaml = builtinScenario('version-upgrade');
    const before = deriveLanes(snapshotOf(yaml, 60_000));
    const after = deriveLanes(snapshotOf(yaml));
    const title = (lanes: typeof before) => lanes.flows[0]!.title;
    expect(title(before)).toMatch(/Kubernetes 1\.20$/);
    expect(title(after)).toMatch(/Kubernetes 1\.20 → 1\.36$/);
  });
});
