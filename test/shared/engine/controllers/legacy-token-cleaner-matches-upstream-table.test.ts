/**
 * One run of the legacy token cleaner against upstream TestLegacyServiceAccountTokenCleanUp
 * (pkg/controller/serviceaccount/legacy_serviceaccount_token_cleaner_test.go). Upstream computes "now" from the wall
 * clock and the clean-up period as now − <date>; here "now" is the scenario start, 2024-06-15T12:00:00Z, and each
 * row's period is now − <date> the same way. Expected actions: none, patch invalid-since = today, or delete.
 * docs/kubernetes-facts.md §5: trackedSince = ConfigMap `since` + 1 day; do nothing until now ≥ trackedSince + period; then each
 * auto-generated token Secret created before now−period, not deleting, last-used < (now−period) or absent, whose
 * ServiceAccount exists (UID match) and lists it, and that no pod references, is labelled, then deleted.
 */
import { describe, expect, it } from 'vitest';
import type { Secret } from 'kubernetes-types/core/v1';
import { Simulation } from '../../../../shared/engine/simulation.ts';
import { runLegacyTokenCleaner, TRACKING_CONFIGMAP } from '../../../../shared/engine/controllers/legacy-token-cleaner.ts';
import { loadScenario } from '../../../support/run-scenario.ts';
import { flow } from '../api-server/token-test-helpers.ts';

const NOW_MS = Date.UTC(2024, 5, 15, 12, 0, 0);
const TODAY = '2024-06-15';
const LAST_USED = 'kubernetes.io/legacy-token-last-used';
const INVALID_SINCE = 'kubernetes.io/legacy-token-invalid-since';

interface Row {
  name: string;
  /** configuredServiceAccountTokenSecret(lastUsed, invalidSince, creation, saName, saUID, deletion) */
  secret: [string, string, string, string, string, string] | 'opaque';
  sa: 'refs' | 'empty' | 'none';
  pod: boolean;
  /** configuredConfigMap(label): undefined = no ConfigMap; '' = ConfigMap without `since`. */
  configMap?: string;
  /** configuredLegacyTokenCleanUpPeriod(start) */
  periodFrom: string;
  expected: 'none' | 'label' | 'delete';
}

const std = (lastUsed = '2022-12-27', invalidSince = '', creation = '2022-12-27', saName = 'default', saUid = '12345', deletion = ''): Row['secret'] => [
  lastUsed,
  invalidSince,
  creation,
  saName,
  saUid,
  deletion,
];

const rows: Row[] = [
  { name: 'configmap does not exist', secret: std(), sa: 'refs', pod: false, periodFrom: '2022-12-28', expected: 'none' },
  { name: 'configmap exists, but the configmap does not have tracked-since label', secret: std(), sa: 'refs', pod: false, configMap: '', periodFrom: '2022-12-28', expected: 'none' },
  { name: "configmap exists, the time period since 'tracked-since' is smaller than the CleanUpPeriod", secret: std(), sa: 'refs', pod: false, configMap: '2022-12-29', periodFrom: '2022-12-29', expected: 'none' },
  { name: "configmap exists, the 'tracked-since' cannot be parsed", secret: std(), sa: 'refs', pod: false, configMap: '2022-12-27-1', periodFrom: '2022-12-29', expected: 'none' },
  { name: 'secret is not SecretTypeServiceAccountToken type', secret: 'opaque', sa: 'refs', pod: false, configMap: '2022-12-28', periodFrom: '2022-12-29', expected: 'none' },
  { name: 'secret is not referenced by serviceaccount', secret: std(), sa: 'empty', pod: false, configMap: '2022-12-27', periodFrom: '2022-12-29', expected: 'none' },
  { name: 'auto-generated secret has a late creation time', secret: std('2022-12-27', '', '2022-12-30'), sa: 'refs', pod: false, configMap: '2022-12-27', periodFrom: '2022-12-29', expected: 'none' },
  { name: 'auto-generated secret has a deletion time', secret: std('2022-12-27', '', '2022-12-27', 'default', '12345', 'deleted'), sa: 'refs', pod: false, configMap: '2022-12-27', periodFrom: '2022-12-30', expected: 'none' },
  { name: 'auto-generated secret has a late last-used time', secret: std('2022-12-30'), sa: 'refs', pod: false, configMap: '2022-12-27', periodFrom: '2022-12-29', expected: 'none' },
  { name: 'auto-generated secret has a last-used label, but it can not be parsed', secret: std('2022-12-27-1'), sa: 'refs', pod: false, configMap: '2022-12-27', periodFrom: '2022-12-29', expected: 'none' },
  { name: 'secret-referenced service account does not exist', secret: std(), sa: 'none', pod: false, configMap: '2022-12-27', periodFrom: '2022-12-29', expected: 'none' },
  { name: 'secret-referenced service account uid does not match', secret: std('2022-12-27', '', '2022-12-27', 'default', '123456'), sa: 'refs', pod: false, configMap: '2022-12-27', periodFrom: '2022-12-29', expected: 'none' },
  { name: 'secret-referenced service account name is empty', secret: std('2022-12-27', '', '2022-12-27', ''), sa: 'refs', pod: false, configMap: '2022-12-27', periodFrom: '2022-12-29', expected: 'none' },
  { name: "auto-generated secret does not have 'last-used' label, has not been marked as invalid", secret: std(''), sa: 'refs', pod: false, configMap: '2022-12-28', periodFrom: '2022-12-30', expected: 'label' },
  {
    name: "auto-generated secret does not have 'last-used' label, has been marked as invalid, invalid_since label can not be parsed",
    secret: std('', '2022-12-29-1'),
    sa: 'refs',
    pod: false,
    configMap: '2022-12-28',
    periodFrom: '2022-12-30',
    expected: 'label',
  },
  {
    name: "auto-generated secret does not have 'last-used' label, has been marked as invalid, time period since invalid is less than CleanUpPeriod",
    secret: std('', '2023-01-01'),
    sa: 'refs',
    pod: false,
    configMap: '2022-12-28',
    periodFrom: '2022-12-29',
    expected: 'none',
  },
  {
    name: "auto-generated secret does not have 'last-used' label, has been marked as invalid, time period since invalid is larger than CleanUpPeriod",
    secret: std('', '2022-12-29'),
    sa: 'refs',
    pod: false,
    configMap: '2022-12-28',
    periodFrom: '2023-01-01',
    expected: 'delete',
  },
  { name: 'auto-generated secret is mounted by the pod', secret: std(), sa: 'refs', pod: true, configMap: '2022-12-28', periodFrom: '2022-12-29', expected: 'none' },
  {
    name: "auto-generated secret has 'last-used' label, the time period since last-used is larger than CleanUpPeriod, secret has not been marked as invalid",
    secret: std(),
    sa: 'refs',
    pod: false,
    configMap: '2022-12-28',
    periodFrom: '2022-12-30',
    expected: 'label',
  },
  {
    name: "auto-generated secret has 'last-used' label, the time period since last-used is larger than CleanUpPeriod, secret has been marked as invalid, time peroid since invalid is less than CleanUpPeriod",
    secret: std('2022-12-27', '2023-05-01'),
    sa: 'refs',
    pod: false,
    configMap: '2022-12-28',
    periodFrom: '2022-12-30',
    expected: 'none',
  },
  {
    name: "auto-generated secret has 'last-used' label, the time period since last-used is larger than CleanUpPeriod, secret has been marked as invalid, time peroid since invalid is larger than CleanUpPeriod",
    secret: std('2022-12-27', '2023-01-05'),
    sa: 'refs',
    pod: false,
    configMap: '2022-12-28',
    periodFrom: '2023-05-01',
    expected: 'delete',
  },
];

