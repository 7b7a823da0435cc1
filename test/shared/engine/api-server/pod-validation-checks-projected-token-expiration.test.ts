/**
 * Pod defaulting and validation of projected serviceAccountToken sources (docs/kubernetes-facts.md §2.2):
 * expirationSeconds nil → 3600, defaultMode → 0644, `may not specify a duration less than 10 minutes` (<600),
 * `may not specify a duration larger than 2^32 seconds` (>1<<32), `path` Required (upstream names the volume's
 * `projected.path`, not the source's: `validateProjectionSources` builds it from `fldPath`).
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { defaultPod, validatePod } from '../../../../shared/engine/api-server/pod-validation.ts';
import { apply, eventsOfType, flow, simAt } from './token-test-helpers.ts';

function podWith(token: { path?: string; expirationSeconds?: number; audience?: string }): Pod {
  return {
    metadata: { name: 'custom' },
    spec: {
      serviceAccountName: 'my-app',
      containers: [{ name: 'c', image: 'nginx' }],
      volumes: [{ name: 'vault-token', projected: { sources: [{ serviceAccountToken: token as { path: string } }] } }],
    },
  };
}

const FIELD = 'spec.volumes[0].projected.sources[0].serviceAccountToken';

describe('projected serviceAccountToken validation', () => {
  const table: Array<{ token: { path?: string; expirationSeconds?: number }; message?: string }> = [
    { token: { path: 'token' } },
    { token: { path: 'token', expirationSeconds: 600 } },
    { token: { path: 'token', expirationSeconds: 4_294_967_296 } },
    { token: { path: 'token', expirationSeconds: 599 }, message: `Pod "custom" is invalid: ${FIELD}.expirationSeconds: Invalid value: 599: may not specify a duration less than 10 minutes` },
    {
      token: { path: 'token', expirationSeconds: 4_294_967_297 },
      message: `Pod "custom" is invalid: ${FIELD}.expirationSeconds: Invalid value: 4294967297: may not specify a duration larger than 2^32 seconds`,
    },
    { token: { expirationSeconds: 3600 }, message: 'Pod "custom" is invalid: spec.volumes[0].projected.path: Required value' },
  ];

  it.each(table)('$token → $message', ({ token, message }) => {
    const error = validatePod(defaultPod(podWith(token)), '1.30');
    if (message) expect(error).toMatchObject({ status: 422, reason: 'Invalid', message });
    else expect(error).toBeUndefined();
  });

  it('defaults expirationSeconds to 3600 and defaultMode to 420 (0644)', () => {
    const volume = defaultPod(podWith({ path: 'token' })).spec?.volumes?.[0];
    expect(volume?.projected).toEqual({ defaultMode: 420, sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }] });
  });

  it('apply of such a pod is rejected with the API server message and no pod is created', () => {
    const sim = simAt({ version: '1.30', pod: false }, 1);
    const outcome = apply(
      sim,
      `apiVersion: v1
kind: Pod
metadata:
  name: custom
spec:
  serviceAccountName: my-app
  containers:
    - name: c
      image: nginx
  volumes:
    - name: vault-token
      projected:
        sources:
          - serviceAccountToken:
              path: token
              audience: vault
              expirationSeconds: 300
`,
    );
    expect(outcome.ok).toBe(false);
    expect(eventsOfType(sim, 'manifest.rejected').map((e) => e.error)).toEqual([
      `Pod "custom" is invalid: ${FIELD}.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes`,
    ]);
    expect(flow(sim).pods['default/custom']).toBeUndefined();
  });
});
