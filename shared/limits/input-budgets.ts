/**
 * Every budget an input is held to, in one place: the parsers, the engine, the IPC validators, the drop and open code
 * and the console all read their limit from here, and the README's "Honest limits" table lists the same numbers.
 * Each limit is far above what a real scenario, manifest, token or export needs, and low enough that the worst input
 * under it costs seconds, not minutes, and megabytes, not gigabytes. Going over one is refused with what was found,
 * the limit, and what to change (see `overBudget`), never a hang.
 */

const KIB = 1024;
const MIB = 1024 * KIB;

// ---- text and files -------------------------------------------------------------------------------------------

/** A scenario file, in characters. Ours are a few kB; 2 MB is hundreds of steps with their manifests. */
export const SCENARIO_MAX_CHARS = 2_000_000;
/** A file name carried with a scenario (shown in the header and written into exports). */
export const SOURCE_NAME_MAX_CHARS = 500;
/** A manifest applied from the editor or a console line's `-f`, in characters; the console's here-document too. */
export const MANIFEST_MAX_CHARS = 1_000_000;
/** One console line. kubectl has no limit of its own; a shell's ARG_MAX is far above any command a person types. */
export const CONSOLE_LINE_MAX_CHARS = 10_000;
/** A here-document typed or pasted into the console: the same budget as a manifest, since `-f -` reads it as one. */
export const HEREDOC_MAX_CHARS = MANIFEST_MAX_CHARS;
/**
 * A pasted JWT, in characters. Go's net/http refuses request headers over `DefaultMaxHeaderBytes` (1 MiB), so no
 * token longer than that can ever have reached a kube-apiserver in an Authorization header.
 */
export const PASTED_TOKEN_MAX_CHARS = 1 * MIB;
/**
 * A dropped or opened file (an exported PNG or SVG, or a scenario picked by its image). The widest 4× PNG export is
 * a few MB; 64 MB keeps one file in one IPC message without stalling the window.
 */
export const DROPPED_FILE_MAX_BYTES = 64 * MIB;
/** The SVG text read for its embedded moment: our SVG exports are well under 2 MB, with the font embedded. */
export const SVG_MAX_BYTES = 16 * MIB;
/** The text of the PNG chunk or SVG element that carries a moment: a scenario of at most 2 MB, JSON-escaped. */
export const EMBEDDED_MOMENT_MAX_CHARS = 8_000_000;
/**
 * A shared link's `#…` part, in characters. Chromium (and so Electron) refuses a URL longer than 2 MiB outright, so no
 * link past this could have been opened anyway. What it inflates to is held to EMBEDDED_MOMENT_MAX_CHARS bytes, checked
 * as it inflates.
 */
export const MOMENT_LINK_MAX_CHARS = 2 * MIB;
/** The desktop settings file. Twenty presets take a few kB; anything near this size was not written by us. */
export const SETTINGS_FILE_MAX_BYTES = 1 * MIB;
/** The lesson progress file: at most 100 lessons of at most 256 kB each (shared/ipc/lesson-progress.ts). */
export const LESSON_PROGRESS_FILE_MAX_BYTES = 32 * MIB;

// ---- shape of YAML and JSON -------------------------------------------------------------------------------------

/**
 * Nesting of a YAML document (scenario or manifest). A Pod nests about ten levels; the YAML library itself runs out
 * of stack near a thousand, so the budget is checked before it composes the document.
 */
export const YAML_MAX_DEPTH = 100;
/**
 * Entries in one YAML mapping or list (labels, annotations, data keys, steps…). The parse is linear, but every
 * entry is validated, drawn in `kubectl describe` and carried through the engine's state.
 */
export const YAML_MAX_COLLECTION_ITEMS = 10_000;
/** Nesting of a JWT's JSON: Go's encoding/json refuses past this (`maxNestingDepth`), so kube-apiserver does too. */
export const JSON_MAX_DEPTH = 10_000;
/**
 * Levels of a pasted token's claims that the inspector lays out as rows; deeper values are shown as raw JSON. Real
 * claims nest three levels (`kubernetes.io.pod.name`).
 */
export const CLAIM_DISPLAY_MAX_DEPTH = 16;

// ---- counts in a scenario -------------------------------------------------------------------------------------

/** Flows side by side on one time axis; beyond a handful the lanes no longer fit a screen. */
export const SCENARIO_MAX_FLOWS = 10;
/** Steps in one scenario file. */
export const SCENARIO_MAX_STEPS = 1_000;
/** Pods the scenario's apply steps create, summed over documents (each flow runs its own copy). */
export const SCENARIO_MAX_PODS = 200;
/** Clients and leaked copies (each calls on its own schedule). */
export const SCENARIO_MAX_ACTORS = 200;
/** Notes on the figure. */
export const SCENARIO_MAX_ANNOTATIONS = 500;
/** Scenes on a scenario's run-sheet: a class hour is a dozen; a hundred is a whole course in one file. */
export const SCENARIO_MAX_SCENES = 100;
/**
 * Any one string in a notes or scenes edit sent to the engine (a note, a scene's note, a lane, a flow id), in UTF-16
 * units: above the longest the scenario format takes (600 characters, some of them two units), so the format's own
 * check, with its own words, refuses what is merely too long; only a payload no UI would send stops here.
 */
