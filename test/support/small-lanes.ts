/**
 * A small, hand-written lanes model (no engine involved) for golden and plan tests: a legacy flow whose token never
 * expires and whose stolen copy works forever, and a projected flow whose two tokens expire and rotate, whose stolen
 * copy dies at exp + 60 s, with a kubelet outage at the end. Times are simple: M = one minute.
 */
import type { FlowLanes, LaneMark, TimelineLanes, TokenBar } from '../../shared/lanes/lane-types.ts';

export const M = 60_000;

function token(partial: Partial<TokenBar> & Pick<TokenBar, 'token' | 'number' | 'issuedAtMs'>): TokenBar {
  return {
    type: 'token',
    tokenKind: 'bound',
    requester: 'kubelet',
    row: 0,
    expMs: undefined,
    statusExpirationMs: undefined,
    warnAfterMs: undefined,
    expirationSec: undefined,
    refreshFromMs: undefined,
    refreshDue: undefined,
    expired: undefined,
    invalidated: undefined,
    endMs: undefined,
    endReason: undefined,
    segments: [],
    fileWrites: [],
    audiences: ['https://kubernetes.default.svc'],
    secretName: undefined,
    extended: false,
    issuedSeq: undefined,
    ...partial,
  };
}

const mark = (kind: LaneMark['kind'], atMs: number, seq: number, tokenIndex?: number): LaneMark => ({ kind, atMs, seq, token: tokenIndex, text: `${kind} at ${atMs / M} m` });

export function smallLegacyFlow(): FlowLanes {
  return {
    flowId: 'legacy',
    title: 'Legacy flow · Kubernetes 1.20',
    subtitle: 'Secret my-app-token-abcde, mounted from a Secret volume; no exp claim',
    kubernetesVersion: '1.20',
    legacy: true,
    lanes: [
      {
        id: 'pod:default/app',
        kind: 'pod',
        label: 'pod app',
        sublabel: 'Secret-based token',
        rows: 1,
        compact: false,
        bars: [token({ token: 0, number: 1, issuedAtMs: 0, tokenKind: 'legacy', requester: 'tokens-controller', segments: [{ kind: 'valid', fromMs: 0, toMs: undefined }], fileWrites: [1000] })],
        strips: [
          { id: 'w', label: 'file writes', marks: [mark('file-write', 1000, 1, 0)] },
          { id: 'c', label: 'app-client calls', marks: [mark('call-ok', 10 * M, 2, 0), mark('call-ok', 40 * M, 3, 0), mark('call-ok', 70 * M, 4, 0), mark('call-ok', 100 * M, 5, 0)] },
        ],
        marks: [],
      },
      {
        id: 'attacker:legacy',
        kind: 'attacker',
        label: 'attacker',
        sublabel: 'stolen copy of token #1',
        rows: 1,
        compact: false,
        bars: [{ type: 'stolen', token: 0, number: 1, tokenKind: 'legacy', actor: 'attacker', row: 0, leakedAtMs: 30 * M, leakSeq: 6, usableUntilMs: undefined, endReason: undefined, expMs: undefined, replaysOk: 3, replaysDenied: 0 }],
        strips: [{ id: 'r', label: 'attacker calls', marks: [mark('call-ok', 30 * M, 7, 0), mark('call-ok', 60 * M, 8, 0), mark('call-ok', 90 * M, 9, 0)] }],
        marks: [mark('leak', 30 * M, 6, 0)],
      },
    ],
    spans: [],
    markers: [],
    tokenBarCount: 1,
    rotations: 0,
    replaysOk: 3,
    replaysDenied: 0,
    callsOk: 4,
    callsDenied: 0,
  };
}

export function smallProjectedFlow(): FlowLanes {
  const exp1 = 60 * M;
  const exp2 = 108 * M;
  return {
    flowId: 'projected',
    title: 'Projected flow · Kubernetes 1.30',
    subtitle: 'TokenRequest token, audience https://kubernetes.default.svc, expirationSeconds 3600, rotated by the kubelet',
    kubernetesVersion: '1.30',
    legacy: false,
    lanes: [
      {
        id: 'pod:default/app',
        kind: 'pod',
        label: 'pod app',
        sublabel: 'projected token',
        rows: 2,
        compact: false,
        bars: [
          token({
            token: 10, number: 1, issuedAtMs: 0, row: 0, expMs: exp1, statusExpirationMs: exp1, expirationSec: 3600, refreshFromMs: 48 * M,
            refreshDue: { atMs: 48 * M, seq: 20, cause: 'refresh: age 2,880 s passed 80 % of 3,600 s', rule: 'ttl-80-percent' },
            expired: { atMs: exp1, seq: 24 }, endMs: exp1, endReason: 'exp',
            segments: [{ kind: 'valid', fromMs: 0, toMs: 48 * M }, { kind: 'refresh', fromMs: 48 * M, toMs: exp1 }],
            fileWrites: [1000],
          }),
          token({
            token: 11, number: 2, issuedAtMs: 48 * M, row: 1, expMs: exp2, statusExpirationMs: exp2, expirationSec: 3600, refreshFromMs: 96 * M,
            endMs: exp2, endReason: 'exp', expired: { atMs: exp2, seq: 30 },
            segments: [{ kind: 'valid', fromMs: 48 * M, toMs: 96 * M }, { kind: 'refresh', fromMs: 96 * M, toMs: exp2 }],
            fileWrites: [48 * M],
          }),
        ],
        strips: [
          { id: 'w', label: 'file writes', marks: [mark('file-write', 1000, 11, 10), mark('file-write', 48 * M, 21, 11)] },
          { id: 'c', label: 'app-client calls', marks: [mark('call-ok', 10 * M, 12, 10), mark('call-ok', 40 * M, 13, 10), mark('call-ok', 70 * M, 14, 11), mark('call-denied', 110 * M, 15, 11)] },
        ],
        marks: [],
      },
      {
        id: 'attacker:projected',
        kind: 'attacker',
        label: 'attacker',
        sublabel: 'stolen copy of token #1',
        rows: 1,
        compact: false,
        bars: [{ type: 'stolen', token: 10, number: 1, tokenKind: 'bound', actor: 'attacker', row: 0, leakedAtMs: 30 * M, leakSeq: 16, usableUntilMs: exp1 + M, endReason: 'leeway', expMs: exp1, replaysOk: 2, replaysDenied: 1 }],
        strips: [{ id: 'r', label: 'attacker calls', marks: [mark('call-ok', 30 * M, 17, 10), mark('call-ok', 60 * M, 18, 10), mark('call-denied', 90 * M, 19, 10)] }],
        marks: [mark('leak', 30 * M, 16, 10)],
      },
    ],
    spans: [{ kind: 'kubelet-down', label: 'kubelet down', fromMs: 100 * M, toMs: undefined, seq: 25 }],
    markers: [],
    tokenBarCount: 2,
    rotations: 1,
    replaysOk: 2,
    replaysDenied: 1,
    callsOk: 3,
    callsDenied: 1,
  };
}

/** Both flows at the end of a two-hour scenario. */
export function smallLanes(nowMs = 120 * M): TimelineLanes {
  return {
    version: 1,
    nowMs,
    durationMs: 120 * M,
    title: 'Small: one token each',
    takeaway: 'Legacy tokens live forever; projected tokens expire and rotate.',
    flows: [smallLegacyFlow(), smallProjectedFlow()],
  };
}
