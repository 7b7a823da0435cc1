/**
 * The kubectl console: an xterm.js terminal wired to the `ConsoleController`, with a selector for the simulated
 * cluster the commands go to. Type is large and black on white for a projector; xterm's screen-reader mode is on,
 * and a visually hidden live region says in one sentence how each command ended.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { EngineClient, EngineReply } from '../../bridge/engine-client.ts';
import type { TimelineSnapshot } from '../../state/timeline-store.ts';
import { ConsoleController, type ConsoleFlow } from './console-controller.ts';
import { CommandHistory } from './command-history.ts';
import { KnownObjects } from './known-objects.ts';
import './console-panel.css';
import { useLatest } from '../../state/use-latest.ts';

export interface ConsolePanelProps {
  snapshot: TimelineSnapshot;
  client: EngineClient;
  flowId: string;
  onFlowChange(flowId: string): void;
  /** The manifest editor's text, which `apply -f <anything>` applies. */
  applyBuffer?: () => string;
  /** What `apply -f` did with the editor's text, for the editor to show. */
  onEditorApplied?(reply: EngineReply<'apply'>): void;
}

/** History outlives a console that is closed and opened again, but not the app: it is never written anywhere. */
const SESSION_HISTORY = new CommandHistory();

const TERMINAL_FONT_PX = 18;

const TERMINAL_THEME = {
  background: '#ffffff',
  foreground: '#111111',
  cursor: '#111111',
  cursorAccent: '#ffffff',
  selectionBackground: '#9fc9ef',
  selectionForeground: '#000000',
  selectionInactiveBackground: '#d0e4f7',
};

export function ConsolePanel(props: ConsolePanelProps) {
  const { snapshot, client, flowId, onFlowChange } = props;
  const flows = snapshot.scenario?.flows ?? [];
  const flow = flows.find((f) => f.id === flowId);
  const selectId = useId();
  const hostRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<ConsoleController | undefined>(undefined);
  const terminalRef = useRef<Terminal | undefined>(undefined);
  const [announcement, setAnnouncement] = useState({ text: '', count: 0 });

  // The controller reads the latest props through this ref, so the terminal is created once per client.
  const latest = useLatest({ snapshot, flow, applyBuffer: props.applyBuffer, onEditorApplied: props.onEditorApplied });
  const [known] = useState(() => new KnownObjects());

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    const terminal = new Terminal({
      fontFamily: "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace",
      fontSize: TERMINAL_FONT_PX,
      lineHeight: 1.2,
      theme: TERMINAL_THEME,
      minimumContrastRatio: 7,
      screenReaderMode: true,
      cursorBlink: false,
      scrollback: 5000,
    });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    // Ctrl+C with a selection copies, as in every terminal app; Ctrl+V is left to the browser's paste.
    terminal.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown' || !event.ctrlKey) return true;
      const key = event.key.toLowerCase();
      if (key === 'c' && terminal.hasSelection()) return false;
      return key !== 'v';
    });
    terminal.open(host);
    terminalRef.current = terminal;

    const controller = new ConsoleController(
      {
        write: (data) => terminal.write(data),
        columns: () => terminal.cols,
        request: (command) => {
          const reply = client.request(command);
          if (command.type === 'apply') reply.then((answer) => answer.type === 'apply-result' && latest().onEditorApplied?.(answer), () => undefined);
          return reply;
        },
        announce: (text) => setAnnouncement((previous) => ({ text, count: previous.count + 1 })),
        flow: (): ConsoleFlow | undefined => latest().flow,
        objects: () => known.update(latest().snapshot.events, latest().flow?.id ?? ''),
        applyBuffer: () => latest().applyBuffer?.(),
        setTimer: (callback, ms) => window.setTimeout(callback, ms),
        clearTimer: (handle) => window.clearTimeout(handle as number),
      },
      SESSION_HISTORY,
    );
    controllerRef.current = controller;
    const subscriptions = [terminal.onData((data) => controller.input(data)), terminal.onResize(() => controller.refresh())];
    // Bracketed paste: a pasted block arrives marked, so its lines run one by one and its tabs never complete.
    terminal.write('\x1b[?2004h');
    controller.start();

    const refit = () => {
      // A hidden tab has no size; fitting it would shrink the terminal to nothing.
      if (host.clientWidth > 0 && host.clientHeight > 0) fit.fit();
    };
    refit();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(refit);
    observer?.observe(host);
    return () => {
      observer?.disconnect();
      controller.dispose();
      for (const subscription of subscriptions) subscription.dispose();
      terminal.dispose();
      terminalRef.current = undefined;
      controllerRef.current = undefined;
    };
  }, [client, known, latest]);

  const label = flow === undefined ? 'kubectl console (no cluster selected)' : `kubectl console for ${flow.id}, Kubernetes ${flow.kubernetesVersion}`;

  useEffect(() => {
    controllerRef.current?.refresh();
    terminalRef.current?.textarea?.setAttribute('aria-label', label);
  }, [flow?.id, flow?.kubernetesVersion, label]);

  // A flow id that the loaded scenario does not have (none chosen yet, or another scenario) falls back to its first.
  const firstFlow = flows[0]?.id;
  useEffect(() => {
    if (flow === undefined && firstFlow !== undefined) onFlowChange(firstFlow);
  }, [flow, firstFlow, onFlowChange]);

  return (
    <section className="console-panel" aria-label="kubectl console" data-testid="console-panel">
      <div className="console-toolbar">
        <label htmlFor={selectId}>Cluster</label>
        <select id={selectId} value={flow?.id ?? ''} disabled={flows.length === 0} onChange={(event) => onFlowChange(event.target.value)}>
          {flows.length === 0 && <option value="">no scenario loaded</option>}
          {flows.map((f) => (
            <option key={f.id} value={f.id}>
              {f.id} — Kubernetes {f.kubernetesVersion}
            </option>
          ))}
        </select>
        <span className="console-hint">Tab completes · ↑/↓ history · Ctrl+L clears</span>
      </div>
      <div className="console-terminal" ref={hostRef} role="group" aria-label={label} />
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="console-announcement">
        <span key={announcement.count}>{announcement.text}</span>
      </div>
    </section>
  );
}
