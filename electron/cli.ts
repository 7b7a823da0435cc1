/**
 * `tokenscope` on the command line (plain Node, no Electron): `run` a scenario headless and print its event log, or
 * `export` the timeline at a moment as PNG, SVG or PDF, or over a range as an animated GIF or PNG. I/O is injected so tests drive it without a process.
 */
import type { ExportCommandIo } from './cli/export-command.ts';
import { USAGE } from './cli/usage.ts';

export async function main(argv: string[], io: ExportCommandIo): Promise<number> {
  const [command, ...rest] = argv;
  const asksForHelp = (arg: string | undefined) => arg === '--help' || arg === '-h';
  // `tokenscope run --help` asks for help as `tokenscope --help` does, wherever on the line it comes.
  if (command === undefined || command === 'help' || asksForHelp(command) || ((command === 'run' || command === 'export') && rest.some(asksForHelp))) {
    io.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  // Imported when asked for, so `--help` loads neither command and `run` never loads the export's figure, PDF
  // writer and rasteriser (in the CLI bundle each is a chunk of its own).
  if (command === 'run') return (await import('./cli/run-command.ts')).runCommand(rest, io);
  if (command === 'export') return (await import('./cli/export-command.ts')).exportCommand(rest, io);
  const meant = ['run', 'export'].find((name) => name === command.toLowerCase());
  io.stderr(`tokenscope: unknown command "${command}"${meant === undefined ? '' : `; did you mean ${meant}? (commands are lower case)`}\n\n${USAGE}`);
  return 2;
}
