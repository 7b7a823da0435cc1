/**
 * CLI start-up benchmark (not a test): the CPU time (user + sys) of the package's `tokenscope` bin, run as
 * `node <bin> …` the way npm's shim runs it (npx itself is left out: it costs more than the CLI), against `node -e 0`.
 * Each command runs BENCH_CLI_RUNS times (default 9), the three commands taking turns so that load from other
 * processes falls on all of them alike; it prints the median, the spread (min–max) and the ratios of the medians.
 * Targets: `--help` ≤ 3× the floor, `run assets/scenarios/side-by-side.yaml --json` ≤ 5×.
 *
 * The child's CPU time comes from bash's `times` builtin (the kernel's rusage of waited-for children, to the
 * millisecond), so nothing is loaded into the measured process. The bin runs the CLI bundle, which this bench first
 * builds from the sources as they are (as `npm install` would).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../../electron/tools/build-cli.ts';
import { median } from './bench-stats.ts';

const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 9);
const BIN = (JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> }).bin.tokenscope!;

const COMMANDS = [
  { label: 'node -e 0', args: ['-e', '0'], targetRatio: undefined },
  { label: 'tokenscope --help', args: [BIN, '--help'], targetRatio: 3 },
  { label: 'tokenscope run side-by-side.yaml --json', args: [BIN, 'run', 'assets/scenarios/side-by-side.yaml', '--json'], targetRatio: 5 },
] as const;

/** Seconds of user + sys CPU that one run of `node ARGS` took, output discarded. */
function cpuSeconds(args: readonly string[]): number {
  const out = execFileSync('bash', ['-c', '"$@" >/dev/null || exit 1; times', 'bash', process.execPath, ...args], { encoding: 'utf8' });
  // `times` prints the shell's user/sys line, then its children's: "0m0.123s 0m0.045s".
  const children = out.trim().split('\n')[1]!.trim().match(/^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/);
  if (!children) throw new Error(`cannot read the CPU time from: ${out}`);
  return Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4]);
}

const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;

await buildCli({ projectRoot: fileURLToPath(new URL('../..', import.meta.url)) });
const samples: number[][] = COMMANDS.map(() => []);
cpuSeconds(COMMANDS[1].args); // warm the file cache, so the first measured run reads no more from disk than the rest
for (let run = 0; run < RUNS; run++) COMMANDS.forEach((c, i) => samples[i]!.push(cpuSeconds(c.args)));

const floor = median(samples[0]!);
console.log(`CLI start-up: CPU time (user + sys) of ${BIN} in ${process.version}, ${RUNS} runs each, taking turns`);
COMMANDS.forEach((c, i) => {
  const xs = samples[i]!;
  const ratio = median(xs) / floor;
  const target = c.targetRatio === undefined ? '' : `   ${ratio.toFixed(1)}x the floor (target <= ${c.targetRatio}x)`;
  console.log(`  ${c.label.padEnd(42)} median ${ms(median(xs)).padStart(7)}   spread ${ms(Math.min(...xs))}–${ms(Math.max(...xs))}${target}`);
});
