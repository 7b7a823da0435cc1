/**
 * Many pods: the lanes memo stays exactly a fresh derivation when fed batch by batch (the incremental bookkeeping of
 * which lane holds which token), and a flow with more than a dozen pods shows them as one summary lane of thin rows
 * that still says what matters: the legacy pods share one token forever, the projected pods' tokens rotate.
 */
import { describe, expect, it } from 'vitest';
import { createLanesMemo, deriveLanes } from '../../../shared/lanes/derive-lanes.ts';
import { SUMMARY_MIN_PODS, type FlowLanes, type TimelineLanes } from '../../../shared/lanes/lane-types.ts';
import { snapshotOf } from '../../support/scenario-snapshot.ts';

const M = 60_000;
const H = 60 * M;

function manyPods(pods: number, duration: string, extra = ''): string {
  const pod = (i: number) =>
    `  - at: ${i * 7}s\n    apply: |\n      apiVersion: v1\n      kind: Pod\n      metadata:\n        name: app-${i}\n      spec:\n        serviceAccountName: my-app\n        containers:\n          - name: app\n            image: nginx:stable\n`;
  return `name: many\nseed: 3\nduration: ${duration}\nflows:\n  - id: legacy\n    kubernetesVersion: "1.20"\n  - id: projected\n    kubernetesVersion: "1.30"\nsteps:\n  - at: 0s\n    kubectl: create serviceaccount my-app\n${Array.from({ length: pods }, (_, i) => pod(i)).join('')}${extra}`;
}

const flow = (lanes: TimelineLanes, id: string): FlowLanes => lanes.flows.find((f) => f.flowId === id)!;

describe('many pods', () => {
  const whole = snapshotOf(manyPods(SUMMARY_MIN_PODS + 2, '5h'));

  it('gives the same lanes batch by batch as from the whole log at once', () => {
    const memo = createLanesMemo();
    let version = 1;
    for (let end = 0; end <= whole.events.length; end += 53) {
      const events = whole.events.slice(0, end);
      const nowMs = events.at(-1)?.atMs ?? 0;
      const snapshot = { version: version++, scenario: whole.scenario, events, tokens: whole.tokens.filter((t) => t.issuedAtMs <= nowMs), nowMs };
      expect(memo(snapshot)).toEqual(deriveLanes(snapshot));
    }
  });

  it('copes with token summaries that arrive a batch after their events', () => {
    const memo = createLanesMemo();
    let version = 1;
    for (let end = 0; end <= whole.events.length; end += 71) {
      const events = whole.events.slice(0, end);
      const nowMs = events.at(-1)?.atMs ?? 0;
      const snapshot = { version: version++, scenario: whole.scenario, events, tokens: whole.tokens.filter((t) => t.issuedAtMs < nowMs - 10 * M), nowMs };
      expect(memo(snapshot)).toEqual(deriveLanes(snapshot));
    }
  });

  it('shows more than a dozen pods as one lane of thin rows, one per pod', () => {
    const lanes = deriveLanes(whole);
    for (const id of ['legacy', 'projected']) {
      const f = flow(lanes, id);
      const pods = f.lanes.filter((l) => l.kind === 'pods');
      expect(pods).toHaveLength(1);
      expect(f.lanes.some((l) => l.kind === 'pod')).toBe(false);
      expect(pods[0]!.label).toBe(`${SUMMARY_MIN_PODS + 2} pods`);
      expect(pods[0]!.summary!.rows.map((r) => r.name)).toEqual(Array.from({ length: SUMMARY_MIN_PODS + 2 }, (_, i) => `app-${i}`));
    }
  });

  it('says the legacy pods share one token forever and the projected ones rotate theirs', () => {
    const lanes = deriveLanes(whole);
    const legacy = flow(lanes, 'legacy').lanes.find((l) => l.kind === 'pods')!.summary!;
    expect(legacy.caption).toMatch(/^every pod holds the same token #\d+: no exp claim, nothing rotates it$/);
    expect(legacy.rows.every((r) => r.held.length === 1 && r.held[0]!.endMs === undefined && r.held[0]!.toMs === undefined)).toBe(true);
    const projected = flow(lanes, 'projected');
    const rows = projected.lanes.find((l) => l.kind === 'pods')!.summary!;
    expect(rows.caption).toMatch(/^each pod's token is replaced every ~4\d m: \d+ tokens so far$/);
    // Each row: one token after another, each replaced by the next (the last one still held).
    for (const row of rows.rows) {
      expect(row.held.length).toBeGreaterThanOrEqual(5);
      row.held.forEach((held, i) => expect(held.toMs).toBe(row.held[i + 1]?.fromMs));
    }
    expect(projected.rotations).toBe(rows.rows.reduce((n, r) => n + r.held.length - 1, 0));
    expect(projected.tokenBarCount).toBe(rows.rows.reduce((n, r) => n + r.held.length, 0));
    expect(projected.subtitle).toMatch(/^TokenRequest token, audience .*, expirationSeconds 3607, rotated by the kubelet; JWT exp extended to one year$/);
  });

  it('keeps a lane per pod up to a dozen pods', () => {
    const lanes = deriveLanes(snapshotOf(manyPods(SUMMARY_MIN_PODS - 1, '2h')));
    expect(flow(lanes, 'projected').lanes.filter((l) => l.kind === 'pod')).toHaveLength(SUMMARY_MIN_PODS - 1);
    expect(flow(lanes, 'projected').lanes.some((l) => l.kind === 'pods')).toBe(false);
  });

  it('ends a deleted pod\'s row at its deletion', () => {
    const deleted = snapshotOf(manyPods(SUMMARY_MIN_PODS, '3h', '  - at: 2h\n    kubectl: delete pod app-3\n'));
    const rows = flow(deriveLanes(deleted), 'projected').lanes.find((l) => l.kind === 'pods')!.summary!.rows;
    const row = rows.find((r) => r.name === 'app-3')!;
    expect(row.deletedMs).toBeGreaterThanOrEqual(2 * H);
    expect(rows.filter((r) => r.deletedMs !== undefined)).toHaveLength(1);
  });
});
