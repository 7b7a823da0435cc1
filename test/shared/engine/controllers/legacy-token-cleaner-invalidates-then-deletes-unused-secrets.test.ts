/**
 * The legacy token cleaner over two simulated years (docs/kubernetes-facts.md §5 "Legacy cleaner", §6): a cluster created on
 * 1.20 (which auto-generates `<sa>-token-xxxxx` Secrets) is upgraded to 1.30 an hour in; the API server starts legacy
 * token tracking that day (ConfigMap `since` = 2025-01-06). With the default one-year period the cleaner, running daily,
 * labels an unused auto-generated Secret `kubernetes.io/legacy-token-invalid-since` once now ≥ since + 1 day + 1 y
 * (2026-01-07) and deletes it a period later, the first day its invalid-since date is before now − 1 y (2027-01-08).
 * A Secret used in the last year, or one a pod mounts, is left alone.
 */
import { describe, expect, it } from 'vitest';
import { TRACKING_CONFIGMAP } from '../../../../shared/engine/controllers/legacy-token-cleaner.ts';
import { authenticate, authError, flow, listedSecrets, secretToken, startSim } from '../api-server/token-test-helpers.ts';
import { loadScenario } from '../../../support/run-scenario.ts';
import { Simulation } from '../../../../shared/engine/simulation.ts';

const DAY_MS = 86_400_000;
const INVALID_SINCE = 'kubernetes.io/legacy-token-invalid-since';
const LAST_USED = 'kubernetes.io/legacy-token-last-used';

const SCENARIO = `name: legacy-cleaner
seed: 7
duration: 800d
flows:
  - id: f
    kubernetesVersion: "1.20"
steps:
  - at: 0s
    kubectl: create serviceaccount unused
  - at: 0s
    kubectl: create serviceaccount used
  - at: 0s
    kubectl: create serviceaccount mounted
  - at: 0s
    apply: |
      apiVersion: v1
      kind: Pod
      metadata:
        name: app
      spec:
        serviceAccountName: mounted
        containers:
          - name: app
            image: nginx:stable
  - at: 1h
    upgrade: "1.30"
`;

interface Run {
  sim: Simulation;
  secrets: { unused: string; used: string; mounted: string };
}

/** Runs the two years, using the `used` token once a week from day 1 (a client outside the cluster). */
function runTwoYears(): Run {
  const sim = new Simulation(loadScenario(SCENARIO));
  sim.runUntil(2 * 3_600_000);
  const secrets = { unused: listedSecrets(sim, 'unused')[0]!, used: listedSecrets(sim, 'used')[0]!, mounted: listedSecrets(sim, 'mounted')[0]! };
  const usedToken = secretToken(sim, secrets.used);
  for (let day = 1; day < 800; day += 7) {
    sim.runUntil(day * DAY_MS + 2 * 3_600_000);
    const result = authenticate(sim, usedToken);
    if (!result.ok) throw new Error(`day ${day}: the used token was rejected: ${result.error}`);
  }
  sim.runUntil(800 * DAY_MS);
  return { sim, secrets };
}

let cached: Run | undefined;
function twoYears(): Run {
  cached ??= runTwoYears();
  return cached;
}

function labelEvents(run: Run, secret: string, label: string) {
  return run.sim.events.filter((e) => e.type === 'secret.labelled' && e.label === label && e.refs.secret === secret);
}

