/**
 * A kubectl command line → a `KubectlCommand`, with kubectl's own client-side errors. The command tree, flag
 * rules and texts follow kubectl's sources (staging/src/k8s.io/kubectl/pkg/cmd/…) and cobra/pflag, cited where each
 * text is produced, so what a learner sees here is what their own terminal would have printed.
 *
 * How kubectl prints errors (k8s.io/kubectl/pkg/cmd/util/helpers.go): `CheckErr` prefixes `error: ` and exits 1;
 * `UsageErrorf` appends `\nSee '<command path> -h' for help and examples`; flag-parse errors go through the
 * templater's FlagErrorFunc (pkg/util/templates/templater.go), which appends `\nSee '<command path> --help' for usage.`
 */
import type { KubectlCommand, OutputFormat, ResourceKind } from './kubectl-command.ts';
import { allValues, flagColumn, goStrconvQuote, lastValue, parseFlags, parseGoInt } from './kubectl-flags.ts';
import type { FlagDef, ParsedFlags } from './kubectl-flags.ts';
import type { ShellWord, TokenizeResult } from './kubectl-tokenize.ts';
import { splitCommandText } from './heredoc.ts';
import { shellCommandRefusal } from './shell-commands.ts';
import { parseGoDuration } from '../time/duration.ts';
import type { KubectlDurationCheck } from '../model/versions.ts';
import { editDistance } from '../text/edit-distance.ts';

export interface KubectlContext {
  /** `kubectl create token` exists (kubectl ≥ 1.24). */
  kubectlCreateToken: boolean;
  /** `--bound-object-kind Node` is always accepted (kubectl ≥ 1.31). */
  nodeBoundTokens: boolean;
  /** `--bound-object-kind Node` is accepted when the line sets `KUBECTL_NODE_BOUND_TOKENS=true` (kubectl 1.29–1.30). */
  nodeBoundTokensWithEnv?: boolean;
  /** How `--duration` is checked; the 1.30+ rule when absent. */
  durationCheck?: KubectlDurationCheck;
  /** `kubectl auth whoami` exists (kubectl ≥ 1.27; before that `auth` knows only can-i and reconcile). Default true. */
  authWhoami?: boolean;
  /** Text piped to kubectl's stdin (the console's collected here-document); `-f -` reads it. */
  stdin?: string;
}

export type KubectlParseResult =
  | {
      ok: true;
      command: KubectlCommand;
      /** What kubectl prints to stderr before running (deprecation and --force warnings), newline-terminated. */
      warning?: string;
    }
  | {
      ok: false;
      /** Exactly what the terminal shows on stderr, newline-terminated. */
      stderr: string;
      /** 1 for kubectl's own errors, 2 for a line the shell could not split into words. */
      exitCode: number;
      /** 1-based column of the word (or quote) at fault, when one is. */
      column?: number;
    };

type Failure = Extract<KubectlParseResult, { ok: false }>;
type Success = Extract<KubectlParseResult, { ok: true }>;

// ---- flags -------------------------------------------------------------------------------------------------------

const s = (name: string, short?: string): FlagDef => (short === undefined ? { name, kind: 'string' } : { name, short, kind: 'string' });
const b = (name: string, short?: string): FlagDef => (short === undefined ? { name, kind: 'bool' } : { name, short, kind: 'bool' });

/** Persistent flags every kubectl command inherits (cli-runtime ConfigFlags + klog), and cobra's help flag. */
const GLOBAL_FLAGS: FlagDef[] = [
  s('namespace', 'n'),
  b('help', 'h'),
  s('kubeconfig'), s('context'), s('cluster'), s('user'), s('token'), s('server', 's'), s('as'),
  { name: 'as-group', kind: 'stringArray' }, s('as-uid'), s('certificate-authority'), s('client-certificate'),
  s('client-key'), b('insecure-skip-tls-verify'), s('request-timeout'), s('tls-server-name'), s('username'),
  s('password'), s('v', 'v'), b('match-server-version'), s('cache-dir'), b('disable-compression'),
  b('warnings-as-errors'), s('profile'), s('profile-output'), s('log-flush-frequency'),
];
/** Global flags whose effect (another user, another cluster, verbose HTTP logs) the simulation does not model. */
const UNSIMULATED_GLOBALS = GLOBAL_FLAGS.map((flag) => flag.name).filter((name) => name !== 'namespace' && name !== 'help');

const PRINT_FLAGS: FlagDef[] = [s('output', 'o'), b('allow-missing-template-keys'), s('template'), b('show-managed-fields')];
const DRY_RUN: FlagDef = { name: 'dry-run', kind: 'string', noOptDefault: 'unchanged' };
const FILENAME: FlagDef = { name: 'filename', short: 'f', kind: 'stringSlice' };

