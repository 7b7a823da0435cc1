/**
 * Starting points for the manifest editor. The first is the lesson's Pod that asks for its token explicitly; the
 * others create what it needs, or show the legacy way for comparison. Each is valid for `parse-manifest.ts`.
 */

export interface ManifestTemplate {
  id: string;
  /** Short button text. */
  label: string;
  /** One sentence on what applying it shows. */
  description: string;
  text: string;
}

const PROJECTED_POD = `# A Pod that spells out its token volume instead of letting
# admission inject one. The kubelet requests a one-hour token
# bound to this Pod, writes it to the file "token" under the
# mount path, and replaces it well before it expires.
apiVersion: v1
kind: Pod
metadata:
  name: projected-pod
  namespace: default
spec:
  serviceAccountName: my-app
  volumes:
    - name: kube-api-access
      projected:
        sources:
          - serviceAccountToken:
              expirationSeconds: 3600
              path: token
  containers:
    - name: app
      image: nginx:stable
      volumeMounts:
        - name: kube-api-access
          mountPath: /var/run/secrets/kubernetes.io/serviceaccount
          readOnly: true
`;

const SERVICE_ACCOUNT = `# The identity the Pod runs as. Apply it before the Pod that names it.
apiVersion: v1
kind: ServiceAccount
metadata:
  name: my-app
  namespace: default
`;

const TOKEN_SECRET = `# The legacy way: the token controller stores a token for
# my-app in this Secret. The token has no expiry: it works
# until the Secret (or the ServiceAccount) is deleted.
apiVersion: v1
kind: Secret
metadata:
  name: my-app-token
  namespace: default
  annotations:
    kubernetes.io/service-account.name: my-app
type: kubernetes.io/service-account-token
`;

export const MANIFEST_TEMPLATES: readonly ManifestTemplate[] = [
  {
    id: 'projected-pod',
    label: 'Pod with a projected token',
    description: 'A Pod whose token volume asks for a one-hour token, mounted read-only where client libraries look for it.',
    text: PROJECTED_POD,
  },
  {
    id: 'service-account',
    label: 'ServiceAccount',
    description: 'The ServiceAccount my-app, which the Pod template runs as.',
    text: SERVICE_ACCOUNT,
  },
  {
    id: 'token-secret',
    label: 'Token Secret (legacy)',
    description: 'A manually created Secret that the token controller fills with a token that never expires.',
    text: TOKEN_SECRET,
  },
];

export const DEFAULT_TEMPLATE = MANIFEST_TEMPLATES[0] as ManifestTemplate;
