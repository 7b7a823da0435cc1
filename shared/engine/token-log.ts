/**
 * The token log: every token the run issued, in issue order, stored as columns (numbers per token) and profiles (what
 * a pod's or a Secret's successive tokens share: flow, header, ServiceAccount, audiences, bound objects, issuer). A
 * `TokenRecord` with its claims is built only when someone reads a token, so a week of a thousand pods rotating hourly
 * (two hundred thousand tokens) costs about a hundred bytes a token instead of a kilobyte of objects.
 *
 * Rewinding (a seek back) only moves `length`: the tokens after it stay, since replaying the same future issues the
 * same tokens, and a seek forward can restore a later snapshot without issuing them again. A user command that
 * changes the future drops them (`discardFuture`).
 */
import type { JwtHeader, LegacyClaims, ObjectRefClaim, BoundClaims } from '../jwt/jwt-types.ts';
import type { EventTextFacts } from '../model/event-text.ts';
import { ensureLength } from '../sim/grow-array.ts';
import { uidFromWords } from '../sim/prng.ts';
import { schedule, type EngineContext } from './engine-context.ts';
import type { ClusterState, TokenRecord } from './engine-state.ts';

type BoundObject = NonNullable<TokenRecord['boundObject']>;

/** What every token of one profile shares. */
export interface TokenProfile {
  flow: string;
  kind: 'legacy' | 'bound';
  header: JwtHeader;
  namespace: string;
  serviceAccount: string;
  serviceAccountUid: string;
  audiences: string[];
  boundObject?: BoundObject;
  /** Legacy tokens: the Secret that holds it. */
  secretName?: string;
  /** Legacy tokens: their claims (they name their Secret, so each has its own profile anyway). */
  legacyClaims?: LegacyClaims;
  /** Bound tokens: the claims every token of this profile repeats. */
  iss: string;
  sub: string;
  serviceAccountRef: { name: string; uid: string };
  podRef?: ObjectRefClaim;
  secretRef?: ObjectRefClaim;
  nodeRef?: ObjectRefClaim;
  /** Whether the version writes a `jti`. */
  jti: boolean;
}

/** The per-token numbers of a bound token (its JWT's `iat` and `exp` among them). */
export interface BoundTokenNumbers {
  issuedAtMs: number;
  expirationSec: number;
  statusExpirationMs: number;
  jwtExpiresAtMs: number;
  /** Set when the 3607 s extension applied. */
  warnAfterMs: number | undefined;
  keyIndex: number;
  iat: number;
  exp: number;
}

/** The moments a token is told about once: its `exp` passed, it stopped being accepted, it was used past warnafter. */
export type ToldKind = 0 | 1 | 2;
export const TOLD_EXPIRED: ToldKind = 0;
export const TOLD_INVALIDATED: ToldKind = 1;
export const TOLD_STALE: ToldKind = 2;

/** Tokens room is made for when the caller has no estimate; the columns double as they fill. */
const DEFAULT_CAPACITY = 256;
const NONE: readonly number[] = [];

export class TokenLog implements EventTextFacts {
  private visible = 0;
  /** Tokens kept after `visible` from a future computed before a seek back. */
  private computed = 0;
  private readonly profiles: TokenProfile[] = [];
  /** Profile ids by anchor (the bound object's UID, or a legacy token's claims), to look a profile up again. */
  private readonly profilesByAnchor = new Map<string, number[]>();
  private profileOfToken: Int32Array;
  private numbers: Int32Array;
  private keyIndex: Int32Array;
  private issuedAtMs: Float64Array;
  private expirationSec: Float64Array;
  private statusExpirationMs: Float64Array;
  private jwtExpiresAtMs: Float64Array;
  private warnAfterMs: Float64Array;
  private iat: Float64Array;
  private exp: Float64Array;
  private jti: Uint32Array;
  /** Per told kind: 1 + the position in the event log of the event that told it, or 0. */
  private told: Int32Array;

  /** `capacity`: the tokens expected (the work estimate), made room for at once. */
  constructor(capacity = DEFAULT_CAPACITY) {
    this.profileOfToken = new Int32Array(capacity);
    this.numbers = new Int32Array(capacity);
    this.keyIndex = new Int32Array(capacity);
    this.issuedAtMs = new Float64Array(capacity);
    this.expirationSec = new Float64Array(capacity);
    this.statusExpirationMs = new Float64Array(capacity);
    this.jwtExpiresAtMs = new Float64Array(capacity);
    this.warnAfterMs = new Float64Array(capacity);
    this.iat = new Float64Array(capacity);
    this.exp = new Float64Array(capacity);
    this.jti = new Uint32Array(capacity * 4);
    this.told = new Int32Array(capacity * 3);
  }

  get length(): number {
    return this.visible;
  }

  /** The profiles filed under `anchor` (see `addProfile`), by id. */
  profilesAt(anchor: string): readonly number[] {
    return this.profilesByAnchor.get(anchor) ?? NONE;
  }

  profile(id: number): TokenProfile {
    return this.profiles[id]!;
  }