/** `kubectl create`'s own flags (create.go NewCmdCreate), so an old kubectl can reject `create token`'s flags. */
const CREATE_FLAGS: FlagDef[] = [
  FILENAME, s('kustomize', 'k'), b('recursive', 'R'), { name: 'validate', kind: 'string', noOptDefault: 'strict' }, b('edit'),
  b('windows-line-endings'), b('save-config'), DRY_RUN, s('selector', 'l'), s('raw'), s('field-manager'), b('record'),
  ...PRINT_FLAGS,
];
const CREATE_SA_FLAGS: FlagDef[] = [
  ...PRINT_FLAGS, DRY_RUN, s('field-manager'), b('save-config'), { name: 'validate', kind: 'string', noOptDefault: 'strict' },
];
/** create_token.go NewCmdCreateToken. */
const CREATE_TOKEN_FLAGS: FlagDef[] = [
  ...PRINT_FLAGS,
  { name: 'audience', kind: 'stringArray' },
  { name: 'duration', kind: 'duration' },
  s('bound-object-kind'), s('bound-object-name'), s('bound-object-uid'),
];
const GET_FLAGS: FlagDef[] = [
  ...PRINT_FLAGS, b('all-namespaces', 'A'), s('selector', 'l'), b('watch', 'w'), b('watch-only'), b('show-labels'),
  s('field-selector'), s('sort-by'), b('no-headers'), { name: 'label-columns', short: 'L', kind: 'stringSlice' },
  { name: 'chunk-size', kind: 'int' }, b('ignore-not-found'), b('output-watch-events'), s('raw'), b('show-kind'),
  s('subresource'), FILENAME, s('kustomize', 'k'), b('recursive', 'R'), b('server-print'),
];
const DESCRIBE_FLAGS: FlagDef[] = [
  b('all-namespaces', 'A'), s('selector', 'l'), b('show-events'), { name: 'chunk-size', kind: 'int' }, FILENAME,
  s('kustomize', 'k'), b('recursive', 'R'),
];
const DELETE_FLAGS: FlagDef[] = [
  { name: 'grace-period', kind: 'int' }, b('force'), b('now'), b('all'), b('all-namespaces', 'A'), s('selector', 'l'),
  s('field-selector'), b('wait'), { name: 'timeout', kind: 'duration' }, { name: 'cascade', kind: 'string', noOptDefault: 'background' },
  b('ignore-not-found'), FILENAME, s('kustomize', 'k'), b('recursive', 'R'), DRY_RUN, s('raw'), s('output', 'o'),
  b('interactive', 'i'),
];
const APPLY_FLAGS: FlagDef[] = [
  FILENAME, s('kustomize', 'k'), b('recursive', 'R'), b('server-side'), b('force-conflicts'), DRY_RUN, b('prune'),
  s('selector', 'l'), b('all'), b('force'), { name: 'grace-period', kind: 'int' }, { name: 'timeout', kind: 'duration' },
  b('wait'), b('overwrite'), s('field-manager'), { name: 'validate', kind: 'string', noOptDefault: 'strict' },
  { name: 'cascade', kind: 'string', noOptDefault: 'background' }, b('record'), b('openapi-patch'), ...PRINT_FLAGS,
];
const EXEC_FLAGS: FlagDef[] = [
  s('container', 'c'), b('stdin', 'i'), b('tty', 't'), b('quiet', 'q'), FILENAME, { name: 'pod-running-timeout', kind: 'duration' },
];

/** Output formats by printer family (genericclioptions PrintFlags), sorted as NoCompatiblePrinterError prints them. */
const CREATE_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];
const GET_FORMATS = [
  'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json',
  'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml',
];

// ---- command tree ------------------------------------------------------------------------------------------------

interface CommandNode {
  name: string;
  aliases?: readonly string[];
  /** How cobra names it in messages (`kubectl create serviceaccount`, even when typed as `sa`). */
  path: string;
  flags: readonly FlagDef[];
  children?: readonly CommandNode[];
  /** Real kubectl has it, the simulator does not run it. */
  unsimulated?: boolean;
  suggestFor?: readonly string[];
  available?: (ctx: KubectlContext) => boolean;
}

const leaf = (name: string, path: string, flags: readonly FlagDef[], extra: Partial<CommandNode> = {}): CommandNode => ({ name, path, flags, ...extra });
const unsimulated = (name: string, parent = 'kubectl', extra: Partial<CommandNode> = {}): CommandNode => ({ name, path: `${parent} ${name}`, flags: [], unsimulated: true, ...extra });

/** `kubectl create`'s real subcommands the simulator does not run (create.go NewCmdCreate). */
const CREATE_UNSIMULATED = [
  'clusterrole', 'clusterrolebinding', 'configmap', 'cronjob', 'deployment', 'ingress', 'job', 'namespace',
  'poddisruptionbudget', 'priorityclass', 'quota', 'role', 'rolebinding', 'secret', 'service',
];

const CREATE: CommandNode = {
  name: 'create',
  path: 'kubectl create',
  flags: CREATE_FLAGS,
  children: [
    leaf('serviceaccount', 'kubectl create serviceaccount', CREATE_SA_FLAGS, { aliases: ['sa'] }),
    leaf('token', 'kubectl create token', CREATE_TOKEN_FLAGS, { available: (ctx) => ctx.kubectlCreateToken }),
    ...CREATE_UNSIMULATED.map((name) => unsimulated(name, 'kubectl create')),
  ],
};

const AUTH: CommandNode = {
  name: 'auth',
  path: 'kubectl auth',
  flags: [],
  children: [
    leaf('whoami', 'kubectl auth whoami', PRINT_FLAGS, { available: (ctx) => ctx.authWhoami !== false }),
    unsimulated('can-i', 'kubectl auth'),
    unsimulated('reconcile', 'kubectl auth'),
  ],
};

/** kubectl's root commands (cmd.go NewKubectlCommand), for "unknown command" suggestions and "not simulated". */
const ROOT_UNSIMULATED = [
  'annotate', 'api-resources', 'api-versions', 'attach', 'autoscale', 'certificate', 'cluster-info', 'completion',
  'config', 'cordon', 'cp', 'debug', 'diff', 'drain', 'edit', 'events', 'explain', 'expose', 'kustomize', 'label',
  'logs', 'options', 'patch', 'plugin', 'port-forward', 'proxy', 'replace', 'rollout', 'run', 'scale', 'set', 'taint',
  'top', 'uncordon', 'version', 'wait',
];

const ROOT: CommandNode = {
  name: 'kubectl',
  path: 'kubectl',
  flags: [],
  children: [
    CREATE,
    leaf('get', 'kubectl get', GET_FLAGS, { suggestFor: ['list', 'ps'] }),
    leaf('describe', 'kubectl describe', DESCRIBE_FLAGS),
    leaf('delete', 'kubectl delete', DELETE_FLAGS, { suggestFor: ['rm'] }),
    leaf('apply', 'kubectl apply', APPLY_FLAGS),
    leaf('exec', 'kubectl exec', EXEC_FLAGS),
    AUTH,
    leaf('help', 'kubectl help', []),
    ...ROOT_UNSIMULATED.map((name) => unsimulated(name)),
  ],
};

const SIMULATED_SUMMARY = 'create serviceaccount, create token, get, describe, delete, apply, exec, auth whoami and help';

