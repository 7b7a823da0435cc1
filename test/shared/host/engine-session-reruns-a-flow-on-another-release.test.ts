/**
 * The flow version picker's command: the scenario reruns with one flow on the chosen release, its text rewritten so
 * a saved file remembers it, the console's recorded steps replayed and the playhead kept; a release the flow cannot
 * run on is refused and the current run goes on.
 */
import { describe, expect, it } from 'vitest';
import { EngineSession, type HostPorts } from '../../../shared/host/engine-session.ts';
import { validateCommand, type EngineMessage } from '../../../shared/rpc/engine-protocol.ts';
import { singleFlow } from '../../support/run-scenario.ts';

function fakeHost(): { ports: HostPorts; sent: EngineMessage[] } {
  const sent: EngineMessage[] = [];
  return { sent, ports: { wallNowMs: () => 0, setTimer: () => 0, clearTimer: () => undefined, send: (message) => sent.push(message) } };
}

const TEXT = singleFlow({ version: '1.30', duration: '2h' });

async function session() {
  const host = fakeHost();
  const s = new EngineSession(host.ports);
  await s.handle({ type: 'load', scenarioText: TEXT, sourceName: 'mine.yaml' });
  await s.handle({ type: 'seek', simMs: 10 * 60_000 });
  await s.handle({ type: 'kubectl', flow: 'f', line: 'create sa typed-in-console', requestId: 1 });
  await s.handle({ type: 'seek', simMs: 20 * 60_000 });
  host.sent.length = 0;
  return { s, sent: host.sent };
}

describe('set-flow-version', () => {
  it('reruns on the chosen release: loaded with the rewritten text, then progress up to the same instant', async () => {
    const { s, sent } = await session();
    await s.handle({ type: 'set-flow-version', scenarioText: TEXT, sourceName: 'mine.yaml', flow: 'f', kubernetesVersion: '1.36' });
    const loaded = sent.find((m): m is Extract<EngineMessage, { type: 'loaded' }> => m.type === 'loaded')!;
    expect(loaded.scenario.flows[0]!.kubernetesVersion).toBe('1.36');
    expect(loaded.scenario.scenarioText).toContain('kubernetesVersion: "1.36"');
    expect(loaded.scenario.sourceName).toBe('mine.yaml');
    const progress = sent.filter((m): m is Extract<EngineMessage, { type: 'progress' }> => m.type === 'progress');
    expect(progress.at(-1)!.nowMs).toBe(20 * 60_000);
    const events = progress.flatMap((p) => p.events);
    // The console line typed at 10 minutes ran again at 10 minutes.
    const replayed = events.find((e) => e.type === 'kubectl.ran' && e.command === 'create sa typed-in-console');
    expect(replayed?.atMs).toBe(10 * 60_000);
  });

  it('a release the flow cannot start on is refused with the reason, and nothing reloads', async () => {
    const signer = singleFlow({ version: '1.35', duration: '2h', apiServer: 'externalSigner: {maxTokenExpiration: 2h}' });
    const host = fakeHost();
    const s = new EngineSession(host.ports);
    await s.handle({ type: 'load', scenarioText: signer, sourceName: 'signer.yaml' });
    host.sent.length = 0;
    await s.handle({ type: 'set-flow-version', scenarioText: signer, sourceName: 'signer.yaml', flow: 'f', kubernetesVersion: '1.33' });
    expect(host.sent.map((m) => m.type)).toEqual(['error']);
    expect(host.sent[0]!.type === 'error' && host.sent[0].message).toMatch(/^flow f cannot run on Kubernetes 1\.33: flows\[0\]\.apiServer\.externalSigner: kube-apiserver would not start/);
  });

  it('is validated like every command', () => {
    expect(validateCommand({ type: 'set-flow-version', scenarioText: TEXT, sourceName: 's', flow: 'f', kubernetesVersion: '1.19' })).toEqual({
      ok: false,
      error: 'set-flow-version: kubernetesVersion must be one of 1.20, 1.21, 1.22, 1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36, 1.37',
    });
    expect(validateCommand({ type: 'set-flow-version', scenarioText: 5, sourceName: 's', flow: 'f', kubernetesVersion: '1.36' }).ok).toBe(false);
    expect(validateCommand({ type: 'set-flow-version', scenarioText: TEXT, sourceName: 's', flow: 'f', kubernetesVersion: '1.36' }).ok).toBe(true);
  });
});
