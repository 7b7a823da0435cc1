/**
 * What changed for ServiceAccount tokens in the releases after 1.33, in a sentence each, for the version picker
 * (docs/kubernetes-facts.md §8.12). Where TokenScope had to choose because upstream was not confirmed, the sentence
 * says so; the choices themselves live with the rules they shape (cited in each).
 */
import type { KubernetesVersion } from './versions.ts';

const NOTES: Partial<Readonly<Record<KubernetesVersion, string>>> = {
  '1.34':
    'A TokenRequest naming another ServiceAccount UID gets 409 Conflict, and the response carries the UID. ' +
    "The kubelet's token cache tells ServiceAccount UIDs apart (the exact cache key is not confirmed upstream; " +
    'TokenScope appends the UID). External token signers are on by default (beta).',
  '1.35':
    'kubectl describe serviceaccount no longer lists Mountable secrets and Tokens, and kubectl get serviceaccounts has ' +
    'no SECRETS column (TokenScope shows NAME and AGE; the new column set is not confirmed upstream).',
  '1.36':
    "With one runAsUser for the whole pod, the projected token's link is owned by that user, not root (whether the " +
    '..data link is too is not confirmed upstream; TokenScope leaves it to root). External signers are generally available.',
  '1.37': 'Nothing changes for a default pod: the new features of this release are alpha and off.',
};

/** The release's changes to tokens, or undefined for releases the fact sheets cover without a note (1.20–1.33). */
export function versionNote(version: KubernetesVersion): string | undefined {
  return NOTES[version];
}
