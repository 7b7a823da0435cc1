/**
 * The console's behaviour, free of xterm.js and React: keys in, terminal bytes and engine commands out. A line is
 * run by sending it to the engine and waiting for its reply; keys that arrive meanwhile (the rest of a multi-line
 * paste, or typing ahead) wait their turn, so every command's output comes right after its own prompt. Ctrl+C
 * stops waiting, and so does a reply that never comes.
 *
 * A line with a here-document (`kubectl apply -f - <<EOF`) is not run at once: like bash, the console asks for more
 * lines with a `> ` prompt until one is exactly the delimiter, then sends the command with those lines as its stdin.
 * Ctrl+C abandons the here-document; history keeps the whole of it as one entry.
 */
import { consoleLineRefusal, heredocRefusal, type EngineCommand, type EngineMessage } from '../../../shared/rpc/engine-protocol.ts';
import { CONSOLE_LINE_MAX_CHARS, HEREDOC_MAX_CHARS } from '../../../shared/limits/input-budgets.ts';
import type { KubernetesVersion } from '../../../shared/model/versions.ts';
import { versionBehaviour } from '../../../shared/model/versions.ts';
import { parseKubectl } from '../../../shared/kubectl/parse-kubectl.ts';
import { kubectlContextFor } from '../../../shared/kubectl/kubectl-version.ts';
import { tokenizeShellLine, type HeredocOperator } from '../../../shared/kubectl/kubectl-tokenize.ts';
import { endsHeredoc, heredocLine, splitCommandText } from '../../../shared/kubectl/heredoc.ts';
import { decodeInput, type ConsoleKey } from './input-keys.ts';
import { EMPTY_LINE, editLine, lineWith, type LineState } from './line-editor.ts';
import { HistoryNavigator, type CommandHistory } from './command-history.ts';
import { applyCompletion, completeLine, formatListing } from './console-completion.ts';
import type { ObjectNames } from './known-objects.ts';
import { FRESH_LINE, finishLine, layoutCells, redrawLine, type DrawnLine } from './line-render.ts';
import { announceResult, outputForTerminal } from './terminal-text.ts';
import { nextRequestId } from './request-ids.ts';

export interface ConsoleFlow {
  id: string;
  kubernetesVersion: KubernetesVersion;
}

/** Everything the controller needs from its surroundings; the panel wires it to xterm.js and the engine client. */
export interface ConsoleHost {
  write(data: string): void;
  columns(): number;
  send(command: EngineCommand): void;
  announce(text: string): void;
  /** The flow commands go to, or undefined while no scenario is loaded. */
  flow(): ConsoleFlow | undefined;
  objects(): ObjectNames;
  /** The manifest editor's text for `apply -f`; undefined when there is no editor. */
  applyBuffer(): string | undefined;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** How long to wait for the engine before giving the prompt back. */
export const REPLY_TIMEOUT_MS = 10_000;

/** bash's PS2: the prompt for the lines of a here-document. */
export const CONTINUATION_PROMPT = '> ';

/** ESC[H ESC[2J ESC[3J: cursor home, erase the screen and the scrollback. */
const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

/** A here-document being typed: its command line, the operator on it, and the body lines so far. */
interface OpenHeredoc {
  line: string;
  operator: HeredocOperator;
  body: string[];
  /** Characters collected so far, line breaks included. */
  chars: number;
}

/** A recalled here-document shows its line breaks as ↵ (one cell, one code unit, so the cursor maths hold). */
const shown = (text: string): string => text.replace(/\n/g, '↵');

interface Pending {
  requestId: number;
  kind: 'kubectl' | 'apply';
  flow: string;
  line: string;
  timer: unknown;
}

export class ConsoleController {
  private line: LineState = EMPTY_LINE;
  private drawn: DrawnLine = FRESH_LINE;
  private pending: Pending | undefined;
  private queue: ConsoleKey[] = [];
  private heredoc: OpenHeredoc | undefined;
  private readonly navigator: HistoryNavigator;

