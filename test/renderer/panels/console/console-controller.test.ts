/**
 * The console end to end without xterm.js: keys in, a modelled screen and engine commands out. A line runs on the
 * selected flow and its reply is printed under it; a multi-line paste runs line by line, each waiting for its
 * reply; `apply -f` sends the editor's text; `clear`, Ctrl+L, Ctrl+C, history, Tab, a reply that never comes, and
 * no scenario at all.
 */
import { describe, expect, it } from 'vitest';
import { ConsoleController, REPLY_TIMEOUT_MS, type ConsoleFlow, type ConsoleHost } from '../../../../renderer/panels/console/console-controller.ts';
import { CommandHistory } from '../../../../renderer/panels/console/command-history.ts';
import type { ObjectNames } from '../../../../renderer/panels/console/known-objects.ts';
import type { EngineCommand, EngineMessage } from '../../../../shared/rpc/engine-protocol.ts';
import { FakeScreen } from './fake-screen.ts';
import { sameTurnRequests } from './same-turn-requests.ts';
import { CONSOLE_LINE_MAX_CHARS, HEREDOC_MAX_CHARS } from '../../../../shared/limits/input-budgets.ts';

const LEGACY: ConsoleFlow = { id: 'legacy', kubernetesVersion: '1.20' };
const PROJECTED: ConsoleFlow = { id: 'projected', kubernetesVersion: '1.30' };

const OBJECTS: ObjectNames = {
  names: (kind) => (kind === 'pod' ? ['app'] : kind === 'serviceaccount' ? ['default', 'my-app'] : []),
  namespaces: () => ['default'],
};

interface Options {
  flow?: ConsoleFlow | undefined;
  applyBuffer?: string;
  columns?: number;
}

function setup(options: Options = {}) {
  const screen = new FakeScreen(options.columns ?? 80);
  const { sent, request, answer } = sameTurnRequests();
  const announcements: string[] = [];
  const timers = new Map<number, () => void>();
  let timerCount = 0;
  let flow = 'flow' in options ? options.flow : LEGACY;
  const host: ConsoleHost = {
    write: (data) => screen.write(data),
    columns: () => screen.columns,
    request,
    announce: (text) => announcements.push(text),
    flow: () => flow,
    objects: () => OBJECTS,
    applyBuffer: () => options.applyBuffer,
    setTimer: (callback, ms) => {
      expect(ms).toBe(REPLY_TIMEOUT_MS);
      timers.set(++timerCount, callback);
      return timerCount;
    },
    clearTimer: (handle) => timers.delete(handle as number),
  };
  const history = new CommandHistory();
  const controller = new ConsoleController(host, history);
  controller.start();
  return {
    controller,
    answer,
    screen,
    sent,
    announcements,
    timers,
    history,
    type: (data: string) => controller.input(data),
    setFlow(next: ConsoleFlow) {
      flow = next;
      controller.refresh();
    },
    /** Answers the last command sent, as the engine would. */
    reply(stdout: string, stderr = '', exitCode = stderr === '' ? 0 : 1) {
      const command = sent[sent.length - 1];
      if (command?.type !== 'kubectl') throw new Error('no kubectl command to answer');
      answer({ type: 'kubectl-result', requestId: command.requestId, flow: command.flow, line: command.line, stdout, stderr, exitCode });
    },
  };
}

