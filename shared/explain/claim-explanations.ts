/**
 * Plain-language explanations of every header field and claim a TokenScope token can carry (docs/kubernetes-facts.md §4),
 * readable times for the NumericDate claims (absolute UTC, relative to the simulated clock, simulated time since the
 * scenario started), and warnings for values that deserve a second look (a one-year exp, no exp, exp in milliseconds).
 * Pure: no DOM, no React, no wall clock, so tests and the inspector share it.
 */
import { formatDuration } from '../time/duration.ts';
import { CLAIM_DISPLAY_MAX_DEPTH } from '../limits/input-budgets.ts';

export interface ClaimExplanation {
  /** A few words for the row ("who may accept it"). */
  short: string;
  /** What the claim is. */
  what: string;
  /** Why it matters for this token's safety. */
  safety: string;
  /** Which Kubernetes version adds it (and, when it matters, when it became the default). */
  since: string;
}

/** What the inspector knows about the token a claim belongs to; some claims mean different things on different tokens. */
export interface ClaimContext {
  legacy?: boolean;
  /** The object a bound token is tied to (TokenSummary.boundObject.kind). */
  boundTo?: 'Pod' | 'Secret' | 'Node';
}

export const LEGACY_ISSUER = 'kubernetes/serviceaccount';

/** Claims that hold a NumericDate (seconds since 1970-01-01 UTC), by flattened path. */
export const TIME_CLAIMS: readonly string[] = ['iat', 'nbf', 'exp', 'kubernetes.io.warnafter'];

const BOUND_TOKENS = 'Bound tokens from the TokenRequest API (beta in 1.12, GA in 1.20); every pod gets one by default from 1.21 (GA 1.22)';

export const HEADER_EXPLANATIONS: Readonly<Record<string, ClaimExplanation>> = {
  alg: {
    short: 'signature algorithm',
    what: 'How the signature was made. The API server signs with its service-account signing key: RS256 for an RSA key, ES256, ES384 or ES512 for an elliptic-curve key.',
    safety: 'A verifier must accept only the algorithm of the key it trusts; the signature is what stops anyone from editing the claims below.',
    since: 'Every version TokenScope simulates (1.20 and later).',
  },
  kid: {
    short: 'which key signed it',
    what: 'The key ID: a SHA-256 fingerprint of the signing public key, so a verifier can pick the right key from the cluster’s JWKS.',
    safety: 'After a signing-key rotation, tokens whose kid is no longer among the published keys stop verifying, wherever they were copied to.',
    since: 'Every version TokenScope simulates (1.20 and later).',
  },
};

