/**
 * kube-apiserver's start-up handling of the ServiceAccount token flags (`pkg/controlplane/apiserver/options/options.go`
 * Complete, docs/kubernetes-facts.md §3 step 8–9 and §8.3.2): the range check of
 * `--service-account-max-token-expiration`, the external signer's defaults and limits, and the warnings it logs.
 * A flow whose flags fail here is a kube-apiserver that refuses to start, so the scenario parser reports it at the line.
 */
import type { ApiServerFlags } from '../../scenario/scenario-types.ts';
import { versionBehaviour, type KubernetesVersion } from '../../model/versions.ts';
import { formatGoDurationSeconds } from '../../time/duration.ts';

/** `serviceaccount.WarnOnlyBoundTokenExpirationSeconds` (pkg/serviceaccount/claims.go). */
export const WARN_ONLY_BOUND_TOKEN_EXPIRATION_SEC = 60 * 60 + 7;
/** `serviceaccount.ExpirationExtensionSeconds`: one year. */
export const EXPIRATION_EXTENSION_SEC = 24 * 365 * 60 * 60;
/** The `[1 h, 2^32 s]` range Complete allows for a non-zero `--service-account-max-token-expiration`. */
const MAX_EXPIRATION_LOW_SEC = 60 * 60;
const MAX_EXPIRATION_HIGH_SEC = 2 ** 32;
/** The shortest `max_token_expiration_seconds` an external signer may advertise (the TokenRequest minimum, 10 min). */
const MIN_SIGNER_MAX_EXPIRATION_SEC = 10 * 60;

/** What the flags come to once the API server has started. */
export interface ServiceAccountTokenOptions {
  /** `MaxExpiration`: every TokenRequest above it is shortened; 0 means no cap. */
  maxExpirationSec: number;
  /** `MaxExtendedExpiration`: the JWT lifetime of an extended 3607 s token (one year, or less with a signer). */
  maxExtendedExpirationSec: number;
  /** What kube-apiserver logs at start (klog warnings), in order. */
  warnings: string[];
}

/** Which scenario field a start-up error is about, so the parser can point at it. */
export type StartupErrorField = 'maxTokenExpiration' | 'externalSigner' | 'externalSigner.maxTokenExpiration';

export type StartupResult =
  | { ok: true; options: ServiceAccountTokenOptions }
  | { ok: false; field: StartupErrorField; message: string };

const refuse = (field: StartupErrorField, message: string): StartupResult => ({ ok: false, field, message });

/** `options.go` Complete, for the ServiceAccount token flags of one kube-apiserver of `version`. */
export function completeServiceAccountTokenOptions(flags: ApiServerFlags, version: KubernetesVersion): StartupResult {
  let maxSec = flags.maxTokenExpirationSec;
  // Checked before any signer defaulting, so a signer maximum under an hour is still accepted below.
  if (maxSec !== 0 && (maxSec < MAX_EXPIRATION_LOW_SEC || maxSec > MAX_EXPIRATION_HIGH_SEC)) {
    return refuse('maxTokenExpiration', 'the service-account-max-token-expiration must be between 1 hour and 2^32 seconds');
  }
  const signer = flags.externalSigner;
  if (!signer) {
    return { ok: true, options: { maxExpirationSec: maxSec, maxExtendedExpirationSec: EXPIRATION_EXTENSION_SEC, warnings: keyFileWarnings(flags.extendTokenExpiration, maxSec) } };
  }
  const gateError = externalSignerGateError(version);
  if (gateError !== undefined) return refuse('externalSigner', gateError);
  const signerMaxSec = signer.maxTokenExpirationSec;
  if (signerMaxSec < MIN_SIGNER_MAX_EXPIRATION_SEC) {
    return refuse('externalSigner.maxTokenExpiration', `max token life supported by external-jwt-signer (${signerMaxSec}s) is less than acceptable (min ${MIN_SIGNER_MAX_EXPIRATION_SEC}s)`);
  }
  if (maxSec === 0) maxSec = signerMaxSec;
  else if (maxSec > signerMaxSec) {
    return refuse(
      'maxTokenExpiration',
      `service-account-max-token-expiration cannot be set longer than the token expiration supported by service-account-signing-endpoint: ${formatGoDurationSeconds(maxSec)} > ${formatGoDurationSeconds(signerMaxSec)}`,
    );
  }
  const warnings: string[] = [];
  if (flags.extendTokenExpiration) {
    if (maxSec < WARN_ONLY_BOUND_TOKEN_EXPIRATION_SEC) {
      warnings.push(`service-account-extend-token-expiration is true, in order to correctly trigger safe transition logic, token lifetime supported by external-jwt-signer must be longer than ${WARN_ONLY_BOUND_TOKEN_EXPIRATION_SEC} seconds (currently ${formatGoDurationSeconds(maxSec)})`);
    }
    if (maxSec < EXPIRATION_EXTENSION_SEC) {
      // "caped" is upstream's spelling.
      warnings.push(`service-account-extend-token-expiration is true, tokens validity will be caped at the smaller of ${EXPIRATION_EXTENSION_SEC} seconds and maximum token lifetime supported by external-jwt-signer (${formatGoDurationSeconds(maxSec)})`);
    }
  }
  return { ok: true, options: { maxExpirationSec: maxSec, maxExtendedExpirationSec: Math.min(signerMaxSec, EXPIRATION_EXTENSION_SEC), warnings } };
}

/** The warnings Complete logs with a signing-key file when the extension is on and a smaller maximum is set. */
function keyFileWarnings(extend: boolean, maxSec: number): string[] {
  if (!extend || maxSec === 0) return [];
  const shown = formatGoDurationSeconds(maxSec);
  const warnings: string[] = [];
  if (maxSec < WARN_ONLY_BOUND_TOKEN_EXPIRATION_SEC) {
    warnings.push(`service-account-extend-token-expiration is true, in order to correctly trigger safe transition logic, service-account-max-token-expiration must be set longer than ${WARN_ONLY_BOUND_TOKEN_EXPIRATION_SEC} seconds (currently ${shown})`);
  }
  if (maxSec < EXPIRATION_EXTENSION_SEC) {
    warnings.push(`service-account-extend-token-expiration is true, enabling tokens valid up to ${EXPIRATION_EXTENSION_SEC} seconds, which is longer than service-account-max-token-expiration set to ${shown} seconds`);
  }
  return warnings;
}

/**
 * Why `--service-account-signing-endpoint` cannot be used on `version`: the flag arrived with the alpha gate in 1.32
 * and the gate is on by default from 1.34 (§8.2). Scenarios set no feature gates, so 1.32–1.33 refuse it too; these
 * two sentences are TokenScope's, not kube-apiserver's.
 */
export function externalSignerGateError(version: KubernetesVersion): string | undefined {
  const behaviour = versionBehaviour(version);
  if (behaviour.externalSigner) return undefined;
  return behaviour.externalSignerFlagKnown
    ? `an external signer needs the ExternalServiceAccountTokenSigner feature gate, which is alpha and off by default in ${version}; use 1.34 or newer`
    : `kube-apiserver ${version} has no --service-account-signing-endpoint flag (it arrived in 1.32 and is on by default from 1.34)`;
}