describe('ConsoleController', () => {
  it('greets, then shows a prompt naming the flow and its Kubernetes version', () => {
    const { screen } = setup();
    expect(screen.text()).toContain('kubectl console');
    expect(screen.currentLine()).toBe('legacy (1.20) $');
  });

  it('sends a typed line to the selected flow on Enter and prints stdout then stderr under it, then a new prompt', () => {
    const { screen, sent, type, reply, announcements, controller } = setup();
    type('get pods\r');
    expect(sent).toEqual([{ type: 'kubectl', flow: 'legacy', line: 'get pods', requestId: expect.any(Number) }]);
    expect(controller.waiting).toBe(true);
    reply('NAME   READY\napp    1/1\n', 'warning: shown after stdout\n', 0);
    expect(screen.lines().slice(-5)).toEqual(['legacy (1.20) $ get pods', 'NAME   READY', 'app    1/1', 'warning: shown after stdout', 'legacy (1.20) $']);
    expect(announcements).toEqual(['Ran on legacy: get pods. NAME   READY']);
    expect(controller.waiting).toBe(false);
  });

  it('sends the line as typed, kubectl prefix and all (the engine accepts both)', () => {
    const { sent, type } = setup();
    type('kubectl  create sa my-app\r');
    expect(sent[0]).toMatchObject({ type: 'kubectl', line: 'kubectl  create sa my-app' });
  });

  it('ignores replies to other requests and other kinds of reply while waiting', () => {
    const { controller, sent, type, screen, answer } = setup();
    type('get sa\r');
    const requestId = (sent[0] as Extract<EngineCommand, { type: 'kubectl' }>).requestId;
    const others: EngineMessage[] = [
      { type: 'kubectl-result', requestId: requestId + 1000, flow: 'legacy', line: 'x', stdout: 'not mine\n', stderr: '', exitCode: 0 },
      { type: 'apply-result', requestId, flow: 'legacy', ok: true, output: 'pod/x created', errors: [] },
    ];
    for (const message of others) answer(message);
    expect(controller.waiting).toBe(true);
    expect(screen.text()).not.toContain('not mine');
  });

  it('runs a multi-line paste line by line, each after the previous reply, leaving the last partial line to edit', () => {
    const { sent, type, reply, screen, controller } = setup();
    type('\x1b[200~create sa my-app\ncreate token my-app\nget sa\x1b[201~');
    expect(sent.map((c) => c.type === 'kubectl' && c.line)).toEqual(['create sa my-app']);
    reply('serviceaccount/my-app created\n');
    expect(sent.map((c) => c.type === 'kubectl' && c.line)).toEqual(['create sa my-app', 'create token my-app']);
    reply('', 'error: unknown command "token" for "kubectl create"\n');
    expect(sent).toHaveLength(2);
    expect(controller.state.text).toBe('get sa');
    expect(screen.lines().slice(-5)).toEqual([
      'legacy (1.20) $ create sa my-app',
      'serviceaccount/my-app created',
      'legacy (1.20) $ create token my-app',
      'error: unknown command "token" for "kubectl create"',
      'legacy (1.20) $ get sa',
    ]);
  });

  it('keeps keys typed while waiting and applies them after the reply', () => {
    const { type, reply, controller, sent } = setup();
    type('get pods\r');
    type('get');
    type(' sa\r');
    expect(sent).toHaveLength(1);
    reply('No resources found in default namespace.\n');
    expect(sent.map((c) => c.type === 'kubectl' && c.line)).toEqual(['get pods', 'get sa']);
    expect(controller.waiting).toBe(true);
  });

  it('applies the manifest editor text for apply -f with any file name, and prints the apply output', () => {
    const manifest = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: my-app\n';
    const { type, sent, answer, screen, announcements } = setup({ applyBuffer: manifest });
    type('kubectl apply -f whatever.yaml\r');
    expect(sent).toEqual([{ type: 'apply', flow: 'legacy', manifest, requestId: expect.any(Number) }]);
    const requestId = (sent[0] as Extract<EngineCommand, { type: 'apply' }>).requestId;
    answer({ type: 'apply-result', requestId, flow: 'legacy', ok: true, output: 'serviceaccount/my-app created', errors: [] });
    expect(screen.lines().slice(-2)).toEqual(['serviceaccount/my-app created', 'legacy (1.20) $']);
    expect(announcements.at(-1)).toBe('Ran on legacy: kubectl apply -f whatever.yaml. serviceaccount/my-app created');
  });

  it('prints the errors of a refused apply that came without output, with their lines', () => {
    const { type, sent, answer, screen } = setup({ applyBuffer: 'kind: [' });
    type('apply -f pod.yaml\r');
    const requestId = (sent[0] as Extract<EngineCommand, { type: 'apply' }>).requestId;
    answer({ type: 'apply-result', requestId, flow: 'legacy', ok: false, output: '', errors: [{ message: 'YAML syntax: bad', line: 1, column: 7 }] });
    expect(screen.lines().slice(-2)).toEqual(['error: line 1: YAML syntax: bad', 'legacy (1.20) $']);
  });

  it('sends apply -f to the engine as typed when there is no editor, and a malformed apply always', () => {
    const noEditor = setup();
    noEditor.type('apply -f pod.yaml\r');
    expect(noEditor.sent[0]).toMatchObject({ type: 'kubectl', line: 'apply -f pod.yaml' });
    const malformed = setup({ applyBuffer: 'kind: Pod' });
    malformed.type('apply\r');
    expect(malformed.sent[0]).toMatchObject({ type: 'kubectl', line: 'apply' });
  });

  it('clears the screen with clear, without sending anything', () => {
    const { type, sent, screen, reply } = setup();
    type('get pods\r');
    reply('app\n');
    type('clear\r');
    expect(sent).toHaveLength(1);
    expect(screen.text()).toBe('legacy (1.20) $');
  });

  it('clears the screen with Ctrl+L and keeps the line being typed', () => {
    const { type, screen, controller } = setup();
    type('get s\x0c');
    expect(screen.text()).toBe('legacy (1.20) $ get s');
    expect(controller.state).toMatchObject({ text: 'get s', cursor: 5 });
  });

  it('abandons the line with Ctrl+C, printing ^C, without running or recording it', () => {
    const { type, sent, screen, history } = setup();
    type('delete pod app\x03');
    expect(sent).toEqual([]);
    expect(history.entries).toEqual([]);
    expect(screen.lines().slice(-2)).toEqual(['legacy (1.20) $ delete pod app^C', 'legacy (1.20) $']);
  });

  it('stops waiting on Ctrl+C, drops the rest of a paste, and ignores the late reply', () => {
    const { type, sent, screen, reply, controller } = setup();
    type('\x1b[200~get pods\nget sa\n\x1b[201~');
    type('\x03');
    expect(controller.waiting).toBe(false);
    reply('LATE REPLY\n');
    expect(sent).toHaveLength(1);
    expect(screen.text()).not.toContain('LATE REPLY');
    expect(screen.lines().slice(-2)).toEqual(['^C', 'legacy (1.20) $']);
  });

  it('gives the prompt back with an error when no reply comes in time, and ignores a later one', () => {
    const { type, timers, screen, reply, controller } = setup();
    type('get pods\r');
    expect(timers.size).toBe(1);
    for (const fire of timers.values()) fire();
    expect(controller.waiting).toBe(false);
    expect(screen.lines().slice(-2)).toEqual(['error: no answer from the simulator within 10 seconds', 'legacy (1.20) $']);
    reply('LATE REPLY\n');
    expect(screen.text()).not.toContain('LATE REPLY');
  });

  it('stops the timer when the reply comes', () => {
    const { type, timers, reply } = setup();
    type('get pods\r');
    reply('app\n');
    expect(timers.size).toBe(0);
  });

  it('recalls earlier lines with ↑ and returns to the typed line with ↓', () => {
    const { type, reply, controller, screen } = setup();
    type('get pods\r');
    reply('app\n');
    type('get sa\r');
    reply('default\n');
    type('des');
    type('\x1b[A');
    expect(controller.state.text).toBe('get sa');
    expect(screen.currentLine()).toBe('legacy (1.20) $ get sa');
    type('\x1b[A\x1b[A');
    expect(controller.state.text).toBe('get pods');
    type('\x1b[B\x1b[B');
    expect(controller.state).toMatchObject({ text: 'des', cursor: 3 });
  });

  it('completes with Tab, and lists the candidates under the line when several remain', () => {
    const { type, controller, screen } = setup({ flow: PROJECTED });
    type('create to\t');
    expect(controller.state.text).toBe('create token ');
    type('\x15de\t');
    expect(screen.lines().slice(-2)).toEqual(['delete    describe', 'projected (1.30) $ de']);
    expect(controller.state.text).toBe('de');
  });

  it('does not offer create token on a 1.20 flow', () => {
    const { type, controller } = setup({ flow: LEGACY });
    type('create to\t');
    expect(controller.state.text).toBe('create to');
  });

  it('shows a new prompt for an empty line without sending anything', () => {
    const { type, sent, screen } = setup();
    type('\r\r');
    expect(sent).toEqual([]);
    expect(screen.lines().slice(-3)).toEqual(['legacy (1.20) $', 'legacy (1.20) $', 'legacy (1.20) $']);
  });

  it('says there is no cluster while no scenario is loaded, and sends nothing', () => {
    const { type, sent, screen } = setup({ flow: undefined });
    expect(screen.currentLine()).toBe('(no cluster) $');
    type('get pods\r');
    expect(sent).toEqual([]);
    expect(screen.lines().slice(-2)).toEqual(['error: no scenario is loaded, so there is no cluster to run commands on', '(no cluster) $']);
  });

  it('redraws the prompt for a newly chosen flow, keeping the typed text, and runs there', () => {
    const { type, setFlow, screen, sent } = setup();
    type('get pods');
    setFlow(PROJECTED);
    expect(screen.currentLine()).toBe('projected (1.30) $ get pods');
    type('\r');
    expect(sent[0]).toMatchObject({ flow: 'projected', line: 'get pods' });
  });

  it('edits a line that wraps over several rows and redraws it whole', () => {
    const { type, screen, controller } = setup({ columns: 20 });
    type('create token my-app --duration 10m');
    type('\x01\x1b[C\x1b[C\x1b[C\x1b[3~');
    expect(controller.state.text).toBe('crete token my-app --duration 10m');
    expect(screen.lines().slice(-3)).toEqual(['legacy (1.20) $ cret', 'e token my-app --dur', 'ation 10m']);
  });
});