// ---- entry point -------------------------------------------------------------------------------------------------

export function parseKubectl(line: string, ctx: KubectlContext): KubectlParseResult {
  try {
    return parseLine(line, ctx);
  } catch (error) {
    // Nothing above should throw; if it ever does, the learner still gets a message instead of a broken terminal.
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`error: TokenScope could not read this command line (${reason})`);
  }
}

/** What kubectl's stdin holds: `given` once a here-document or the host supplies one; `text` when it is known here. */
interface Stdin {
  given: boolean;
  text?: string;
}

function parseLine(line: string, ctx: KubectlContext): KubectlParseResult {
  const input = readCommandText(line, ctx);
  if (!input.ok) return input.failure;
  const { split, stdin } = input;
  // A `$ ` copied from an example's prompt, and `k`, the kubectl cheat sheet's alias, mean what the example shows.
  const afterPrompt = split.words[0]?.text === '$' ? split.words.slice(1) : split.words;
  const { env, words: afterEnv } = environmentPrefix(afterPrompt);
  let words = afterEnv;
  const typedKubectl = words[0]?.text === 'kubectl' || words[0]?.text === 'k';
  if (typedKubectl) words = words.slice(1);
  if (words.length === 0) return { ok: true, command: { verb: 'help' } };

  const resolved = resolveCommand(words, ctx);
  const { node, rest, unknownWord } = resolved;

  if (node === ROOT && unknownWord !== undefined) {
    const shell = !typedKubectl && unknownWord === words[0] ? shellCommandRefusal(unknownWord.text) : undefined;
    return shell === undefined ? unknownRootCommand(unknownWord) : fail(shell, unknownWord.column);
  }
  if (node.unsimulated === true) {
    return fail(`error: TokenScope does not simulate "${node.path}"; it runs kubectl ${SIMULATED_SUMMARY}`);
  }

  const parsed = parseFlags(rest, [...node.flags, ...GLOBAL_FLAGS]);
  if (!parsed.ok) return flagError(node, parsed.error, parsed.column);
  const flags = parsed.flags;
  if (lastValue(flags, 'help') === 'true') return help(node);
  const unsupportedGlobal = firstGiven(flags, UNSIMULATED_GLOBALS);
  if (unsupportedGlobal !== undefined) {
    return fail(`error: TokenScope does not simulate --${unsupportedGlobal}; its kubectl always talks to the simulated cluster as the cluster admin`, flagColumn(flags, unsupportedGlobal));
  }

  switch (node) {
    case ROOT:
      return { ok: true, command: { verb: 'help' } };
    case CREATE:
      return createGroup(flags, ctx, stdin);
    case AUTH:
      return authGroup(flags);
  }
  switch (node.path) {
    case 'kubectl create serviceaccount':
      return createServiceAccount(node, flags);
    case 'kubectl create token':
      return createToken(node, flags, ctx, env);
    case 'kubectl get':
      return getCommand(node, flags);
    case 'kubectl describe':
      return describeCommand(node, flags);
    case 'kubectl delete':
      return deleteCommand(node, flags, stdin);
    case 'kubectl apply':
      return applyCommand(node, flags, stdin);
    case 'kubectl exec':
      return execCommand(node, flags);
    case 'kubectl auth whoami':
      return authWhoami(node, flags);
    case 'kubectl help':
      return helpCommand(flags);
  }
  return fail(`error: TokenScope does not simulate "${node.path}"; it runs kubectl ${SIMULATED_SUMMARY}`);
}

/** `NAME=value` words before the command, as a shell passes them into kubectl's environment. */
function environmentPrefix(words: readonly ShellWord[]): { env: ReadonlyMap<string, string>; words: readonly ShellWord[] } {
  const env = new Map<string, string>();
  let index = 0;
  for (; index < words.length; index++) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(words[index]!.text);
    if (!match) break;
    env.set(match[1]!, match[2]!);
  }
  return { env, words: words.slice(index) };
}

/**
 * The command line's words, and what its stdin holds: a here-document carried in the text, or one the host says it
 * will supply (`ctx.stdin`). A `<<EOF` line without its body still counts as given: the console sends the body apart.
 */
function readCommandText(text: string, ctx: KubectlContext): { ok: true; split: Extract<TokenizeResult, { ok: true }>; stdin: Stdin } | { ok: false; failure: Failure } {
  const split = splitCommandText(text);
  if (!split.ok) return { ok: false, failure: { ok: false, stderr: `${split.error}\n`, exitCode: split.exitCode, column: split.column } };
  const body = split.body ?? ctx.stdin;
  const given = split.split.heredoc !== undefined || ctx.stdin !== undefined;
  return { ok: true, split: split.split, stdin: body === undefined ? { given } : { given, text: body } };
}

/**
 * `-f FILE` for apply, create and delete (cli-runtime FilenameOptions): one file here, and `-` only when something
 * feeds stdin. A real terminal would sit waiting for input on a bare `-f -`; this one says how to give it.
 */
function fileArgument(node: CommandNode, flags: ParsedFlags, stdin: Stdin): { ok: true; file: string; stdin?: string } | { ok: false; failure: Failure } {
  const verb = node.path.slice('kubectl '.length);
  // pflag StringSlice: each -f may hold a comma-separated list.
  const files = allValues(flags, 'filename').flatMap((value) => value.split(','));
  // FilenameOptions.RequireFilenameOrKustomize (cli-runtime).
  if (files.length === 0 || files.every((file) => file === '')) return { ok: false, failure: fail('error: must specify one of -f and -k') };
  const column = flagColumn(flags, 'filename');
  if (files.length > 1) return { ok: false, failure: fail(`error: TokenScope's kubectl ${verb}s one file at a time`, column) };
  const file = files[0] ?? '';
  if (file !== '-') return { ok: true, file };
  if (!stdin.given) {
    return {
      ok: false,
      failure: fail(
        `error: -f - reads the manifest from stdin, and nothing feeds stdin here; give it as a here-document:\n` +
          `  kubectl ${verb} -f - <<EOF\n  (the manifest)\n  EOF`,
        column,
      ),
    };
  }
  return stdin.text === undefined ? { ok: true, file } : { ok: true, file, stdin: stdin.text };
}