  addProfile(anchor: string, profile: TokenProfile): number {
    const id = this.profiles.length;
    this.profiles.push(profile);
    const filed = this.profilesByAnchor.get(anchor);
    if (filed) filed.push(id);
    else this.profilesByAnchor.set(anchor, [id]);
    return id;
  }

  profileOf(index: number): TokenProfile {
    return this.profiles[this.profileOfToken[this.check(index)]!]!;
  }

  recordBound(profileId: number, number: number, numbers: BoundTokenNumbers): number {
    const index = this.append(profileId, number, numbers.keyIndex, numbers.issuedAtMs);
    this.expirationSec[index] = numbers.expirationSec;
    this.statusExpirationMs[index] = numbers.statusExpirationMs;
    this.jwtExpiresAtMs[index] = numbers.jwtExpiresAtMs;
    this.warnAfterMs[index] = numbers.warnAfterMs ?? Number.NaN;
    this.iat[index] = numbers.iat;
    this.exp[index] = numbers.exp;
    return index;
  }

  /** The four draws that spell a bound token's `jti` (see uidFromWords). */
  setJti(index: number, a: number, b: number, c: number, d: number): void {
    const at = this.check(index) * 4;
    const words = this.jti;
    words[at] = a;
    words[at + 1] = b;
    words[at + 2] = c;
    words[at + 3] = d;
  }

  recordLegacy(profileId: number, number: number, keyIndex: number, issuedAtMs: number): number {
    const index = this.append(profileId, number, keyIndex, issuedAtMs);
    for (const column of [this.expirationSec, this.statusExpirationMs, this.jwtExpiresAtMs, this.warnAfterMs, this.iat, this.exp]) column[index] = Number.NaN;
    return index;
  }

  private append(profileId: number, number: number, keyIndex: number, issuedAtMs: number): number {
    const index = this.visible;
    const needed = index + 1;
    if (needed > this.profileOfToken.length) this.grow(needed);
    this.profileOfToken[index] = profileId;
    this.numbers[index] = number;
    this.keyIndex[index] = keyIndex;
    this.issuedAtMs[index] = issuedAtMs;
    // Replaying a kept future issues this very token again: when it was told about there still holds.
    if (index >= this.computed) this.told.fill(0, index * 3, index * 3 + 3);
    this.visible = needed;
    if (needed > this.computed) this.computed = needed;
    return index;
  }

  private grow(needed: number): void {
    this.profileOfToken = ensureLength(this.profileOfToken, needed);
    this.numbers = ensureLength(this.numbers, needed);
    this.keyIndex = ensureLength(this.keyIndex, needed);
    this.issuedAtMs = ensureLength(this.issuedAtMs, needed);
    this.expirationSec = ensureLength(this.expirationSec, needed);
    this.statusExpirationMs = ensureLength(this.statusExpirationMs, needed);
    this.jwtExpiresAtMs = ensureLength(this.jwtExpiresAtMs, needed);
    this.warnAfterMs = ensureLength(this.warnAfterMs, needed);
    this.iat = ensureLength(this.iat, needed);
    this.exp = ensureLength(this.exp, needed);
    this.jti = ensureLength(this.jti, needed * 4);
    this.told = ensureLength(this.told, needed * 3);
  }

  /** Back to `length` tokens (a seek back); the ones after stay for a seek forward over the same future. */
  rewindTo(length: number): void {
    this.visible = length;
  }

  /** Forward to `length` tokens of the future computed before (a seek forward that restores a later snapshot). */
  restoreTo(length: number): void {
    if (length > this.computed) throw new Error(`internal: the token log has ${this.computed} tokens, not ${length}`);
    this.visible = length;
  }

  /** The future after `length` no longer holds (a user command changed it). */
  discardFuture(): void {
    this.computed = this.visible;
  }

  private check(index: number): number {
    if (!(index >= 0 && index < this.visible)) throw new Error(`internal: no token ${index}`);
    return index;
  }

  // ---- reading one field ---------------------------------------------------------------------------------------

  tokenNumber(index: number): number {
    return this.numbers[this.check(index)]!;
  }

  tokenKind(index: number): 'legacy' | 'bound' {
    return this.profileOf(index).kind;
  }

  tokenExpirationSec(index: number): number {
    const sec = this.expirationSec[this.check(index)]!;
    return Number.isNaN(sec) ? 0 : sec;
  }

  /** When the token was issued, in simulated ms. */
  issuedAt(index: number): number {
    return this.issuedAtMs[this.check(index)]!;
  }

  /** JWT `exp` in simulated ms (undefined for a legacy token, which has none). */
  jwtExpiresAt(index: number): number | undefined {
    const ms = this.jwtExpiresAtMs[this.check(index)]!;
    return Number.isNaN(ms) ? undefined : ms;
  }

  // ---- told once -----------------------------------------------------------------------------------------------

  /** Where in the event log the token was told about (`kind`), or -1; the caller checks it still lies in the log. */
  toldAt(kind: ToldKind, index: number): number {
    return this.told[this.check(index) * 3 + kind]! - 1;
  }

