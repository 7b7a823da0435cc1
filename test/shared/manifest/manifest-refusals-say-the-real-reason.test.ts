import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../shared/manifest/parse-manifest.ts';

function errorsOf(text: string): Array<{ message: string; path?: string; line?: number; column?: number }> {
  const result = parseManifest(text);
  if (result.ok) throw new Error('accepted');
  return result.errors;
}

const podWithExpiration = (value: string): string =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: app',
    'spec:',
    '  containers:',
    '  - name: app',
    '    image: busybox',
    '  volumes:',
    '  - name: token',
    '    projected:',
    '      sources:',
    '      - serviceAccountToken:',
    '          path: token',
    `          expirationSeconds: ${value}`,
    '',
  ].join('\n');

describe('an integer too large to hold is called too large, not "not an integer"', () => {
  it.each(['99999999999999999999', '9007199254740993'])('%s', (value) => {
    const [error, ...rest] = errorsOf(podWithExpiration(value));
    expect(rest).toEqual([]);
    expect(error?.path).toBe('spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds');
    expect(error?.message).toContain(`the number ${value} is too large`);
    expect(error?.message).toContain('9007199254740991');
    expect(error?.message).not.toContain('must be an integer, got');
    expect([error?.line, error?.column]).toEqual([15, 30]);
  });

  it('a fraction is still "must be an integer"', () => {
    expect(errorsOf(podWithExpiration('3600.5'))[0]?.message).toContain('must be an integer, got the number 3600.5');
  });
});

describe('kind and apiVersion with a stray space say so', () => {
  it('kind "Pod "', () => {
    const [error] = errorsOf('apiVersion: v1\nkind: "Pod "\nmetadata:\n  name: a\n');
    expect(error?.message).toContain('"Pod " has whitespace before or after it; write exactly Pod');
  });

  it('apiVersion " v1"', () => {
    const [error] = errorsOf('apiVersion: " v1"\nkind: ServiceAccount\nmetadata:\n  name: a\n');
    expect(error?.message).toContain('" v1" has whitespace before or after it; write exactly v1');
  });
});

describe('metadata.name problems say what is really there', () => {
  it('generateName without name is named as not simulated, not as missing', () => {
    const [error, ...rest] = errorsOf('apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  generateName: builder-\n');
    expect(rest).toEqual([]);
    expect(error?.path).toBe('metadata.generateName');
    expect(error?.message).toContain('TokenScope does not simulate generateName');
    expect(error?.message).not.toContain('is required');
    expect([error?.line, error?.column]).toEqual([4, 17]);
  });

  it('an empty name is missing, as the API server says, not an RFC 1123 violation', () => {
    const [error] = errorsOf('apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ""\n');
    expect(error?.message).toBe('metadata.name: Required value: name or generateName is required (line 4, column 9)');
  });
});

describe('a List, as kubectl get -o yaml prints several objects, says how to apply its items', () => {
  it.each(['List', 'PodList', 'ServiceAccountList'])('%s', (kind) => {
    const [error] = errorsOf(`apiVersion: v1\nkind: ${kind}\nitems: []\n`);
    expect(error?.path).toBe('kind');
    expect(error?.message).toContain(`${kind} holds several objects`);
    expect(error?.message).toContain('---');
  });
});