// ---- resolution --------------------------------------------------------------------------------------------------

interface Resolved {
  node: CommandNode;
  /** Every word that is not part of the command path, flags included, in order. */
  rest: ShellWord[];
  /** At the root: the first positional word, which is not a command. */
  unknownWord?: ShellWord;
}

/**
 * cobra's Command.Find: walk down the tree on the non-flag words, skipping flags (and the value of a known flag
 * given as a separate word, so `kubectl -n team get pods` finds `get`).
 */
function resolveCommand(words: readonly ShellWord[], ctx: KubectlContext): Resolved {
  let node = ROOT;
  const rest: ShellWord[] = [];
  let descending = true;
  let unknownWord: ShellWord | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as ShellWord;
    if (!descending) {
      rest.push(word);
      continue;
    }
    if (word.text === '--') {
      descending = false;
      rest.push(word);
      continue;
    }
    if (word.text.length > 1 && word.text.startsWith('-')) {
      rest.push(word);
      const next = words[i + 1];
      if (next !== undefined && takesSeparateValue(word.text, [...node.flags, ...GLOBAL_FLAGS])) {
        rest.push(next);
        i++;
      }
      continue;
    }
    const child = node.children?.find((c) => (c.name === word.text || c.aliases?.includes(word.text) === true) && (c.available?.(ctx) ?? true));
    if (child !== undefined) {
      node = child;
      continue;
    }
    if (node === ROOT) unknownWord = word;
    descending = false;
    rest.push(word);
  }
  return unknownWord === undefined ? { node, rest } : { node, rest, unknownWord };
}

function takesSeparateValue(arg: string, defs: readonly FlagDef[]): boolean {
  if (arg.startsWith('--')) {
    if (arg.includes('=')) return false;
    const def = defs.find((d) => d.name === arg.slice(2));
    return def !== undefined && def.kind !== 'bool' && def.noOptDefault === undefined;
  }
  if (arg.length !== 2) return false;
  const def = defs.find((d) => d.short === arg[1]);
  return def !== undefined && def.kind !== 'bool' && def.noOptDefault === undefined;
}

// ---- error shapes ------------------------------------------------------------------------------------------------

function fail(message: string, column?: number): Failure {
  const stderr = message.endsWith('\n') ? message : `${message}\n`;
  return column === undefined ? { ok: false, stderr, exitCode: 1 } : { ok: false, stderr, exitCode: 1, column };
}

/** cmdutil.UsageErrorf + CheckErr. */
function usageError(node: CommandNode, message: string, column?: number): Failure {
  return fail(`error: ${message}\nSee '${node.path} -h' for help and examples`, column);
}

/** The templater's FlagErrorFunc + CheckErr. */
function flagError(node: CommandNode, message: string, column?: number): Failure {
  return fail(`error: ${message}\nSee '${node.path} --help' for usage.`, column);
}

function help(node: CommandNode): Success {
  const topic = node.path === 'kubectl' ? undefined : node.path.slice('kubectl '.length);
  return { ok: true, command: topic === undefined ? { verb: 'help' } : { verb: 'help', topic } };
}

/** cobra args.go legacyArgs + command.go findSuggestions (Levenshtein ≤ 2 or prefix, plus SuggestFor). */
function unknownRootCommand(word: ShellWord): Failure {
  const typed = word.text;
  const suggestions: string[] = [];
  for (const child of [...(ROOT.children ?? [])].sort((x, y) => x.name.localeCompare(y.name))) {
    if (child.name === 'help') continue;
    const close = editDistance(typed.toLowerCase(), child.name.toLowerCase()) <= 2;
    const prefix = child.name.toLowerCase().startsWith(typed.toLowerCase());
    const explicit = child.suggestFor?.some((alias) => alias.toLowerCase() === typed.toLowerCase()) === true;
    if ((close || prefix || explicit) && !suggestions.includes(child.name)) suggestions.push(child.name);
  }
  const hint = suggestions.length === 0 ? '' : `\n\nDid you mean this?\n${suggestions.map((name) => `\t${name}\n`).join('')}`;
  return fail(`error: unknown command ${goQuote(typed)} for "kubectl"${hint}`, word.column);
}


const goQuote = goStrconvQuote;

function firstGiven(flags: ParsedFlags, names: readonly string[]): string | undefined {
  let best: { name: string; column: number } | undefined;
  for (const name of names) {
    const column = flagColumn(flags, name);
    if (column !== undefined && (best === undefined || column < best.column)) best = { name, column };
  }
  return best?.name;
}

function notSimulatedFlags(flags: ParsedFlags, node: CommandNode, supported: readonly string[]): Failure | undefined {
  const own = node.flags.map((flag) => flag.name).filter((name) => !supported.includes(name));
  const given = firstGiven(flags, own);
  if (given === undefined) return undefined;
  return fail(`error: TokenScope does not simulate ${node.path}'s --${given} flag`, flagColumn(flags, given));
}

/** `-o`: our formats, kubectl's NoCompatiblePrinterError for unknown ones, and "not simulated" for real others. */
function outputFormat(flags: ParsedFlags, ours: readonly OutputFormat[], all: readonly string[]): { ok: true; output?: OutputFormat } | { ok: false; failure: Failure } {
  const value = lastValue(flags, 'output');
  if (value === undefined || value === '') return { ok: true };
  if ((ours as readonly string[]).includes(value)) return { ok: true, output: value as OutputFormat };
  const family = value.split('=')[0] ?? value;
  const column = flagColumn(flags, 'output');
  if (all.includes(family)) {
    return { ok: false, failure: fail(`error: TokenScope does not simulate -o ${family}; use ${ours.map((format) => `-o ${format}`).join(', ')}`, column) };
  }
  return { ok: false, failure: fail(`error: unable to match a printer suitable for the output format ${goQuote(value)}, allowed formats are: ${all.join(',')}`, column) };
}

