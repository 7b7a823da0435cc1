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
import { exportFile, type ExportDeps } from '../../shared/export/export-file.ts';
import { exportBaseName } from '../../shared/export/export-file-name.ts';
import { eventLogCsv, eventLogJson, eventsInExport } from '../../shared/export/event-log-export.ts';
import type { CliIo } from './cli-io.ts';
import { parseCliArgs } from './cli-args.ts';
import { EXPORT_VALUE_FLAGS, type EXPORT_FLAGS, type ExportValueFlag } from './command-flags.ts';
import { USAGE } from './usage.ts';
import { headlessExportSource } from './headless-moment.ts';
import { flowsFlag, hideFlag } from './export-flags.ts';
import { deckSettings, deckTarget, NOT_WITH_SCENES, writeDeck, type DeckTarget } from './export-scenes.ts';
import type { Scenario } from '../../shared/scenario/scenario-types.ts';
import { animationFrameCount, DEFAULT_ANIMATION_SETTINGS, validateAnimationSettings, type AnimationSettings } from '../../shared/export/animation/animation-settings.ts';
import { fileErrorReason } from './file-error.ts';
import { nodeExportDeps } from './node-export-deps.ts';
import { FileExistsError, writeFileAtomically, writeNewFileAtomically } from '../main/atomic-file.ts';

