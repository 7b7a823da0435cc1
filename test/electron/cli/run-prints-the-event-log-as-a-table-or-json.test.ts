/** `tokenscope run FILE [--until D] [--json]`: the table, the JSON report, and how the run is bounded. */
import { describe, expect, it } from 'vitest';
import { runCli, SIDE_BY_SIDE, type RunReport } from './cli-harness.ts';

describe('run SCENARIO (table)', async () => {
  const { code, stdout, stderr } = await runCli(['run', SIDE_BY_SIDE]);
  const lines = stdout.trimEnd().split('\n');

  it('exits 0 with nothing on stderr', () => {
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('prints a header and one row per event: time, flow, event type, message', async () => {
    expect(lines[0]).toMatch(/^TIME\s+FLOW\s+EVENT\s+WHAT HAPPENED$/);
    const json = JSON.parse((await runCli(['run', SIDE_BY_SIDE, '--json'])).stdout) as RunReport;
    const eventCount = Object.values(json.flows).reduce((n, f) => n + f.events.length, 0);
    expect(lines).toHaveLength(eventCount + 1);
    const rows = lines.slice(1);
    for (const line of rows) expect(line).toMatch(/^\d{2}:\d{2}:\d{2}(\.\d{3})?\s{2,}(legacy|projected)\s{2,}[a-z.-]+\s{2,}\S/);
    const all = Object.values(json.flows).flatMap((f) => f.events).sort((a, b) => a.seq - b.seq);
    rows.forEach((line, i) => {
      const [, flow, type] = /^\S+\s+(\S+)\s+(\S+)/.exec(line)!;
      expect([flow, type]).toEqual([all[i]!.flow, all[i]!.type]);
      expect(line.endsWith(all[i]!.message)).toBe(true);
    });
  });

  it('shows the rejected 5 minute token on 1.36 at 00:40:00', () => {
    const row = lines.find((l) => l.startsWith('00:40:00') && l.includes('projected') && l.includes('kubectl.ran'));
    expect(row).toMatch(/\$ kubectl create token my-app --duration 5m → error: failed to create token: TokenRequest\.authentication\.k8s\.io "" is invalid: spec\.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes$/);
  });

  it('ends at 06:00:00, the scenario duration', () => {
    expect(lines.at(-1)!.startsWith('06:00:00')).toBe(true);
  });
});

describe('run SCENARIO --json', async () => {
  const { code, stdout, stderr } = await runCli(['run', SIDE_BY_SIDE, '--json']);
  const report = JSON.parse(stdout) as RunReport;

  it('exits 0 and prints one JSON document', () => {
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.endsWith('}\n')).toBe(true);
  });

  it('describes the run: name, seed, duration, where it stopped', () => {
    expect(report.scenario).toEqual({ name: 'side-by-side', seed: 7, durationMs: 21_600_000, ranUntilMs: 21_600_000, startEpochMs: Date.UTC(2025, 0, 6, 9) });
  });

  it('has both flows with their versions', () => {
    expect(Object.keys(report.flows)).toEqual(['legacy', 'projected']);
    expect(report.flows.legacy!.kubernetesVersion).toBe('1.20');
    expect(report.flows.projected!.kubernetesVersion).toBe('1.36');
  });

  it('every event has type, atMs, flow (its own) and message, in time order', () => {
    for (const [id, flow] of Object.entries(report.flows)) {
      expect(flow.events.length).toBeGreaterThan(10);
      let last = -1;
      for (const e of flow.events) {
        expect(typeof e.type).toBe('string');
        expect(e.type).toMatch(/^[a-z-]+(\.[a-z-]+)?$/);
        expect(Number.isFinite(e.atMs)).toBe(true);
        expect(e.atMs).toBeGreaterThanOrEqual(last);
        expect(e.flow).toBe(id);
        expect(typeof e.message).toBe('string');
        expect(e.message.length).toBeGreaterThan(0);
        last = e.atMs;
      }
    }
  });

  it('lists every token of each flow with its JWT, and a JWKS with the signing key', () => {
    const legacy = report.flows.legacy!;
    const projected = report.flows.projected!;
    expect(legacy.tokens.map((t) => t.kind)).toEqual(['legacy', 'legacy', 'legacy']);
    // 1 at mount, then a rotation about every 48 m for six hours
    expect(projected.tokens.map((t) => t.kind)).toEqual(Array(8).fill('bound'));
    for (const flow of [legacy, projected]) {
      expect(flow.jwks.keys).toHaveLength(1);
      for (const t of flow.tokens) expect(t.jwt.split('.')).toHaveLength(3);
    }
    expect(projected.openidConfiguration).toMatchObject({ issuer: 'https://kubernetes.default.svc', jwks_uri: 'https://kubernetes.default.svc/openid/v1/jwks' });
  });

  it('token.issued events point at tokens of their own flow', () => {
    for (const flow of Object.values(report.flows)) {
      const indexes = new Set(flow.tokens.map((t) => t.index));
      for (const e of flow.events.filter((x) => x.type === 'token.issued')) expect(indexes.has(e.token as number)).toBe(true);
    }
  });
});

describe('--until', () => {
  it('--until 1h stops the run at one hour', async () => {
    const { code, stdout } = await runCli(['run', SIDE_BY_SIDE, '--until', '1h', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as RunReport;
    expect(report.scenario.ranUntilMs).toBe(3_600_000);
    const all = Object.values(report.flows).flatMap((f) => f.events);
    expect(all.every((e) => e.atMs <= 3_600_000)).toBe(true);
    expect(all.some((e) => e.atMs === 3_600_000)).toBe(true);
    // the full run has events after 1 h
    const full = JSON.parse((await runCli(['run', SIDE_BY_SIDE, '--json'])).stdout) as RunReport;
    const fullEvents = Object.values(full.flows).flatMap((f) => f.events);
    expect(all.length).toBe(fullEvents.filter((e) => e.atMs <= 3_600_000).length);
    expect(fullEvents.length).toBeGreaterThan(all.length);
  });

  it('--until=1h is the same; the table then ends at 01:00:00', async () => {
    const a = await runCli(['run', SIDE_BY_SIDE, '--until=1h']);
    const b = await runCli(['run', SIDE_BY_SIDE, '--until', '1h']);
    expect(a).toEqual(b);
    expect(a.stdout.trimEnd().split('\n').at(-1)!.startsWith('01:00:00')).toBe(true);
  });

  it('--until past the duration stops at the duration', async () => {
    const report = JSON.parse((await runCli(['run', SIDE_BY_SIDE, '--until', '2d', '--json'])).stdout) as RunReport;
    expect(report.scenario.ranUntilMs).toBe(21_600_000);
  });

  it('--until with a bad duration exits 2', async () => {
    const { code, stderr } = await runCli(['run', SIDE_BY_SIDE, '--until', 'soon']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^tokenscope run: --until: /);
  });

  it('the same run twice prints the same bytes', async () => {
    expect((await runCli(['run', SIDE_BY_SIDE, '--json'])).stdout).toBe((await runCli(['run', SIDE_BY_SIDE, '--json'])).stdout);
  });
});