function namespaceOf(flags: ParsedFlags): string | undefined {
  // clientcmd ignores an empty --namespace override and falls back to the context's namespace.
  const value = lastValue(flags, 'namespace');
  return value === undefined || value === '' ? undefined : value;
}

function withNamespace<T extends object>(command: T, flags: ParsedFlags): T & { namespace?: string } {
  const namespace = namespaceOf(flags);
  return namespace === undefined ? command : { ...command, namespace };
}

/** create.go NameFromCommandArgs: counts the words before `--` when there is one. */
function exactlyOneName(node: CommandNode, flags: ParsedFlags): { ok: true; name: string } | { ok: false; failure: Failure } {
  const count = flags.argsLenAtDash === -1 ? flags.positionals.length : flags.argsLenAtDash;
  if (count !== 1) return { ok: false, failure: usageError(node, `exactly one NAME is required, got ${count}`, flags.positionals[1]?.column) };
  return { ok: true, name: flags.positionals[0]?.text ?? '' };
}

// ---- create ------------------------------------------------------------------------------------------------------

/**
 * `kubectl create` with no known subcommand runs create's own Run (create.go NewCmdCreate): without -f it writes
 * "Error: must specify one of -f and -k" and then DefaultSubCommandRun → RequireNoArguments fails with
 * `unknown command "<args>"` (cmd/util/helpers.go). That is also what kubectl 1.20–1.23, which has no
 * `create token`, prints for `kubectl create token my-app`.
 */
function createGroup(flags: ParsedFlags, ctx: KubectlContext, stdin: Stdin): KubectlParseResult {
  if (allValues(flags, 'filename').length > 0) return createFromFile(flags, stdin);
  const args = flags.positionals.map((word) => word.text);
  const first = flags.positionals[0];
  if (first !== undefined && CREATE_UNSIMULATED.includes(first.text)) {
    return fail(`error: TokenScope does not simulate "kubectl create ${first.text}"; it creates serviceaccounts${ctx.kubectlCreateToken ? ' and tokens' : ''}, and applies manifests with kubectl apply -f`, first.column);
  }
  const banner = 'Error: must specify one of -f and -k\n\n';
  // With no words at all kubectl prints create's full help after the banner; a pointer to it stands in here.
  if (args.length === 0) return fail(`${banner}See '${CREATE.path} -h' for help and examples`);
  return fail(`${banner}error: unknown command ${goQuote(args.join(' '))}\nSee '${CREATE.path} -h' for help and examples`, first?.column);
}

/** create.go RunCreate with -f: stray words are refused first (ValidateArgs), then the file. */
function createFromFile(flags: ParsedFlags, stdin: Stdin): KubectlParseResult {
  if (flags.positionals.length > 0) {
    return usageError(CREATE, `Unexpected args: [${flags.positionals.map((word) => word.text).join(' ')}]`, flags.positionals[0]?.column);
  }
  if (lastValue(flags, 'raw') !== undefined) return createRaw(flags, stdin);
  const unsupported = notSimulatedFlags(flags, CREATE, ['filename']);
  if (unsupported !== undefined) return unsupported;
  const file = fileArgument(CREATE, flags, stdin);
  if (!file.ok) return file.failure;
  return { ok: true, command: withNamespace({ verb: 'create-file' as const, file: file.file, ...(file.stdin === undefined ? {} : { stdin: file.stdin }) }, flags) };
}

/**
 * `create --raw PATH -f FILE` (create.go ValidateArgs, then rawhttp.RawPost): the file's bytes POSTed to PATH as
 * they are. The only path the simulated API server answers is the TokenRequest subresource.
 */
