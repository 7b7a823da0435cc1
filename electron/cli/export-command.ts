/**
 * `tokenscope export SCENARIO [--at D] [--format png|svg|pdf] …`: runs the scenario headless to a moment and writes
 * the figure the app's export dialog would write for it, byte for byte (the same draw plan, the same SVG, the same
 * resvg wasm and font files). Nothing depends on the clock, the locale or the directory it runs in.
 */
import { basename } from 'node:path';
import { readScenarioFile } from './read-scenario-file.ts';
import { parseScenarioDuration, formatDuration } from '../../shared/time/duration.ts';
import {
  DEFAULT_EXPORT_SETTINGS,
  EXPORT_FORMATS,
  EXPORT_SCALES,
  EXPORT_THEMES,
  MAX_EXPORT_WIDTH_PX,
  MAX_EXPORT_HEIGHT_PX,
  MIN_EXPORT_HEIGHT_PX,
  MIN_EXPORT_WIDTH_PX,
  validateExportSettings,
  type ExportFormat,
  type ExportSettings,
} from '../../shared/export/export-types.ts';
import { exportBaseName, exportFile, exportFileName, type ExportDeps } from '../../shared/export/export-file.ts';
import { eventLogCsv, eventLogJson, eventsInExport } from '../../shared/export/event-log-export.ts';
import type { CliIo } from '../cli.ts';
import { USAGE } from '../cli.ts';
import { headlessExportSource } from './headless-moment.ts';
import { flowsFlag, hideFlag } from './export-flags.ts';
import { deckSettings, deckTarget, NOT_WITH_SCENES, writeDeck, type DeckTarget } from './export-scenes.ts';
import type { Scenario } from '../../shared/scenario/scenario-types.ts';
import { nodeExportDeps } from './node-export-deps.ts';
import { FileExistsError, writeFileAtomically, writeNewFileAtomically } from '../main/atomic-file.ts';

interface ExportArgs {
  file: string;
  at?: string;
  format?: string;
  scale?: string;
  theme?: string;
  width?: string;
  height?: string;
  from?: string;
  to?: string;
  flows?: string;
  hide?: string;
  out?: string;
  events?: string;
  transparent: boolean;
  legend: boolean;
  annotations: boolean;
  force: boolean;
  scenes: boolean;
}

const VALUE_FLAGS = ['at', 'format', 'scale', 'theme', 'width', 'height', 'from', 'to', 'flows', 'hide', 'out', 'events'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

const EXAMPLES: Record<ValueFlag, string> = {
  at: '--at 2h',
  format: '--format png',
  scale: '--scale 2',
  theme: '--theme projector',
  width: '--width 1600',
  height: '--height 1080',
  from: '--from 30m',
  to: '--to 3h',
  flows: '--flows legacy,projected',
  hide: '--hide attacker,secrets',
  out: '--out figure.png',
  events: '--events csv',
};

function parseArgs(args: string[]): ExportArgs | string {
  const parsed: ExportArgs = { file: '', transparent: false, legend: true, annotations: true, force: false, scenes: false };
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--transparent') parsed.transparent = true;
    else if (arg === '--no-legend') parsed.legend = false;
    else if (arg === '--no-annotations') parsed.annotations = false;
    else if (arg === '--force') parsed.force = true;
    else if (arg === '--scenes') parsed.scenes = true;
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = (eq < 0 ? arg.slice(2) : arg.slice(2, eq)) as ValueFlag;
      if (!VALUE_FLAGS.includes(name)) return `unknown flag ${eq < 0 ? arg : arg.slice(0, eq)}`;
      const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) return `--${name} needs a value, e.g. ${EXAMPLES[name]}`;
      if (parsed[name] !== undefined) return `--${name} is given twice`;
      parsed[name] = value;
    } else if (arg.startsWith('-') && arg !== '-') return `unknown flag ${arg}`;
    else if (file === undefined) file = arg;
    else return `unexpected argument "${arg}": give one scenario file`;
  }
  if (file === undefined) return 'missing the scenario file';
  parsed.file = file;
  return parsed;
}

/** Names are matched without regard to case, as the file extension is (`--format PNG` and `.PNG` alike). */
function oneOf<T extends string | number>(flag: string, text: string, allowed: readonly T[]): T | string {
  const found = allowed.find((a) => String(a) === text.toLowerCase());
  return found ?? `--${flag}: expected ${allowed.join(', ')}, got "${text}"`;
}

function duration(flag: string, text: string, durationMs: number): number | string {
  const parsed = parseScenarioDuration(text);
  if (!parsed.ok) return `--${flag}: ${parsed.error}`;
  if (parsed.ms > durationMs) return `--${flag} ${text} is after the scenario ends (${formatDuration(durationMs)})`;
  return parsed.ms;
}

