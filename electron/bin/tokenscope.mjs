#!/usr/bin/env node
// Runs the TypeScript CLI in plain Node: tsx compiles it on the fly, so `npx tokenscope` needs no build step.
import { register } from 'tsx/esm/api';

register();
// `tokenscope run … | head` closes stdout early: that is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../cli.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: async (path) => new Uint8Array(await (await import('node:fs/promises')).readFile(path)),
});
