/**
 * "Paste your own token" as a pure function: the pasted text and the machine's time in, everything the panel shows
 * out (what kind of token it is, whether its times allow it now, every claim explained, the warnings, its own
 * timeline, or exactly what is wrong with the text and where). Nothing here stores or sends anything.
 */
import { decodeJwt } from '../../../shared/jwt/decode-jwt.ts';
import { formatDuration, formatSeconds } from '../../../shared/time/duration.ts';
import {
  explainClaim,
  explainHeader,
  flattenClaims,
  formatRelative,
  formatUtc,
  integerDigits,
  LEGACY_ISSUER,
  NUMERIC_DATE_LIMIT_SEC,
  rawClaimValue,
  TIME_CLAIMS,
  type ClaimContext,
  type ClaimExplanation,
} from '../../../shared/explain/claim-explanations.ts';
import { allPasteWarnings, hasKubernetesClaims, type PasteWarning } from './paste-warnings.ts';
import { buildTimeline, markOffset, type PasteTimeline } from './paste-timeline.ts';
import { checkTimeClaims, CLOCK_SKEW_LEEWAY_SEC } from '../../../shared/engine/token-rules.ts';


export type PastedKind = 'legacy' | 'pod' | 'secret' | 'node' | 'unbound' | 'other';

export interface FieldRow {
  name: string;
  raw: string;
  explanation?: ClaimExplanation;
}

export interface ClaimTimes {
  /** "2025-01-06 09:00:01 UTC". */
  absolute: string;
  /** "in 58 m", "3 d ago": against the machine's clock. */
  relative: string;
  /** "1 h 0 m 7 s after iat" (absent on iat itself and when there is no iat). */
  afterIat?: string;
}

export interface ClaimRow {
  path: string;
  raw: string;
  explanation?: ClaimExplanation;
  times?: ClaimTimes;
  /** Codes of the warnings about this claim (their text is in PastedToken.warnings). */
  warnings: string[];
}

export type Verdict = 'valid' | 'stale' | 'leeway' | 'expired' | 'not-yet-valid' | 'issued-in-future' | 'never-expires' | 'unreadable' | 'suspicious';

/** 13 digits or more: as seconds, the year 33658 and later; as milliseconds, 2001 and later (claim-explanations' rule). */
const MILLISECONDS_EXP = 1e12;

export interface TokenStatus {
  verdict: Verdict;
  /** ✓ usable by its times, ✗ refused by its times, ! cannot tell or usable with a catch. Never colour alone. */
  symbol: '✓' | '✗' | '!';
  title: string;
  detail: string;
}

export interface PastedToken {
  compact: string;
  kind: PastedKind;
  /** "Projected pod token, stretched to a year". */
  kindTitle: string;
  /** Where such tokens come from. */
  kindDetail: string;
  status: TokenStatus;
  warnings: PasteWarning[];
  header: FieldRow[];
  claims: ClaimRow[];
  timeline: PasteTimeline;
  /** What is (not) known about the signature. */
  signatureNote: string;
}

export interface PasteError {
  /** decodeJwt's message: what is wrong, naming the part and the column. */
  message: string;
  /** 1-based, in the text as pasted. */
  column: number;
  /** Which part of the token the problem is in, when it is in one. */
  part?: 'header' | 'payload' | 'signature';
  excerpt: ErrorExcerpt;
}

/** A slice of the pasted text around the column, one visible character per UTF-16 unit so a caret can sit under it. */
export interface ErrorExcerpt {
  before: string;
  /** The character at the column ("" when the column is just past the end). */
  at: string;
  after: string;
  clippedStart: boolean;
  clippedEnd: boolean;
}

/**
 * What was read: nothing, a text that is not a token (and where), or a token. `unwrapped` says what whitespace was
 * taken out from inside the token first (a terminal wraps a long token over several lines).
 */
export type PasteAnalysis =
  | { state: 'empty' }
  | { state: 'error'; error: PasteError; unwrapped?: string }
  | { state: 'decoded'; token: PastedToken; unwrapped?: string };

/**
 * The pasted text without the whitespace inside the token (no JWT has any), a leading "Authorization: Bearer " kept for the decoder.
 * `columnIn` maps a 1-based column of the result back to the text as pasted; `removed` is undefined when nothing was.
 */
