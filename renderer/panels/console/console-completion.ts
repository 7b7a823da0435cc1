/**
 * Tab completion for the console: a pure table of the kubectl commands, resources and flags TokenScope runs (the
 * subset `shared/kubectl/parse-kubectl.ts` accepts, so Tab never offers a flag that would then be refused), and
 * the object names the selected flow holds. bash's rules: one candidate is inserted with a space; several are
 * narrowed to their common prefix, and listed when nothing more can be inserted.
 */
import type { LineState } from './line-editor.ts';
import type { ObjectKind, ObjectNames } from './known-objects.ts';

export interface CompletionContext {
  objects: ObjectNames;
  /** `kubectl create token` exists in this flow's kubectl (1.24 and later). */
  createToken: boolean;
  /** `--bound-object-kind Node` is accepted. */
  nodeBinding: boolean;
}

type ValueSource =
  | { from: 'list'; values: readonly string[] }
  | { from: 'namespaces' }
  | { from: 'bound-object-kinds' }
  | { from: 'bound-object-names' }
  /** Free text (an audience, a file name): nothing to offer. */
  | { from: 'free' };

interface FlagSpec {
  name: string;
  short?: string;
  /** Absent for boolean flags. */
  value?: ValueSource;
}

type ArgSpec =
  /** get, describe: TYPE [NAME] or TYPE/NAME. */
  | 'resource-and-name'
  /** delete: TYPE NAME… */
  | 'resource-and-names'
  | 'service-account'
  | 'pod'
  | 'help-topic'
  | 'none';

interface CommandSpec {
  name: string;
  aliases?: readonly string[];
  children?: readonly CommandSpec[];
  flags?: readonly FlagSpec[];
  args?: ArgSpec;
  available?: (ctx: CompletionContext) => boolean;
}

const FREE: ValueSource = { from: 'free' };
const output = (values: readonly string[]): FlagSpec => ({ name: 'output', short: 'o', value: { from: 'list', values } });
const CREATE_OUTPUTS = ['json', 'name', 'yaml'];

/** Flags every command takes. */
const GLOBAL_FLAGS: readonly FlagSpec[] = [{ name: 'namespace', short: 'n', value: { from: 'namespaces' } }, { name: 'help', short: 'h' }];

export const COMMAND_TABLE: CommandSpec = {
  name: 'kubectl',
  children: [
    {
      name: 'create',
      children: [
        { name: 'serviceaccount', aliases: ['sa'], flags: [output(CREATE_OUTPUTS)], args: 'none' },
        {
          name: 'token',
          available: (ctx) => ctx.createToken,
          flags: [
            { name: 'audience', value: FREE },
            // The API server's floor is 10 minutes; offering it first teaches the rule.
            { name: 'duration', value: { from: 'list', values: ['10m', '1h', '24h'] } },
            { name: 'bound-object-kind', value: { from: 'bound-object-kinds' } },
            { name: 'bound-object-name', value: { from: 'bound-object-names' } },
            { name: 'bound-object-uid', value: FREE },
            output(CREATE_OUTPUTS),
          ],
          args: 'service-account',
        },
      ],
    },
    { name: 'get', flags: [output(['json', 'name', 'wide', 'yaml'])], args: 'resource-and-name' },
    { name: 'describe', args: 'resource-and-name' },
    { name: 'delete', flags: [{ name: 'grace-period', value: FREE }, { name: 'force' }, { name: 'now' }], args: 'resource-and-names' },
    { name: 'apply', flags: [{ name: 'filename', short: 'f', value: FREE }], args: 'none' },
    {
      name: 'exec',
      flags: [{ name: 'container', short: 'c', value: FREE }, { name: 'stdin', short: 'i' }, { name: 'tty', short: 't' }, { name: 'quiet', short: 'q' }],
      args: 'pod',
    },
    { name: 'auth', children: [{ name: 'whoami', flags: [output(CREATE_OUTPUTS)], args: 'none' }] },
    { name: 'help', args: 'help-topic' },
  ],
};

/** Words the console itself understands before kubectl sees the line. */
const SHELL_WORDS = ['clear', 'kubectl'] as const;