function createRaw(flags: ParsedFlags, stdin: Stdin): KubectlParseResult {
  const raw = lastValue(flags, 'raw') ?? '';
  const rawColumn = flagColumn(flags, 'raw');
  const files = allValues(flags, 'filename').flatMap((value) => value.split(','));
  if (files.length !== 1) return usageError(CREATE, '--raw can only use a single local file or stdin', flagColumn(flags, 'filename'));
  if (/^https?:\/\//.test(files[0] ?? '')) return usageError(CREATE, '--raw cannot read from a url', flagColumn(flags, 'filename'));
  if (lastValue(flags, 'recursive') === 'true') return usageError(CREATE, '--raw and --recursive are mutually exclusive', flagColumn(flags, 'recursive'));
  if (lastValue(flags, 'selector') !== undefined) return usageError(CREATE, '--raw and --selector (-l) are mutually exclusive', flagColumn(flags, 'selector'));
  if ((lastValue(flags, 'output') ?? '') !== '') return usageError(CREATE, '--raw and --output are mutually exclusive', flagColumn(flags, 'output'));
  // url.ParseRequestURI: an absolute path (or URL) is required.
  if (!raw.startsWith('/')) return usageError(CREATE, `--raw must be a valid URL path: parse ${goQuote(raw)}: invalid URI for request`, rawColumn);
  const unsupported = notSimulatedFlags(flags, CREATE, ['filename', 'raw']);
  if (unsupported !== undefined) return unsupported;
  const path = raw.split('?')[0] ?? raw;
  const match = /^\/api\/v1\/namespaces\/([^/]+)\/serviceaccounts\/([^/]+)\/token$/.exec(path);
  if (!match) {
    return fail('error: TokenScope\'s kubectl create --raw posts only to a TokenRequest: /api/v1/namespaces/NAMESPACE/serviceaccounts/NAME/token', rawColumn);
  }
  const file = fileArgument(CREATE, flags, stdin);
  if (!file.ok) return file.failure;
  return {
    ok: true,
    command: {
      verb: 'create-raw',
      path: raw,
      namespace: pathSegment(match[1] ?? ''),
      serviceAccount: pathSegment(match[2] ?? ''),
      file: file.file,
      ...(file.stdin === undefined ? {} : { stdin: file.stdin }),
    },
  };
}

/** A URL path segment with its %-escapes decoded (left as typed when they are malformed). */
function pathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function createServiceAccount(node: CommandNode, flags: ParsedFlags): KubectlParseResult {
  const name = exactlyOneName(node, flags);
  if (!name.ok) return name.failure;
  const output = outputFormat(flags, ['yaml', 'json', 'name'], CREATE_FORMATS);
  if (!output.ok) return output.failure;
  const unsupported = notSimulatedFlags(flags, node, ['output']);
  if (unsupported !== undefined) return unsupported;
  // create_serviceaccount.go Validate.
  if (name.name === '') return fail('error: name must be specified', flags.positionals[0]?.column);
  const command: KubectlCommand = withNamespace({ verb: 'create-serviceaccount' as const, name: name.name }, flags);
  return { ok: true, command: output.output === undefined ? command : { ...command, output: output.output } };
}

/** create_token.go: Complete (name, printer) then Validate, in that order and with those texts. */
function createToken(node: CommandNode, flags: ParsedFlags, ctx: KubectlContext, env: ReadonlyMap<string, string>): KubectlParseResult {
  const name = exactlyOneName(node, flags);
  if (!name.ok) return name.failure;
  const output = outputFormat(flags, ['yaml', 'json', 'name'], CREATE_FORMATS);
  if (!output.ok) return output.failure;
  const unsupported = notSimulatedFlags(flags, node, ['output', 'audience', 'duration', 'bound-object-kind', 'bound-object-name', 'bound-object-uid']);
  if (unsupported !== undefined) return unsupported;

  if (name.name === '') return fail('error: service account name is required', flags.positionals[0]?.column);
  // `--namespace is required` cannot happen from a command line: an empty -n falls back to "default".
  const durationText = lastValue(flags, 'duration');
  let expirationSec: number | undefined;
  if (durationText !== undefined) {
    const parsed = parseGoDuration(durationText);
    const column = flagColumn(flags, 'duration');
    if (!parsed.ok) return flagError(node, `invalid argument ${goQuote(durationText)} for "--duration" flag: ${parsed.error}`, column);
    const durationError = durationCheckError(parsed.nanoseconds, ctx.durationCheck ?? 'non-negative');
    if (durationError !== undefined) return fail(durationError, column);
    if (parsed.nanoseconds % 1_000_000_000n !== 0n) return fail('error: --duration cannot be expressed in units less than seconds', column);
    // Run sends expirationSeconds only when the duration is > 0.
    if (parsed.nanoseconds > 0n) expirationSec = Number(parsed.nanoseconds / 1_000_000_000n);
  }
  const audiences = allValues(flags, 'audience');
  if (audiences.some((audience) => audience === '')) return fail('error: --audience must not be an empty string', flagColumn(flags, 'audience'));

  const kind = lastValue(flags, 'bound-object-kind') ?? '';
  const boundName = lastValue(flags, 'bound-object-name') ?? '';
  const boundUid = lastValue(flags, 'bound-object-uid') ?? '';
  let boundObject: { kind: 'Pod' | 'Secret' | 'Node'; name: string; uid?: string } | undefined;
  if (kind === '') {
    if (boundName !== '') return fail('error: --bound-object-name can only be set if --bound-object-kind is provided', flagColumn(flags, 'bound-object-name'));
    if (boundUid !== '') return fail('error: --bound-object-uid can only be set if --bound-object-kind is provided', flagColumn(flags, 'bound-object-uid'));
  } else {
    // boundObjectKindToAPIVersions: Pod and Secret, plus Node (behind KUBECTL_NODE_BOUND_TOKENS on 1.29–1.30); sorted.
    const nodeKind = ctx.nodeBoundTokens || (ctx.nodeBoundTokensWithEnv === true && env.get('KUBECTL_NODE_BOUND_TOKENS')?.toLowerCase() === 'true');
    const kinds = nodeKind ? ['Node', 'Pod', 'Secret'] : ['Pod', 'Secret'];
    if (!kinds.includes(kind)) return fail(`error: supported --bound-object-kind values are ${kinds.join(', ')}`, flagColumn(flags, 'bound-object-kind'));
    if (boundName === '') return fail('error: --bound-object-name is required if --bound-object-kind is provided', flagColumn(flags, 'bound-object-kind'));
    boundObject = { kind: kind as 'Pod' | 'Secret' | 'Node', name: boundName, ...(boundUid === '' ? {} : { uid: boundUid }) };
  }

  const namespace = namespaceOf(flags);
  const command: KubectlCommand = {
    verb: 'create-token',
    serviceAccount: name.name,
    audiences,
    ...(namespace === undefined ? {} : { namespace }),
    ...(expirationSec === undefined ? {} : { expirationSec }),
    ...(boundObject === undefined ? {} : { boundObject }),
    ...(output.output === undefined ? {} : { output: output.output }),
  };
  return { ok: true, command };
}

/** create_token.go Validate's `--duration` check, whose wording and treatment of 0 changed in 1.29 and 1.30. */
function durationCheckError(nanoseconds: bigint, check: KubectlDurationCheck): string | undefined {
  switch (check) {
    case 'non-negative':
      return nanoseconds < 0n ? 'error: --duration must be greater than or equal to 0' : undefined;
    case 'positive':
      return nanoseconds < 0n ? 'error: --duration must be positive' : undefined;
    case 'positive-non-zero':
      return nanoseconds <= 0n ? 'error: --duration must be positive' : undefined;
  }
}

// ---- get / describe / delete -------------------------------------------------------------------------------------

const RESOURCE_NAMES: Readonly<Record<string, ResourceKind>> = {
  pod: 'pod', pods: 'pod', po: 'pod',
  secret: 'secret', secrets: 'secret',
  serviceaccount: 'serviceaccount', serviceaccounts: 'serviceaccount', sa: 'serviceaccount',
};

/** Resource types a learner may try that exist in a real cluster but not in the simulated one. */
const REAL_RESOURCES = new Set([
  'configmap', 'configmaps', 'cm', 'deployment', 'deployments', 'deploy', 'node', 'nodes', 'no', 'namespace',
  'namespaces', 'ns', 'service', 'services', 'svc', 'replicaset', 'replicasets', 'rs', 'statefulset', 'statefulsets',
  'sts', 'daemonset', 'daemonsets', 'ds', 'job', 'jobs', 'cronjob', 'cronjobs', 'cj', 'event', 'events', 'ev',
  'role', 'roles', 'rolebinding', 'rolebindings', 'clusterrole', 'clusterroles', 'clusterrolebinding',
  'clusterrolebindings', 'ingress', 'ingresses', 'ing', 'endpoints', 'ep', 'persistentvolumeclaims', 'pvc',
  'persistentvolumes', 'pv', 'all', 'tokenreviews', 'tokenrequests',
]);

type ResourceArgs = { ok: true; resource: ResourceKind; names: ShellWord[] } | { ok: false; failure: Failure };

/** The resource builder's TYPE NAME… and TYPE/NAME… forms (cli-runtime resource/builder.go). */
function resourceArgs(words: readonly ShellWord[], verb: string): ResourceArgs {
  const slashCount = words.filter((word) => word.text.includes('/')).length;
  if (slashCount > 0 && slashCount !== words.length) {
    return {
      ok: false,
      failure: fail("error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'", words.find((w) => !w.text.includes('/'))?.column),
    };
  }
  if (slashCount > 0) {
    let resource: ResourceKind | undefined;
    const names: ShellWord[] = [];
    for (const word of words) {
      const parts = word.text.split('/');
      if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
        return { ok: false, failure: fail('error: arguments in resource/name form must have a single resource and name', word.column) };
      }
      const kind = resourceKind(parts[0] ?? '', word.column, verb);
      if (!kind.ok) return kind;
      if (resource !== undefined && resource !== kind.resource) {
        return { ok: false, failure: fail(`error: TokenScope's kubectl ${verb}s one resource type at a time`, word.column) };
      }
      resource = kind.resource;
      names.push({ text: parts[1] ?? '', column: word.column + (parts[0]?.length ?? 0) + 1 });
    }
    return { ok: true, resource: resource ?? 'pod', names };
  }
  const [typeWord, ...names] = words;
  if (typeWord === undefined) return { ok: false, failure: fail('error: a resource type is required') };
  if (typeWord.text.includes(',')) {
    return { ok: false, failure: fail(`error: TokenScope's kubectl ${verb}s one resource type at a time`, typeWord.column) };
  }
  const kind = resourceKind(typeWord.text, typeWord.column, verb);
  if (!kind.ok) return kind;
  return { ok: true, resource: kind.resource, names };
}