/** The flags as export settings, or what is wrong with them (naming the flag). */
function settingsOf(args: ExportArgs, flows: readonly string[], durationMs: number): { settings: ExportSettings; atMs: number } | string {
  const extension = args.out?.match(/\.([A-Za-z0-9]+)$/)?.[1]?.toLowerCase();
  const format = oneOf('format', args.format ?? (extension !== undefined && EXPORT_FORMATS.includes(extension as ExportFormat) ? extension : 'png'), EXPORT_FORMATS);
  if (!EXPORT_FORMATS.includes(format as ExportFormat)) return format;
  // A file named .txt that holds a PNG would open as garbage: the name must say what the bytes are.
  if (args.out !== undefined && extension !== format) {
    return `--out: ${JSON.stringify(args.out)} should end in .${format}${args.format === undefined ? ` (or give --format png|svg|pdf)` : ` to match --format ${format}`}`;
  }
  if (args.scale !== undefined && format !== 'png') return `--scale applies to PNG only; ${format.toUpperCase()} is drawn at the figure's own size`;
  if (args.transparent && format === 'pdf') return '--transparent applies to PNG and SVG; a PDF page is always solid';
  const scale = args.scale === undefined ? DEFAULT_EXPORT_SETTINGS.scale : oneOf('scale', args.scale, EXPORT_SCALES);
  if (typeof scale === 'string') return scale;
  const theme = oneOf('theme', args.theme ?? DEFAULT_EXPORT_SETTINGS.theme, EXPORT_THEMES);
  if (!EXPORT_THEMES.includes(theme as (typeof EXPORT_THEMES)[number])) return theme;
  let widthPx = DEFAULT_EXPORT_SETTINGS.widthPx;
  if (args.width !== undefined) {
    widthPx = Number(args.width.replace(/px$/, ''));
    if (!/^\d+(px)?$/.test(args.width) || widthPx < MIN_EXPORT_WIDTH_PX || widthPx > MAX_EXPORT_WIDTH_PX) {
      return `--width: expected a whole number of pixels from ${MIN_EXPORT_WIDTH_PX} to ${MAX_EXPORT_WIDTH_PX}, got "${args.width}"`;
    }
  }
  let heightPx: number | undefined;
  if (args.height !== undefined) {
    heightPx = Number(args.height.replace(/px$/, ''));
    if (!/^\d+(px)?$/.test(args.height) || heightPx < MIN_EXPORT_HEIGHT_PX || heightPx > MAX_EXPORT_HEIGHT_PX) {
      return `--height: expected a whole number of pixels from ${MIN_EXPORT_HEIGHT_PX} to ${MAX_EXPORT_HEIGHT_PX}, got "${args.height}"`;
    }
  }
  const atMs = args.at === undefined ? durationMs : duration('at', args.at, durationMs);
  if (typeof atMs === 'string') return atMs;
  const fromMs = args.from === undefined ? undefined : duration('from', args.from, durationMs);
  if (typeof fromMs === 'string') return fromMs;
  const toMs = args.to === undefined ? undefined : duration('to', args.to, durationMs);
  if (typeof toMs === 'string') return toMs;
  if ((fromMs ?? 0) >= (toMs ?? durationMs)) return `--from ${args.from ?? '0s'} must come before --to ${args.to ?? formatDuration(durationMs)}`;
  const chosen = flowsFlag(args.flows, flows);
  if (chosen !== undefined && 'error' in chosen) return chosen.error;
  const hiddenLanes = hideFlag(args.hide, []);
  if ('error' in hiddenLanes) return hiddenLanes.error;
  if (args.events !== undefined && !['csv', 'json'].includes(args.events.toLowerCase())) return `--events: expected csv or json, got "${args.events}"`;
  const checked = validateExportSettings({
    ...DEFAULT_EXPORT_SETTINGS,
    format,
    theme,
    scale,
    widthPx,
    ...(heightPx !== undefined ? { heightPx } : {}),
    background: args.transparent ? 'transparent' : 'solid',
    hiddenLanes,
    legend: args.legend,
    annotations: args.annotations,
    ...(fromMs !== undefined ? { fromMs } : {}),
    ...(toMs !== undefined ? { toMs } : {}),
    ...(chosen ? { flows: chosen } : {}),
  });
  if (!checked.ok) return checked.error;
  return { settings: checked.value, atMs };
}

export interface ExportCommandIo extends CliIo {
  /**
   * Defaults to the file system, atomically and (unless `overwrite`) never replacing an existing file; tests capture
   * the bytes instead.
   */
  writeFile?(path: string, data: Uint8Array | string, overwrite: boolean): Promise<void>;
  /** Defaults to the resvg wasm binary and the font files on disk. */
  exportDeps?(): Promise<ExportDeps>;
  /** The folder numbered scene PNGs go into; defaults to creating it (and its parents) on disk. */
  makeDirectory?(path: string): Promise<void>;
}

