/**
 * The CLI as a process: `main` given this process's arguments, output and files, its result as the exit code. This
 * is the entry of the CLI bundle (electron/tools/build-cli.ts), which the package's bin runs.
 */
import { readFile } from 'node:fs/promises';
import { main } from './cli.ts';

// `tokenscope run … | head` closes stdout early: that is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // Bytes: the CLI decodes them strictly, so it refuses a file that is not UTF-8, as the app does.
  readFile: async (path) => new Uint8Array(await readFile(path)),
});