const EXPLANATIONS: Readonly<Record<string, ClaimExplanation>> = {
  iss: {
    short: 'who issued it',
    what: 'The issuer: the first --service-account-issuer URL of the API server that minted the token.',
    safety: 'Verifiers accept only issuers they trust. Because the issuer is a URL, services outside the cluster can fetch its public keys (OIDC discovery) and check the signature themselves.',
    since: BOUND_TOKENS + '.',
  },
  sub: {
    short: 'the identity',
    what: 'The subject: system:serviceaccount:<namespace>:<name>, the user name RBAC checks permissions for.',
    safety: 'This is a bearer token: whoever holds a copy acts as this ServiceAccount, with all of its permissions.',
    since: 'Every version, on legacy and bound tokens alike.',
  },
  aud: {
    short: 'who may accept it',
    what: 'The audiences: the services this token is meant for. The API server accepts it only if one of them is among its own API audiences (by default its issuer).',
    safety: 'A token minted for another service (say, a vault) cannot be replayed against the API server, and a service that receives a token cannot reuse it elsewhere.',
    since: BOUND_TOKENS + '. Legacy tokens have no aud.',
  },
  exp: {
    short: 'when it stops working',
    what: 'The expiry time, in seconds since 1970 (UTC). After exp plus 60 s of clock-skew leeway the API server answers “service account token has expired”.',
    safety: 'It limits how long a stolen copy is useful. The kubelet replaces a projected token at about 80 % of its life, so the pod never sees it expire.',
    since: BOUND_TOKENS + '. Legacy tokens have no exp and never expire.',
  },
  iat: {
    short: 'when it was issued',
    what: 'Issued at: when the API server minted the token, in seconds since 1970 (UTC).',
    safety: 'It tells how old a copy is. A token issued more than 60 s in the future is rejected as “issued in the future”.',
    since: BOUND_TOKENS + '. Legacy tokens have no iat.',
  },
  nbf: {
    short: 'not valid before',
    what: 'Not before: the token is refused before this time (less 60 s of leeway). Kubernetes sets it equal to iat.',
    safety: 'A token cannot be used before it was issued, even if the verifier’s clock is slightly off.',
    since: BOUND_TOKENS + '. Legacy tokens have no nbf.',
  },
  jti: {
    short: 'unique id for audit',
    what: 'A random UUID naming this one token. The API server logs it as the credential id “JTI=<uuid>” when it issues the token and each time the token is used.',
    safety: 'If a copy leaks, the audit log ties every use of it back to the exact request that created it.',
    since: 'ServiceAccountTokenJTI: alpha in 1.29, on by default from 1.30, GA in 1.32.',
  },
  'kubernetes.io.namespace': {
    short: 'the ServiceAccount’s namespace',
    what: 'The namespace of the ServiceAccount (and of the Pod or Secret the token is bound to).',
    safety: 'Together with the ServiceAccount name it is the identity the API server looks up on every request.',
    since: BOUND_TOKENS + '.',
  },
  'kubernetes.io.serviceaccount.name': {
    short: 'the ServiceAccount',
    what: 'The name of the ServiceAccount the token speaks for.',
    safety: 'The API server checks that this ServiceAccount still exists; deleting it revokes every token it issued.',
    since: BOUND_TOKENS + '.',
  },
  'kubernetes.io.serviceaccount.uid': {
    short: 'the exact ServiceAccount object',
    what: 'The UID of the ServiceAccount when the token was issued.',
    safety: 'A ServiceAccount deleted and recreated under the same name gets a new UID, so old tokens fail with “service account UID (…) does not match claim (…)”.',
    since: BOUND_TOKENS + '.',
  },
  'kubernetes.io.pod.name': {
    short: 'dies with this pod',
    what: 'The Pod the token is bound to: the kubelet asked for it on behalf of this pod.',
    safety: 'The API server checks that the pod still exists. About 60 s after the pod is deleted (or its grace period ends) the token is “invalidated”, even before exp.',
    since: 'Pod-bound TokenRequest tokens (projected volumes, beta in 1.12); used for every pod by default from 1.21.',
  },
  'kubernetes.io.pod.uid': {
    short: 'the exact pod object',
    what: 'The UID of the bound Pod.',
    safety: 'A new pod with the same name does not revive the token: the API server rejects it with “pod UID (…) does not match service account pod ref claim (…)”.',
    since: 'Pod-bound TokenRequest tokens (beta in 1.12); every pod from 1.21.',
  },
  'kubernetes.io.secret.name': {
    short: 'dies with this Secret',
    what: 'The Secret this token is bound to (for example kubectl create token --bound-object-kind Secret).',
    safety: 'Deleting the Secret revokes the token: the API server answers “service account token has been invalidated”.',
    since: 'The TokenRequest API has accepted Secret binding from the start (GA 1.20); kubectl create token exists from 1.24.',
  },
  'kubernetes.io.secret.uid': {
    short: 'the exact Secret object',
    what: 'The UID of the bound Secret.',
    safety: 'A Secret recreated under the same name has a new UID, so the old token stays revoked.',
    since: 'The TokenRequest API (GA 1.20); kubectl create token from 1.24.',
  },
  'kubernetes.io.node.name': {
    short: 'the node',
    what: 'On a pod-bound token: the node the pod was scheduled on, recorded for audit. On a token bound to a Node itself: that Node.',
    safety: 'For pod-bound tokens it is informational (the pod check is what counts); a node-bound token dies when its Node is deleted.',
    since: 'Pod tokens: ServiceAccountTokenPodNodeInfo, on by default from 1.30. Node-bound tokens: ServiceAccountTokenNodeBinding, on by default from 1.31.',
  },
  'kubernetes.io.node.uid': {
    short: 'the exact node object',
    what: 'The UID of that Node (left out when the API server could not find the Node when it issued the token).',
    safety: 'For a node-bound token, a Node recreated under the same name does not revive it (UID mismatch).',
    since: 'ServiceAccountTokenPodNodeInfo (1.30) for pod tokens; ServiceAccountTokenNodeBinding (1.31) for node-bound tokens.',
  },
  'kubernetes.io.warnafter': {
    short: 'when its real hour ends',
    what: 'Set only when the API server stretched a 3607 s pod token to a year (--service-account-extend-token-expiration, on by default). warnafter is the expiry the kubelet asked for.',
    safety: 'After warnafter the token still works, but each use is audited as stale (authentication.k8s.io/stale-token) so operators can find clients that never re-read the token file.',
    since: 'Comes with the safe-transition extension for projected tokens, which every pod gets by default from 1.21.',
  },
  'kubernetes.io/serviceaccount/namespace': {
    short: 'the ServiceAccount’s namespace',
    what: 'Legacy token: the namespace of the ServiceAccount and of the Secret that stores the token.',
    safety: 'Part of the identity; the token acts as the ServiceAccount in this namespace.',
    since: 'Legacy Secret-based tokens, every version. Secrets are no longer made automatically from 1.24.',
  },
  'kubernetes.io/serviceaccount/secret.name': {
    short: 'the Secret that holds it',
    what: 'Legacy token: the name of the kubernetes.io/service-account-token Secret the tokens controller wrote it into.',
    safety: 'The only way to revoke it is to delete this Secret: the API server checks that the Secret exists and still holds exactly this token. A stolen copy works until then.',
    since: 'Legacy tokens, every version. Auto-generated until 1.24; unused ones are invalidated by the cleaner from 1.29 (GA 1.30) after a year without use.',
  },
  'kubernetes.io/serviceaccount/service-account.name': {
    short: 'the ServiceAccount',
    what: 'Legacy token: the name of the ServiceAccount it speaks for.',
    safety: 'With the API server’s lookup on (the default), deleting the ServiceAccount revokes the token.',
    since: 'Legacy tokens, every version.',
  },
  'kubernetes.io/serviceaccount/service-account.uid': {
    short: 'the exact ServiceAccount object',
    what: 'Legacy token: the UID of the ServiceAccount when the Secret was made.',
    safety: 'A ServiceAccount recreated under the same name has a new UID, so the old token is refused.',
    since: 'Legacy tokens, every version.',
  },
};