function resourceKind(typed: string, column: number, verb: string): { ok: true; resource: ResourceKind } | { ok: false; failure: Failure } {
  // kubectl also accepts fully qualified names (pods.v1.) and matches case-insensitively.
  const base = (typed.split('.')[0] ?? typed).toLowerCase();
  const resource = RESOURCE_NAMES[base];
  if (resource !== undefined) return { ok: true, resource };
  if (REAL_RESOURCES.has(base)) {
    return { ok: false, failure: fail(`error: TokenScope does not simulate ${typed}; kubectl ${verb} works on pods, secrets and serviceaccounts here`, column) };
  }
  return { ok: false, failure: fail(`error: the server doesn't have a resource type ${goQuote(typed)}`, column) };
}

/** get.go Complete: printer first, then "You must specify the type of resource to get". */
function getCommand(node: CommandNode, flags: ParsedFlags): KubectlParseResult {
  const output = outputFormat(flags, ['yaml', 'json', 'wide', 'name'], GET_FORMATS);
  if (!output.ok) return output.failure;
  const unsupported = notSimulatedFlags(flags, node, ['output']);
  if (unsupported !== undefined) return unsupported;
  if (flags.positionals.length === 0) {
    return fail(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        `See '${node.path} -h' for help and examples`,
    );
  }
  const args = resourceArgs(flags.positionals, 'get');
  if (!args.ok) return args.failure;
  if (args.names.length > 1) return fail("error: TokenScope's kubectl gets one NAME at a time", args.names[1]?.column);
  const name = args.names[0]?.text;
  const command: KubectlCommand = withNamespace({ verb: 'get' as const, resource: args.resource, ...(name === undefined ? {} : { name }) }, flags);
  return { ok: true, command: output.output === undefined ? command : { ...command, output: output.output } };
}

/** describe.go Complete. */
function describeCommand(node: CommandNode, flags: ParsedFlags): KubectlParseResult {
  const unsupported = notSimulatedFlags(flags, node, []);
  if (unsupported !== undefined) return unsupported;
  if (flags.positionals.length === 0) {
    return fail('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n');
  }
  const args = resourceArgs(flags.positionals, 'describe');
  if (!args.ok) return args.failure;
  if (args.names.length > 1) return fail("error: TokenScope's kubectl describes one NAME at a time", args.names[1]?.column);
  const name = args.names[0]?.text;
  return { ok: true, command: withNamespace({ verb: 'describe' as const, resource: args.resource, ...(name === undefined ? {} : { name }) }, flags) };
}

