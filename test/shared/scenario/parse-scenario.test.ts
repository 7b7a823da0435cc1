import { describe, expect, it } from 'vitest';
import { DEFAULT_START_EPOCH_MS, parseIsoInstant, parseScenario } from '../../../shared/scenario/parse-scenario.ts';
import type { InputError, Scenario } from '../../../shared/scenario/scenario-types.ts';
import { expectWithinText } from '../input-position.ts';

const ACCEPTANCE = `name: side-by-side
seed: 7
duration: 6h
flows:
  - id: legacy
    kubernetesVersion: "1.20"
  - id: projected
    kubernetesVersion: "1.30"
    apiServer:
      extendTokenExpiration: false     # kube-apiserver --service-account-extend-token-expiration
      maxTokenExpiration: 0s           # --service-account-max-token-expiration (0s: no cap)
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
  - at: 1m
    client: {pod: app, reads: every-minute, callEvery: 5m}   # also: reads: once | on-401
  - at: 30m
    leak: {pod: app, replayEvery: 10m, audience: api}        # the attacker copies the file now
  - at: 40m
    kubectl: create token my-app --duration 5m               # fails: under 10 minutes
  - at: 2h
    fault: kubelet-stop                                      # also: kubelet-start, apiserver-stop,
    flows: [projected]                                       #   apiserver-start, rotate-signing-key
`;

const DEFAULT_FLAGS = {
  issuers: ['https://kubernetes.default.svc'],
  apiAudiences: [],
  extendTokenExpiration: true,
  maxTokenExpirationSec: 0,
  serviceAccountLookup: true,
  legacyTokenCleanUpPeriodSec: 365 * 24 * 3600,
  signingAlgorithm: 'RS256',
};

