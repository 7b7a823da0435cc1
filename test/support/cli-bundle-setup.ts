/**
 * Builds the CLI bundle (dist/cli, as `npm install` does) once before the unit tests, from the sources as they are
 * now: the tests that run the `tokenscope` bin in a process of its own then test what a user runs, never a bundle
 * left over from before the last edit.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../../electron/tools/build-cli.ts';

export default async function setup(): Promise<void> {
  await buildCli({ projectRoot: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..') });
}
