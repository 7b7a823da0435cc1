/**
 * The first half of every CLI command: read the scenario file and parse it, printing `file:line:column: what` for
 * each problem. Exit codes follow the CLI's rule: 2 for a command line that cannot run (an unreadable file), 1 for
 * a scenario that is wrong.
 */
import { parseScenario } from '../../shared/scenario/parse-scenario.ts';
import type { Scenario } from '../../shared/scenario/scenario-types.ts';
import type { CliIo } from './cli-io.ts';
import { utf8Decode } from '../../shared/text/utf8.ts';
import { formatLimit, overBudget, SCENARIO_MAX_CHARS } from '../../shared/limits/input-budgets.ts';

export type ScenarioFile = { ok: true; scenario: Scenario; text: string } | { ok: false; exitCode: 1 | 2 };

/** The file's text: bytes are decoded strictly, as the app decodes a dropped file, so both refuse the same files. */
function scenarioText(file: string, content: string | Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  const tooLong = (length: number, unit: string) => ({
    ok: false as const,
    error: `${file}: ${overBudget('the scenario', `${formatLimit(length)} ${unit}`, `${formatLimit(SCENARIO_MAX_CHARS)} characters`, 'a scenario is a short YAML file; split it or remove steps')}`,
  });
  if (typeof content === 'string') return content.length > SCENARIO_MAX_CHARS ? tooLong(content.length, 'characters') : { ok: true, text: content };
  // UTF-8 takes at least one byte per UTF-16 unit, at most three: past three times the budget, it cannot fit.
  if (content.length > SCENARIO_MAX_CHARS * 3) return tooLong(content.length, 'bytes');
  const decoded = utf8Decode(content);
  if (!decoded.ok) return { ok: false, error: `${file}: not UTF-8 text (it stops being UTF-8 at byte ${decoded.byteIndex + 1}); save it as UTF-8` };
  const text = decoded.text.startsWith('\ufeff') ? decoded.text.slice(1) : decoded.text;
  return text.length > SCENARIO_MAX_CHARS ? tooLong(text.length, 'characters') : { ok: true, text };
}

export async function readScenarioFile(command: string, file: string, io: CliIo): Promise<ScenarioFile> {
  let content: string | Uint8Array;
  try {
    content = await io.readFile(file);
  } catch (error) {
    io.stderr(`tokenscope ${command}: cannot read ${file}: ${(error as Error).message}\n`);
    return { ok: false, exitCode: 2 };
  }
  const decoded = scenarioText(file, content);
  if (!decoded.ok) {
    io.stderr(`${decoded.error}\n`);
    return { ok: false, exitCode: 1 };
  }
  const { text } = decoded;
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
