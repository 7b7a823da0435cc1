/**
 * Scenario refusals that used to give the wrong reason or point at the wrong place (issue 10's unlisted cases): a
 * did-you-mean that names an unrelated key, a merge key taken for a typo, a seed that is too large called "not an
 * integer", a patch release or a differently-cased value refused without the spelling that works, a kubectl quote
 * error pointing at the wrong line, a folded manifest reported as YAML nonsense.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../shared/scenario/parse-scenario.ts';

const FLOW = '[{id: f, kubernetesVersion: "1.30"}]';
const scenario = (extra: string, flows = FLOW) => `name: x\nduration: 1h\nflows: ${flows}\nsteps: []\n${extra}`;
const withSteps = (steps: string) => `name: x\nduration: 1h\nflows: ${FLOW}\nsteps:\n${steps}`;

function messages(text: string): string[] {
  const result = parseScenario(text);
  return result.ok ? [] : result.errors.map((error) => error.message);
}

describe('unknown keys', () => {
  it('suggest nothing rather than an unrelated short key', () => {
    expect(messages(scenario('base: 1\n'))).toEqual(['unknown key "base"; allowed keys are name, title, description, takeaway, seed, duration, start, flows, steps, annotations, scenes (line 5, column 1)']);
    expect(messages(scenario('', '[{id: f, kubernetesVersion: "1.30", ab: 1}]'))[0]).toMatch(/^flows\[0\]: unknown key "ab"; allowed keys are/);
    expect(messages(scenario('nmae: y\n'))[0]).toMatch(/^unknown key "nmae" \(did you mean name\?\)/);
  });

  it('suggest the key a longer or flag-style name stands for', () => {
    expect(messages(scenario('startTime: 2025-01-06T09:00:00Z\n'))[0]).toMatch(/^unknown key "startTime" \(did you mean start\?\)/);
    const flags = '[{id: f, kubernetesVersion: "1.30", apiServer: {service-account-max-token-expiration: 2h, legacy-service-account-token-clean-up-period: 1d, service-account-issuer: x}}]';
    const found = messages(scenario('', flags));
    expect(found[0]).toMatch(/^flows\[0\]\.apiServer: unknown key "service-account-max-token-expiration" \(did you mean maxTokenExpiration\?\)/);
    expect(found[1]).toMatch(/unknown key "legacy-service-account-token-clean-up-period" \(did you mean legacyTokenCleanUpPeriod\?\)/);
    expect(found[2]).toMatch(/unknown key "service-account-issuer" \(did you mean issuer\?\)/);
  });

  it('a merge key (<<) is named as one, not taken for a misspelt id', () => {
    const text = `name: x\nduration: 1h\nflows:\n  - &first {id: f, kubernetesVersion: "1.30"}\n  - {<<: *first, id: g}\nsteps: []\n`;
    const found = messages(text);
    expect(found).toContain('flows[1]: merge keys (<<) are not supported; write the keys out in full (an alias such as *first can stand for a whole value) (line 5, column 6)');
    expect(found.join('\n')).not.toMatch(/did you mean/);
  });
});

describe('values', () => {
  it('a seed past the largest exact integer is too large, not "not an integer"', () => {
    expect(messages(scenario('seed: 99999999999999999999\n'))).toEqual(['seed: 99999999999999999999 is too large: a seed goes up to 9007199254740991 (line 5, column 7)']);
    expect(messages(scenario('seed: -1\n'))).toEqual(['seed: must be a non-negative integer, got the number -1 (line 5, column 7)']);
  });

  it('a spotlight of the wrong shape names both shapes it may take, not only "a string"', () => {
    expect(messages(scenario('scenes: [{at: 5m, spotlight: [pod app]}]\n'))).toEqual([
      'scenes[0].spotlight: must be a lane\'s label such as "pod app", or a mapping such as {lane: pod app, flow: f}, got a list (line 5, column 30)',
    ]);
  });

  it('a number written in quotes says to remove them', () => {
    expect(messages(scenario('seed: "7"\n'))).toEqual(['seed: must be a non-negative integer, got the string "7"; remove the quotes (line 5, column 7)']);
    expect(messages(scenario('scenes: [{at: 5m, then: play, speed: "600"}]\n'))[0]).toMatch(/got the string "600"; remove the quotes \(line 5, column 38\)$/);
  });

  it('a patch release, or a V in capitals, says which version to write', () => {
    expect(messages(scenario('', '[{id: f, kubernetesVersion: "1.30.2"}]'))[0]).toMatch(/^flows\[0\]\.kubernetesVersion: "1\.30\.2" is not a simulated Kubernetes version \(write 1\.30: releases are simulated by minor version\); use one of /);
    expect(messages(scenario('', '[{id: f, kubernetesVersion: V1.30}]'))[0]).toMatch(/"V1\.30" is not a simulated Kubernetes version \(write 1\.30 without the V\)/);
  });

  it('a fixed word written in other capitals, or misspelt, says which one was meant', () => {
    expect(messages(scenario('', '[{id: f, kubernetesVersion: "1.30", apiServer: {signingAlgorithm: rs256}}]'))).toEqual([
      'flows[0].apiServer.signingAlgorithm: "rs256" is not one of RS256, ES256 (did you mean RS256?) (line 3, column 74)',
    ]);
    expect(messages(withSteps('  - {at: 1m, fault: kubelet-stpo}\n'))[0]).toBe(
      'steps[0].fault: "kubelet-stpo" is not one of kubelet-stop, kubelet-start, apiserver-stop, apiserver-start, rotate-signing-key, retire-old-signing-keys (did you mean kubelet-stop?) (line 5, column 21)',
    );
    expect(messages(scenario('scenes: [{at: 5m, then: Play}]\n'))[0]).toBe('scenes[0].then: "Play" is not one of stop, play (did you mean play?) (line 5, column 25)');
  });
});

describe('required keys', () => {
  it('a key written with nothing after it is told it has no value, not that it is missing', () => {
    expect(messages('name:\nduration: 1h\nflows: [{id: f, kubernetesVersion: "1.30"}]\nsteps: []\n')).toEqual(['name: is required but has no value (line 1, column 1)']);
    expect(messages('name: x\nduration: ~\nflows: [{id: f, kubernetesVersion: "1.30"}]\nsteps: []\n')).toEqual(['duration: is required but has no value (a duration such as 90s, 1h30m or 2d) (line 2, column 11)']);
    expect(messages('duration: 1h\nflows: [{id: f, kubernetesVersion: "1.30"}]\nsteps: []\n')).toEqual(['name: is required (line 1, column 1)']);
  });
});

describe('start', () => {
  it('a well-formed instant with a field out of range names the field, not "not an ISO 8601 instant"', () => {
    expect(messages(scenario('start: 2025-02-29T09:00:00Z\n'))).toEqual(['start: "2025-02-29T09:00:00Z" is not a date: February 2025 has 28 days (line 5, column 8)']);
    expect(messages(scenario('start: 2025-13-01T00:00:00Z\n'))).toEqual(['start: "2025-13-01T00:00:00Z" is not a date: months go from 01 to 12 (line 5, column 8)']);
    expect(messages(scenario('start: 2025-01-06T24:00:00Z\n'))).toEqual(['start: "2025-01-06T24:00:00Z" is not a time of day: hours go from 00 to 23, minutes and seconds from 00 to 59 (line 5, column 8)']);
    expect(messages(scenario('start: 2016-12-31T23:59:60Z\n'))).toEqual(['start: "2016-12-31T23:59:60Z" is not a time of day: hours go from 00 to 23, minutes and seconds from 00 to 59 (line 5, column 8)']);
    expect(messages(scenario('start: 2025-01-06T09:00:00+25:00\n'))).toEqual(['start: "2025-01-06T09:00:00+25:00" has an offset from UTC that no time zone has: hours go from 00 to 23, minutes from 00 to 59 (line 5, column 8)']);
    expect(messages(scenario('start: 2025-1-6\n'))[0]).toMatch(/is not an ISO 8601 instant such as 2025-01-06T09:00:00Z/);
  });
});

describe('kubectl steps', () => {
  it('an unclosed quote on the second line of a plain command points at the scalar, not past the end of the first line', () => {
    const found = messages(withSteps(`  - at: 1m\n    kubectl: get sa\n      'x\n`));
    expect(found).toEqual(["steps[0].kubectl: the command line does not parse: the ' quote at column 8 of the command is never closed (line 6, column 14)"]);
  });

  it('a one-line command gives one place: the file\'s line and column', () => {
    expect(messages(withSteps(`  - at: 1m\n    kubectl: get sa 'x\n`))).toEqual(["steps[0].kubectl: the command line does not parse: the ' quote is never closed (line 6, column 21)"]);
    expect(messages(withSteps(`  - at: 1m\n    kubectl: "get sa 'x"\n`))).toEqual(["steps[0].kubectl: the command line does not parse: the ' quote is never closed (line 6, column 22)"]);
    expect(messages(withSteps(`  - at: 1m\n    kubectl: |\n      get sa 'x\n`))).toEqual(["steps[0].kubectl: the command line does not parse: the ' quote is never closed (line 7, column 14)"]);
  });
});

describe('apply steps', () => {
  it('a folded block (>) is named as the cause when the manifest does not read', () => {
    const text = withSteps('  - at: 1m\n    apply: >\n      apiVersion: v1\n      kind: ServiceAccount\n      metadata:\n        name: a\n');
    expect(messages(text)).toEqual([
      'steps[0].apply: is a folded block (>), which joins the manifest\'s lines into one, so it does not read as YAML; write apply: | (a literal block) instead (line 6, column 12)',
    ]);
  });
});
