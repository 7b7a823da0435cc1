/**
 * The export's font files and PNG rasteriser for plain Node (the CLI, the gallery, benchmarks and tests): the same
 * font files the page loads by URL, read from disk, and resvg natively where it can (see native-rasterizer.ts), else
 * the same wasm binary the page uses.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createResvgRasterizer } from '../../shared/export/resvg-rasterizer.ts';
import { createNativeRasterizer } from './native-rasterizer.ts';
import type { ExportDeps } from '../../shared/export/export-file.ts';

const FONT_DIR = new URL('../../assets/fonts/', import.meta.url);

async function load(engine: 'native' | 'wasm'): Promise<ExportDeps> {
  const fontPaths = [fileURLToPath(new URL('dejavu-sans-export.ttf', FONT_DIR)), fileURLToPath(new URL('dejavu-sans-bold-export.ttf', FONT_DIR))] as const;
  const read = async (path: string) => {
    try {
      return new Uint8Array(await readFile(path));
    } catch (error) {
      throw new Error(`cannot read ${path}: ${(error as Error).message}${path.endsWith('.ttf') ? ' (run `npm run build:fonts`)' : ''}`);
    }
  };
  const [regular, bold] = await Promise.all(fontPaths.map(read));
  const native = engine === 'native' ? createNativeRasterizer(fontPaths) : undefined;
  if (native) return { fonts: { regular: regular!, bold: bold! }, rasterizer: native };
  const wasm = await read(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'));
  return { fonts: { regular: regular!, bold: bold! }, rasterizer: createResvgRasterizer({ wasm, fonts: [regular!, bold!] }) };
}

const loaded = new Map<'native' | 'wasm', Promise<ExportDeps>>();

/** Loaded once per process, on first use. `wasm` forces the app's rasteriser (tests compare the two). */
export function nodeExportDeps(engine: 'native' | 'wasm' = 'native'): Promise<ExportDeps> {
  let deps = loaded.get(engine);
  if (!deps) {
    deps = load(engine).catch((error: unknown) => {
      loaded.delete(engine);
      throw error;
    });
    loaded.set(engine, deps);
  }
  return deps;
}