  setTold(kind: ToldKind, index: number, seq: number): void {
    this.told[this.check(index) * 3 + kind] = seq + 1;
  }

  // ---- whole records ---------------------------------------------------------------------------------------------

  /** The token as a record with its claims, built now (the same fields, in the same order, every time). */
  get(index: number): TokenRecord {
    const p = this.profileOf(index);
    const number = this.numbers[index]!;
    const keyIndex = this.keyIndex[index]!;
    const issuedAtMs = this.issuedAtMs[index]!;
    if (p.kind === 'legacy') {
      return {
        flow: p.flow,
        kind: 'legacy',
        header: p.header,
        claims: p.legacyClaims!,
        issuedAtMs,
        namespace: p.namespace,
        serviceAccount: p.serviceAccount,
        serviceAccountUid: p.serviceAccountUid,
        audiences: [],
        secretName: p.secretName!,
        keyIndex,
        index,
        number,
      };
    }
    const iat = this.iat[index]!;
    const expirationSec = this.expirationSec[index]!;
    const warnAfterMs = this.warnAfterMs[index]!;
    const extended = !Number.isNaN(warnAfterMs);
    const privateClaims: BoundClaims['kubernetes.io'] = { namespace: p.namespace, serviceaccount: p.serviceAccountRef };
    if (p.podRef) privateClaims.pod = p.podRef;
    if (p.secretRef) privateClaims.secret = p.secretRef;
    if (p.nodeRef) privateClaims.node = p.nodeRef;
    if (extended) privateClaims.warnafter = iat + expirationSec;
    const exp = this.exp[index]!;
    const claims: BoundClaims = p.jti
      ? { aud: p.audiences, exp, iat, iss: p.iss, jti: this.jtiOf(index), 'kubernetes.io': privateClaims, nbf: iat, sub: p.sub }
      : { aud: p.audiences, exp, iat, iss: p.iss, 'kubernetes.io': privateClaims, nbf: iat, sub: p.sub };
    const record: TokenRecord = {
      flow: p.flow,
      kind: 'bound',
      header: p.header,
      claims,
      issuedAtMs,
      namespace: p.namespace,
      serviceAccount: p.serviceAccount,
      serviceAccountUid: p.serviceAccountUid,
      expirationSec,
      statusExpirationMs: this.statusExpirationMs[index]!,
      jwtExpiresAtMs: this.jwtExpiresAtMs[index]!,
    } as TokenRecord;
    if (extended) record.warnAfterMs = warnAfterMs;
    record.audiences = p.audiences;
    if (p.boundObject) record.boundObject = p.boundObject;
    record.keyIndex = keyIndex;
    record.index = index;
    record.number = number;
    return record;
  }

  private jtiOf(index: number): string {
    const at = index * 4;
    const words = this.jti;
    return uidFromWords(words[at]!, words[at + 1]!, words[at + 2]!, words[at + 3]!);
  }

  /** Tokens `from` (inclusive) to `to` (exclusive) as records. */
  slice(from: number, to = this.visible): TokenRecord[] {
    const out: TokenRecord[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.visible); i++) out.push(this.get(i));
    return out;
  }

  /** Indexes of this flow's tokens whose profile satisfies `test`, in issue order. */
  indexesWhere(flow: string, test: (profile: TokenProfile, index: number) => boolean): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.visible; i++) {
      const p = this.profiles[this.profileOfToken[i]!]!;
      if (p.flow === flow && test(p, i)) out.push(i);
    }
    return out;
  }

}

/** Issues a bound token under `profileId`: numbers it within its flow and schedules the moment its `exp` passes. */
export function recordBoundToken(ctx: EngineContext, cluster: ClusterState, profileId: number, numbers: BoundTokenNumbers): number {
  cluster.tokenCount += 1;
  const index = ctx.tokenLog.recordBound(profileId, cluster.tokenCount, numbers);
  if (numbers.jwtExpiresAtMs <= ctx.scenario.durationMs) schedule(ctx, numbers.jwtExpiresAtMs, { kind: 'token-expiry', token: index });
  return index;
}

/**
 * Issues a legacy token. Its claims name its Secret, so its profile is its own; replaying the same future finds the
 * profile again by what the claims say and which key signs.
 */
export function recordLegacyToken(ctx: EngineContext, cluster: ClusterState, profile: TokenProfile, keyIndex: number): number {
  cluster.tokenCount += 1;
  const anchor = ['legacy', profile.flow, JSON.stringify(profile.header), JSON.stringify(profile.legacyClaims)].join('\u0000');
  const profileId = ctx.tokenLog.profilesAt(anchor)[0] ?? ctx.tokenLog.addProfile(anchor, profile);
  return ctx.tokenLog.recordLegacy(profileId, cluster.tokenCount, keyIndex, ctx.state.nowMs);
}

export function tokenAt(ctx: EngineContext, index: number): TokenRecord {
  return ctx.tokenLog.get(index);
}