export function unwrapPastedToken(text: string): { text: string; columnIn(column: number): number; removed?: { lineBreaks: number; spaces: number } } {
  const lead = /^\s*(?:authorization[ \t]*:[ \t]*)?(?:bearer\s+)?/i.exec(text)![0].length;
  const trail = text.length - text.trimEnd().length;
  const kept: number[] = [];
  let lineBreaks = 0;
  let spaces = 0;
  for (let i = 0; i < text.length; i++) {
    const inside = i >= lead && i < text.length - trail;
    if (inside && /\s/.test(text[i]!)) {
      if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) lineBreaks++;
      else if (text[i] !== '\r') spaces++;
      continue;
    }
    kept.push(i);
  }
  const cleaned = kept.map((i) => text[i]).join('');
  const columnIn = (column: number) => (kept[column - 1] ?? text.length) + 1;
  return lineBreaks + spaces === 0 ? { text, columnIn: (column) => column } : { text: cleaned, columnIn, removed: { lineBreaks, spaces } };
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** Characters of context shown on each side of a bad column. */
const EXCERPT_RADIUS = 24;

export function analyzePastedToken(text: string, nowEpochMs: number): PasteAnalysis {
  if (text.trim() === '') return { state: 'empty' };
  const unwrapped = unwrapPastedToken(text);
  const removed = unwrapped.removed;
  const said = removed
    ? {
        unwrapped:
          `Removed ${[removed.lineBreaks > 0 ? plural(removed.lineBreaks, 'line break', 'line breaks') : '', removed.spaces > 0 ? plural(removed.spaces, 'space', 'spaces') : ''].filter(Boolean).join(' and ')} ` +
          'from inside the token: a terminal wraps a long token over several lines, and a JWT has no whitespace in it. It is read without them.',
      }
    : {};
  const decoded = decodeJwt(unwrapped.text);
  if (!decoded.ok) {
    // Columns are told in the text as pasted, so the caret and "Select column" land where the user's text has it.
    const column = unwrapped.columnIn(decoded.error.column);
    const message = decoded.error.message.replace(`column ${decoded.error.column}`, `column ${column}`);
    const part = /^part \d \((header|payload|signature)\)/.exec(message)?.[1] as PasteError['part'];
    return { state: 'error', error: { message, column, ...(part ? { part } : {}), excerpt: errorExcerpt(text, column) }, ...said };
  }
  return { state: 'decoded', token: describeToken(decoded.compact, decoded.header, decoded.claims, decoded.signature, nowEpochMs), ...said };
}

export function errorExcerpt(text: string, column: number): ErrorExcerpt {
  const index = Math.max(0, column - 1);
  const from = Math.max(0, index - EXCERPT_RADIUS);
  const to = Math.min(text.length, index + 1 + EXCERPT_RADIUS);
  return {
    before: visible(text.slice(from, index)),
    at: visible(text.slice(index, index + 1)),
    after: visible(text.slice(Math.min(index + 1, text.length), to)),
    clippedStart: from > 0,
    clippedEnd: to < text.length,
  };
}

/** Line breaks, tabs and other invisible characters as one visible symbol each, so the caret stays aligned. */
function visible(text: string): string {
  return text.replace(/\r\n?|\n/g, (m) => '↵'.repeat(m.length)).replace(/\t/g, '⇥').replace(/[\u0000-\u001f\u007f\u00a0\u2000-\u200b\u2028\u2029\ufeff]/g, '·');
}

// ---------------------------------------------------------------------------------------------------------------
// A decoded token

function numericSeconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function classifyToken(claims: Record<string, unknown>): PastedKind {
  const k8s = claims['kubernetes.io'];
  if (claims.iss === LEGACY_ISSUER || Object.keys(claims).some((key) => key.startsWith('kubernetes.io/serviceaccount/'))) return 'legacy';
  if (typeof k8s === 'object' && k8s !== null && !Array.isArray(k8s)) {
    const bound = k8s as Record<string, unknown>;
    if (bound.pod !== undefined) return 'pod';
    if (bound.secret !== undefined) return 'secret';
    if (bound.node !== undefined) return 'node';
    return 'unbound';
  }
  return hasKubernetesClaims(claims) ? 'unbound' : 'other';
}

function kindWords(kind: PastedKind, extended: boolean): { title: string; detail: string } {
  switch (kind) {
    case 'legacy':
      return {
        title: 'Legacy Secret-based token',
        detail: 'Made by the tokens controller and stored in a Secret (automatically for every ServiceAccount until 1.24). It has no expiry and no audience.',
      };
    case 'pod':
      return extended
        ? {
            title: 'Projected pod token, stretched to a year',
            detail: 'The kubelet asked for 3607 s for a pod’s projected volume; the API server extended it to a year for clients that never re-read the file (--service-account-extend-token-expiration, on by default), and recorded the real end as warnafter.',
          }
        : {
            title: 'Pod-bound token',
            detail: 'Bound to one pod: the kubelet’s projected token for that pod, or one made with kubectl create token --bound-object-kind Pod. It dies with the pod.',
          };
    case 'secret':
      return { title: 'Secret-bound token', detail: 'Made with the TokenRequest API (kubectl create token --bound-object-kind Secret). Deleting that Secret revokes it.' };
    case 'node':
      return { title: 'Node-bound token', detail: 'Made with the TokenRequest API and bound to a Node (kubectl create token --bound-object-kind Node). Deleting the Node revokes it.' };
    case 'unbound':
      return { title: 'TokenRequest token, bound to no object', detail: 'What plain kubectl create token gives: it works until exp, or until its ServiceAccount is deleted.' };
    case 'other':
      return { title: 'Not a Kubernetes ServiceAccount token', detail: 'Its claims are shown as they are; only the standard ones (iss, sub, aud, iat, nbf, exp, jti) are explained.' };
  }
}

