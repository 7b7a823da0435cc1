/**
 * A flow whose kube-apiserver would refuse its ServiceAccount token flags at start-up (options.go Complete,
 * docs/kubernetes-facts.md §3 step 8 and §8.3.2) fails to load, with upstream's message at the offending line.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../shared/scenario/parse-scenario.ts';

function flow(version: string, apiServer: string, steps = 'steps: []\n'): string {
  return `name: n\nduration: 1h\nflows:\n  - id: a\n    kubernetesVersion: "${version}"\n    apiServer:\n${apiServer}${steps}`;
}

function errors(text: string) {
  const parsed = parseScenario(text);
  if (parsed.ok) throw new Error('expected the scenario to be refused');
  return parsed.errors.map(({ message, line, column }) => ({ message, line, column }));
}

const RANGE = 'the service-account-max-token-expiration must be between 1 hour and 2^32 seconds';

describe('--service-account-max-token-expiration outside [1 h, 2^32 s]', () => {
  it.each([['59m59s'], ['30m'], ['4294967297s']])('%s is refused', (value) => {
    expect(errors(flow('1.33', `      maxTokenExpiration: ${value}\n`))).toEqual([
      { message: `flows[0].apiServer.maxTokenExpiration: kube-apiserver would not start: ${RANGE} (line 7, column 27)`, line: 7, column: 27 },
    ]);
  });

  it.each([['1h'], ['4294967296s'], ['0s']])('%s starts', (value) => {
    expect(parseScenario(flow('1.33', `      maxTokenExpiration: ${value}\n`)).ok).toBe(true);
  });

  it('is checked before the signer lowers the maximum: a 50 m signer still starts', () => {
    expect(parseScenario(flow('1.35', '      externalSigner: {maxTokenExpiration: 50m}\n')).ok).toBe(true);
  });
});

describe('the external signer at start-up', () => {
  it('a signer maximum under 600 s', () => {
    expect(errors(flow('1.35', '      externalSigner:\n        maxTokenExpiration: 599s\n'))).toEqual([
      {
        message: 'flows[0].apiServer.externalSigner.maxTokenExpiration: kube-apiserver would not start: max token life supported by external-jwt-signer (599s) is less than acceptable (min 600s) (line 8, column 29)',
        line: 8,
        column: 29,
      },
    ]);
    expect(parseScenario(flow('1.35', '      externalSigner:\n        maxTokenExpiration: 600s\n')).ok).toBe(true);
  });

  it('a flag maximum above the signer maximum', () => {
    expect(errors(flow('1.36', '      maxTokenExpiration: 3h\n      externalSigner: {maxTokenExpiration: 2h}\n'))).toEqual([
      {
        message: 'flows[0].apiServer.maxTokenExpiration: kube-apiserver would not start: service-account-max-token-expiration cannot be set longer than the token expiration supported by service-account-signing-endpoint: 3h0m0s > 2h0m0s (line 7, column 27)',
        line: 7,
        column: 27,
      },
    ]);
  });

  it.each([
    ['1.31', 'kube-apiserver 1.31 has no --service-account-signing-endpoint flag (it arrived in 1.32 and is on by default from 1.34)'],
    ['1.33', 'an external signer needs the ExternalServiceAccountTokenSigner feature gate, which is alpha and off by default in 1.33; use 1.34 or newer'],
  ])('on %s', (version, message) => {
    expect(errors(flow(version, '      externalSigner: {maxTokenExpiration: 2h}\n'))).toEqual([
      { message: `flows[0].apiServer.externalSigner: kube-apiserver would not start: ${message} (line 7, column 23)`, line: 7, column: 23 },
    ]);
  });

  it('an upgrade step cannot take a signer flow back below 1.34', () => {
    const text = flow('1.35', '      externalSigner: {maxTokenExpiration: 2h}\n', 'steps:\n  - at: 1m\n    upgrade: "1.33"\n');
    expect(errors(text)).toEqual([
      {
        message: 'steps[0].upgrade: flow "a" uses an external signer: an external signer needs the ExternalServiceAccountTokenSigner feature gate, which is alpha and off by default in 1.33; use 1.34 or newer (line 10, column 14)',
        line: 10,
        column: 14,
      },
    ]);
  });

  it('reads the maximum and the refresh hint (one hour when unset)', () => {
    const parsed = parseScenario(flow('1.34', '      externalSigner: {maxTokenExpiration: 2h, refreshHint: 10m}\n'));
    const unset = parseScenario(flow('1.34', '      externalSigner: {maxTokenExpiration: 2h}\n'));
    if (!parsed.ok || !unset.ok) throw new Error('expected both to load');
    expect(parsed.value.flows[0]?.apiServer.externalSigner).toEqual({ maxTokenExpirationSec: 7200, refreshHintSec: 600 });
    expect(unset.value.flows[0]?.apiServer.externalSigner).toEqual({ maxTokenExpirationSec: 7200, refreshHintSec: 3600 });
  });

  it('needs maxTokenExpiration and knows only its two keys', () => {
    expect(errors(flow('1.35', '      externalSigner: {refreshHint: 1h}\n'))[0]?.message).toMatch(/^flows\[0\]\.apiServer\.externalSigner\.maxTokenExpiration: is required/);
    expect(errors(flow('1.35', '      externalSigner: {maxTokenExpiration: 2h, kid: x}\n'))[0]?.message).toMatch(/unknown key "kid"/);
  });
});
