/** `tokenscope run SCENARIO [--until D] [--json]`. */
import { readScenarioFile } from './read-scenario-file.ts';
import { formatDuration, parseScenarioDuration } from '../../shared/time/duration.ts';
import { estimateWork, workWarning } from '../../shared/engine/work-budget.ts';
import { Simulation } from '../../shared/engine/simulation.ts';
import type { CliIo } from './cli-io.ts';
import { USAGE } from './usage.ts';
import { parseCliArgs } from './cli-args.ts';
import type { RUN_FLAGS } from './command-flags.ts';
import { formatEventTable } from './event-table.ts';
import { buildRunReport } from './run-report.ts';

interface RunArgs {
  file: string;
  untilText?: string;
  json: boolean;
}

function readArgs(args: string[]): RunArgs | string {
  const parsed = parseCliArgs<keyof typeof RUN_FLAGS>(args, 'run', () => '--until needs a duration, e.g. --until 6h');
  if (typeof parsed === 'string') return parsed;
  const { until, json } = parsed.values;
  return { file: parsed.file, ...(typeof until === 'string' ? { untilText: until } : {}), json: json === true };
}

export async function runCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = readArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`tokenscope run: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  const read = await readScenarioFile('run', parsed.file, io);
  if (!read.ok) return read.exitCode;
  const { scenario } = read;
  let untilMs = scenario.durationMs;
  if (parsed.untilText !== undefined) {
    const until = parseScenarioDuration(parsed.untilText);
    if (!until.ok) {
      io.stderr(`tokenscope run: --until: ${until.error}\n`);
      return 2;
    }
    untilMs = Math.min(until.ms, untilMs);
  }
  const warning = workWarning(scenario, estimateWork(scenario));
  if (warning !== undefined && untilMs > 0) io.stderr(`tokenscope run: note: ${warning}\n`);
  const sim = new Simulation(scenario, { snapshotEveryMs: 0 });
  try {
    sim.runUntil(untilMs);
  } catch (error) {
    // The engine's boundary on the command line: a sentence naming the command and the instant, not a stack trace.
    io.stderr(`tokenscope run: the simulation failed at ${formatDuration(sim.nowMs)}: ${(error as Error).message}\n`);
    return 1;
  }
  if (parsed.json) io.stdout(`${JSON.stringify(await buildRunReport(sim), null, 2)}\n`);
  else io.stdout(formatEventTable(sim.events));
  if (sim.halt && sim.halt.atMs < untilMs) {
    io.stderr(`tokenscope run: ${sim.halt.message}\n`);
    return 1;
  }
  return 0;
}
