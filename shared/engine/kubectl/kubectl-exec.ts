/**
 * `kubectl exec POD [-c CONTAINER] -- COMMAND…` for the two commands that show what the kubelet wrote: `cat` and
 * `ls` (GNU coreutils, as in Debian-based images such as nginx). kubectl exec runs without a terminal unless -t,
 * so `ls` prints one name per line. A command that fails inside the container makes kubectl print
 * `command terminated with exit code N` and exit with N (cmdutil.CheckErr on an exec CodeExitError).
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { EngineContext } from '../engine-context.ts';
import { objectKey, type ClusterState } from '../engine-state.ts';
import { notFound } from '../api-server/api-error.ts';
import { TOKEN_MOUNT_PATH } from '../admission/service-account-admission.ts';
import { clusterNowMs, compareCodePoints, failed, fromServer, type KubectlRun } from './kubectl-output.ts';
import { containerFiles, resolvePath, type DirNode, type FsNode } from './container-files.ts';

export interface ExecRequest {
  pod: string;
  namespace: string;
  container?: string;
  argv: string[];
}

interface ProcessResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export function runExec(ctx: EngineContext, cluster: ClusterState, request: ExecRequest): KubectlRun {
  const state = cluster.pods[objectKey(request.namespace, request.pod)];
  if (!state) return fromServer(notFound('pods', request.pod));
  const pod = state.object;
  const containers = pod.spec?.containers ?? [];
  const initContainers = pod.spec?.initContainers ?? [];
  const names = [...initContainers.map((c) => `${c.name} (init)`), ...containers.map((c) => c.name)].join(', ');
  let notice = '';
  let container: Container | undefined;
  if (request.container !== undefined) {
    // podcmd.FindOrDefaultContainerByName.
    container = [...containers, ...initContainers].find((c) => c.name === request.container);
    if (!container) return failed(`error: container ${request.container} is not valid for pod ${request.pod} out of: ${names}`);
  } else {
    container = containers[0];
    if (!container) return failed(`error: pod ${request.namespace}/${request.pod} does not have any containers`);
    if (containers.length + initContainers.length > 1) notice = `Defaulted container "${container.name}" out of: ${names}\n`;
  }
  // The API server proxies exec to the kubelet on the pod's node (the simulation names nodes, it gives them no IP).
  if (!cluster.kubelet.up) return failed(`${notice}Error from server: error dialing backend: dial tcp ${cluster.kubelet.nodeName}:10250: connect: connection refused`);
  const running = state.running && containers.includes(container);
  if (!running) return failed(`${notice}error: unable to upgrade connection: container not found ("${container.name}")`);

  const root = containerFiles(ctx, cluster, state, container);
  const program = request.argv[0] ?? '';
  const name = program.slice(program.lastIndexOf('/') + 1);
  const args = request.argv.slice(1);
  const result = name === 'cat' ? cat(root, args) : name === 'ls' ? ls(root, args, clusterNowMs(ctx)) : undefined;
  if (!result) {
    return failed(`${notice}error: TokenScope's simulated containers run only cat and ls (to look at ${TOKEN_MOUNT_PATH}); ${JSON.stringify(program)} is not simulated`);
  }
  if ('outside' in result) {
    return failed(`${notice}error: TokenScope simulates only the volumes the kubelet writes (such as ${TOKEN_MOUNT_PATH}) in pod ${request.pod}; ${JSON.stringify(result.outside)} is outside them`);
  }
  const stderr = `${notice}${result.stderr}${result.exitCode === 0 ? '' : `command terminated with exit code ${result.exitCode}\n`}`;
  return { stdout: result.stdout, stderr, exitCode: result.exitCode };
}

type Outcome = ProcessResult | { outside: string };

/** Splits GNU-style short options (`-la`) from operands; `--` ends options, a lone `-` is an operand. */
function splitOptions(args: string[]): { options: string[]; longOptions: string[]; operands: string[] } {
  const options: string[] = [];
  const longOptions: string[] = [];
  const operands: string[] = [];
  let ended = false;
  for (const arg of args) {
    if (ended || arg === '-' || !arg.startsWith('-')) operands.push(arg);
    else if (arg === '--') ended = true;
    else if (arg.startsWith('--')) longOptions.push(arg);
    else options.push(...arg.slice(1));
  }
  return { options, longOptions, operands };
}