/** Resource words kubectl accepts here, each with the kind whose names follow it. */
const RESOURCE_WORDS: Readonly<Record<string, ObjectKind>> = {
  pod: 'pod', pods: 'pod', po: 'pod',
  secret: 'secret', secrets: 'secret',
  serviceaccount: 'serviceaccount', serviceaccounts: 'serviceaccount', sa: 'serviceaccount',
};
/** What Tab lists for a resource type: the plural forms, plus the short `sa` that the lesson uses. */
const RESOURCE_CHOICES = ['pods', 'sa', 'secrets', 'serviceaccounts'];

export interface Completion {
  /** The range of the line the chosen candidate replaces (the word up to the cursor). */
  from: number;
  to: number;
  candidates: string[];
}

export function completeLine(text: string, cursor: number, ctx: CompletionContext): Completion {
  let from = cursor;
  while (from > 0 && !/\s/.test(text[from - 1] ?? '')) from--;
  const typed = text.slice(from, cursor);
  const done = (candidates: Iterable<string>, offset = 0): Completion => {
    const start = from + offset;
    const prefix = text.slice(start, cursor);
    return { from: start, to: cursor, candidates: [...new Set(candidates)].filter((c) => c.startsWith(prefix)).sort() };
  };

  let words = text.slice(0, from).trim().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return done([...childNames(COMMAND_TABLE, ctx), ...SHELL_WORDS]);
  // As parse-kubectl reads the line: a copied `$ ` prompt, then kubectl or its alias k.
  const afterPrompt = words[0] === '$' && words.length > 1 ? words.slice(1) : words;
  words = afterPrompt[0] === 'kubectl' || afterPrompt[0] === 'k' ? afterPrompt.slice(1) : afterPrompt;
  if (words.length === 0) return done(childNames(COMMAND_TABLE, ctx));

  const walk = walkWords(words, ctx);
  const { node, positionals, pendingFlag, flagValues, afterDashDash } = walk;
  const namespace = flagValues.get('namespace') ?? 'default';

  if (pendingFlag !== undefined) return done(flagValueCandidates(pendingFlag, flagValues, namespace, ctx));
  if (!afterDashDash && typed.startsWith('--') && typed.includes('=')) {
    const flag = flagsOf(node).find((spec) => spec.name === typed.slice(2, typed.indexOf('=')));
    if (flag?.value === undefined) return done([]);
    return done(flagValueCandidates(flag, flagValues, namespace, ctx), typed.indexOf('=') + 1);
  }
  if (!afterDashDash && typed.startsWith('-')) return done(flagsOf(node).map((spec) => `--${spec.name}`));
  if (node.children !== undefined && positionals.length === 0) return done(childNames(node, ctx));
  if (afterDashDash) return done([]);
  return done(argumentCandidates(node.args ?? 'none', positionals, typed, namespace, ctx));
}

interface Walk {
  node: CommandSpec;
  positionals: string[];
  /** A flag whose value is the word being completed. */
  pendingFlag?: FlagSpec;
  flagValues: Map<string, string>;
  afterDashDash: boolean;
}

/** cobra's walk down the command tree on the words before the cursor, noting flags and their values. */
function walkWords(words: readonly string[], ctx: CompletionContext): Walk {
  let node = COMMAND_TABLE;
  const positionals: string[] = [];
  const flagValues = new Map<string, string>();
  let pendingFlag: FlagSpec | undefined;
  let afterDashDash = false;
  for (const word of words) {
    if (pendingFlag !== undefined) {
      flagValues.set(pendingFlag.name, word);
      pendingFlag = undefined;
      continue;
    }
    if (afterDashDash) {
      positionals.push(word);
      continue;
    }
    if (word === '--') {
      afterDashDash = true;
      continue;
    }
    if (word.length > 1 && word.startsWith('-')) {
      const eq = word.indexOf('=');
      const spec = findFlag(node, eq === -1 ? word : word.slice(0, eq));
      if (spec?.value !== undefined) {
        if (eq !== -1) flagValues.set(spec.name, word.slice(eq + 1));
        else pendingFlag = spec;
      }
      continue;
    }
    const child = positionals.length === 0 ? node.children?.find((c) => (c.name === word || c.aliases?.includes(word) === true) && isAvailable(c, ctx)) : undefined;
    if (child !== undefined) node = child;
    else positionals.push(word);
  }
  return pendingFlag === undefined ? { node, positionals, flagValues, afterDashDash } : { node, positionals, pendingFlag, flagValues, afterDashDash };
}

function findFlag(node: CommandSpec, word: string): FlagSpec | undefined {
  const specs = flagsOf(node);
  if (word.startsWith('--')) return specs.find((spec) => spec.name === word.slice(2));
  return word.length === 2 ? specs.find((spec) => spec.short === word[1]) : undefined;
}

