/**
 * Warnings that only matter for a token pasted from a real cluster, on top of claim-explanations' claimWarnings (which
 * already covers a missing exp, the one-year extension, milliseconds and exp before iat): an nbf later than iat, an
 * issuer of no shape Kubernetes writes, audiences no API server with default flags accepts, a token that is not a
 * ServiceAccount token at all, and a token without a signature. Pure: no DOM, no clock.
 */
import { claimJson, claimWarnings, flattenClaims, LEGACY_ISSUER, type ClaimWarningCode } from '../../../shared/explain/claim-explanations.ts';
import { formatDuration } from '../../../shared/time/duration.ts';

export type PasteWarningCode =
  | ClaimWarningCode
  | 'nbf-after-iat'
  | 'no-issuer'
  | 'unknown-issuer'
  | 'foreign-audience'
  | 'malformed-audience'
  | 'not-kubernetes'
  | 'unsigned';

export interface PasteWarning {
  code: PasteWarningCode;
  /** The flattened claim path the warning is about ("" when it is about the whole token). */
  claim: string;
  text: string;
}

/** Same threshold as claimWarnings: a 13-digit NumericDate is milliseconds, and that warning already speaks for it. */
const MILLISECONDS_THRESHOLD = 1e12;

/** How kube-apiserver's issuers look: the fixed legacy string, or the --service-account-issuer URL (https in practice). */
export type IssuerShape = 'legacy' | 'https-url' | 'missing' | 'other';

export function issuerShape(iss: unknown): IssuerShape {
  if (iss === undefined) return 'missing';
  if (iss === LEGACY_ISSUER) return 'legacy';
  if (typeof iss !== 'string') return 'other';
  return /^https:\/\/[^\s/?#][^\s?#]*$/i.test(iss) ? 'https-url' : 'other';
}

/**
 * Whether an audience reads as a Kubernetes API server's: with --api-audiences unset the API server accepts its
 * issuers, and the in-cluster Service names are what most clusters set otherwise. A guess, said as one in the warning.
 */
export function looksLikeApiAudience(audience: string, iss: unknown): boolean {
  if (typeof iss === 'string' && audience === iss) return true;
  return /^https:\/\/kubernetes\.default\.svc(\.[a-z0-9.-]+)?(:443)?\/?$/i.test(audience);
}

function audiencesOf(aud: unknown): string[] | undefined {
  if (typeof aud === 'string') return [aud];
  if (Array.isArray(aud) && aud.every((a): a is string => typeof a === 'string')) return aud;
  return undefined;
}

/** Go's %q of a []string, as kube-apiserver prints audiences in its errors: ["a" "b"]. */
function goQuotedList(values: readonly string[]): string {
  return `[${values.map((v) => claimJson(v)).join(' ')}]`;
}

function finiteSeconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < MILLISECONDS_THRESHOLD ? value : undefined;
}

/** True when the claims carry anything only Kubernetes writes: the kubernetes.io object, legacy keys, an SA subject. */
export function hasKubernetesClaims(claims: object): boolean {
  const record = claims as Record<string, unknown>;
  if (typeof record['kubernetes.io'] === 'object' && record['kubernetes.io'] !== null) return true;
  if (Object.keys(record).some((key) => key.startsWith('kubernetes.io/serviceaccount/'))) return true;
  if (record.iss === LEGACY_ISSUER) return true;
  return typeof record.sub === 'string' && record.sub.startsWith('system:serviceaccount:');
}