const LEGACY_ISS: ClaimExplanation = {
  short: 'marks a legacy token',
  what: 'The fixed issuer “kubernetes/serviceaccount” marks a legacy token that the tokens controller stored in a Secret.',
  safety: 'It has no exp, aud or binding: it works until its Secret is deleted, wherever it was copied to.',
  since: 'Every version; made automatically for each ServiceAccount until 1.24.',
};

const NODE_BOUND: Readonly<Record<string, ClaimExplanation>> = {
  'kubernetes.io.node.name': {
    short: 'dies with this node',
    what: 'The Node this token is bound to.',
    safety: 'The API server checks that the Node still exists; deleting it revokes the token.',
    since: 'ServiceAccountTokenNodeBinding: alpha in 1.29, on by default from 1.31, GA in 1.33.',
  },
  'kubernetes.io.node.uid': {
    short: 'the exact node object',
    what: 'The UID of the bound Node.',
    safety: 'A Node recreated under the same name does not revive the token: “node UID (…) does not match service account node ref claim (…)”.',
    since: 'ServiceAccountTokenNodeBinding (on by default from 1.31).',
  },
};

/** The explanation of a payload claim by flattened path, or undefined for a claim Kubernetes never mints. */
export function explainClaim(path: string, context: ClaimContext = {}): ClaimExplanation | undefined {
  if (path === 'iss' && context.legacy) return LEGACY_ISS;
  if (context.boundTo === 'Node' && NODE_BOUND[path]) return NODE_BOUND[path];
  return EXPLANATIONS[path];
}