describe('refusals are said at once, not after a 10 s timeout', () => {
  it('a line over the budget is refused as it is pasted, and the line stays as it was', () => {
    const { type, sent, screen, timers, controller } = setup();
    type('get pods ');
    type(`\x1b[200~${'x'.repeat(CONSOLE_LINE_MAX_CHARS)}\x1b[201~`);
    expect(screen.text().replace(/\n/g, '')).toContain("error: this line is 10,009 characters, over TokenScope's limit of 10,000 characters;");
    expect(controller.state.text).toBe('get pods ');
    expect(sent).toEqual([]);
    expect(timers.size).toBe(0);
  });

  it('a here-document over the budget is abandoned as soon as it grows past it', () => {
    const { type, sent, screen, controller } = setup({ flow: PROJECTED });
    type('apply -f - <<EOF\r');
    const line = 'a'.repeat(9_999);
    for (let i = 0; i < HEREDOC_MAX_CHARS / 10_000 + 1 && controller.collecting; i++) type(`${line}\r`);
    expect(controller.collecting).toBe(false);
    expect(screen.text().replace(/\n/g, '')).toMatch(/error: this here-document is 1,010,000 characters, over TokenScope's limit of 1,000,000 characters; apply it in smaller parts; the here-document was abandoned/);
    expect(sent).toEqual([]);
  });

  it('a command the engine refuses or fails on is answered with the reason as soon as the error arrives', () => {
    const { type, sent, screen, timers, controller, announcements, answer } = setup();
    type('get pods\r');
    const command = sent[0] as Extract<EngineCommand, { type: 'kubectl' }>;
    answer({ type: 'error', command: 'kubectl', requestId: command.requestId + 1, message: 'someone else' });
    expect(controller.waiting).toBe(true);
    answer({ type: 'error', command: 'kubectl', requestId: command.requestId, message: 'kubectl failed at 2 h: invariant broken' });
    expect(controller.waiting).toBe(false);
    expect(timers.size).toBe(0);
    expect(screen.text()).toContain('error: kubectl failed at 2 h: invariant broken');
    expect(screen.text()).not.toContain('no answer from the simulator');
    expect(announcements.at(-1)).toContain('invariant broken');
  });
});

describe('a paste of a few hundred thousand lines', () => {
  it('queues them without overflowing the stack, running the first line and keeping the rest for after its answer', () => {
    const { type, sent, controller } = setup();
    const lines = Array.from({ length: 200_000 }, (_, i) => `get pod p${i}`).join('\n');
    expect(() => type(`\x1b[200~${lines}\n\x1b[201~`)).not.toThrow();
    expect(sent).toHaveLength(1);
    expect(controller.waiting).toBe(true);
  });
});