const resolveError = { missing: 'No such file or directory', 'not-a-directory': 'Not a directory', loop: 'Too many levels of symbolic links' } as const;

// ---- cat ---------------------------------------------------------------------------------------------------------

function cat(root: DirNode, args: string[]): Outcome {
  const { options, longOptions, operands } = splitOptions(args);
  if (longOptions.length > 0) return { stdout: '', stderr: `cat: unrecognized option '${longOptions[0]}'\nTry 'cat --help' for more information.\n`, exitCode: 1 };
  if (options.length > 0) return { stdout: '', stderr: `cat: invalid option -- '${options[0]}'\nTry 'cat --help' for more information.\n`, exitCode: 1 };
  let stdout = '';
  let stderr = '';
  for (const operand of operands) {
    // Standard input is empty: kubectl exec passes none without -i.
    if (operand === '-') continue;
    const found = resolvePath(root, operand, true);
    if (!found.ok) {
      if (found.reason === 'outside') return { outside: operand };
      stderr += `cat: ${operand}: ${resolveError[found.reason]}\n`;
    } else if (found.node.kind === 'dir') {
      if (!found.node.modelled) return { outside: operand };
      stderr += `cat: ${operand}: Is a directory\n`;
    } else if (found.node.kind === 'file') {
      stdout += found.node.content;
    }
  }
  return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 };
}

// ---- ls ----------------------------------------------------------------------------------------------------------

const LS_OPTIONS = new Set(['l', 'a', 'A', '1', 'd']);
const LS_LONG: Readonly<Record<string, string>> = { '--all': 'a', '--almost-all': 'A', '--directory': 'd' };

interface Entry {
  name: string;
  node: FsNode;
}

function ls(root: DirNode, args: string[], nowEpochMs: number): Outcome {
  const { options, longOptions, operands } = splitOptions(args);
  for (const option of longOptions) {
    const short = LS_LONG[option];
    if (short === undefined) return { stdout: '', stderr: `ls: unrecognized option '${option}'\nTry 'ls --help' for more information.\n`, exitCode: 2 };
    options.push(short);
  }
  const invalid = options.find((option) => !LS_OPTIONS.has(option));
  if (invalid !== undefined) return { stdout: '', stderr: `ls: invalid option -- '${invalid}'\nTry 'ls --help' for more information.\n`, exitCode: 2 };
  const long = options.includes('l');
  const listDirsThemselves = options.includes('d');
  const hidden: 'all' | 'almost' | 'none' = options.includes('a') ? 'all' : options.includes('A') ? 'almost' : 'none';
  const targets = operands.length === 0 ? ['.'] : operands;

  let stderr = '';
  let exitCode = 0;
  const files: Entry[] = [];
  const dirs: { name: string; dir: DirNode }[] = [];
  for (const operand of targets) {
    // Without -l (or -d), a symlink to a directory named on the command line is followed (ls.c, dereference).
    const found = resolvePath(root, operand, !long && !listDirsThemselves);
    if (!found.ok) {
      if (found.reason === 'outside') return { outside: operand };
      stderr += `ls: cannot access '${operand}': ${resolveError[found.reason]}\n`;
      exitCode = 2;
      continue;
    }
    if (found.node.kind === 'dir' && !found.node.modelled) return { outside: operand };
    if (found.node.kind === 'dir' && !listDirsThemselves) dirs.push({ name: operand, dir: found.node });
    else files.push({ name: operand, node: found.node });
  }

  const blocks: string[] = [];
  if (files.length > 0) blocks.push(listing(files.sort((a, b) => compareCodePoints(a.name, b.name)), long, nowEpochMs, false));
  const withHeaders = targets.length > 1;
  for (const { name, dir } of dirs.sort((a, b) => compareCodePoints(a.name, b.name))) {
    const entries: Entry[] = [...dir.children.entries()].map(([childName, node]) => ({ name: childName, node }));
    if (hidden === 'all') entries.push({ name: '.', node: dir }, { name: '..', node: dir.parent ?? dir });
    const shown = entries.filter((entry) => hidden === 'all' || (hidden === 'almost' ? entry.name !== '.' && entry.name !== '..' : !entry.name.startsWith('.')));
    shown.sort((a, b) => compareCodePoints(a.name, b.name));
    blocks.push(`${withHeaders ? `${name}:\n` : ''}${listing(shown, long, nowEpochMs, true)}`);
  }
  return { stdout: blocks.join('\n'), stderr, exitCode };
}

