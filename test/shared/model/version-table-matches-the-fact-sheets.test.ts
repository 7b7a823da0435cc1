/**
 * The version table against the fact sheets' release history (docs/kubernetes-facts.md §6, §8.2, §8.12): each
 * behaviour switches at the release the sheet names, and not one release earlier or later.
 */
import { describe, expect, it } from 'vitest';
import { KUBERNETES_VERSIONS, versionBehaviour, type KubernetesVersion, type VersionBehaviour } from '../../../shared/model/versions.ts';
import { releaseSupport } from '../../../shared/model/release-support.ts';

type BooleanKeys = { [K in keyof VersionBehaviour]: VersionBehaviour[K] extends boolean ? K : never }[keyof VersionBehaviour];

/** Behaviour → [first release with it, first release without it]. */
const SWITCHES: [BooleanKeys, KubernetesVersion | undefined, KubernetesVersion | undefined][] = [
  ['boundTokenVolume', '1.21', undefined],
  ['autoGenerateLegacySecrets', undefined, '1.24'],
  ['kubectlCreateToken', '1.24', undefined],
  ['kubectlAuthWhoami', '1.27', undefined],
  ['legacyTokenTracking', '1.27', undefined],
  ['legacyTokenCleanUp', '1.29', undefined],
  ['nodeKindKnown', '1.29', undefined],
  ['tokenJti', '1.30', undefined],
  ['podNodeInfo', '1.30', undefined],
  ['nodeBindingValidation', '1.30', undefined],
  ['projectedTokenPathMustBeLocal', '1.30', undefined],
  ['nodeBinding', '1.31', undefined],
  ['projectionKindsMessagePerSource', '1.32', undefined],
  ['externalSignerFlagKnown', '1.32', undefined],
  ['tokenRequestUidValidation', '1.34', undefined],
  ['tokenRequestEchoesServiceAccountUid', '1.34', undefined],
  ['kubeletTokenCacheKeyHasUid', '1.34', undefined],
  ['externalSigner', '1.34', undefined],
  ['describeServiceAccountSecrets', undefined, '1.35'],
  ['serviceAccountSecretsColumn', undefined, '1.35'],
  ['projectedLinksOwnedByFsUser', '1.36', undefined],
];

const index = (version: KubernetesVersion | undefined, fallback: number) => (version === undefined ? fallback : KUBERNETES_VERSIONS.indexOf(version));

describe('each behaviour switches at its release', () => {
  it.each(SWITCHES)('%s: from %s until %s', (key, from, until) => {
    const first = index(from, 0);
    const gone = index(until, KUBERNETES_VERSIONS.length);
    KUBERNETES_VERSIONS.forEach((version, i) => {
      expect([version, versionBehaviour(version)[key]]).toEqual([version, i >= first && i < gone]);
    });
  });

  it('1.37 changes nothing on the default path: its alpha features stay off (§8.2)', () => {
    expect(versionBehaviour('1.37')).toEqual(versionBehaviour('1.36'));
  });
});

describe('kubectl create token checks by release (§7)', () => {
  it.each<[KubernetesVersion, string, string]>([
    ['1.24', 'positive', 'never'],
    ['1.28', 'positive', 'never'],
    ['1.29', 'positive-non-zero', 'with-env'],
    ['1.30', 'non-negative', 'with-env'],
    ['1.31', 'non-negative', 'always'],
    ['1.37', 'non-negative', 'always'],
  ])('%s: --duration %s, Node %s', (version, duration, node) => {
    expect(versionBehaviour(version).kubectlDurationCheck).toBe(duration);
    expect(versionBehaviour(version).kubectlNodeBoundTokens).toBe(node);
  });
});

describe('support window (§8.1)', () => {
  const on = (date: string) => Date.parse(`${date}T12:00:00Z`);

  it('on 2026-12-07: 1.35, 1.36 and 1.37 are supported, everything older is out of support', () => {
    const status = Object.fromEntries(KUBERNETES_VERSIONS.map((v) => [v, releaseSupport(v, on('2026-12-07')).status]));
    expect(Object.entries(status).filter(([, s]) => s !== 'end-of-life').map(([v]) => v)).toEqual(['1.35', '1.36', '1.37']);
  });

  it.each<[KubernetesVersion, string, string]>([
    ['1.34', '2026-10-27', 'maintenance'],
    ['1.34', '2026-10-28', 'end-of-life'],
    ['1.33', '2026-06-28', 'maintenance'],
    ['1.33', '2026-06-29', 'end-of-life'],
    ['1.35', '2026-12-27', 'supported'],
    ['1.35', '2026-12-28', 'maintenance'],
    ['1.35', '2027-02-28', 'maintenance'],
    ['1.35', '2027-03-01', 'end-of-life'],
    ['1.37', '2027-10-28', 'maintenance'],
  ])('%s on %s: %s', (version, date, status) => {
    expect(releaseSupport(version, on(date)).status).toBe(status);
  });
});
