/**
 * What can happen, in one place: every kind of event the engine reports, with the words the event table prints, the
 * group its filter puts it in, the symbol that repeats its outcome in shape, whether the screen reader's "milestones"
 * setting reads it, what the lanes draw for it (an outage span or a marker) and what it means (the glossary). Every
 * reader (event table, token inspector, announcer, lanes, lesson, glossary) reads this, so adding an event kind to
 * the union in events.ts is a compile error here until it has its words, and nowhere else needs to change unless the
 * new kind needs drawing of its own. Pure data.
 */
import type { SimEventType } from './events.ts';

/** The event table's filter groups, in the order the filter lists them. */
export const EVENT_GROUPS = ['token', 'request', 'pod', 'object', 'control-plane', 'kubectl', 'problem'] as const;
export type EventGroup = (typeof EVENT_GROUPS)[number];

export const EVENT_GROUP_LABELS: Readonly<Record<EventGroup, string>> = {
  token: 'Tokens',
  request: 'API requests',
  pod: 'Pods',
  object: 'Secrets, ServiceAccounts, manifests',
  'control-plane': 'Kubelet, API server, keys',
  kubectl: 'kubectl',
  problem: 'Warnings and errors',
};

/** Stretches of time a whole flow spends in a state (a component down), drawn as a hatched span over every lane. */
export const SPAN_KINDS = ['kubelet-down', 'apiserver-down'] as const;
export type SpanKind = (typeof SPAN_KINDS)[number];

export const SPAN_WORDS: Readonly<Record<SpanKind, { label: string; consequence: string }>> = {
  'kubelet-down': { label: 'kubelet down', consequence: 'nobody refreshes tokens' },
  'apiserver-down': { label: 'API server down', consequence: 'every call fails' },
};

