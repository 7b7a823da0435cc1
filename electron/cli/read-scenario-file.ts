/**
 * The first half of every CLI command: read the scenario file and parse it, printing `file:line:column: what` for
 * each problem. Exit codes follow the CLI's rule: 2 for a command line that cannot run (an unreadable file), 1 for
 * a scenario that is wrong.
 */
import { parseScenario } from '../../shared/scenario/parse-scenario.ts';
import type { Scenario } from '../../shared/scenario/scenario-types.ts';
import type { CliIo } from '../cli.ts';

export type ScenarioFile = { ok: true; scenario: Scenario; text: string } | { ok: false; exitCode: 1 | 2 };

export async function readScenarioFile(command: string, file: string, io: CliIo): Promise<ScenarioFile> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    io.stderr(`tokenscope ${command}: cannot read ${file}: ${(error as Error).message}\n`);
    return { ok: false, exitCode: 2 };
  }
  const parsed = parseScenario(text);
  if (!parsed.ok) {
    for (const e of parsed.errors) {
      const where = e.line !== undefined ? `${file}:${e.line}${e.column !== undefined ? `:${e.column}` : ''}` : file;
      // The message ends with "(line L, column C)" for readers of the app; here the prefix already says where.
      const what = e.line !== undefined ? e.message.replace(/ \(line \d+(, column \d+)?\)$/, '') : e.message;
      io.stderr(`${where}: ${what}\n`);
    }
    return { ok: false, exitCode: 1 };
  }
  return { ok: true, scenario: parsed.value, text };
}