/** The warnings of this file only (see allPasteWarnings for the full list). */
export function pasteWarnings(header: object, claims: object, signature: string): PasteWarning[] {
  const flat = new Map(flattenClaims(claims).map((c) => [c.path, c.value]));
  const warnings: PasteWarning[] = [];
  const kubernetes = hasKubernetesClaims(claims);

  if (!kubernetes) {
    warnings.push({
      code: 'not-kubernetes',
      claim: '',
      text:
        'This does not look like a Kubernetes ServiceAccount token: it has no kubernetes.io claims and its subject is not ' +
        'system:serviceaccount:…. It may be an ID token from an identity provider. The explanations below are written for ' +
        'ServiceAccount tokens.',
    });
  }

  const iss = flat.get('iss');
  const shape = issuerShape(iss);
  if (shape === 'missing') {
    warnings.push({
      code: 'no-issuer',
      claim: 'iss',
      text: 'No iss claim: every Kubernetes token names its issuer, and kube-apiserver’s token authenticators skip a token whose issuer they do not know.',
    });
  } else if (shape === 'other') {
    const shown = typeof iss === 'string' ? `“${iss}”` : `${claimJson(iss)} (not a string)`;
    warnings.push({
      code: 'unknown-issuer',
      claim: 'iss',
      text:
        `The issuer ${shown} is neither the legacy “${LEGACY_ISSUER}” nor an https URL. Bound tokens carry the ` +
        'first --service-account-issuer value, which nearly every cluster sets to an https URL: OpenID Connect discovery ' +
        'needs one, so that services outside the cluster can fetch the public keys and check the signature.',
    });
  }

  const audiences = audiencesOf(flat.get('aud'));
  if (audiences && audiences.length > 0 && !audiences.some((a) => looksLikeApiAudience(a, iss))) {
    const target = typeof iss === 'string' && shape === 'https-url' ? goQuotedList([iss]) : undefined;
    warnings.push({
      code: 'foreign-audience',
      claim: 'aud',
      text:
        `This token is meant for ${audiences.map((a) => `“${a}”`).join(', ')}, which does not look like a Kubernetes API ` +
        'server (by default the API server accepts only its own issuer as audience). Tokens like this come from a ' +
        'projected volume with its own audience, or from kubectl create token --audience, for a service such as Vault or a cloud provider. ' +
        (target
          ? `An API server with default flags refuses it: token audiences ${goQuotedList(audiences)} is invalid for the target audiences ${target}. `
          : 'An API server with default flags refuses it. ') +
        'If your cluster sets --api-audiences to one of these, the API server accepts it after all.',
    });
  }

  // go-jose's Audience reads one string or an array of strings and refuses anything else, and with it the token.
  const aud = (claims as Record<string, unknown>).aud;
  if (aud !== undefined && audiencesOf(aud) === undefined) {
    warnings.push({
      code: 'malformed-audience',
      claim: 'aud',
      text: `aud is ${claimJson(aud)}: an API server reads aud only as a string or a list of strings, so it cannot read these claims and refuses the token.`,
    });
  }

  const iat = finiteSeconds(flat.get('iat'));
  const nbf = finiteSeconds(flat.get('nbf'));
  if (iat !== undefined && nbf !== undefined && nbf > iat) {
    warnings.push({
      code: 'nbf-after-iat',
      claim: 'nbf',
      text:
        `nbf is ${formatDuration((nbf - iat) * 1000)} after iat: the token was issued but cannot be used until then ` +
        '(the API server answers “service account token is not valid yet”). Kubernetes always sets nbf equal to iat, ' +
        'so something else made or edited this token.',
    });
  }

  const alg = (header as Record<string, unknown>).alg;
  if (signature === '' || (typeof alg === 'string' && alg.toLowerCase() === 'none')) {
    warnings.push({
      code: 'unsigned',
      claim: '',
      text:
        signature === ''
          ? 'The signature part is empty: the claims can be read, but no API server or other verifier will accept this token.'
          : 'The header says alg “none”: an unsigned token. Kubernetes always signs its tokens, and verifiers refuse unsigned ones.',
    });
  }
  return warnings;
}

/** Every warning for a pasted token: the shared claim warnings first, then the ones above. */
export function allPasteWarnings(header: object, claims: object, signature: string): PasteWarning[] {
  return [...claimWarnings(claims), ...pasteWarnings(header, claims, signature)];
}
