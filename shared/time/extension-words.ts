/**
 * How far the 3607 s extension stretched a JWT's exp, in words: a year with a key file, the external signer's
 * maximum when that is shorter (docs/kubernetes-facts.md §8.3.2).
 */
import { formatDuration } from './duration.ts';

const ONE_YEAR_SEC = 24 * 365 * 60 * 60;

export function extensionWords(jwtLifetimeSec: number): string {
  return jwtLifetimeSec >= ONE_YEAR_SEC ? 'one year' : `${formatDuration(jwtLifetimeSec * 1000)} (the external signer's maximum)`;
}
