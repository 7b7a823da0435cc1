/**
 * Here-documents in the console, without a browser: `kubectl apply -f - <<EOF` asks for more lines with `> ` until
 * one is exactly the delimiter, then sends the command with those lines as stdin. Typed or pasted, quoted delimiters,
 * `<<-` tab stripping, Ctrl+C, history as one entry, and a recalled here-document that runs again as it was.
 */
import { describe, expect, it } from 'vitest';
import { ConsoleController, type ConsoleHost } from '../../../../renderer/panels/console/console-controller.ts';
import { CommandHistory } from '../../../../renderer/panels/console/command-history.ts';
import { FakeScreen } from './fake-screen.ts';
import { sameTurnRequests } from './same-turn-requests.ts';

const SA = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n';

function setup(applyBuffer?: string) {
  const screen = new FakeScreen(80);
  const { sent, request, answer } = sameTurnRequests();
  const host: ConsoleHost = {
    write: (data) => screen.write(data),
    columns: () => screen.columns,
    request,
    announce: () => undefined,
    flow: () => ({ id: 'projected', kubernetesVersion: '1.30' }),
    objects: () => ({ names: () => [], namespaces: () => ['default'] }),
    applyBuffer: () => applyBuffer,
    setTimer: () => 0,
    clearTimer: () => undefined,
  };
  const history = new CommandHistory();
  const controller = new ConsoleController(host, history);
  controller.start();
  const reply = () => {
    const command = sent[sent.length - 1];
    if (command?.type !== 'kubectl') throw new Error('no kubectl command to answer');
    answer({ type: 'kubectl-result', requestId: command.requestId, flow: command.flow, line: command.line, stdout: 'serviceaccount/builder created\n', stderr: '', exitCode: 0 });
  };
  return { controller, screen, sent, history, type: (data: string) => controller.input(data), reply };
}

const lines = (...typed: string[]) => typed.map((line) => `${line}\r`).join('');

describe('a here-document typed into the console', () => {
  it.each<[string, string]>([
    ['kubectl apply -f - <<EOF', 'EOF'],
    ["kubectl apply -f - <<'EOF'", 'EOF'],
    ['kubectl apply -f - << "END"', 'END'],
    ['apply -f - <<yaml', 'yaml'],
  ])('%s collects lines until a line reading exactly %s, then sends them as stdin', (first, delimiter) => {
    const { type, sent, controller, screen } = setup();
    type(lines(first));
    expect(sent).toEqual([]);
    expect(controller.collecting).toBe(true);
    expect(screen.currentLine()).toBe('>');
    // A line that only starts with the delimiter, or has spaces around it, does not end the here-document.
    type(lines('apiVersion: v1', 'kind: ServiceAccount', `${delimiter} `, 'metadata:', '  name: builder'));
    expect(sent).toEqual([]);
    type(lines(delimiter));
    expect(controller.collecting).toBe(false);
    expect(sent).toEqual([
      { type: 'kubectl', flow: 'projected', line: first, requestId: expect.any(Number), stdin: `apiVersion: v1\nkind: ServiceAccount\n${delimiter} \nmetadata:\n  name: builder\n` },
    ]);
  });

  it('a pasted here-document arrives line by line and runs once its delimiter comes', () => {
    const { type, sent } = setup();
    type(`\x1b[200~kubectl apply -f - <<EOF\n${SA}EOF\n\x1b[201~`);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'kubectl', line: 'kubectl apply -f - <<EOF', stdin: SA });
  });

  it('<<- strips leading tabs from the body and the delimiter line', () => {
    const { type, sent } = setup();
    type(lines('apply -f - <<-EOF', '\tkind: ServiceAccount', '\tEOF'));
    expect(sent[0]).toMatchObject({ stdin: 'kind: ServiceAccount\n' });
  });

  it('goes to the engine with its stdin even when the editor has text: -f - never reads the editor', () => {
    const { type, sent } = setup('apiVersion: v1\nkind: Pod\n');
    type(lines('apply -f - <<EOF', ...SA.trimEnd().split('\n'), 'EOF'));
    expect(sent[0]).toMatchObject({ type: 'kubectl', stdin: SA });
  });

  it('Ctrl+C abandons the here-document: nothing is sent or remembered, and the normal prompt is back', () => {
    const { type, sent, controller, history, screen } = setup();
    type(lines('apply -f - <<EOF', 'kind: ServiceAccount'));
    type('meta\x03');
    expect(controller.collecting).toBe(false);
    expect(screen.text()).toContain('> meta^C');
    expect(screen.currentLine()).toBe('projected (1.30) $');
    expect(sent).toEqual([]);
    expect(history.entries).toEqual([]);
    type(lines('EOF'));
    expect(sent).toMatchObject([{ type: 'kubectl', line: 'EOF' }]);
  });

  it('history keeps the whole here-document as one entry, and recalling it runs it again as it was', () => {
    const { type, sent, history, reply } = setup();
    type(lines('apply -f - <<EOF', 'kind: ServiceAccount', 'EOF'));
    reply();
    expect(history.entries).toEqual(['apply -f - <<EOF\nkind: ServiceAccount\nEOF']);
    type('\x1b[A\r');
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ type: 'kubectl', line: 'apply -f - <<EOF', stdin: 'kind: ServiceAccount\n' });
    expect(history.entries).toHaveLength(1);
  });

  it('Tab inside a here-document is left alone instead of completing', () => {
    const { type, screen } = setup();
    type(lines('apply -f - <<EOF'));
    type('ki\t');
    expect(screen.currentLine()).toBe('> ki');
  });

  it('a line whose << has no delimiter is sent as typed, for kubectl’s shell error', () => {
    const { type, sent, controller } = setup();
    type(lines('apply -f - <<'));
    expect(controller.collecting).toBe(false);
    expect(sent).toMatchObject([{ type: 'kubectl', line: 'apply -f - <<' }]);
    expect(sent[0]).not.toHaveProperty('stdin');
  });
});