  constructor(
    private readonly host: ConsoleHost,
    private readonly history: CommandHistory,
  ) {
    this.navigator = new HistoryNavigator(history);
  }

  /** The text being edited and the cursor in it (for tests and for redrawing after a flow change). */
  get state(): LineState {
    return this.line;
  }

  get waiting(): boolean {
    return this.pending !== undefined;
  }

  /** True while the lines of a here-document are being typed. */
  get collecting(): boolean {
    return this.heredoc !== undefined;
  }

  prompt(): string {
    if (this.heredoc !== undefined) return CONTINUATION_PROMPT;
    const flow = this.host.flow();
    return flow === undefined ? '(no cluster) $ ' : `${flow.id} (${flow.kubernetesVersion}) $ `;
  }

  /** Prints the greeting and the first prompt. */
  start(): void {
    this.host.write(
      'kubectl console: commands run on the cluster chosen above.\r\n' +
        '"kubectl" in front is optional. Tab completes, Up/Down recall.\r\n' +
        '"apply -f <file>" applies the manifest editor\'s text.\r\n\r\n',
    );
    this.redraw();
  }

  /** Raw input from the terminal (`onData`). */
  input(data: string): void {
    const keys = decodeInput(data);
    if (this.pending !== undefined) {
      if (keys.some((key) => key.kind === 'key' && key.name === 'interrupt')) this.cancel();
      else for (const key of keys) this.queue.push(key);
      return;
    }
    for (const key of keys) this.queue.push(key);
    this.drain();
  }

  /** Engine replies; only the one answering the line being run is taken. */
  receive(message: EngineMessage): void {
    const pending = this.pending;
    if (pending === undefined) return;
    if (message.type === 'kubectl-result' && pending.kind === 'kubectl' && message.requestId === pending.requestId) {
      this.finish(outputForTerminal(message.stdout, message.stderr), announceResult(message.flow, pending.line, message.exitCode, message.stdout, message.stderr));
    } else if (message.type === 'error' && message.requestId === pending.requestId) {
      // Refused before it ran (too long, say) or failed in the engine: the reason, at once, instead of a timeout.
      this.finish(outputForTerminal('', `error: ${message.message}\n`), `Failed: ${pending.line.trim()}: ${message.message}`);
    } else if (message.type === 'apply-result' && pending.kind === 'apply' && message.requestId === pending.requestId) {
      const errors = message.output.trim() === '' ? message.errors.map((e) => `error: ${e.line === undefined ? '' : `line ${e.line}: `}${e.message}\n`).join('') : '';
      const stdout = message.ok ? message.output : '';
      const stderr = message.ok ? '' : message.output + errors;
      this.finish(outputForTerminal(stdout, stderr), announceResult(message.flow, pending.line, message.ok ? 0 : 1, stdout, stderr));
    }
  }

  /** Draws the prompt again (the flow changed, or the terminal was resized and reflowed the line). */
  refresh(): void {
    if (this.pending !== undefined) return;
    const cell = layoutCells(this.prompt() + shown(this.line.text), this.host.columns()).get(this.prompt().length + this.line.cursor);
    this.drawn = { cursorRow: cell?.row ?? 0 };
    this.redraw();
  }

  private drain(): void {
    while (this.pending === undefined && this.queue.length > 0) {
      const key = this.queue.shift() as ConsoleKey;
      this.handle(key);
    }
  }

