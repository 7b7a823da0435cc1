/**
 * The editor's templates are real manifests: each parses with the simulator's own manifest parser, and the Pod is
 * the lesson's: ServiceAccount my-app, a kube-api-access projected volume asking for a 3600 s token in the file
 * "token", nginx:stable mounting it read-only where client libraries look.
 */
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../../shared/manifest/parse-manifest.ts';
import { DEFAULT_TEMPLATE, MANIFEST_TEMPLATES } from '../../../../renderer/panels/manifest-editor/manifest-templates.ts';

function parsed(text: string) {
  const result = parseManifest(text);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

describe('manifest templates', () => {
  it.each(MANIFEST_TEMPLATES.map((t) => [t.id, t] as const))('%s parses as one manifest object', (_id, template) => {
    expect(parsed(template.text).documents).toHaveLength(1);
  });

  it('offers a Pod, a ServiceAccount and a token Secret, with distinct ids and labels', () => {
    expect(MANIFEST_TEMPLATES.map((t) => parsed(t.text).documents[0]?.kind)).toEqual(['Pod', 'ServiceAccount', 'Secret']);
    expect(new Set(MANIFEST_TEMPLATES.map((t) => t.id)).size).toBe(MANIFEST_TEMPLATES.length);
    expect(new Set(MANIFEST_TEMPLATES.map((t) => t.label)).size).toBe(MANIFEST_TEMPLATES.length);
  });

  it("starts the editor with the lesson's projected-token Pod", () => {
    const doc = parsed(DEFAULT_TEMPLATE.text).documents[0];
    if (doc?.kind !== 'Pod') throw new Error('the default template is not a Pod');
    const spec = doc.object.spec;
    expect(spec?.serviceAccountName).toBe('my-app');
    expect(spec?.volumes).toEqual([
      { name: 'kube-api-access', projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3600, path: 'token' } }] } },
    ]);
    expect(spec?.containers).toEqual([
      {
        name: 'app',
        image: 'nginx:stable',
        volumeMounts: [{ name: 'kube-api-access', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }],
      },
    ]);
  });

  it('creates the ServiceAccount the Pod runs as, and a manual token Secret for it', () => {
    const [sa, secret] = [MANIFEST_TEMPLATES[1], MANIFEST_TEMPLATES[2]].map((t) => parsed(t?.text ?? '').documents[0]);
    expect(sa?.object.metadata?.name).toBe('my-app');
    if (secret?.kind !== 'Secret') throw new Error('the third template is not a Secret');
    expect(secret.object.type).toBe('kubernetes.io/service-account-token');
    expect(secret.object.metadata?.annotations).toEqual({ 'kubernetes.io/service-account.name': 'my-app' });
  });
});