export const SCENARIO_EDIT_FIELD_MAX_CHARS = 2_000;
/** Issuers or API audiences of one flow's API server. */
export const MAX_AUDIENCES = 100;
/** Flow ids remembered in the export settings (the settings file and the IPC validator). */
export const EXPORT_MAX_FLOWS = SCENARIO_MAX_FLOWS;

// ---- animated exports -----------------------------------------------------------------------------------------

/** Frames per second of an animation: GIF viewers slow any frame shorter than 20 ms down to 100 ms, so 30 is safe. */
export const ANIMATION_MIN_FPS = 1;
export const ANIMATION_MAX_FPS = 30;
/** An animation's length: long enough for a whole story at a readable pace, short enough to stay a clip. */
export const ANIMATION_MIN_DURATION_MS = 1_000;
export const ANIMATION_MAX_DURATION_MS = 60_000;
/** Frames in one animation: a minute at 15 frames a second. Each is drawn, rasterised and compressed on its own. */
export const ANIMATION_MAX_FRAMES = 900;
/** Pixels in one frame: a 1920 × 1080 slide. A larger GIF or video is more than a class or a web page can take. */
export const ANIMATION_MAX_FRAME_PIXELS = 1920 * 1080;
/**
 * Pixels over all the frames, which is what an animation costs to make (the CLI rasterises about 15 million a second
 * here): 150 frames of 1280 × 720 are 138 million; this is about 200 frames of 1920 × 1080.
 */
export const ANIMATION_MAX_TOTAL_PIXELS = 420_000_000;

// ---- work the engine may do -----------------------------------------------------------------------------------

/**
 * Events one simulation may log. The engine keeps a logged event in about 70 bytes (a few numbers; its words are
 * built when it is read), but the window keeps each as an object of about 650 bytes, which is what this bounds: a run
 * at the budget holds about 330 MB there. A ten-year, one-pod scenario logs about 420,000 and runs to its end.
 */
export const ENGINE_MAX_EVENTS = 500_000;
/**
 * Tokens one simulation may issue. The engine keeps a token in about 100 bytes (its claims are built when it is read
 * or signed); the window keeps a summary of about 700 bytes (about 105 MB at the budget). The ten-year, one-pod
 * scenario issues about 108,000.
 */
export const ENGINE_MAX_TOKENS = 150_000;
/**
 * The budgets a scenario is read and run under that depend on how big it may be: its pods, and the events and tokens
 * its run may log. The app and the CLI always use the defaults; only the benchmarks, which load the engine far past
 * what a lesson needs (docs/benchmarks.md), pass larger ones.
 */
export interface ScenarioBudgets {
  pods: number;
  events: number;
  tokens: number;
}

export const DEFAULT_SCENARIO_BUDGETS: Readonly<ScenarioBudgets> = Object.freeze({ pods: SCENARIO_MAX_PODS, events: ENGINE_MAX_EVENTS, tokens: ENGINE_MAX_TOKENS });

/**
 * A scenario whose estimated work is this many times the budget is refused when it is loaded: it would stop so early
 * that what it shows is not what its author meant (a client calling every millisecond, say). Below this, it loads and
 * stops cleanly when it reaches the budget.
 */
export const ENGINE_REFUSE_FACTOR = 10;

// ---- wall time ------------------------------------------------------------------------------------------------

/** Wall time one slice of engine work (play, seek, load) may take before it yields to its host's event loop. */
export const ENGINE_SLICE_BUDGET_MS = 12;

/** "2,000,000". */
export function formatLimit(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** "64 MB" for a byte budget. */
export function formatBytes(bytes: number): string {
  if (bytes >= MIB) return `${formatLimit(bytes / MIB)} MB`;
  if (bytes >= KIB) return `${formatLimit(bytes / KIB)} kB`;
  return `${formatLimit(bytes)} bytes`;
}

/** The shape of a count over its budget: "11 flows are more than TokenScope's limit of 10; keep …". */
export function tooMany(found: number, noun: string, limit: number, change: string): string {
  return `${formatLimit(found)} ${noun} are more than TokenScope's limit of ${formatLimit(limit)}; ${change}`;
}

/**
 * The one shape of every refusal: what was found, the limit, and what to change. `what` names the input ("the
 * scenario", "this line"); `found` and `limit` are already formatted with their unit.
 */
export function overBudget(what: string, found: string, limit: string, change: string): string {
  return `${what} is ${found}, over TokenScope's limit of ${limit}; ${change}`;
}