  private handle(key: ConsoleKey): void {
    if (key.kind === 'text' && this.line.text.length + key.text.length > CONSOLE_LINE_MAX_CHARS) {
      // Refused as it arrives: a pasted megabyte would otherwise be drawn, edited and only then refused.
      this.notice(consoleLineRefusal(this.line.text.length + key.text.length));
      return;
    }
    const edited = editLine(this.line, key);
    if (edited !== undefined) {
      this.line = edited;
      this.redraw();
      return;
    }
    if (key.kind === 'text') return;
    switch (key.name) {
      case 'enter':
        this.submit();
        return;
      case 'tab':
        // Inside a here-document Tab is text (YAML indentation), never completion.
        if (this.heredoc === undefined) this.complete();
        return;
      case 'up': {
        if (this.heredoc !== undefined) return;
        const older = this.navigator.previous(this.line.text);
        if (older !== undefined) this.replaceLine(older);
        return;
      }
      case 'down': {
        if (this.heredoc !== undefined) return;
        const newer = this.navigator.next();
        if (newer !== undefined) this.replaceLine(newer);
        return;
      }
      case 'clear-screen':
        this.clearScreen();
        return;
      case 'interrupt':
        this.host.write(`${finishLine(this.drawn, this.prompt(), `${shown(this.line.text)}^C`, this.host.columns())}`);
        this.drawn = FRESH_LINE;
        this.heredoc = undefined;
        this.line = { ...EMPTY_LINE, killed: this.line.killed };
        this.navigator.reset();
        this.redraw();
        return;
      case 'backspace':
      case 'delete-word-back':
      case 'delete-word-forward':
      case 'delete':
      case 'end':
      case 'eof':
      case 'home':
      case 'kill-to-end':
      case 'kill-to-start':
      case 'left':
      case 'right':
      case 'word-left':
      case 'word-right':
      case 'yank':
        return;
    }
  }

  /** A message on its own line under the one being edited, which is then drawn again as it was. */
  private notice(text: string): void {
    this.host.write(`${finishLine(this.drawn, this.prompt(), shown(this.line.text), this.host.columns())}${outputForTerminal('', `error: ${text}\n`)}`);
    this.drawn = FRESH_LINE;
    this.redraw();
    this.host.announce(text);
  }

  private replaceLine(text: string): void {
    this.line = lineWith(text, this.line.killed);
    this.redraw();
  }

  private redraw(): void {
    const { output, drawn } = redrawLine(this.drawn, this.prompt(), shown(this.line.text), this.line.cursor, this.host.columns());
    this.host.write(output);
    this.drawn = drawn;
  }

  private clearScreen(): void {
    this.host.write(CLEAR_SCREEN);
    this.drawn = FRESH_LINE;
    this.redraw();
  }

  private complete(): void {
    const flow = this.host.flow();
    const behaviour = flow === undefined ? undefined : versionBehaviour(flow.kubernetesVersion);
    const completion = completeLine(this.line.text, this.line.cursor, {
      objects: this.host.objects(),
      createToken: behaviour?.kubectlCreateToken ?? true,
      nodeBinding: behaviour?.kubectlNodeBoundTokens === 'always',
    });
    const { state, listing } = applyCompletion(this.line, completion);
    if (listing === undefined) {
      this.line = state;
      this.redraw();
      return;
    }
    const rows = formatListing(listing, this.host.columns());
    this.host.write(finishLine(this.drawn, this.prompt(), this.line.text, this.host.columns()) + rows.join('\r\n') + '\r\n');
    this.drawn = FRESH_LINE;
    this.redraw();
  }

  private submit(): void {
    const text = this.line.text;
    this.host.write(finishLine(this.drawn, this.prompt(), shown(text), this.host.columns()));
    this.drawn = FRESH_LINE;
    this.line = { ...EMPTY_LINE, killed: this.line.killed };
    const open = this.heredoc;
    if (open !== undefined) {
      if (!endsHeredoc(text, open.operator)) {
        const line = heredocLine(text, open.operator);
        open.chars += line.length + 1;
        if (open.chars > HEREDOC_MAX_CHARS) {
          // Abandoned at once, like Ctrl+C, rather than collected to the end and then refused.
          this.heredoc = undefined;
          this.host.write(outputForTerminal('', `error: ${heredocRefusal(open.chars)}; the here-document was abandoned\n`));
          this.redraw();
          this.host.announce('The here-document was abandoned: it is too long.');
          return;
        }
        open.body.push(line);
        this.redraw();
        return;
      }
      this.heredoc = undefined;
      this.history.add([open.line, ...open.body, text].join('\n'));
      this.navigator.reset();
      this.run(open.line, open.body.map((line) => `${line}\n`).join(''));
      return;
    }
    // A recalled here-document holds its body and delimiter already: it runs as it was typed.
    const recalled = text.includes('\n') ? splitCommandText(text) : undefined;
    const operator = recalled === undefined ? heredocOn(text) : undefined;
    if (operator !== undefined) {
      this.navigator.reset();
      this.heredoc = { line: text, operator, body: [], chars: 0 };
      this.redraw();
      return;
    }
    this.history.add(text);
    this.navigator.reset();
    if (recalled?.ok === true && recalled.body !== undefined) this.run(text.slice(0, text.indexOf('\n')), recalled.body);
    else this.run(text);
  }

