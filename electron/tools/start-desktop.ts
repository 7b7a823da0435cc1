/**
 * `npm start`: builds the renderer and the main process, then opens the desktop app. It first checks that the
 * Electron binary is installed, and when it is not, says so in one line (and that `npm run web` runs the same app
 * in a browser) instead of the electron package's two stack traces.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findElectronBinary, missingElectronMessage } from './electron-binary.ts';

const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve('electron/package.json'));
const binary = findElectronBinary({ packageDir, env: process.env });
if (!binary.ok) {
  console.error(missingElectronMessage(binary.reason));
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const script of ['build:renderer', 'build:electron']) {
  const built = spawnSync(npm, ['run', script], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const app = spawnSync(binary.path, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(app.status ?? 1);