function flagsOf(node: CommandSpec): FlagSpec[] {
  return [...(node.flags ?? []), ...GLOBAL_FLAGS];
}

function isAvailable(node: CommandSpec, ctx: CompletionContext): boolean {
  return node.available?.(ctx) ?? true;
}

function childNames(node: CommandSpec, ctx: CompletionContext): string[] {
  return (node.children ?? []).filter((child) => isAvailable(child, ctx)).map((child) => child.name);
}

function flagValueCandidates(flag: FlagSpec, flagValues: ReadonlyMap<string, string>, namespace: string, ctx: CompletionContext): readonly string[] {
  const source = flag.value ?? FREE;
  switch (source.from) {
    case 'list':
      return source.values;
    case 'namespaces':
      return ctx.objects.namespaces();
    case 'bound-object-kinds':
      return ctx.nodeBinding ? ['Node', 'Pod', 'Secret'] : ['Pod', 'Secret'];
    case 'bound-object-names': {
      const kind = flagValues.get('bound-object-kind');
      if (kind === 'Pod') return ctx.objects.names('pod', namespace);
      if (kind === 'Secret') return ctx.objects.names('secret', namespace);
      return [];
    }
    case 'free':
      return [];
  }
}

function argumentCandidates(args: ArgSpec, positionals: readonly string[], typed: string, namespace: string, ctx: CompletionContext): readonly string[] {
  const objects = ctx.objects;
  switch (args) {
    case 'resource-and-name':
    case 'resource-and-names': {
      const slash = typed.indexOf('/');
      if (positionals.length === 0 && slash !== -1) {
        const kind = RESOURCE_WORDS[typed.slice(0, slash).toLowerCase()];
        return kind === undefined ? [] : objects.names(kind, namespace).map((name) => `${typed.slice(0, slash)}/${name}`);
      }
      if (positionals.length === 0) return typed === '' ? RESOURCE_CHOICES : Object.keys(RESOURCE_WORDS);
      const kind = RESOURCE_WORDS[(positionals[0] ?? '').toLowerCase()];
      if (kind === undefined || (args === 'resource-and-name' && positionals.length > 1)) return [];
      const already = new Set(positionals.slice(1));
      return objects.names(kind, namespace).filter((name) => !already.has(name));
    }
    case 'service-account':
      return positionals.length === 0 ? objects.names('serviceaccount', namespace) : [];
    case 'pod':
      return positionals.length === 0 ? objects.names('pod', namespace) : [];
    case 'help-topic':
      return positionals.length === 0 ? childNames(COMMAND_TABLE, ctx).filter((name) => name !== 'help') : [];
    case 'none':
      return [];
  }
}

/** What Tab does to the line: insert a candidate or the candidates' common prefix, or list them. */
export function applyCompletion(state: LineState, completion: Completion): { state: LineState; listing?: string[] } {
  const { candidates, from, to } = completion;
  const typed = state.text.slice(from, to);
  if (candidates.length === 0) return { state };
  if (candidates.length === 1) {
    const only = candidates[0] ?? '';
    // A finished word gets its space, or steps over the one already there.
    if (state.text[to] === ' ') return { state: replace(state, from, to, only, 1) };
    return { state: replace(state, from, to, `${only} `, 0) };
  }
  const common = commonPrefix(candidates);
  if (common.length > typed.length) return { state: replace(state, from, to, common, 0) };
  return { state, listing: candidates };
}

function replace(state: LineState, from: number, to: number, insert: string, skip: number): LineState {
  return { ...state, text: state.text.slice(0, from) + insert + state.text.slice(to), cursor: from + insert.length + skip };
}

export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0] ?? '';
  for (const word of words) {
    let i = 0;
    while (i < prefix.length && i < word.length && prefix[i] === word[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/** Candidates laid out in columns that fit `columns` cells, as bash lists them. */
export function formatListing(candidates: readonly string[], columns: number): string[] {
  const width = Math.max(...candidates.map((c) => c.length)) + 2;
  const perRow = Math.max(1, Math.floor(columns / width));
  const rows: string[] = [];
  for (let i = 0; i < candidates.length; i += perRow) {
    rows.push(
      candidates
        .slice(i, i + perRow)
        .map((c) => c.padEnd(width))
        .join('')
        .trimEnd(),
    );
  }
  return rows;
}
