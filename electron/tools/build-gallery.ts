/**
 * Regenerates the README's gallery with the command line itself (`npm run gallery`), so the images always show what
 * `tokenscope export` makes today. Prints each image's caption and alt text for the README.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../cli.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(root, 'assets/gallery');

/** Each image: the scenario, the moment that tells its story, and how it is drawn. */
const GALLERY: readonly { file: string; scenario: string; args: string[] }[] = [
  { file: 'side-by-side-light.png', scenario: 'side-by-side', args: ['--at', '2h', '--theme', 'light'] },
  { file: 'side-by-side-projector.png', scenario: 'side-by-side', args: ['--at', '2h', '--theme', 'projector'] },
  { file: 'leaked-token.png', scenario: 'leaked-token', args: ['--at', '3h', '--to', '3h', '--theme', 'light'] },
  { file: 'kubelet-outage.png', scenario: 'kubelet-outage', args: ['--at', '4h', '--theme', 'light'] },
  { file: 'rotation-anatomy-annotated.png', scenario: 'rotation-anatomy', args: ['--at', '75m', '--theme', 'dark'] },
];

mkdirSync(OUT, { recursive: true });
let failed = false;
for (const { file, scenario, args } of GALLERY) {
  const out = join(OUT, file);
  const code = await main(['export', join(root, 'assets/scenarios', `${scenario}.yaml`), ...args, '--width', '1600', '--scale', '1', '--out', out], {
    stdout: (text) => process.stdout.write(text.replace(out, relative(root, out))),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
  });
  failed ||= code !== 0;
}
process.exitCode = failed ? 1 : 0;
