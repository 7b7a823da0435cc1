/**
 * Bundles the command line with esbuild: `npm run build:cli`, and npm's `prepare` script, so `npm install`, `npm ci`
 * and `npm pack` all leave dist/cli/tokenscope.mjs for the `tokenscope` bin (electron/bin/tokenscope.mjs) to run.
 *
 * Why a bundle: compiling the TypeScript on every start (tsx) cost about ten times Node's own start-up, for a command
 * that simulates a scenario in milliseconds. One ES module with the engine, yaml and jose inlined starts like a Node
 * program. The export's code (the figure, pdf-lib, resvg) is split into chunks beside it that `export` imports on
 * first use (cli.ts imports each command dynamically), so `--help` and `run` never parse them.
 *
 * The bundle sits two folders below the project root, as the sources in electron/cli/ do: node-export-deps.ts finds
 * the export fonts relative to its own file (import.meta.url), which then names the same assets/fonts/ in both.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';

export interface CliBuildOptions {
  /** The project folder (where package.json is). */
  projectRoot: string;
  minify?: boolean;
}

export const CLI_OUT_DIR = path.join('dist', 'cli');
export const CLI_BUNDLE = 'tokenscope.mjs';

export function cliBuildConfig(options: CliBuildOptions): BuildOptions {
  return {
    entryPoints: { tokenscope: path.join(options.projectRoot, 'electron', 'cli-process.ts') },
    outdir: path.join(options.projectRoot, CLI_OUT_DIR),
    outExtension: { '.js': '.mjs' },
    // Beside the entry, not in a subfolder: see the note above on the export fonts.
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    // package.json's engines: newer syntax would be passed through untranspiled and fail only at startup.
    target: 'node20.19',
    // resvg's native binding is a .node file per platform, required at run time when this platform has one
    // (native-rasterizer.ts); the wasm fallback's binary is read from node_modules by path.
    external: ['@resvg/resvg-js'],
    // yaml's Node build is CommonJS and requires Node built-ins ('process'); an ES module has no `require` of its own.
    banner: { js: "import { createRequire as createRequireForCommonJs } from 'node:module';\nconst require = createRequireForCommonJs(import.meta.url);" },
    sourcemap: 'linked',
    minify: options.minify ?? false,
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
    absWorkingDir: options.projectRoot,
  };
}

export async function buildCli(options: CliBuildOptions): Promise<Metafile> {
  const config = cliBuildConfig(options);
  // Chunk names carry a content hash: without this, every rebuild would leave the last build's chunks behind (and
  // `npm pack` would ship them).
  rmSync(config.outdir!, { recursive: true, force: true });
  const result = await build(config);
  return result.metafile!;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  buildCli({ projectRoot, minify: process.argv.includes('--minify') }).then(
    () => console.log(`built ${path.join(CLI_OUT_DIR, CLI_BUNDLE)}`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