export function describeToken(
  compact: string,
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  signature: string,
  nowEpochMs: number,
): PastedToken {
  const kind = classifyToken(claims);
  const flat = flattenClaims(claims);
  const values = new Map(flat.map((c) => [c.path, c.value]));
  const iat = numericSeconds(values.get('iat'));
  const nbf = numericSeconds(values.get('nbf'));
  const exp = numericSeconds(values.get('exp'));
  const warnAfter = numericSeconds(values.get('kubernetes.io.warnafter'));
  const extended = kind === 'pod' && iat !== undefined && warnAfter !== undefined && exp !== undefined && warnAfter > iat && warnAfter < exp;
  const nowSec = nowEpochMs / 1000;

  const warnings = allPasteWarnings(header, claims, signature);
  const context: ClaimContext =
    kind === 'legacy' ? { legacy: true } : kind === 'pod' ? { boundTo: 'Pod' } : kind === 'secret' ? { boundTo: 'Secret' } : kind === 'node' ? { boundTo: 'Node' } : {};

  const claimRows: ClaimRow[] = flat.map(({ path, value }) => {
    const explanation = explainClaim(path, context);
    const seconds = TIME_CLAIMS.includes(path) ? numericSeconds(value) : undefined;
    const times: ClaimTimes | undefined =
      seconds === undefined
        ? undefined
        : {
            absolute: formatUtc(seconds * 1000),
            relative: Math.abs(seconds) >= NUMERIC_DATE_LIMIT_SEC ? 'beyond any time an API server holds' : formatRelative(seconds * 1000 - nowEpochMs),
            ...(iat !== undefined && path !== 'iat' ? { afterIat: offsetFromIat(seconds, iat) } : {}),
          };
    return {
      path,
      raw: rawClaimValue(value),
      ...(explanation ? { explanation } : {}),
      ...(times ? { times } : {}),
      warnings: warnings.filter((w) => w.claim === path).map((w) => w.code),
    };
  });

  const headerRows: FieldRow[] = Object.entries(header).map(([name, value]) => {
    const explanation = explainHeader(name);
    return { name, raw: rawClaimValue(value), ...(explanation ? { explanation } : {}) };
  });

  const words = kindWords(kind, extended);
  return {
    compact,
    kind,
    kindTitle: words.title,
    kindDetail: words.detail,
    status: tokenStatus({ iat, nbf, exp, warnAfter, legacy: kind === 'legacy', expPresent: values.has('exp') }, nowSec),
    warnings,
    header: headerRows,
    claims: claimRows,
    timeline: buildTimeline({
      ...(iat !== undefined ? { iat } : {}),
      ...(nbf !== undefined ? { nbf } : {}),
      ...(exp !== undefined ? { exp } : {}),
      ...(warnAfter !== undefined ? { warnAfter } : {}),
      podBound: kind === 'pod',
      legacy: kind === 'legacy',
      nowSec,
    }),
    signatureNote:
      signature === ''
        ? 'There is no signature to check.'
        : 'The signature is not checked here: that needs your cluster’s public keys (its JWKS), which TokenScope does not have and does not fetch.',
  };
}

function offsetFromIat(seconds: number, iat: number): string {
  const delta = seconds - iat;
  const exact = formatSeconds(Math.abs(delta));
  if (delta === 0) return 'the same second as iat';
  const words = markOffset(Math.abs(delta)).slice(1);
  const both = words === exact ? exact : `${words}, ${exact}`;
  return delta > 0 ? `${both} after iat` : `${both} before iat`;
}

// ---------------------------------------------------------------------------------------------------------------
// Status by the times alone

interface StatusTimes {
  iat: number | undefined;
  nbf: number | undefined;
  exp: number | undefined;
  warnAfter: number | undefined;
  legacy: boolean;
  /** The token has an exp claim, usable as a number or not (a string, say). */
  expPresent: boolean;
}

/** How far apart two instants are: to the second under a day ("50 m 7 s"), else two units, never rounded up ("2 d 23 h"). */
function span(fromSec: number, toSec: number): string {
  const seconds = Math.abs(toSec - fromSec);
  return seconds < 86_400 ? markOffset(seconds).slice(1) : formatDuration(seconds * 1000);
}