export function explainHeader(field: string): ClaimExplanation | undefined {
  return HEADER_EXPLANATIONS[field];
}

/** Every payload claim path that has an explanation. */
export const EXPLAINED_CLAIMS: readonly string[] = Object.keys(EXPLANATIONS);

/** Reading order: identity first, then times, then the private claims; anything else after, alphabetically. */
const CLAIM_ORDER: readonly string[] = [
  'iss', 'sub', 'aud', 'iat', 'nbf', 'exp', 'jti',
  'kubernetes.io.namespace', 'kubernetes.io.serviceaccount.name', 'kubernetes.io.serviceaccount.uid',
  'kubernetes.io.pod.name', 'kubernetes.io.pod.uid', 'kubernetes.io.secret.name', 'kubernetes.io.secret.uid',
  'kubernetes.io.node.name', 'kubernetes.io.node.uid', 'kubernetes.io.warnafter',
  'kubernetes.io/serviceaccount/namespace', 'kubernetes.io/serviceaccount/secret.name',
  'kubernetes.io/serviceaccount/service-account.name', 'kubernetes.io/serviceaccount/service-account.uid',
];

export interface FlatClaim {
  /** Dotted path for nested objects ("kubernetes.io.pod.name"); a legacy key stays as it is. */
  path: string;
  value: unknown;
}

/**
 * Flattens nested claim objects into leaves, in reading order. Arrays are leaves (aud), and so is anything nested
 * deeper than CLAIM_DISPLAY_MAX_DEPTH: a legal token can nest 10,000 levels, and walking it must not use the stack.
 */