  private run(text: string, stdin?: string): void {
    const words = text.trim().split(/\s+/);
    if (words[0] === '') {
      this.redraw();
      return;
    }
    if (words[0] === 'clear') {
      this.clearScreen();
      return;
    }
    const flow = this.host.flow();
    if (flow === undefined) {
      this.host.write('error: no scenario is loaded, so there is no cluster to run commands on\r\n');
      this.redraw();
      return;
    }
    const tooLong = text.length > CONSOLE_LINE_MAX_CHARS ? consoleLineRefusal(text.length) : stdin !== undefined && stdin.length > HEREDOC_MAX_CHARS ? heredocRefusal(stdin.length) : undefined;
    if (tooLong !== undefined) {
      this.host.write(outputForTerminal('', `error: ${tooLong}\n`));
      this.redraw();
      this.host.announce(`Not run: ${tooLong}`);
      return;
    }
    const requestId = nextRequestId();
    const manifest = stdin === undefined ? this.applyManifest(text, flow) : undefined;
    const command: EngineCommand =
      manifest !== undefined
        ? { type: 'apply', flow: flow.id, manifest, requestId }
        : { type: 'kubectl', flow: flow.id, line: text, requestId, ...(stdin === undefined ? {} : { stdin }) };
    const timer = this.host.setTimer(() => this.timeOut(requestId), REPLY_TIMEOUT_MS);
    this.pending = { requestId, kind: command.type === 'apply' ? 'apply' : 'kubectl', flow: flow.id, line: text, timer };
    this.host.send(command);
  }

  /**
   * The editor's text when the line is a well-formed `apply -f <file>` (the file name does not matter: the editor
   * is the file; `-f -` reads stdin instead). Anything else, including a malformed apply, goes to the engine as
   * typed, which answers with kubectl's own error.
   */
  private applyManifest(text: string, flow: ConsoleFlow): string | undefined {
    const parsed = parseKubectl(text, kubectlContextFor(flow.kubernetesVersion));
    if (!parsed.ok || parsed.command.verb !== 'apply' || parsed.command.file === '-') return undefined;
    return this.host.applyBuffer();
  }

  private finish(output: string, announcement: string): void {
    if (this.pending !== undefined) this.host.clearTimer(this.pending.timer);
    this.pending = undefined;
    this.host.write(output);
    this.redraw();
    this.host.announce(announcement);
    this.drain();
  }

  private timeOut(requestId: number): void {
    if (this.pending?.requestId !== requestId) return;
    const seconds = REPLY_TIMEOUT_MS / 1000;
    const message = `error: no answer from the simulator within ${seconds} seconds\r\n`;
    this.finish(message, `No answer from the simulator for: ${this.pending.line.trim()}`);
  }

  private cancel(): void {
    if (this.pending !== undefined) this.host.clearTimer(this.pending.timer);
    this.pending = undefined;
    this.queue = [];
    this.host.write('^C\r\n');
    this.redraw();
    this.host.announce('Stopped waiting for the command.');
  }
}

/** The here-document a command line opens, if it opens one and splits cleanly into words. */
function heredocOn(line: string): HeredocOperator | undefined {
  const split = tokenizeShellLine(line);
  return split.ok ? split.heredoc : undefined;
}