/**
 * What the API server would say about these times at `nowSec`, in its order (go-jose Claims.ValidateWithLeeway, as
 * kube-apiserver calls it: nbf, then exp, then iat, each with 60 s of leeway). Signature, audience and bound objects
 * are not known here, so the words say "by its times".
 */
export function tokenStatus(t: StatusTimes, nowSec: number): TokenStatus {
  if (t.exp === undefined && t.expPresent) {
    return { verdict: 'unreadable', symbol: '!', title: 'Its exp cannot be read as a time', detail: 'exp is not a number, so an API server cannot validate this token’s claims and refuses it.' };
  }
  const failed = checkTimeClaims(t, nowSec * 1000);
  if (failed?.problem === 'not-yet-valid') {
    return {
      verdict: 'not-yet-valid',
      symbol: '✗',
      title: `Not valid yet: nbf is ${span(nowSec, failed.claimSec)} from now`,
      detail: 'The API server would answer “service account token is not valid yet”. If you just made this token, this computer’s clock is probably behind.',
    };
  }
  if (failed?.problem === 'expired') {
    return {
      verdict: 'expired',
      symbol: '✗',
      title: `Expired ${span(failed.claimSec, nowSec)} ago`,
      detail: 'The API server would answer “service account token has expired”. A stolen copy is useless now.',
    };
  }
  if (failed?.problem === 'issued-in-future') {
    return {
      verdict: 'issued-in-future',
      symbol: '✗',
      title: `Issued ${span(nowSec, failed.claimSec)} in the future`,
      detail: 'The API server would answer “service account token is issued in the future”. This computer’s clock is probably behind the cluster’s.',
    };
  }
  if (t.exp !== undefined && Math.abs(t.exp) >= NUMERIC_DATE_LIMIT_SEC) {
    return {
      verdict: 'suspicious',
      symbol: '!',
      title: 'Suspicious: its exp is beyond any time an API server holds',
      detail:
        `exp has ${integerDigits(t.exp)} digits, more than an API server's 64-bit seconds can hold (read as milliseconds too), so what it makes of ` +
        'this token’s expiry is undefined. Kubernetes writes seconds: something else made or edited this token.',
    };
  }
  if (t.exp !== undefined && Math.abs(t.exp) >= MILLISECONDS_EXP) {
    const asMs = t.exp / 1000;
    return {
      verdict: 'suspicious',
      symbol: '!',
      title: 'Suspicious: its exp looks like milliseconds',
      detail:
        `exp has ${integerDigits(t.exp)} digits. JWT times count seconds, so an API server reads it as a date tens of thousands of years away ` +
        `and, by its times, never lets the token expire. Read as milliseconds it would ${asMs < nowSec ? `have expired ${span(asMs, nowSec)} ago` : `expire in ${span(nowSec, asMs)}`}. ` +
        'Kubernetes writes seconds: something else made or edited this token.',
    };
  }
  if (t.exp === undefined) {
    return t.legacy
      ? {
          verdict: 'never-expires',
          symbol: '!',
          title: 'Never expires',
          detail: 'By its times it works now and always will: it stops only when its Secret or its ServiceAccount is deleted. Anyone holding a copy can use it.',
        }
      : { verdict: 'never-expires', symbol: '!', title: 'No expiry', detail: 'Nothing in this token limits how long it works.' };
  }
  if (nowSec > t.exp) {
    return {
      verdict: 'leeway',
      symbol: '!',
      title: `Expired ${span(t.exp, nowSec)} ago, still inside the 60 s leeway`,
      detail: `The API server allows 60 s for clock skew, so it accepts this token for ${span(nowSec, t.exp + CLOCK_SKEW_LEEWAY_SEC)} more.`,
    };
  }
  if (t.warnAfter !== undefined && nowSec > t.warnAfter) {
    return {
      verdict: 'stale',
      symbol: '!',
      title: `Works, but stale: warnafter passed ${span(t.warnAfter, nowSec)} ago`,
      detail: `It is accepted until exp (in ${span(nowSec, t.exp)}), and each use is recorded in the audit log as a stale token. A kubelet would have replaced it long ago; whoever still sends it never re-reads the token file.`,
    };
  }
  return {
    verdict: 'valid',
    symbol: '✓',
    title: `Valid by its times: expires in ${span(nowSec, t.exp)}`,
    detail:
      t.warnAfter !== undefined
        ? `Its real hour ends at warnafter, in ${span(nowSec, t.warnAfter)}; after that it still works, audited as stale.`
        : 'The API server also checks the signature and that its ServiceAccount (and any bound object) still exist, which only your cluster can tell.',
  };
}