export function flattenClaims(claims: object): FlatClaim[] {
  const out: FlatClaim[] = [];
  const stack: Array<{ path: string; value: unknown; depth: number }> = Object.entries(claims)
    .reverse()
    .map(([path, value]: [string, unknown]) => ({ path, value, depth: 1 }));
  while (stack.length > 0) {
    const { path, value, depth } = stack.pop()!;
    if (isPlainObject(value) && depth < CLAIM_DISPLAY_MAX_DEPTH) {
      const children = Object.entries(value);
      for (let i = children.length - 1; i >= 0; i--) stack.push({ path: `${path}.${children[i]![0]}`, value: children[i]![1], depth: depth + 1 });
      continue;
    }
    out.push({ path, value });
  }
  const rank = (path: string) => {
    const i = CLAIM_ORDER.indexOf(path);
    return i < 0 ? CLAIM_ORDER.length : i;
  };
  return out.sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Longest raw value shown for one claim; the rest is summarised (a pasted token may be a megabyte). */
export const RAW_CLAIM_MAX_CHARS = 10_000;

function cut(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, maxChars)}… (cut: longer than ${maxChars.toLocaleString('en-US')} characters)` : text;
}

/**
 * A JSON value as JSON.stringify writes it, but without recursion (10,000 nested arrays overflow the stack of a
 * render) and cut after `maxChars` with a note saying so.
 */
export function claimJson(value: unknown, maxChars = RAW_CLAIM_MAX_CHARS): string {
  let out = '';
  const stack: Array<{ text: string } | { value: unknown }> = [{ value }];
  while (stack.length > 0 && out.length <= maxChars) {
    const item = stack.pop()!;
    if ('text' in item) {
      out += item.text;
      continue;
    }
    const current = item.value;
    if (Array.isArray(current)) {
      out += '[';
      stack.push({ text: ']' });
      for (let i = current.length - 1; i >= 0; i--) {
        stack.push({ value: current[i] ?? null });
        if (i > 0) stack.push({ text: ',' });
      }
    } else if (isPlainObject(current)) {
      out += '{';
      stack.push({ text: '}' });
      const entries = Object.entries(current).filter(([, child]) => child !== undefined);
      for (let i = entries.length - 1; i >= 0; i--) {
        stack.push({ value: entries[i]![1] }, { text: `${JSON.stringify(entries[i]![0])}:` });
        if (i > 0) stack.push({ text: ',' });
      }
    } else {
      out += JSON.stringify(current) ?? 'null';
    }
  }
  return cut(out, maxChars);
}

/** The raw value as it appears in the JWT: strings as they are, everything else as JSON (long ones cut short). */
export function rawClaimValue(value: unknown): string {
  if (typeof value === 'string') return cut(value, RAW_CLAIM_MAX_CHARS);
  if (value === undefined) return 'undefined';
  return claimJson(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Times

export interface TimeContext {
  /** ScenarioSummary.startEpochMs: the wall-clock date simulated time 0 stands for. */
  startEpochMs: number;
  /** The current simulated time (TimelineSnapshot.nowMs). */
  nowMs: number;
}

export interface TimeView {
  /** "2025-01-06 10:00:08 UTC", or a note when the date is out of range. */
  absolute: string;
  /** "in 23 m", "37 m ago", "now", relative to the simulated clock. */
  relative: string;
  /** Simulated time since the scenario started: "1 h 36 m" ("before the start" when negative). */
  sinceStart: string;
  /** The instant in simulated ms. */
  simMs: number;
}

/** 13 digits or more: 1e12 s is the year 33658, while 1e12 ms is 2001; real JWT times are 10 digits until 2286. */
const MILLISECONDS_THRESHOLD = 1e12;

/** go-jose keeps a NumericDate as int64 seconds; a larger JSON number has no defined meaning to an API server. */
export const NUMERIC_DATE_LIMIT_SEC = 2 ** 63;

/** Digits of the whole part, counted on the integer (String(1e300) is "1e+300", six characters). */
export function integerDigits(value: number): number {
  return BigInt(Math.trunc(Math.abs(value))).toString().length;
}

/** A NumericDate claim (seconds since 1970) in the three forms. */
export function formatNumericDate(seconds: number, context: TimeContext): TimeView {
  return formatEpochMs(seconds * 1000, context);
}

/** A simulated instant (ms since the scenario started) in the three forms. */
export function formatSimInstant(simMs: number, context: TimeContext): TimeView {
  return formatEpochMs(context.startEpochMs + simMs, context);
}

function formatEpochMs(epochMs: number, context: TimeContext): TimeView {
  const simMs = epochMs - context.startEpochMs;
  return {
    absolute: formatUtc(epochMs),
    relative: formatRelative(simMs - context.nowMs),
    sinceStart: formatSinceStart(simMs),
    simMs,
  };
}

/** "2025-01-06 10:00:08 UTC" (milliseconds only when not zero); years past 9999 keep their sign and six digits. */
export function formatUtc(epochMs: number): string {
  const date = new Date(epochMs);
  if (!Number.isFinite(epochMs) || Number.isNaN(date.getTime())) {
    return `beyond the calendar (about the year ${approximateYear(epochMs / 1000).toLocaleString('en-US')})`;
  }
  const iso = date.toISOString();
  const [day = '', time = ''] = iso.split('T');
  const clock = time.replace('Z', '').replace(/\.000$/, '');
  return `${day} ${clock} UTC`;
}

/** "in 23 m", "37 m ago", "now" for an offset from the simulated clock in ms. */
export function formatRelative(deltaMs: number): string {
  if (!Number.isFinite(deltaMs)) return deltaMs > 0 ? 'never' : 'long ago';
  if (Math.abs(deltaMs) < 1000) return 'now';
  return deltaMs > 0 ? `in ${formatDuration(deltaMs)}` : `${formatDuration(-deltaMs)} ago`;
}

/** Simulated time since the start: "1 h 36 m", "0 s"; before the start reads "5 m before the start". */
export function formatSinceStart(simMs: number): string {
  if (simMs < 0) return `${formatDuration(-simMs)} before the start`;
  return formatDuration(simMs);
}

function approximateYear(seconds: number): number {
  return Math.floor(1970 + seconds / (365.2425 * 86_400));
}

// ---------------------------------------------------------------------------------------------------------------
// Warnings

export type ClaimWarningCode =
  | 'no-expiry'
  | 'extended-expiry'
  | 'long-lived'
  | 'milliseconds'
  | 'not-a-number'
  | 'exp-before-iat';

export interface ClaimWarning {
  code: ClaimWarningCode;
  /** The flattened path the warning is about. */
  claim: string;
  text: string;
}

const ONE_DAY_SEC = 86_400;

/**
 * Values that deserve a second look: no exp (a legacy token never expires), an exp a year after iat because of the
 * 3607 s extension (warnafter), any other exp more than a day after iat, a time in milliseconds, exp before iat.
 */
export function claimWarnings(claims: object): ClaimWarning[] {
  const flat = new Map(flattenClaims(claims).map((c) => [c.path, c.value]));
  const warnings: ClaimWarning[] = [];
  const numeric = new Map<string, number>();

  for (const path of TIME_CLAIMS) {
    if (!flat.has(path)) continue;
    const value = flat.get(path);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      const quoted = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value);
      const what = typeof value === 'string' ? `the string ${claimJson(value)}` : rawClaimValue(value);
      const why = quoted ? 'a time claim is a JSON number, written without quotes' : 'not a number of seconds since 1970';
      warnings.push({ code: 'not-a-number', claim: path, text: `${path} is ${what}, ${why}; no Kubernetes API server writes that.` });
      continue;
    }
    if (Math.abs(value) >= MILLISECONDS_THRESHOLD) {
      const digits = integerDigits(value);
      if (Math.abs(value) >= NUMERIC_DATE_LIMIT_SEC) {
        warnings.push({
          code: 'milliseconds',
          claim: path,
          text:
            `${path} has ${digits} digits: more than an API server's 64-bit seconds can hold, in seconds or in milliseconds, so what it ` +
            'makes of this time is undefined. Kubernetes always writes seconds, so something other than an API server made this token.',
        });
        continue;
      }
      warnings.push({
        code: 'milliseconds',
        claim: path,
        text:
          `${path} has ${digits} digits: that looks like milliseconds. JWT times count seconds since 1970, so read as seconds ` +
          `this is about the year ${approximateYear(value).toLocaleString('en-US')}; read as milliseconds it would be ` +
          `${formatUtc(value)}. Kubernetes always writes seconds, so something other than an API server made this token.`,
      });
      continue;
    }
    numeric.set(path, value);
  }

  const iss = flat.get('iss');
  if (!flat.has('exp')) {
    warnings.push({
      code: 'no-expiry',
      claim: 'exp',
      text:
        iss === LEGACY_ISSUER
          ? 'No exp claim: this legacy Secret-based token never expires. Every copy keeps working until its Secret (or its ServiceAccount) is deleted.'
          : 'No exp claim: nothing limits how long this token works.',
    });
  }

  const exp = numeric.get('exp');
  const iat = numeric.get('iat');
  const warnAfter = numeric.get('kubernetes.io.warnafter');
  if (exp !== undefined && iat !== undefined) {
    const lifetime = exp - iat;
    if (lifetime < 0) {
      warnings.push({ code: 'exp-before-iat', claim: 'exp', text: `exp is ${formatDuration(-lifetime * 1000)} before iat: this token was never valid.` });
    } else if (warnAfter !== undefined && exp > warnAfter) {
      warnings.push({
        code: 'extended-expiry',
        claim: 'exp',
        text:
          `exp is ${formatDuration(lifetime * 1000)} after iat, but the kubelet still rotates it hourly. The API server stretched ` +
          `this ${formatDuration((warnAfter - iat) * 1000)} token (${warnAfter - iat} s, the kubelet’s 3607 s request) so that ` +
          'clients which never re-read the token file keep working; the kubelet plans its refresh from the lifetime it ' +
          'asked for, not from exp. After warnafter each use is accepted but audited as stale — and a stolen copy works for the whole year.',
      });
    } else if (lifetime > ONE_DAY_SEC) {
      warnings.push({
        code: 'long-lived',
        claim: 'exp',
        text: `exp is ${formatDuration(lifetime * 1000)} after iat: a stolen copy stays useful that long. The kubelet's own tokens are renewed at least once a day.`,
      });
    }
  }
  return warnings;
}