/** Instants that change a whole flow, drawn as a dashed line with a label. */
export const MARKER_KINDS = ['signing-key-rotated', 'signing-key-retired', 'signing-key-fetched', 'cluster-upgraded'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

export interface EventEntry {
  /** The event table's name for it: "token issued". */
  words: string;
  group: EventGroup;
  /** Repeats the outcome in shape, never colour alone: ✓ accepted, ✗ refused or failed, ⚠ look again. */
  symbol: '' | '✓' | '✗' | '⚠';
  /**
   * At the "milestones" verbosity: read with its own message ('message'), read when the announcer's rule says so
   * ('rule': a pod's token replaced, an attacker's call changing outcome, a legacy token marked invalid), or not read.
   */
  milestone: 'message' | 'rule' | 'never';
  /** It opens or closes an outage span on the lanes. */
  span?: { opens: SpanKind } | { closes: SpanKind };
  /** It is a marker on the lanes (cluster.upgraded names its version, so the lanes word that one themselves). */
  marker?: { kind: MarkerKind; label: string };
  /** What it means, in a sentence or three a learner can read (the glossary's entry). */
  meaning: string;
}

export const EVENT_CATALOGUE: { readonly [T in SimEventType]: EventEntry } = {
  'token.issued': {
    words: 'token issued', group: 'token', symbol: '', milestone: 'rule',
    meaning:
      'The API server minted a token. A legacy one is written by the tokens controller into a Secret and has no expiry; a bound one comes from the TokenRequest API, asked for by the kubelet (for a pod’s projected volume), by kubectl create token, or by a client, and carries an audience, an expiry and the object it is bound to.',
  },
  'token.request-failed': {
    words: 'token request failed', group: 'token', symbol: '✗', milestone: 'never',
    meaning:
      'A request for a new token was refused, or never reached the API server (it was down, or the ServiceAccount or pod was gone). When the kubelet already holds a token for that pod, it keeps handing out the old one until that one expires.',
  },
  'token.refresh-due': {
    words: 'refresh due', group: 'token', symbol: '', milestone: 'never',
    meaning:
      'The kubelet decided its cached token should be replaced: more than 80 % of the lifetime it asked for has passed (less a random jitter of up to 9 s), or the token is 24 hours old. The new token is fetched at the pod’s next sync, which comes round every 60 to 90 seconds.',
  },
  'token.file-written': {
    words: 'file written', group: 'token', symbol: '', milestone: 'never',
    meaning:
      'The kubelet wrote a new token into the pod’s projected volume. It writes a fresh timestamped folder and then swaps the ..data link in one step, so a program reading the file sees the old token or the new one, never half of each. Programs must re-read the file to pick up the new token.',
  },
  'token.expired': {
    words: 'token expired', group: 'token', symbol: '', milestone: 'message',
    meaning:
      'The token reached its exp. The API server keeps accepting it for 60 more seconds of leeway for clocks that differ, and refuses it after that with “service account token has expired”.',
  },
  'token.invalidated': {
    words: 'token invalidated', group: 'token', symbol: '', milestone: 'message',
    meaning:
      'The token stopped working before its exp: the pod, Secret or node it was bound to went away, its ServiceAccount was deleted or recreated, the key that signed it is no longer trusted, or the legacy-token cleaner marked it invalid.',
  },
  'token.leaked': {
    words: 'token leaked', group: 'token', symbol: '⚠', milestone: 'message',
    meaning:
      'A copy of the token left its pod (an attacker, a log, a backup). Whoever holds the copy can use it exactly like the pod can, until the token expires or is invalidated; a legacy token’s copy works until its Secret is deleted.',
  },
  'request.allowed': {
    words: 'request allowed', group: 'request', symbol: '✓', milestone: 'rule',
    meaning:
      'A request carrying a token was authenticated: the signature, issuer, audience, times and bound objects all checked out. Successes are cached for 10 seconds, so a token revoked a moment ago may still pass once or twice.',
  },
  'request.denied': {
    words: 'request denied', group: 'request', symbol: '✗', milestone: 'rule',
    meaning:
      'The API server answered 401 Unauthorized to a request with a token, and the event says why (expired, invalidated, wrong audience, signed by an unknown key, and so on).',
  },
  'pod.created': {
    words: 'pod created', group: 'pod', symbol: '', milestone: 'never',
    meaning:
      'A pod was created. ServiceAccount admission filled in its ServiceAccount and, unless automounting is turned off, added the kube-api-access projected volume that will hold its token.',
  },
  'pod.running': {
    words: 'pod running', group: 'pod', symbol: '', milestone: 'never',
    meaning:
      'The kubelet set up the pod’s volumes, its token among them, and started its containers.',
  },
  'pod.mount-failed': {
    words: 'mount failed', group: 'pod', symbol: '✗', milestone: 'never',
    meaning:
      'The kubelet could not set up one of the pod’s volumes, for example because it could not get a token; the pod does not start until the kubelet succeeds.',
  },
  'pod.terminating': {
    words: 'pod terminating', group: 'pod', symbol: '', milestone: 'never',
    meaning:
      'The pod was deleted and is in its grace period. It still runs and its token still works, but the kubelet no longer refreshes that token.',
  },
  'pod.deleted': {
    words: 'pod deleted', group: 'pod', symbol: '', milestone: 'never',
    meaning:
      'The pod object is gone. Tokens bound to it stop working: the API server looks the pod up on every request and no longer finds it.',
  },
  'secret.created': {
    words: 'Secret created', group: 'object', symbol: '', milestone: 'never',
    meaning:
      'A Secret was created, for example a kubernetes.io/service-account-token Secret into which the tokens controller writes a legacy token.',
  },
  'secret.deleted': {
    words: 'Secret deleted', group: 'object', symbol: '', milestone: 'never',
    meaning:
      'A Secret was deleted. A legacy token stored in it stops working at once, wherever copies of it are.',
  },
  'secret.labelled': {
    words: 'Secret labelled', group: 'object', symbol: '', milestone: 'never',
    meaning:
      'A label on a Secret changed: the API server records the last day a legacy token was used (kubernetes.io/legacy-token-last-used), and the cleaner marks long-unused ones invalid (kubernetes.io/legacy-token-invalid-since).',
  },
  'serviceaccount.created': {
    words: 'ServiceAccount created', group: 'object', symbol: '', milestone: 'never',
    meaning:
      'A ServiceAccount was created: an identity pods can run as. Before 1.24 the tokens controller also made a Secret with a legacy token for it.',
  },
  'serviceaccount.deleted': {
    words: 'ServiceAccount deleted', group: 'object', symbol: '', milestone: 'never',
    meaning:
      'A ServiceAccount was deleted. Every token issued for it, legacy or bound, stops working.',
  },
  'kubelet.stopped': {
    words: 'kubelet stopped', group: 'control-plane', symbol: '', milestone: 'message', span: { opens: 'kubelet-down' },
    meaning:
      'The kubelet on the node stopped. Pods keep running with the token file they have, but nobody refreshes it any more.',
  },
  'kubelet.started': {
    words: 'kubelet started', group: 'control-plane', symbol: '', milestone: 'message', span: { closes: 'kubelet-down' },
    meaning:
      'The kubelet started again. Its token cache lives in memory only, so it asks the API server for fresh tokens.',
  },
  'apiserver.stopped': {
    words: 'API server stopped', group: 'control-plane', symbol: '', milestone: 'message', span: { opens: 'apiserver-down' },
    meaning:
      'The API server stopped. No token can be issued or checked until it is back; kubelets keep the tokens they have.',
  },
  'apiserver.started': {
    words: 'API server started', group: 'control-plane', symbol: '', milestone: 'message', span: { closes: 'apiserver-down' },
    meaning:
      'The API server is back and answers token requests and checks again.',
  },
  'signing-key.rotated': {
    words: 'signing key rotated', group: 'control-plane', symbol: '', milestone: 'message', marker: { kind: 'signing-key-rotated', label: 'signing key rotated' },
    meaning:
      'The API server (or its external signer) now signs new tokens with a new key, named by a new kid. Tokens signed with the old key keep working as long as the old public key is still trusted.',
  },
  'signing-key.retired': {
    words: 'signing key retired', group: 'control-plane', symbol: '', milestone: 'message', marker: { kind: 'signing-key-retired', label: 'old signing keys retired' },
    meaning:
      'Old signing keys are no longer trusted. Every token they signed now fails with “invalid signature, no keys found”, even before its exp.',
  },
  'signing-key.fetched': {
    words: 'signer keys fetched', group: 'control-plane', symbol: '', milestone: 'never', marker: { kind: 'signing-key-fetched', label: 'API server fetched signer keys' },
    meaning:
      'The API server fetched the external signer’s current public keys, on the signer’s refresh hint or because a token arrived with a kid it did not know. The fetched set replaces the whole cache.',
  },
  'cluster.upgraded': {
    words: 'cluster upgraded', group: 'control-plane', symbol: '', milestone: 'never',
    meaning:
      'The cluster moved to a newer Kubernetes release. Secrets and tokens that exist survive; the new release’s behaviour applies to what is made from now on.',
  },
  'kubectl.ran': {
    words: 'kubectl ran', group: 'kubectl', symbol: '', milestone: 'never',
    meaning:
      'A kubectl command ran against this flow’s API server, from the scenario or the console, with what it printed.',
  },
  'manifest.applied': {
    words: 'manifest applied', group: 'object', symbol: '', milestone: 'never',
    meaning:
      'A manifest was applied: the object was created or updated.',
  },
  'manifest.rejected': {
    words: 'manifest rejected', group: 'problem', symbol: '✗', milestone: 'never',
    meaning:
      'The API server refused a manifest, and the event says why and, where it can, at which line.',
  },
  'step.failed': {
    words: 'step failed', group: 'problem', symbol: '✗', milestone: 'never',
    meaning:
      'A step of the scenario could not be carried out; the event names the scenario line.',
  },
  warning: {
    words: 'warning', group: 'problem', symbol: '⚠', milestone: 'rule',
    meaning:
      'Something worth a second look that is not an error: a token lifetime shortened to the server’s maximum, a stale extended token, a legacy token that was auto-generated or marked invalid, or start-up flags that work against each other.',
  },
};

/** Every event type, in the order of the union. */
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as readonly SimEventType[];
