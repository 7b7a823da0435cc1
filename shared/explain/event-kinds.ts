/**
 * What each kind of event in the log means, in a sentence or three a learner can read: the app's glossary lists them,
 * and the event table and the timeline link to them. Keyed by the event's `type`, so the compiler asks for a meaning
 * whenever a kind is added to the union (shared/model/events.ts). Pure data.
 */
import type { SimEventType } from '../model/events.ts';

export const EVENT_KIND_MEANINGS: Readonly<Record<SimEventType, string>> = {
  'token.issued':
    'The API server minted a token. A legacy one is written by the tokens controller into a Secret and has no expiry; a bound one comes from the TokenRequest API, asked for by the kubelet (for a pod’s projected volume), by kubectl create token, or by a client, and carries an audience, an expiry and the object it is bound to.',
  'token.request-failed':
    'A request for a new token was refused, or never reached the API server (it was down, or the ServiceAccount or pod was gone). When the kubelet already holds a token for that pod, it keeps handing out the old one until that one expires.',
  'token.refresh-due':
    'The kubelet decided its cached token should be replaced: more than 80 % of the lifetime it asked for has passed (less a random jitter of up to 9 s), or the token is 24 hours old. The new token is fetched at the pod’s next sync, which comes round every 60 to 90 seconds.',
  'token.file-written':
    'The kubelet wrote a new token into the pod’s projected volume. It writes a fresh timestamped folder and then swaps the ..data link in one step, so a program reading the file sees the old token or the new one, never half of each. Programs must re-read the file to pick up the new token.',
  'token.expired':
    'The token reached its exp. The API server keeps accepting it for 60 more seconds of leeway for clocks that differ, and refuses it after that with “service account token has expired”.',
  'token.invalidated':
    'The token stopped working before its exp: the pod, Secret or node it was bound to went away, its ServiceAccount was deleted or recreated, the key that signed it is no longer trusted, or the legacy-token cleaner marked it invalid.',
  'token.leaked':
    'A copy of the token left its pod (an attacker, a log, a backup). Whoever holds the copy can use it exactly like the pod can, until the token expires or is invalidated; a legacy token’s copy works until its Secret is deleted.',
  'request.allowed':
    'A request carrying a token was authenticated: the signature, issuer, audience, times and bound objects all checked out. Successes are cached for 10 seconds, so a token revoked a moment ago may still pass once or twice.',
  'request.denied':
    'The API server answered 401 Unauthorized to a request with a token, and the event says why (expired, invalidated, wrong audience, signed by an unknown key, and so on).',
  'pod.created':
    'A pod was created. ServiceAccount admission filled in its ServiceAccount and, unless automounting is turned off, added the kube-api-access projected volume that will hold its token.',
  'pod.running': 'The kubelet set up the pod’s volumes, its token among them, and started its containers.',
  'pod.mount-failed':
    'The kubelet could not set up one of the pod’s volumes, for example because it could not get a token; the pod does not start until the kubelet succeeds.',
  'pod.terminating':
    'The pod was deleted and is in its grace period. It still runs and its token still works, but the kubelet no longer refreshes that token.',
  'pod.deleted':
    'The pod object is gone. Tokens bound to it stop working: the API server looks the pod up on every request and no longer finds it.',
  'secret.created':
    'A Secret was created, for example a kubernetes.io/service-account-token Secret into which the tokens controller writes a legacy token.',
  'secret.deleted': 'A Secret was deleted. A legacy token stored in it stops working at once, wherever copies of it are.',
  'secret.labelled':
    'A label on a Secret changed: the API server records the last day a legacy token was used (kubernetes.io/legacy-token-last-used), and the cleaner marks long-unused ones invalid (kubernetes.io/legacy-token-invalid-since).',
  'serviceaccount.created': 'A ServiceAccount was created: an identity pods can run as. Before 1.24 the tokens controller also made a Secret with a legacy token for it.',
  'serviceaccount.deleted': 'A ServiceAccount was deleted. Every token issued for it, legacy or bound, stops working.',
  'kubelet.stopped': 'The kubelet on the node stopped. Pods keep running with the token file they have, but nobody refreshes it any more.',
  'kubelet.started': 'The kubelet started again. Its token cache lives in memory only, so it asks the API server for fresh tokens.',
  'apiserver.stopped': 'The API server stopped. No token can be issued or checked until it is back; kubelets keep the tokens they have.',
  'apiserver.started': 'The API server is back and answers token requests and checks again.',
  'signing-key.rotated':
    'The API server (or its external signer) now signs new tokens with a new key, named by a new kid. Tokens signed with the old key keep working as long as the old public key is still trusted.',
  'signing-key.retired': 'Old signing keys are no longer trusted. Every token they signed now fails with “invalid signature, no keys found”, even before its exp.',
  'signing-key.fetched':
    'The API server fetched the external signer’s current public keys, on the signer’s refresh hint or because a token arrived with a kid it did not know. The fetched set replaces the whole cache.',
  'cluster.upgraded': 'The cluster moved to a newer Kubernetes release. Secrets and tokens that exist survive; the new release’s behaviour applies to what is made from now on.',
  'kubectl.ran': 'A kubectl command ran against this flow’s API server, from the scenario or the console, with what it printed.',
  'manifest.applied': 'A manifest was applied: the object was created or updated.',
  'manifest.rejected': 'The API server refused a manifest, and the event says why and, where it can, at which line.',
  'step.failed': 'A step of the scenario could not be carried out; the event names the scenario line.',
  warning:
    'Something worth a second look that is not an error: a token lifetime shortened to the server’s maximum, a stale extended token, a legacy token that was auto-generated or marked invalid, or start-up flags that work against each other.',
};
