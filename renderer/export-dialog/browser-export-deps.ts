/**
 * The export's font files and PNG rasteriser in the page (the browser build and Electron's renderer): the resvg wasm
 * binary and the font files are build assets fetched from the app's own origin, and only on the first export, so the
 * app starts without them. The page's CSP must allow compiling WebAssembly (script-src 'wasm-unsafe-eval').
 */
import wasmUrl from '@resvg/resvg-wasm/index_bg.wasm?url';
import regularFontUrl from '../../assets/fonts/dejavu-sans-export.ttf?url';
import boldFontUrl from '../../assets/fonts/dejavu-sans-bold-export.ttf?url';
import type { ExportDeps } from '../../shared/export/export-file.ts';

let deps: Promise<ExportDeps> | undefined;

async function fetchBytes(url: string, what: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load the ${what} (${response.status} ${response.statusText})`);
  return new Uint8Array(await response.arrayBuffer());
}

async function load(): Promise<ExportDeps> {
  const [{ createResvgRasterizer }, wasm, regular, bold] = await Promise.all([
    import('../../shared/export/resvg-rasterizer.ts'),
    fetchBytes(wasmUrl, 'PNG renderer'),
    fetchBytes(regularFontUrl, 'export font'),
    fetchBytes(boldFontUrl, 'export font (bold)'),
  ]);
  return { fonts: { regular, bold }, rasterizer: createResvgRasterizer({ wasm, fonts: [regular, bold] }) };
}

/** Loaded once, on the first export; a failed load is retried on the next one. */
export function browserExportDeps(): Promise<ExportDeps> {
  deps ??= load().catch((error: unknown) => {
    deps = undefined;
    throw error;
  });
  return deps;
}
