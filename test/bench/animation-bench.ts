/**
 * Animated export benchmark (not a test): `tokenscope export assets/scenarios/side-by-side.yaml --from 0s --to 2h
 * --duration 10s --fps 15 --width 1280 --height 720 --out FILE.gif`, a 150-frame 1280 × 720 GIF, each run in a fresh
 * Node process, the way a user runs the CLI. Prints the wall time (target: at most 10 s), the CPU time (user + sys,
 * from bash's `times`, so nothing is loaded into the measured process), the peak memory where GNU time is installed,
 * the file's size, whether every run wrote the same bytes, and the load average, since other processes share the
 * machine. Then the same for the scene deck, `tokenscope export assets/scenarios/side-by-side.yaml --scenes --out
 * deck.pdf` (a 16:9 page per scene). BENCH_ANIMATION_RUNS sets the runs (default 5). The bin runs the CLI bundle,
 * which this bench first builds from the sources as they are.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../../electron/tools/build-cli.ts';
import { median } from './bench-stats.ts';

const RUNS = Number(process.env.BENCH_ANIMATION_RUNS ?? 5);
const BIN = (JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> }).bin.tokenscope!;
const DECK_ARGS = ['export', 'assets/scenarios/side-by-side.yaml', '--scenes', '--force'];
const ARGS = ['export', 'assets/scenarios/side-by-side.yaml', '--from', '0s', '--to', '2h', '--duration', '10s', '--fps', '15', '--width', '1280', '--height', '720', '--force'];
const TARGET_S = 10;
const GNU_TIME = '/usr/bin/time';

interface Run {
  wallS: number;
  cpuS: number;
  sha256: string;
  bytes: number;
}

/** One cold run: wall time around the child, and its CPU time from `times`. */
function runOnce(out: string, args: readonly string[] = ARGS): Run {
  const t0 = performance.now();
  const report = execFileSync('bash', ['-c', '"$@" >/dev/null || exit 1; times', 'bash', process.execPath, BIN, ...args, '--out', out], { encoding: 'utf8' });
  const wallS = (performance.now() - t0) / 1000;
  // `times` prints the shell's user/sys line, then its children's: "0m4.123s 0m0.545s".
  const children = report.trim().split('\n')[1]?.trim().match(/^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/);
  if (!children) throw new Error(`cannot read the CPU time from: ${report}`);
  const cpuS = Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4]);
  const data = readFileSync(out);
  return { wallS, cpuS, sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length };
}

/** The peak resident memory of one more run, from GNU time (undefined where it is not installed). */
function peakMb(out: string): number | undefined {
  if (!existsSync(GNU_TIME)) return undefined;
  const stderr = execFileSync('bash', ['-c', '"$@" 2>&1 >/dev/null', 'bash', GNU_TIME, '-f', 'peak-kb %M', process.execPath, BIN, ...ARGS, '--out', out], { encoding: 'utf8' });
  const kb = stderr.match(/peak-kb (\d+)/);
  return kb ? Number(kb[1]) / 1024 : undefined;
}

const s = (x: number) => `${x.toFixed(2)} s`;
const spread = (xs: readonly number[]) => `${s(Math.min(...xs))}–${s(Math.max(...xs))}`;

await buildCli({ projectRoot: fileURLToPath(new URL('../..', import.meta.url)) });
const dir = mkdtempSync(join(tmpdir(), 'tokenscope-animation-bench-'));
try {
  const out = join(dir, 'rotation.gif');
  const loadBefore = loadavg()[0]!;
  runOnce(out); // warm the file cache, so the first measured run reads no more from disk than the rest
  const runs = Array.from({ length: RUNS }, () => runOnce(out));
  const peak = peakMb(out);
  const loadAfter = loadavg()[0]!;
  const walls = runs.map((r) => r.wallS);
  const cpus = runs.map((r) => r.cpuS);
  const same = runs.every((r) => r.sha256 === runs[0]!.sha256);
  console.log(`Animated export: tokenscope ${ARGS.slice(0, -1).join(' ')} --out rotation.gif (${process.version}, ${RUNS} cold runs)`);
  console.log(`  wall time   median ${s(median(walls))}   spread ${spread(walls)}   (target <= ${TARGET_S} s: ${median(walls) <= TARGET_S ? 'met' : 'missed'})`);
  console.log(`  CPU time    median ${s(median(cpus))}   spread ${spread(cpus)}   (user + sys)`);
  console.log(`  peak memory ${peak === undefined ? 'not measured (no GNU time)' : `${peak.toFixed(0)} MB`}`);
  console.log(`  file        ${runs[0]!.bytes.toLocaleString('en-US')} bytes, 150 frames of 1280 × 720; ${same ? 'every run wrote the same bytes' : 'RUNS WROTE DIFFERENT BYTES'} (sha256 ${runs[0]!.sha256.slice(0, 16)}…)`);
  console.log(`  load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${process.env.BENCH_MACHINE ?? 'this machine'}`);
  const deckOut = join(dir, 'deck.pdf');
  runOnce(deckOut, DECK_ARGS);
  const decks = Array.from({ length: RUNS }, () => runOnce(deckOut, DECK_ARGS));
  const deckWalls = decks.map((r) => r.wallS);
  const deckSame = decks.every((r) => r.sha256 === decks[0]!.sha256);
  console.log(`Scene deck: tokenscope ${DECK_ARGS.slice(0, -1).join(' ')} --out deck.pdf (${RUNS} cold runs)`);
  console.log(`  wall time   median ${s(median(deckWalls))}   spread ${spread(deckWalls)}`);
  console.log(`  CPU time    median ${s(median(decks.map((r) => r.cpuS)))}   spread ${spread(decks.map((r) => r.cpuS))}   (user + sys)`);
  console.log(`  file        ${decks[0]!.bytes.toLocaleString('en-US')} bytes; ${deckSame ? 'every run wrote the same bytes' : 'RUNS WROTE DIFFERENT BYTES'} (sha256 ${decks[0]!.sha256.slice(0, 16)}…)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
