// @vitest-environment jsdom
/**
 * The console panel in jsdom. xterm.js needs a real layout engine, so it is replaced by a stand-in that records
 * its options and draws onto the modelled screen; the panel, the controller, a real engine run's snapshot (for
 * flows and object names) and a fake engine client are real. Checked: large type and screen-reader mode, the
 * labelled terminal, the flow selector, commands sent to the chosen flow, the live region, `apply -f` taking the
 * editor text, Tab completing a pod of the flow, and clean disposal.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { withRequests, type EngineClient } from '../../../../renderer/bridge/engine-client.ts';
import type { TimelineSnapshot } from '../../../../renderer/state/timeline-store.ts';
import type { EngineCommand, EngineMessage } from '../../../../shared/rpc/engine-protocol.ts';
import { loadScenario } from '../engine-fixture.ts';
import { FakeScreen } from './fake-screen.ts';

interface TerminalStandIn {
  options: Record<string, unknown>;
  screen: FakeScreen;
  cols: number;
  textarea: HTMLTextAreaElement | undefined;
  disposed: boolean;
  type(data: string): void;
}

const terminals: TerminalStandIn[] = [];

vi.mock('@xterm/xterm', () => ({
  Terminal: class implements TerminalStandIn {
    screen = new FakeScreen(80);
    cols = 80;
    textarea: HTMLTextAreaElement | undefined;
    disposed = false;
    private listeners: ((data: string) => void)[] = [];
    constructor(public options: Record<string, unknown>) {
      terminals.push(this);
    }
    open(parent: HTMLElement) {
      this.textarea = document.createElement('textarea');
      parent.appendChild(this.textarea);
    }
    loadAddon() {}
    attachCustomKeyEventHandler() {}
    hasSelection() {
      return false;
    }
    focus() {}
    write(data: string) {
      this.screen.write(data);
    }
    onData(listener: (data: string) => void) {
      this.listeners.push(listener);
      return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
    }
    onResize() {
      return { dispose: () => undefined };
    }
    dispose() {
      this.disposed = true;
    }
    type(data: string) {
      for (const listener of this.listeners) listener(data);
    }
  },
}));

vi.mock('@xterm/addon-fit', () => ({ FitAddon: class { fit() {} activate() {} dispose() {} } }));

const { ConsolePanel } = await import('../../../../renderer/panels/console/ConsolePanel.tsx');

let snapshot: TimelineSnapshot;

beforeAll(async () => {
  const fixture = await loadScenario('assets/scenarios/side-by-side.yaml', 10 * 60 * 1000);
  snapshot = fixture.store.getSnapshot();
});

afterEach(() => {
  cleanup();
  terminals.length = 0;
});

function fakeClient() {
  const listeners = new Set<(message: EngineMessage) => void>();
  const sent: EngineCommand[] = [];
  const client: EngineClient = withRequests({
    send: (command) => sent.push(command),
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  const emit = (message: EngineMessage) => act(() => listeners.forEach((listener) => listener(message)));
  return { client, sent, emit, listeners };
}

function terminal(): TerminalStandIn {
  const last = terminals.at(-1);
  if (last === undefined) throw new Error('no terminal was created');
  return last;
}

function panel(props: Partial<Parameters<typeof ConsolePanel>[0]> & { client: EngineClient }) {
  return createElement(ConsolePanel, { snapshot, flowId: 'legacy', onFlowChange: () => undefined, ...props });
}

describe('ConsolePanel', () => {
  it('opens a terminal with large type, a high-contrast theme and screen-reader mode', () => {
    render(panel({ client: fakeClient().client }));
    const options = terminal().options;
    expect(options.fontSize).toBeGreaterThanOrEqual(16);
    expect(options.screenReaderMode).toBe(true);
    expect(options.minimumContrastRatio).toBeGreaterThanOrEqual(7);
    expect(options.theme).toMatchObject({ background: '#ffffff', foreground: '#111111' });
  });

  it('labels the terminal and its input with the flow and version it runs on', () => {
    render(panel({ client: fakeClient().client }));
    expect(screen.getByRole('group', { name: 'kubectl console for legacy, Kubernetes 1.20' })).toBeTruthy();
    expect(terminal().textarea?.getAttribute('aria-label')).toBe('kubectl console for legacy, Kubernetes 1.20');
    expect(terminal().screen.currentLine()).toBe('legacy (1.20) $');
  });

  it("offers the scenario's flows with their versions and reports a change", () => {
    const onFlowChange = vi.fn();
    render(panel({ client: fakeClient().client, onFlowChange }));
    const select = screen.getByLabelText<HTMLSelectElement>('Cluster');
    expect([...select.options].map((o) => o.textContent)).toEqual(['legacy — Kubernetes 1.20', 'projected — Kubernetes 1.36']);
    fireEvent.change(select, { target: { value: 'projected' } });
    expect(onFlowChange).toHaveBeenCalledWith('projected');
  });

  it('picks the first flow when the one given is not in the scenario', () => {
    const onFlowChange = vi.fn();
    render(panel({ client: fakeClient().client, flowId: '', onFlowChange }));
    expect(onFlowChange).toHaveBeenCalledWith('legacy');
  });

  it('redraws the prompt for a newly chosen flow, and sends commands there', () => {
    const { client, sent } = fakeClient();
    const { rerender } = render(panel({ client }));
    rerender(panel({ client, flowId: 'projected' }));
    expect(terminal().screen.currentLine()).toBe('projected (1.36) $');
    act(() => terminal().type('get pods\r'));
    expect(sent).toEqual([{ type: 'kubectl', flow: 'projected', line: 'get pods', requestId: expect.any(Number) }]);
  });

  it('prints the reply and announces it in the live region', async () => {
    const { client, sent, emit } = fakeClient();
    render(panel({ client }));
    act(() => terminal().type('create sa my-app\r'));
    const command = sent[0] as Extract<EngineCommand, { type: 'kubectl' }>;
    emit({ type: 'kubectl-result', requestId: command.requestId, flow: 'legacy', line: command.line, stdout: '', stderr: 'error: failed to create serviceaccount: serviceaccounts "my-app" already exists\n', exitCode: 1 });
    await waitFor(() => expect(terminal().screen.currentLine()).toBe('legacy (1.20) $'));
    expect(terminal().screen.lines().slice(-2)).toEqual(['error: failed to create serviceaccount: serviceaccounts "my-app" already exists', 'legacy (1.20) $']);
    const live = screen.getByTestId('console-announcement');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('Failed on legacy, exit code 1: create sa my-app. error: failed to create serviceaccount: serviceaccounts "my-app" already exists');
  });

  it('applies the manifest editor text for apply -f, and hands the editor the reply to that apply alone', async () => {
    const { client, sent, emit } = fakeClient();
    const onEditorApplied = vi.fn();
    render(panel({ client, applyBuffer: () => 'kind: ServiceAccount\n', onEditorApplied }));
    act(() => terminal().type('apply -f sa.yaml\r'));
    expect(sent).toEqual([{ type: 'apply', flow: 'legacy', manifest: 'kind: ServiceAccount\n', requestId: expect.any(Number) }]);
    const reply: EngineMessage = { type: 'apply-result', requestId: (sent[0] as Extract<EngineCommand, { type: 'apply' }>).requestId, flow: 'legacy', ok: true, output: 'serviceaccount/x created', errors: [] };
    emit(reply);
    await waitFor(() => expect(onEditorApplied).toHaveBeenCalledWith(reply));
    act(() => terminal().type('get sa\r'));
    emit({ type: 'kubectl-result', requestId: (sent[1] as Extract<EngineCommand, { type: 'kubectl' }>).requestId, flow: 'legacy', line: 'get sa', stdout: 'x\n', stderr: '', exitCode: 0 });
    await waitFor(() => expect(terminal().screen.lines()).toContain('x'));
    expect(onEditorApplied).toHaveBeenCalledTimes(1);
  });

  it("completes the names of the flow's pods from its events", () => {
    render(panel({ client: fakeClient().client }));
    act(() => terminal().type('get pods a\t'));
    expect(terminal().screen.currentLine()).toBe('legacy (1.20) $ get pods app');
  });

  it('disposes the terminal and drops a reply that arrives after it went away', async () => {
    const { client, sent, emit } = fakeClient();
    const { unmount } = render(panel({ client }));
    act(() => terminal().type('get pods\r'));
    const command = sent[0] as Extract<EngineCommand, { type: 'kubectl' }>;
    const before = terminal().screen.lines().join('\n');
    unmount();
    expect(terminal().disposed).toBe(true);
    emit({ type: 'kubectl-result', requestId: command.requestId, flow: 'legacy', line: command.line, stdout: 'LATE\n', stderr: '', exitCode: 0 });
    await Promise.resolve();
    expect(terminal().screen.lines().join('\n')).toBe(before);
  });
});