function listing(entries: Entry[], long: boolean, nowEpochMs: number, withTotal: boolean): string {
  if (!long) return entries.map((entry) => `${entry.name}\n`).join('');
  const rows = entries.map((entry) => ({
    mode: modeString(entry.node),
    nlink: String(entry.node.stat.nlink),
    owner: userName(entry.node.stat.uid),
    group: userName(entry.node.stat.gid),
    size: String(entry.node.stat.size),
    date: lsDate(entry.node.stat.mtimeEpochMs, nowEpochMs),
    name: entry.node.kind === 'link' ? `${entry.name} -> ${entry.node.target}` : entry.name,
  }));
  const width = (key: 'nlink' | 'owner' | 'group' | 'size') => Math.max(0, ...rows.map((row) => row[key].length));
  const [nlinkWidth, ownerWidth, groupWidth, sizeWidth] = [width('nlink'), width('owner'), width('group'), width('size')];
  const total = entries.reduce((sum, entry) => sum + entry.node.stat.blocksKib, 0);
  const lines = rows.map(
    (row) => `${row.mode} ${row.nlink.padStart(nlinkWidth)} ${row.owner.padEnd(ownerWidth)} ${row.group.padEnd(groupWidth)} ${row.size.padStart(sizeWidth)} ${row.date} ${row.name}\n`,
  );
  return `${withTotal ? `total ${total}\n` : ''}${lines.join('')}`;
}

/** Names from the image's /etc/passwd and /etc/group: only root is certain; others print as numbers. */
function userName(id: number): string {
  return id === 0 ? 'root' : String(id);
}

function modeString(node: FsNode): string {
  const { perm } = node.stat;
  const type = node.kind === 'dir' ? 'd' : node.kind === 'link' ? 'l' : '-';
  const triple = (shift: number, special: boolean, specialChar: string) => {
    const bits = (perm >> shift) & 7;
    const exec = bits & 1 ? (special ? specialChar : 'x') : special ? specialChar.toUpperCase() : '-';
    return `${bits & 4 ? 'r' : '-'}${bits & 2 ? 'w' : '-'}${exec}`;
  };
  return `${type}${triple(6, (perm & 0o4000) !== 0, 's')}${triple(3, (perm & 0o2000) !== 0, 's')}${triple(0, (perm & 0o1000) !== 0, 't')}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** ls.c: a timestamp more than six months (half of 365.2425 days) old, or in the future, shows the year. */
const SIX_MONTHS_MS = (31_556_952 / 2) * 1000;

function lsDate(mtimeEpochMs: number, nowEpochMs: number): string {
  const d = new Date(mtimeEpochMs);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const recent = mtimeEpochMs > nowEpochMs - SIX_MONTHS_MS && mtimeEpochMs <= nowEpochMs;
  if (!recent) return `${MONTHS[d.getUTCMonth()]} ${day}  ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