interface ExportArgs {
  file: string;
  duration?: string;
  fps?: string;
  loop?: boolean;
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

const EXAMPLES: Record<ExportValueFlag, string> = {
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
  duration: '--duration 10s',
  fps: '--fps 15',
};

function readArgs(args: string[]): ExportArgs | string {
  const parsed = parseCliArgs<keyof typeof EXPORT_FLAGS>(args, 'export', (name) => `--${name} needs a value, e.g. ${EXAMPLES[name as ExportValueFlag]}`);
  if (typeof parsed === 'string') return parsed;
  const { values } = parsed;
  if (values.loop && values['no-loop']) return '--loop and --no-loop: give one of them, once';
  const read: ExportArgs = { file: parsed.file, transparent: values.transparent === true, legend: values['no-legend'] !== true, annotations: values['no-annotations'] !== true, force: values.force === true, scenes: values.scenes === true };
  if (values.loop || values['no-loop']) read.loop = values.loop === true;
  for (const name of EXPORT_VALUE_FLAGS) {
    const value = values[name];
    if (typeof value === 'string') read[name] = value;
  }
  return read;
}

/** Names are matched without regard to case, as the file extension is (`--format PNG` and `.PNG` alike). */
function oneOf<T extends string | number>(flag: string, text: string, allowed: readonly T[]): T | string {
  const found = allowed.find((a) => String(a) === text.toLowerCase());
  return found ?? `--${flag}: expected ${allowed.join(', ')}, got "${text}"`;
}

/** A whole number of CSS pixels, with or without its unit (`1600`, `1600px`, `1600PX`), or what is wrong. */
function pixels(flag: string, text: string, min: number, max: number): number | string {
  const value = Number(text.replace(/px$/i, ''));
  if (!/^\d+(px)?$/i.test(text) || value < min || value > max) return `--${flag}: expected a whole number of pixels from ${min} to ${max}, got "${text}"`;
  return value;
}

function duration(flag: string, text: string, durationMs: number): number | string {
  const parsed = parseScenarioDuration(text);
  if (!parsed.ok) return `--${flag}: ${parsed.error}`;
  if (parsed.ms > durationMs) return `--${flag} ${text} is after the scenario ends (${formatDuration(durationMs)})`;
  return parsed.ms;
}

/** What --format and the extension of --out may name: the still formats, and the animations the CLI makes. */
const CLI_FORMATS = ['png', 'svg', 'pdf', 'gif', 'apng'] as const;
type CliFormat = (typeof CLI_FORMATS)[number];

/** --duration, --fps and --loop as animation settings, or what is wrong with them. */
function animationOf(args: ExportArgs, format: 'gif' | 'apng'): AnimationSettings | string {
  let durationMs = DEFAULT_ANIMATION_SETTINGS.durationMs;
  if (args.duration !== undefined) {
    const parsed = parseScenarioDuration(args.duration);
    if (!parsed.ok) return `--duration: ${parsed.error}`;
    durationMs = parsed.ms;
  }
  if (args.fps !== undefined && !/^\d+$/.test(args.fps)) return `--fps: expected a whole number of frames a second, got "${args.fps}"`;
  const checked = validateAnimationSettings({ format, durationMs, fps: args.fps === undefined ? DEFAULT_ANIMATION_SETTINGS.fps : Number(args.fps), loop: args.loop ?? true });
  if (!checked.ok) return `${checked.error.startsWith('the frame rate') ? '--fps' : '--duration'}: ${checked.error}`;
  return checked.value;
}

/** The flags as export settings, or what is wrong with them (naming the flag). */
function settingsOf(args: ExportArgs, flows: readonly string[], durationMs: number): { settings: ExportSettings; atMs: number } | string {
  if (args.out === '-') return '--out -: writing to standard output is not supported; give a file name, e.g. --out figure.png';
  if (args.out !== undefined && /[/\\]$/.test(args.out)) {
    return `--out: ${JSON.stringify(args.out)} is a folder; give a file name in it, e.g. --out ${args.out}figure.png (a folder takes one PNG per scene with --scenes)`;
  }
  const extension = args.out?.match(/\.([A-Za-z0-9]+)$/)?.[1]?.toLowerCase();
  const named = oneOf('format', args.format ?? (extension !== undefined && CLI_FORMATS.includes(extension as CliFormat) ? extension : 'png'), CLI_FORMATS);
  if (!CLI_FORMATS.includes(named as CliFormat)) return named;
  // A file named .txt that holds a PNG would open as garbage: the name must say what the bytes are.
  if (args.out !== undefined && args.format === undefined && extension !== undefined && extension !== named) {
    const videos = extension === 'webm' || extension === 'mp4' ? ' (WebM and MP4 videos are made in the app, with its browser\'s video encoder)' : '';
    return `--out: ${JSON.stringify(args.out)} ends in .${extension}, a format the command line does not write${videos}; end it in .${CLI_FORMATS.slice(0, -1).join(', .')} or .${CLI_FORMATS[CLI_FORMATS.length - 1]}`;
  }
  if (args.out !== undefined && extension !== named) {
    return `--out: ${JSON.stringify(args.out)} should end in .${named}${args.format === undefined ? ` (or give --format ${CLI_FORMATS.join('|')})` : ` to match --format ${named}`}`;
  }
  const animated = named === 'gif' || named === 'apng';
  const format: ExportFormat = animated ? 'animation' : (named as ExportFormat);
  let animation: AnimationSettings | undefined;
  if (animated) {
    if (args.at !== undefined) return `--at applies to still images; an animation's playhead moves from --from to --to`;
    if (args.scale !== undefined) return '--scale applies to PNG only; an animation is drawn at 1×: choose its size with --width and --height';
    if (args.transparent) return "--transparent applies to PNG and SVG; an animation's page is always solid";
    const checked = animationOf(args, named);
    if (typeof checked === 'string') return checked;
    animation = checked;
  } else if (args.duration !== undefined || args.fps !== undefined || args.loop !== undefined) {
    const given = args.duration !== undefined ? '--duration' : args.fps !== undefined ? '--fps' : args.loop ? '--loop' : '--no-loop';
    return `${given} applies to animations (--out FILE.gif or FILE.apng); ${named.toUpperCase()} is a still`;
  }
  if (args.scale !== undefined && format !== 'png') return `--scale applies to PNG only; ${format.toUpperCase()} is drawn at the figure's own size`;
  if (args.transparent && format === 'pdf') return '--transparent applies to PNG and SVG; a PDF page is always solid';
  const scale = args.scale === undefined ? DEFAULT_EXPORT_SETTINGS.scale : oneOf('scale', args.scale, EXPORT_SCALES);
  if (typeof scale === 'string') return scale;
  const theme = oneOf('theme', args.theme ?? DEFAULT_EXPORT_SETTINGS.theme, EXPORT_THEMES);
  if (!EXPORT_THEMES.includes(theme as (typeof EXPORT_THEMES)[number])) return theme;
  const widthPx = args.width === undefined ? DEFAULT_EXPORT_SETTINGS.widthPx : pixels('width', args.width, MIN_EXPORT_WIDTH_PX, MAX_EXPORT_WIDTH_PX);
  if (typeof widthPx === 'string') return widthPx;
  const heightPx = args.height === undefined ? undefined : pixels('height', args.height, MIN_EXPORT_HEIGHT_PX, MAX_EXPORT_HEIGHT_PX);
  if (typeof heightPx === 'string') return heightPx;
  const fromMs = args.from === undefined ? undefined : duration('from', args.from, durationMs);
  if (typeof fromMs === 'string') return fromMs;
  const toMs = args.to === undefined ? undefined : duration('to', args.to, durationMs);
  if (typeof toMs === 'string') return toMs;
  // An animation runs the scenario to the end of its range; a still to --at.
  const atMs = animation ? (toMs ?? durationMs) : args.at === undefined ? durationMs : duration('at', args.at, durationMs);
  if (typeof atMs === 'string') return atMs;
  if ((fromMs ?? 0) >= (toMs ?? durationMs)) return `--from ${args.from ?? '0s'} must come before --to ${args.to ?? formatDuration(durationMs)}`;
  // Before the window starts, nothing in it has happened yet: the figure would be empty lanes.
  if (fromMs !== undefined && atMs < fromMs) return `--at ${args.at ?? formatDuration(atMs)} comes before --from ${args.from}: nothing in the window has happened yet; give an --at from ${args.from} on`;
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
    ...(animation ? { animation } : {}),
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
  return `cannot write ${path}: ${fileErrorReason(error, path, 'write')}`;
}

/** `--scenes`: the whole run-sheet as a PDF deck or numbered PNGs (export-scenes.ts). */
async function exportScenes(parsed: ExportArgs, scenario: Scenario, text: string, io: ExportCommandIo): Promise<number> {
  const refused = Object.keys(NOT_WITH_SCENES).find((flag) => (flag === 'transparent' ? parsed.transparent : parsed[flag as ExportValueFlag] !== undefined));
  if (refused !== undefined) {
    const given = refused === 'loop' && parsed.loop === false ? 'no-loop' : refused;
    io.stderr(`tokenscope export: --${given} does not apply with --scenes: ${NOT_WITH_SCENES[refused]}\n`);
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
  const parsed = readArgs(args);
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
    const out = parsed.out ?? file.fileName;
    await write(out, file.data, parsed.force).catch((error: unknown) => {
      throw new Error(writeFailure(out, error));
    });
    const bytes = typeof file.data === 'string' ? new TextEncoder().encode(file.data).length : file.data.length;
    const animation = settings.animation && settings.format === 'animation' ? settings.animation : undefined;
    const frames = animation ? `${animationFrameCount(animation)} frames at ${animation.fps} fps, ${formatDuration(animation.durationMs)}, ${animation.loop ? 'looping' : 'played once'}\n` : '';
    io.stdout(`wrote ${out} (${file.mimeType}, ${bytes.toLocaleString('en-US')} bytes)\n${frames}caption: ${file.caption}\nalt text: ${file.altText}\n`);
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