function writeOutputFile(path: string, data: Uint8Array | string, overwrite: boolean): Promise<void> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return overwrite ? writeFileAtomically(path, bytes) : writeNewFileAtomically(path, bytes);
}

function writeFailure(path: string, error: unknown): string {
  if (error instanceof FileExistsError) return `${path} already exists; give --force to replace it, or another --out`;
  return `cannot write ${path}: ${(error as Error).message}`;
}

/** `--scenes`: the whole run-sheet as a PDF deck or numbered PNGs (export-scenes.ts). */
async function exportScenes(parsed: ExportArgs, scenario: Scenario, text: string, io: ExportCommandIo): Promise<number> {
  const refused = Object.keys(NOT_WITH_SCENES).find((flag) => (flag === 'transparent' ? parsed.transparent : parsed[flag as ValueFlag] !== undefined));
  if (refused !== undefined) {
    io.stderr(`tokenscope export: --${refused} does not apply with --scenes: ${NOT_WITH_SCENES[refused]}\n`);
    return 2;
  }
  const out = parsed.out ?? `${exportBaseName(basename(parsed.file))}-scenes.pdf`;
  const target = deckTarget(out);
  const settings = deckSettings(parsed, scenario.flows.map((f) => f.id));
  for (const problem of [target, settings]) {
    if (typeof problem === 'string') {
      io.stderr(`tokenscope export: ${problem}\n`);
      return 2;
    }
  }
  if (scenario.scenes.length === 0) {
    io.stderr(`tokenscope export: ${parsed.file} has no scenes: add a scenes: list (docs/scenario-files.md) to export a deck\n`);
    return 2;
  }
  const write = io.writeFile ?? writeOutputFile;
  try {
    const deps = await (io.exportDeps ?? nodeExportDeps)();
    const report = await writeDeck(scenario, text, basename(parsed.file), target as DeckTarget, settings as ExportSettings, deps, {
      write: (path, data) =>
        write(path, data, parsed.force).catch((error: unknown) => {
          throw new Error(writeFailure(path, error));
        }),
      ...(io.makeDirectory ? { makeDirectory: io.makeDirectory } : {}),
    });
    io.stdout(report);
  } catch (error) {
    io.stderr(`tokenscope export: ${(error as Error).message}\n`);
    return 1;
  }
  return 0;
}

export async function exportCommand(args: string[], io: ExportCommandIo): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`tokenscope export: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  const read = await readScenarioFile('export', parsed.file, io);
  if (!read.ok) return read.exitCode;
  const { scenario, text } = read;
  if (parsed.scenes) return exportScenes(parsed, scenario, text, io);
  const durationMs = scenario.durationMs;
  const options = settingsOf(parsed, scenario.flows.map((f) => f.id), durationMs);
  if (typeof options === 'string') {
    io.stderr(`tokenscope export: ${options}\n`);
    return 2;
  }
  const { settings, atMs } = options;
  const write = io.writeFile ?? writeOutputFile;
  try {
    // The font files are read first: the rasteriser then compiles its wasm on V8's background threads while the
    // simulation runs here.
    const deps = await (io.exportDeps ?? nodeExportDeps)();
    const source = headlessExportSource({
      scenario: scenario,
      scenarioText: text,
      sourceName: basename(parsed.file),
      atMs,
      view: { startMs: settings.fromMs ?? 0, endMs: settings.toMs ?? durationMs },
    });
    const file = await exportFile(source, settings, deps);
    const out = parsed.out ?? exportFileName(source, settings.format);
    await write(out, file.data, parsed.force).catch((error: unknown) => {
      throw new Error(writeFailure(out, error));
    });
    const bytes = typeof file.data === 'string' ? new TextEncoder().encode(file.data).length : file.data.length;
    io.stdout(`wrote ${out} (${file.mimeType}, ${bytes.toLocaleString('en-US')} bytes)\ncaption: ${file.caption}\nalt text: ${file.altText}\n`);
    if (parsed.events !== undefined) {
      const eventsFormat = parsed.events.toLowerCase();
      const eventsOut = `${out.replace(/\.[A-Za-z0-9]+$/, '')}.${eventsFormat}`;
      const events = eventsInExport(source.events, settings);
      await write(eventsOut, eventsFormat === 'csv' ? eventLogCsv(events) : eventLogJson(events), parsed.force).catch((error: unknown) => {
        throw new Error(writeFailure(eventsOut, error));
      });
      io.stdout(`wrote ${eventsOut} (${events.length} events up to ${formatDuration(atMs)})\n`);
    }
  } catch (error) {
    io.stderr(`tokenscope export: ${(error as Error).message}\n`);
    return 1;
  }
  return 0;
}
