#!/usr/bin/env node
// The package's `tokenscope` bin. It runs the CLI bundle that `npm install` builds (the `prepare` script, which is
// `npm run build:cli`): plain JavaScript that starts like any Node program, where compiling the TypeScript sources
// on every start would cost ten times as much.
import { existsSync } from 'node:fs';

const bundle = new URL('../../dist/cli/tokenscope.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('tokenscope: the CLI is not built (dist/cli/tokenscope.mjs is missing): run `npm run build:cli` in the project folder\n');
  process.exit(1);
}
await import(bundle.href);
