/**
 * The first half of every CLI command: read the scenario file and parse it, printing `file:line:column: what` for
 * each problem. Exit codes follow the CLI's rule: 2 for a command line that cannot run (an unreadable file), 1 for
 * a scenario that is wrong.
 */
import { parseScenario } from '../../shared/scenario/parse-scenario.ts';
import type { Scenario } from '../../shared/scenario/scenario-types.ts';
import type { CliIo } from './cli-io.ts';
import { fileErrorReason } from './file-error.ts';
import { decodeScenarioFile, scenarioTooLong } from '../../shared/export/decode-scenario-file.ts';
import { SCENARIO_MAX_CHARS } from '../../shared/limits/input-budgets.ts';

export type ScenarioFile = { ok: true; scenario: Scenario; text: string } | { ok: false; exitCode: 1 | 2 };

/** The file's text: bytes are decoded strictly, as the app decodes a dropped file, so both refuse the same files alike. */
function scenarioText(file: string, content: string | Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  if (typeof content === 'string') {
    return content.length <= SCENARIO_MAX_CHARS ? { ok: true, text: content } : scenarioTooLong(file, content.length, 'characters');
  }
  const decoded = decodeScenarioFile(content, file, 'drop it on the TokenScope app to reopen the moment it carries');
  return decoded.ok ? { ok: true, text: decoded.value } : decoded;
}

export async function readScenarioFile(command: string, file: string, io: CliIo): Promise<ScenarioFile> {
  if (file === '-') {
    io.stderr(`tokenscope ${command}: reading a scenario from standard input is not supported; give the scenario file's path\n`);
    return { ok: false, exitCode: 2 };
  }
  let content: string | Uint8Array;
  try {
    content = await io.readFile(file);
  } catch (error) {
    io.stderr(`tokenscope ${command}: cannot read ${file}: ${fileErrorReason(error, file, 'read')}\n`);
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