function tokenSecret(row: Row): Secret {
  if (row.secret === 'opaque') {
    return { apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: 'token-secret-1', namespace: 'default', uid: '23456', creationTimestamp: '2022-12-27T00:00:00Z' } };
  }
  const [lastUsed, invalidSince, creation, saName, saUid, deletion] = row.secret;
  const labels: Record<string, string> = {};
  if (lastUsed) labels[LAST_USED] = lastUsed;
  if (invalidSince) labels[INVALID_SINCE] = invalidSince;
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'kubernetes.io/service-account-token',
    metadata: {
      name: 'token-secret-1',
      namespace: 'default',
      uid: '23456',
      resourceVersion: '1',
      labels,
      creationTimestamp: `${creation}T00:00:00Z`,
      ...(deletion ? { deletionTimestamp: new Date(NOW_MS).toISOString().replace('.000Z', 'Z') } : {}),
      annotations: { 'kubernetes.io/service-account.name': saName, 'kubernetes.io/service-account.uid': saUid },
    },
    data: { token: 'QUJD', 'ca.crt': 'Q0EgRGF0YQ==', namespace: 'ZGVmYXVsdA==' },
  };
}

function runRow(row: Row) {
  const sim = new Simulation(
    loadScenario(`name: cleaner-table
start: "2024-06-15T12:00:00Z"
duration: 1h
flows:
  - id: f
    kubernetesVersion: "1.30"
`),
  );
  const cluster = flow(sim);
  const cmKey = `kube-system/${TRACKING_CONFIGMAP}`;
  if (row.configMap === undefined) delete cluster.configMaps[cmKey];
  else cluster.configMaps[cmKey] = { ...cluster.configMaps[cmKey], data: row.configMap === '' ? {} : { since: row.configMap } };
  const sa = cluster.serviceAccounts['default/default']!;
  if (row.sa === 'none') delete cluster.serviceAccounts['default/default'];
  else {
    sa.metadata = { ...sa.metadata, uid: '12345' };
    sa.secrets = row.sa === 'refs' ? [{ name: 'token-secret-1' }] : [];
  }
  if (row.pod) {
    cluster.pods['default/pod-1'] = {
      object: { metadata: { name: 'pod-1', namespace: 'default' }, spec: { containers: [], volumes: [{ name: 'foo', secret: { secretName: 'token-secret-1' } }] } },
      running: true,
      volumes: {},
    };
  }
  const secret = tokenSecret(row);
  cluster.secrets['default/token-secret-1'] = { object: secret };
  cluster.flags = { ...cluster.flags, legacyTokenCleanUpPeriodSec: (NOW_MS - Date.parse(`${row.periodFrom}T00:00:00Z`)) / 1000 };
  const labelsBefore = { ...secret.metadata?.labels };
  runLegacyTokenCleaner(sim.context, cluster);
  const after = cluster.secrets['default/token-secret-1'];
  if (!after) return 'delete';
  const labelsAfter = after.object.metadata?.labels ?? {};
  if (labelsAfter[INVALID_SINCE] !== labelsBefore[INVALID_SINCE]) {
    expect(labelsAfter[INVALID_SINCE]).toBe(TODAY);
    return 'label';
  }
  expect(labelsAfter).toEqual(labelsBefore);
  return 'none';
}

describe('TestLegacyServiceAccountTokenCleanUp (upstream table, one cleaner run at 2024-06-15T12:00Z)', () => {
  it.each(rows)('$name → $expected', (row) => {
    expect(runRow(row)).toBe(row.expected);
  });
});
