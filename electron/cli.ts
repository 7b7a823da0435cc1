/**
 * `tokenscope` on the command line (plain Node, no Electron): `run` a scenario headless and print its event log.
 * I/O is injected so tests drive it without a process.
 */
import { runCommand } from './cli/run-command.ts';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
}

export const USAGE = `Usage:
  tokenscope run SCENARIO.yaml [--until DURATION] [--json]

Runs a scenario headless and prints its event log: a table by default, or with --json one JSON object with, per
flow, the events, every token as a compact JWT with its claims, the JWKS and the OIDC discovery document.
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'run') return runCommand(rest, io);
  io.stderr(`tokenscope: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}