function scenario(text: string): Scenario {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

function errorsOf(text: string): InputError[] {
  const result = parseScenario(text);
  if (result.ok) throw new Error('expected the scenario to be rejected');
  for (const error of result.errors) expectWithinText(text, error);
  return result.errors;
}

describe('the acceptance scenario', () => {
  it('parses to exactly the expected structure', () => {
    expect(parseScenario(ACCEPTANCE)).toEqual({
      ok: true,
      value: {
        name: 'side-by-side',
        title: 'side-by-side',
        description: '',
        takeaway: '',
        seed: 7,
        durationMs: 6 * 3_600_000,
        startEpochMs: Date.UTC(2025, 0, 6, 9, 0, 0),
        flows: [
          { id: 'legacy', label: 'legacy', kubernetesVersion: '1.20', apiServer: DEFAULT_FLAGS, line: 5 },
          {
            id: 'projected',
            label: 'projected',
            kubernetesVersion: '1.30',
            apiServer: { ...DEFAULT_FLAGS, extendTokenExpiration: false, maxTokenExpirationSec: 0 },
            line: 7,
          },
        ],
        steps: [
          { kind: 'kubectl', atMs: 0, line: 13, command: 'create serviceaccount my-app' },
          {
            kind: 'apply',
            atMs: 0,
            line: 15,
            manifest:
              'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  serviceAccountName: my-app\n  containers:\n    - name: app\n      image: nginx:stable\n',
            manifestLine: 17,
            manifestColumn: 7,
          },
          {
            kind: 'client',
            atMs: 60_000,
            line: 26,
            name: 'app-client',
            pod: 'app',
            namespace: 'default',
            reads: 'every-minute',
            callEveryMs: 300_000,
            file: 'token',
            target: 'api',
          },
          {
            kind: 'leak',
            atMs: 1_800_000,
            line: 28,
            name: 'attacker',
            pod: 'app',
            namespace: 'default',
            file: 'token',
            replayEveryMs: 600_000,
            audience: 'api',
          },
          { kind: 'kubectl', atMs: 2_400_000, line: 30, command: 'create token my-app --duration 5m' },
          { kind: 'fault', atMs: 7_200_000, line: 32, flows: ['projected'], fault: 'kubelet-stop' },
        ],
        annotations: [],
        scenes: [],
      },
    });
  });

  it('records where the embedded manifest starts so its lines map back to the file', () => {
    const apply = scenario(ACCEPTANCE).steps[1];
    if (apply?.kind !== 'apply') throw new Error('expected an apply step');
    const lines = ACCEPTANCE.split('\n');
    expect(lines[apply.manifestLine - 1]?.slice((apply.manifestColumn ?? 1) - 1)).toBe('apiVersion: v1');
  });
});

describe('parseScenario fills in defaults and reads every field', () => {
  const FULL = `name: full
title: "  Full  "
description: >
  A long
  paragraph.
takeaway: Rotate.
start: 2024-02-29T23:30:00+01:00
duration: 2d
flows:
  - id: a
    label: Flow A
    kubernetesVersion: 1.20
    apiServer:
      issuer: [https://one.example, https://two.example]
      apiAudiences: [api, vault]
      extendTokenExpiration: true
      maxTokenExpiration: 24h
      serviceAccountLookup: false
      legacyTokenCleanUpPeriod: 2y
      signingAlgorithm: ES256
  - id: b.2
    kubernetesVersion: 1.30
    apiServer:
      issuer: https://solo.example
steps:
  - at: 1d
    upgrade: 1.24
    flows: [a]
  - at: 0s
    client: {pod: app, namespace: team, reads: on-401, callEvery: 90s, file: ca.crt, target: vault, name: reader}
  - at: 0s
    leak: {pod: app, namespace: team, replayEvery: 1h, audience: vault, file: namespace, name: mallory}
  - at: 1d
    fault: rotate-signing-key
`;

  it('reads every field, unquoted versions included', () => {
    const value = scenario(FULL);
    expect(value.title).toBe('Full');
    expect(value.description).toBe('A long paragraph.');
    expect(value.takeaway).toBe('Rotate.');
    expect(value.seed).toBe(0);
    expect(value.startEpochMs).toBe(Date.UTC(2024, 1, 29, 22, 30, 0));
    expect(value.durationMs).toBe(2 * 86_400_000);
    expect(value.flows[0]).toEqual({
      id: 'a',
      label: 'Flow A',
      kubernetesVersion: '1.20',
      apiServer: {
        issuers: ['https://one.example', 'https://two.example'],
        apiAudiences: ['api', 'vault'],
        extendTokenExpiration: true,
        maxTokenExpirationSec: 86_400,
        serviceAccountLookup: false,
        legacyTokenCleanUpPeriodSec: 2 * 365 * 86_400,
        signingAlgorithm: 'ES256',
      },
      line: 10,
    });
    expect(value.flows[1]).toMatchObject({ id: 'b.2', label: 'b.2', kubernetesVersion: '1.30', apiServer: { ...DEFAULT_FLAGS, issuers: ['https://solo.example'] } });
  });

  it('sorts steps by time and keeps file order for equal times', () => {
    const steps = scenario(FULL).steps;
    expect(steps.map((step) => [step.kind, step.atMs, step.line])).toEqual([
      ['client', 0, 29],
      ['leak', 0, 31],
      ['upgrade', 86_400_000, 26],
      ['fault', 86_400_000, 33],
    ]);
    expect(steps[0]).toEqual({ kind: 'client', atMs: 0, line: 29, name: 'reader', pod: 'app', namespace: 'team', reads: 'on-401', callEveryMs: 90_000, file: 'ca.crt', target: 'vault' });
    expect(steps[1]).toEqual({ kind: 'leak', atMs: 0, line: 31, name: 'mallory', pod: 'app', namespace: 'team', file: 'namespace', replayEveryMs: 3_600_000, audience: 'vault' });
    expect(steps[2]).toEqual({ kind: 'upgrade', atMs: 86_400_000, line: 26, flows: ['a'], kubernetesVersion: '1.24' });
  });

  it('accepts a scenario without steps, and `at: 0` written as a number', () => {
    expect(scenario('name: n\nduration: 1h\nflows: [{id: a, kubernetesVersion: "1.33"}]\n').steps).toEqual([]);
    expect(scenario('name: n\nduration: 1h\nflows: [{id: a, kubernetesVersion: "1.33"}]\nsteps:\n  - {at: 0, fault: kubelet-stop}\n').steps[0]?.atMs).toBe(0);
  });

  it('defaults the start to Monday 2025-01-06 09:00 UTC', () => {
    expect(DEFAULT_START_EPOCH_MS).toBe(1736154000000);
    expect(scenario(ACCEPTANCE).startEpochMs).toBe(1736154000000);
  });

  it.each<[string, number | undefined]>([
    ['2025-01-06T09:00:00Z', Date.UTC(2025, 0, 6, 9)],
    ['2025-01-06T09:00:00.250Z', Date.UTC(2025, 0, 6, 9, 0, 0, 250)],
    ['2025-01-06T10:00:00+01:00', Date.UTC(2025, 0, 6, 9)],
    ['2025-01-06T04:00:00-0500', Date.UTC(2025, 0, 6, 9)],
    ['2025-01-06', Date.UTC(2025, 0, 6)],
    ['2025-01-06T09:00', Date.UTC(2025, 0, 6, 9)],
    ['2025-02-30T00:00:00Z', undefined],
    ['2023-02-29', undefined],
    ['2025-01-06T24:00:00Z', undefined],
    ['1969-12-31', undefined],
    ['next monday', undefined],
  ])('parseIsoInstant(%j)', (text, expected) => {
    expect(parseIsoInstant(text)).toBe(expected);
  });
});

const HEAD = 'name: t\nduration: 1h\nflows:\n  - id: a\n    kubernetesVersion: "1.30"\n';

describe('parseScenario errors name the path, what is allowed, and the line and column', () => {
  const cases: Array<[string, string, InputError]> = [
    ['the brief example: an unknown reads value', `${HEAD}steps:\n  - at: 1m\n    client: {pod: app, reads: sometimes, callEvery: 5m}\n`, {
      message: 'steps[0].client.reads: "sometimes" is not one of every-minute, once, on-401 (line 8, column 31)', path: 'steps[0].client.reads', line: 8, column: 31,
    }],
    ['an empty file', '', { message: 'the scenario is empty; it needs at least name, duration, flows and steps (line 1, column 1)', line: 1, column: 1 }],
    ['a list at the top', '- a\n', { message: 'a scenario must be a mapping (name:, duration:, flows:, steps:), got a list (line 1, column 1)', line: 1, column: 1 }],
    ['an unknown top-level key', `${HEAD}titel: x\n`, {
      message: 'unknown key "titel" (did you mean title?); allowed keys are name, title, description, takeaway, seed, duration, start, flows, steps, annotations, scenes (line 6, column 1)', line: 6, column: 1,
    }],
    ['a missing name', 'duration: 1h\nflows: [{id: a, kubernetesVersion: "1.30"}]\n', { message: 'name: is required (line 1, column 1)', path: 'name', line: 1, column: 1 }],
    ['a negative seed', `${HEAD}seed: -1\n`, { message: 'seed: must be a non-negative integer, got the number -1 (line 6, column 7)', path: 'seed', line: 6, column: 7 }],
    ['a fractional seed', `${HEAD}seed: 1.5\n`, { message: 'seed: must be a non-negative integer, got the number 1.5 (line 6, column 7)', path: 'seed', line: 6, column: 7 }],
    ['a quoted seed', `${HEAD}seed: "7"\n`, { message: 'seed: must be a non-negative integer, got the string "7"; remove the quotes (line 6, column 7)', path: 'seed', line: 6, column: 7 }],
    ['a missing duration', 'name: t\nflows: [{id: a, kubernetesVersion: "1.30"}]\n', { message: 'duration: is required (a duration such as 90s, 1h30m or 2d) (line 1, column 1)', path: 'duration', line: 1, column: 1 }],
    ['a duration without a unit', 'name: t\nduration: 6\nflows: [{id: a, kubernetesVersion: "1.30"}]\n', {
      message: 'duration: "6" has no unit; use a number and a unit (ns, us, ms, s, m, h, d or y), e.g. 90s, 1h30m, 2d (line 2, column 11)', path: 'duration', line: 2, column: 11,
    }],
    ['a zero duration', 'name: t\nduration: 0s\nflows: [{id: a, kubernetesVersion: "1.30"}]\n', { message: 'duration: must be longer than 0s (line 2, column 11)', path: 'duration', line: 2, column: 11 }],
    ['a bad start', `${HEAD}start: yesterday\n`, { message: 'start: "yesterday" is not an ISO 8601 instant such as 2025-01-06T09:00:00Z (line 6, column 8)', path: 'start', line: 6, column: 8 }],
    ['no flows', 'name: t\nduration: 1h\n', { message: 'flows: is required: a list of flows, each with an id and a kubernetesVersion (line 1, column 1)', path: 'flows', line: 1, column: 1 }],
    ['an empty flows list', 'name: t\nduration: 1h\nflows: []\n', { message: 'flows: needs at least one flow (line 3, column 8)', path: 'flows', line: 3, column: 8 }],
    ['flows that are not a list', 'name: t\nduration: 1h\nflows: legacy\n', { message: 'flows: must be a list of flows, got the string "legacy" (line 3, column 8)', path: 'flows', line: 3, column: 8 }],
    ['a duplicate flow id', `${HEAD}  - id: a\n    kubernetesVersion: "1.20"\n`, {
      message: 'flows[1].id: "a" is already the id of flows[0]; flow ids must be unique (line 6, column 9)', path: 'flows[1].id', line: 6, column: 9,
    }],
    ['a flow id with spaces', 'name: t\nduration: 1h\nflows:\n  - id: my flow\n    kubernetesVersion: "1.30"\n', {
      message: `flows[0].id: "my flow" must start with a letter or digit and hold only letters, digits, '-', '_' and '.' (line 4, column 9)`, path: 'flows[0].id', line: 4, column: 9,
    }],
    ['a missing kubernetesVersion', 'name: t\nduration: 1h\nflows:\n  - id: a\n', {
      message: 'flows[0].kubernetesVersion: is required; use one of 1.20, 1.21, 1.22, 1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36, 1.37 (line 4, column 5)', path: 'flows[0].kubernetesVersion', line: 4, column: 5,
    }],
    ['an unsimulated kubernetesVersion', 'name: t\nduration: 1h\nflows:\n  - id: a\n    kubernetesVersion: 1.19\n', {
      message: 'flows[0].kubernetesVersion: "1.19" is not a simulated Kubernetes version; use one of 1.20, 1.21, 1.22, 1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36, 1.37 (line 5, column 24)', path: 'flows[0].kubernetesVersion', line: 5, column: 24,
    }],
    ['a v-prefixed kubernetesVersion', 'name: t\nduration: 1h\nflows:\n  - id: a\n    kubernetesVersion: v1.30\n', {
      message: 'flows[0].kubernetesVersion: "v1.30" is not a simulated Kubernetes version (write 1.30 without the v); use one of 1.20, 1.21, 1.22, 1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36, 1.37 (line 5, column 24)', path: 'flows[0].kubernetesVersion', line: 5, column: 24,
    }],
    ['an unknown apiServer key', `${HEAD}    apiServer:\n      extendExpiration: false\n`, {
      message: 'flows[0].apiServer: unknown key "extendExpiration"; allowed keys are issuer, apiAudiences, extendTokenExpiration, maxTokenExpiration, serviceAccountLookup, legacyTokenCleanUpPeriod, signingAlgorithm, externalSigner (line 7, column 7)', path: 'flows[0].apiServer', line: 7, column: 7,
    }],
    ['a non-boolean extendTokenExpiration', `${HEAD}    apiServer:\n      extendTokenExpiration: "no"\n`, {
      message: 'flows[0].apiServer.extendTokenExpiration: must be true or false, got the string "no" (line 7, column 30)', path: 'flows[0].apiServer.extendTokenExpiration', line: 7, column: 30,
    }],
    ['a maxTokenExpiration finer than seconds', `${HEAD}    apiServer:\n      maxTokenExpiration: 1500ms\n`, {
      message: 'flows[0].apiServer.maxTokenExpiration: must be whole seconds, as kube-apiserver flags are (line 7, column 27)', path: 'flows[0].apiServer.maxTokenExpiration', line: 7, column: 27,
    }],
    ['a zero legacyTokenCleanUpPeriod', `${HEAD}    apiServer:\n      legacyTokenCleanUpPeriod: 0s\n`, {
      message: 'flows[0].apiServer.legacyTokenCleanUpPeriod: must be longer than 0s (line 7, column 33)', path: 'flows[0].apiServer.legacyTokenCleanUpPeriod', line: 7, column: 33,
    }],
    ['an unknown signingAlgorithm', `${HEAD}    apiServer: {signingAlgorithm: HS256}\n`, {
      message: 'flows[0].apiServer.signingAlgorithm: "HS256" is not one of RS256, ES256 (line 6, column 35)', path: 'flows[0].apiServer.signingAlgorithm', line: 6, column: 35,
    }],
    ['an empty issuer list', `${HEAD}    apiServer: {issuer: []}\n`, { message: 'flows[0].apiServer.issuer: needs at least one value (line 6, column 25)', path: 'flows[0].apiServer.issuer', line: 6, column: 25 }],
    ['steps that are not a list', `${HEAD}steps: {at: 0s}\n`, { message: 'steps: must be a list of steps (- at: 0s ...), got a mapping (line 6, column 8)', path: 'steps', line: 6, column: 8 }],
    ['a step that is not a mapping', `${HEAD}steps:\n  - kubectl get pods\n`, {
      message: 'steps[0]: must be a mapping such as {at: 1m, kubectl: get pods}, got the string "kubectl get pods" (line 7, column 5)', path: 'steps[0]', line: 7, column: 5,
    }],
    ['a step without at', `${HEAD}steps:\n  - kubectl: get pods\n`, {
      message: 'steps[0].at: is required (a duration such as 90s, 1h30m or 2d) (line 7, column 5)', path: 'steps[0].at', line: 7, column: 5,
    }],
    ['a step after the duration', `${HEAD}steps:\n  - at: 2h\n    kubectl: get pods\n`, {
      message: 'steps[0].at: is after the end of the scenario (duration 1h); steps must happen within it (line 7, column 9)', path: 'steps[0].at', line: 7, column: 9,
    }],
    ['a step without an action', `${HEAD}steps:\n  - at: 1m\n`, {
      message: 'steps[0]: needs one action: kubectl, apply, client, leak, fault, upgrade (line 7, column 5)', path: 'steps[0]', line: 7, column: 5,
    }],
    ['a step with two actions', `${HEAD}steps:\n  - at: 1m\n    kubectl: get pods\n    fault: kubelet-stop\n`, {
      message: 'steps[0]: has both kubectl and fault; a step does exactly one of kubectl, apply, client, leak, fault, upgrade (split it into two steps at the same time) (line 9, column 5)', path: 'steps[0]', line: 9, column: 5,
    }],
    ['an unknown step key', `${HEAD}steps:\n  - at: 1m\n    kubect: get pods\n`, {
      message: 'steps[0]: unknown key "kubect" (did you mean kubectl?); allowed keys are at, kubectl, apply, client, leak, fault, upgrade, flows (line 8, column 5)', path: 'steps[0]', line: 8, column: 5,
    }],
    ['an empty kubectl command', `${HEAD}steps:\n  - at: 1m\n    kubectl:\n`, {
      message: 'steps[0].kubectl: needs a value: a kubectl command line such as "get pods" (line 8, column 5)', path: 'steps[0].kubectl', line: 8, column: 5,
    }],
    ['a kubectl command with an unterminated quote', `${HEAD}steps:\n  - at: 1m\n    kubectl: create token 'my-app\n`, {
      message: "steps[0].kubectl: the command line does not parse: the ' quote is never closed (line 8, column 27)", path: 'steps[0].kubectl', line: 8, column: 27,
    }],
    ['a client without pod', `${HEAD}steps:\n  - at: 1m\n    client: {reads: once, callEvery: 1m}\n`, {
      message: 'steps[0].client.pod: is required (line 8, column 13)', path: 'steps[0].client.pod', line: 8, column: 13,
    }],
    ['a client without reads', `${HEAD}steps:\n  - at: 1m\n    client: {pod: app, callEvery: 1m}\n`, {
      message: 'steps[0].client.reads: needs a value: one of every-minute, once, on-401 (line 8, column 13)', path: 'steps[0].client.reads', line: 8, column: 13,
    }],
    ['a client calling every 0s', `${HEAD}steps:\n  - at: 1m\n    client: {pod: app, reads: once, callEvery: 0s}\n`, {
      message: 'steps[0].client.callEvery: must be longer than 0s (line 8, column 48)', path: 'steps[0].client.callEvery', line: 8, column: 48,
    }],
    ['a client that is a string', `${HEAD}steps:\n  - at: 1m\n    client: app\n`, {
      message: 'steps[0].client: must be a mapping such as {pod: app, reads: every-minute, callEvery: 5m}, got the string "app" (line 8, column 13)', path: 'steps[0].client', line: 8, column: 13,
    }],
    ['a leak without replayEvery', `${HEAD}steps:\n  - at: 1m\n    leak: {pod: app}\n`, {
      message: 'steps[0].leak.replayEvery: is required (a duration such as 90s, 1h30m or 2d) (line 8, column 11)', path: 'steps[0].leak.replayEvery', line: 8, column: 11,
    }],
    ['an unknown leak key', `${HEAD}steps:\n  - at: 1m\n    leak: {pod: app, replayEvery: 1m, audiences: [a]}\n`, {
      message: 'steps[0].leak: unknown key "audiences" (did you mean audience?); allowed keys are pod, namespace, replayEvery, audience, file, name (line 8, column 39)', path: 'steps[0].leak', line: 8, column: 39,
    }],
    ['an unknown fault', `${HEAD}steps:\n  - at: 1m\n    fault: node-crash\n`, {
      message: 'steps[0].fault: "node-crash" is not one of kubelet-stop, kubelet-start, apiserver-stop, apiserver-start, rotate-signing-key, retire-old-signing-keys (line 8, column 12)', path: 'steps[0].fault', line: 8, column: 12,
    }],
    ['an upgrade to an unsimulated version', `${HEAD}steps:\n  - at: 1m\n    upgrade: 1.38\n`, {
      message: 'steps[0].upgrade: "1.38" is not a simulated Kubernetes version; use one of 1.20, 1.21, 1.22, 1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36, 1.37 (line 8, column 14)', path: 'steps[0].upgrade', line: 8, column: 14,
    }],
    ['a step naming an unknown flow', `${HEAD}steps:\n  - at: 1m\n    fault: kubelet-stop\n    flows: [a, b]\n`, {
      message: 'steps[0].flows[1]: "b" is not a flow; flows are a (line 9, column 16)', path: 'steps[0].flows[1]', line: 9, column: 16,
    }],
    ['step flows given as a string', `${HEAD}steps:\n  - at: 1m\n    fault: kubelet-stop\n    flows: a\n`, {
      message: 'steps[0].flows: must be a list of flow ids such as [a], got the string "a" (line 9, column 12)', path: 'steps[0].flows', line: 9, column: 12,
    }],
    ['an empty step flows list', `${HEAD}steps:\n  - at: 1m\n    fault: kubelet-stop\n    flows: []\n`, {
      message: 'steps[0].flows: must name at least one flow (leave flows out to run the step in every flow) (line 9, column 12)', path: 'steps[0].flows', line: 9, column: 12,
    }],
    ['an embedded manifest with an error, reported at file lines', `${HEAD}steps:\n  - at: 1m\n    apply: |\n      apiVersion: v1\n      kind: Pod\n      metadata:\n        name: app\n      spec:\n        containers: nginx\n`, {
      message: 'steps[0].apply.spec.containers: must be a list, got the string "nginx" (line 14, column 21)', path: 'steps[0].apply.spec.containers', line: 14, column: 21,
    }],
    ['a YAML syntax error', 'name: t\nduration: [1h\n', {
      message: 'YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ] (line 3, column 1)', line: 3, column: 1,
    }],
    ['a duplicate key', `${HEAD}name: u\n`, { message: 'the key "name" appears twice in the same mapping (first on line 1); keys must be unique (line 6, column 1)', line: 6, column: 1 }],
    ['two YAML documents', `${HEAD}---\nname: u\n`, { message: 'holds more than one YAML document; keep one (remove the extra ---) (line 6, column 1)', line: 6, column: 1 }],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    const errors = errorsOf(text);
    expect(errors).toContainEqual(expected);
  });

  it('collects every error, not just the first, in file order', () => {
    const text = `name: t
seed: -3
duration: 1h
flows:
  - id: a
    kubernetesVersion: "1.18"
steps:
  - at: 1m
    client: {pod: app, reads: sometimes, callEvery: 5m}
  - at: 2m
    fault: meteor
`;
    expect(errorsOf(text).map((error) => error.path)).toEqual(['seed', 'flows[0].kubernetesVersion', 'steps[0].client.reads', 'steps[1].fault']);
  });
});

describe('errors inside an embedded manifest', () => {
  it('never point past the end of a blank line that is shorter than the block\'s indentation', () => {
    const text = `name: t
duration: 1h
flows: [{id: a, kubernetesVersion: "1.30"}]
steps:
  - at: 0s
    apply: |
      apiVersion: v1
      kind: Pod
      spec:
        containers:
          - name: app
 
           image: nginx
`;
    const parsed = parseScenario(text);
    expect(parsed.ok).toBe(false);
    const error = !parsed.ok ? parsed.errors.find((e) => e.line === 12) : undefined;
    expect(error?.column).toBe(2);
    expect(error?.message).toContain('(line 12, column 2)');
  });
});