/** delete.go Complete (--now, grace period and --force folding, then the builder) and Validate. */
function deleteCommand(node: CommandNode, flags: ParsedFlags, stdin: Stdin): KubectlParseResult {
  const unsupported = notSimulatedFlags(flags, node, ['grace-period', 'force', 'now', 'filename']);
  if (unsupported !== undefined) return unsupported;
  let gracePeriod = -1;
  const graceText = lastValue(flags, 'grace-period');
  if (graceText !== undefined) {
    const parsed = parseGoInt(graceText);
    gracePeriod = parsed.ok ? Number(parsed.value) : -1;
  }
  const force = lastValue(flags, 'force') === 'true';
  if (lastValue(flags, 'now') === 'true') {
    if (gracePeriod !== -1) return fail('error: --now and --grace-period cannot be specified together', flagColumn(flags, 'now'));
    gracePeriod = 1;
  }
  // "To preserve backwards compatibility, but prevent accidental data loss, we convert --grace-period=0 into 1."
  if (gracePeriod === 0 && !force) gracePeriod = 1;
  if (force && gracePeriod < 0) gracePeriod = 0;

  if (allValues(flags, 'filename').length > 0) {
    if (flags.positionals.length > 0) {
      return fail("error: TokenScope's kubectl delete takes either -f FILE or TYPE NAME…, not both", flags.positionals[0]?.column);
    }
    const file = fileArgument(node, flags, stdin);
    if (!file.ok) return file.failure;
    const forced = forceWarning(flags, gracePeriod, force);
    if (!forced.ok) return forced.failure;
    const warning = forced.warning;
    const command: KubectlCommand = withNamespace(
      {
        verb: 'delete-file' as const,
        file: file.file,
        force,
        ...(file.stdin === undefined ? {} : { stdin: file.stdin }),
        ...(gracePeriod < 0 ? {} : { gracePeriodSec: gracePeriod }),
      },
      flags,
    );
    return warning === undefined ? { ok: true, command } : { ok: true, command, warning };
  }

  if (flags.positionals.length === 0) {
    return fail(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const args = resourceArgs(flags.positionals, 'delete');
  if (!args.ok) return args.failure;
  if (args.names.length === 0) return fail('error: resource(s) were provided, but no name was specified', flags.positionals[0]?.column);
  const forced = forceWarning(flags, gracePeriod, force);
  if (!forced.ok) return forced.failure;
  const warning = forced.warning;

  const command: KubectlCommand = withNamespace(
    {
      verb: 'delete' as const,
      resource: args.resource,
      names: args.names.map((word) => word.text),
      force,
      ...(gracePeriod < 0 ? {} : { gracePeriodSec: gracePeriod }),
    },
    flags,
  );
  return warning === undefined ? { ok: true, command } : { ok: true, command, warning };
}

/** delete.go Validate: --force with a grace period, and the warning printed before an immediate deletion. */
function forceWarning(flags: ParsedFlags, gracePeriod: number, force: boolean): { ok: true; warning?: string } | { ok: false; failure: Failure } {
  if (gracePeriod === 0 && force) {
    return { ok: true, warning: 'warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n' };
  }
  if (gracePeriod > 0 && force) return { ok: false, failure: fail('error: --force and --grace-period greater than 0 cannot be specified together', flagColumn(flags, 'force')) };
  return { ok: true };
}

// ---- apply / exec / auth / help ----------------------------------------------------------------------------------

function applyCommand(node: CommandNode, flags: ParsedFlags, stdin: Stdin): KubectlParseResult {
  // apply.go ToOptions: stray words first, as a usage error printed like Go's %v of a []string.
  if (flags.positionals.length > 0) {
    return usageError(node, `Unexpected args: [${flags.positionals.map((word) => word.text).join(' ')}]`, flags.positionals[0]?.column);
  }
  const unsupported = notSimulatedFlags(flags, node, ['filename']);
  if (unsupported !== undefined) return unsupported;
  const file = fileArgument(node, flags, stdin);
  if (!file.ok) return file.failure;
  return { ok: true, command: withNamespace({ verb: 'apply' as const, file: file.file, ...(file.stdin === undefined ? {} : { stdin: file.stdin }) }, flags) };
}

/** exec.go Complete and Validate. */
function execCommand(node: CommandNode, flags: ParsedFlags): KubectlParseResult {
  const unsupported = notSimulatedFlags(flags, node, ['container', 'stdin', 'tty', 'quiet']);
  if (unsupported !== undefined) return unsupported;
  const args = flags.positionals;
  const atDash = flags.argsLenAtDash;
  let podWord: ShellWord | undefined;
  let argv: string[] = [];
  let warning: string | undefined;
  if (args.length > 0 && atDash !== 0) podWord = args[0];
  if (atDash > -1) {
    argv = args.slice(atDash).map((word) => word.text);
  } else if (args.length > 1) {
    if (lastValue(flags, 'quiet') !== 'true') {
      warning = 'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n';
    }
    argv = args.slice(1).map((word) => word.text);
  }
  if (podWord === undefined) return fail('error: pod, type/name or --filename must be specified');
  if (argv.length === 0) return fail('error: you must specify at least one command for the container', podWord.column);
  let pod = podWord.text;
  const slash = pod.indexOf('/');
  if (slash !== -1) {
    const type = pod.slice(0, slash).toLowerCase();
    if (RESOURCE_NAMES[type] !== 'pod') {
      return fail(`error: TokenScope's kubectl execs into pods only; ${goQuote(pod)} is not a pod`, podWord.column);
    }
    pod = pod.slice(slash + 1);
  }
  const container = lastValue(flags, 'container');
  const command: KubectlCommand = withNamespace({ verb: 'exec' as const, pod, argv, ...(container === undefined || container === '' ? {} : { container }) }, flags);
  return warning === undefined ? { ok: true, command } : { ok: true, command, warning };
}

/** `kubectl auth` alone shows its help; an unknown word fails in DefaultSubCommandRun → RequireNoArguments. */
function authGroup(flags: ParsedFlags): KubectlParseResult {
  if (flags.positionals.length === 0) return help(AUTH);
  return usageError(AUTH, `unknown command ${goQuote(flags.positionals.map((word) => word.text).join(' '))}`, flags.positionals[0]?.column);
}

function authWhoami(node: CommandNode, flags: ParsedFlags): KubectlParseResult {
  if (flags.positionals.length > 0) {
    return usageError(node, `Unexpected args: [${flags.positionals.map((word) => word.text).join(' ')}]`, flags.positionals[0]?.column);
  }
  const output = outputFormat(flags, ['yaml', 'json', 'name'], CREATE_FORMATS);
  if (!output.ok) return output.failure;
  const unsupported = notSimulatedFlags(flags, node, ['output']);
  if (unsupported !== undefined) return unsupported;
  return { ok: true, command: output.output === undefined ? { verb: 'auth-whoami' } : { verb: 'auth-whoami', output: output.output } };
}

function helpCommand(flags: ParsedFlags): KubectlParseResult {
  const topic = flags.positionals.map((word) => word.text).join(' ');
  return { ok: true, command: topic === '' ? { verb: 'help' } : { verb: 'help', topic } };
}