describe('legacy token cleaner on 1.30 after an upgrade from 1.20 (two years)', () => {
  it('the upgrade starts tracking: ConfigMap since = the upgrade day, 2025-01-06', () => {
    const sim = startSim({ version: '1.20', pod: false, steps: '  - at: 1h\n    upgrade: "1.30"\n' });
    sim.runUntil(30 * 60_000);
    expect(flow(sim).configMaps[`kube-system/${TRACKING_CONFIGMAP}`]).toBeUndefined();
    sim.runUntil(2 * 3_600_000);
    expect(flow(sim).configMaps[`kube-system/${TRACKING_CONFIGMAP}`]?.data).toEqual({ since: '2025-01-06' });
  });

  it('labels the unused auto-generated Secret invalid-since 2026-01-07 (day 366), not a day earlier', () => {
    const run = twoYears();
    const labelled = labelEvents(run, run.secrets.unused, INVALID_SINCE);
    expect(labelled.map((e) => [e.atMs / DAY_MS, e.type === 'secret.labelled' ? e.value : ''])).toEqual([[366, '2026-01-07']]);
  });

  it('deletes it on 2027-01-08 (day 732), the first day its invalid-since is before now − 1 y', () => {
    const run = twoYears();
    const deleted = run.sim.events.filter((e) => e.type === 'secret.deleted' && e.refs.secret === run.secrets.unused);
    expect(deleted.map((e) => e.atMs / DAY_MS)).toEqual([732]);
    expect(flow(run.sim).secrets[`default/${run.secrets.unused}`]).toBeUndefined();
  });

  it('leaves the Secret used every week: never labelled invalid, last-used kept current', () => {
    const run = twoYears();
    expect(labelEvents(run, run.secrets.used, INVALID_SINCE)).toEqual([]);
    const secret = flow(run.sim).secrets[`default/${run.secrets.used}`];
    expect(secret).toBeDefined();
    expect(secret?.object.metadata?.labels?.[INVALID_SINCE]).toBeUndefined();
    expect(secret?.object.metadata?.labels?.[LAST_USED]).toBe('2027-03-16'); // the last weekly use, day 799
  });

  it('leaves the Secret a pod mounts: never labelled, never deleted', () => {
    const run = twoYears();
    expect(labelEvents(run, run.secrets.mounted, INVALID_SINCE)).toEqual([]);
    expect(flow(run.sim).secrets[`default/${run.secrets.mounted}`]?.object.metadata?.labels?.[INVALID_SINCE]).toBeUndefined();
  });

  it('the unused token is rejected with the invalid-since message once labelled, and as invalidated once deleted', () => {
    const sim = new Simulation(loadScenario(SCENARIO));
    sim.runUntil(2 * 3_600_000);
    const name = listedSecrets(sim, 'unused')[0]!;
    const token = secretToken(sim, name);
    sim.runUntil(365 * DAY_MS + 10 * 3_600_000);
    expect(authenticate(sim, token).ok).toBe(true); // day 365: not yet labelled (this use also records last-used)
    const fresh = new Simulation(loadScenario(SCENARIO));
    fresh.runUntil(366 * DAY_MS + 10 * 3_600_000);
    expect(authError(authenticate(fresh, secretToken(fresh, name)))).toBe(
      `the token in secret default/${name} for service account default/unused has been marked invalid. Use tokens from the TokenRequest API or manually created secret-based tokens, or remove the '${INVALID_SINCE}' label from the secret to temporarily allow use of this token`,
    );
    const later = new Simulation(loadScenario(SCENARIO));
    later.runUntil(2 * 3_600_000);
    const laterToken = secretToken(later, name);
    later.runUntil(733 * DAY_MS);
    expect(authError(authenticate(later, laterToken))).toBe('Token has been invalidated');
  });

  it('a Secret created on a fresh 1.30 cluster is not auto-generated, so the cleaner never touches a manual one', () => {
    const sim = new Simulation(
      loadScenario(`name: fresh
duration: 800d
flows:
  - id: f
    kubernetesVersion: "1.30"
steps:
  - at: 0s
    kubectl: create serviceaccount my-app
  - at: 0s
    apply: |
      apiVersion: v1
      kind: Secret
      metadata:
        name: manual
        annotations:
          kubernetes.io/service-account.name: my-app
      type: kubernetes.io/service-account-token
`),
    );
    sim.runUntil(800 * DAY_MS);
    expect(listedSecrets(sim)).toEqual([]);
    expect(sim.events.filter((e) => e.type === 'secret.labelled' && e.label === INVALID_SINCE)).toEqual([]);
    expect(flow(sim).secrets['default/manual']).toBeDefined();
  });

  it('with a 30-day period: labelled on day 31 (2025-02-06), deleted on day 62 (2025-03-09)', () => {
    const sim = new Simulation(loadScenario(SCENARIO.replace('kubernetesVersion: "1.20"', 'kubernetesVersion: "1.20"\n    apiServer:\n      legacyTokenCleanUpPeriod: 30d').replace('800d', '90d')));
    sim.runUntil(2 * 3_600_000);
    const name = listedSecrets(sim, 'unused')[0]!;
    sim.runUntil(90 * DAY_MS);
    const events = sim.events.filter((e) => e.refs.secret === name && (e.type === 'secret.deleted' || (e.type === 'secret.labelled' && e.label === INVALID_SINCE)));
    expect(events.map((e) => [e.type, e.atMs / DAY_MS])).toEqual([
      ['secret.labelled', 31],
      ['secret.deleted', 62],
    ]);
  });
});
