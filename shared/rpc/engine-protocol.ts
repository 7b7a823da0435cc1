/**
 * The one conversation between the UI and an engine host, whatever carries it (Electron IPC through the preload,
 * or postMessage to a Web Worker). Commands go to the engine; messages come back. Both are discriminated unions,
 * and `validateCommand` checks anything that arrives from the other side before it is trusted.
 */
import type { SimEvent } from '../model/events.ts';
import { isKubernetesVersion, KUBERNETES_VERSIONS, type KubernetesVersion } from '../model/versions.ts';
import type { InputError, ScenarioAnnotation, ScenarioScene } from '../scenario/scenario-types.ts';
import type { JwtHeader, TokenClaims } from '../jwt/jwt-types.ts';
import {
  CONSOLE_LINE_MAX_CHARS,
  formatLimit,
  HEREDOC_MAX_CHARS,
  MANIFEST_MAX_CHARS,
  overBudget,
  SCENARIO_MAX_CHARS,
  SOURCE_NAME_MAX_CHARS,
} from '../limits/input-budgets.ts';
import { MAX_SPEED } from '../time/speed.ts';
import { isRecord } from '../validation/checked.ts';
import { validateScenarioEdit, type ScenarioEdit } from './scenario-edit.ts';

export type { ScenarioEdit } from './scenario-edit.ts';

export const SPEED_PRESETS = [1, 60, 600, 3600, 86_400] as const;
export { MAX_SPEED } from '../time/speed.ts';

export type EngineCommand =
  | { type: 'load'; scenarioText: string; sourceName: string }
  /** `untilMs`: pause by itself there (a scene that plays on to the next scene's moment); a seek or pause drops it. */
  | { type: 'play'; untilMs?: number }
  | { type: 'pause' }
  | { type: 'set-speed'; speed: number }
  | { type: 'seek'; simMs: number }
  /** Stops a seek or load under way: a seek stays where it got to, a load leaves the current scenario. */
  | { type: 'cancel' }
  | { type: 'step' }
  | { type: 'inspect-token'; token: number; requestId: number }
  /**
   * A line typed in the console, run now against one flow (and recorded, so seeking replays it). `stdin`: the body of
   * the line's here-document (`apply -f - <<EOF`), which `-f -` reads.
   */
  | { type: 'kubectl'; flow: string; line: string; requestId: number; stdin?: string }
  /** A manifest from the editor, applied now to one flow (recorded like a console line). */
  | { type: 'apply'; flow: string; manifest: string; requestId: number }
  /**
   * The flow version picker: rerun `scenarioText` (the UI's copy, notes included) with one flow on another release,
   * keeping the console's recorded steps and the playhead. The rewritten text comes back in `loaded`.
   */
  | { type: 'set-flow-version'; scenarioText: string; sourceName: string; flow: string; kubernetesVersion: KubernetesVersion }
  /**
   * The notes or the scenes changed in the UI (added, edited, deleted, moved, or an undo): the session rewrites the
   * scenario's text, comments kept, without running anything again, and answers with `edit-result`. `load`: the
   * LoadedScenario.load the edit was made on; once another load has replaced that scenario the edit is refused.
   */
  | { type: 'edit-scenario'; edit: ScenarioEdit; load: number; requestId: number };

export interface FlowSummary {
  id: string;
  label: string;
  kubernetesVersion: KubernetesVersion;
  issuer: string;
  apiAudiences: string[];
  extendTokenExpiration: boolean;
  maxTokenExpirationSec: number;
  /** The flow's API server signs through an external signer (which needs 1.34 or newer). */
  externalSigner: boolean;
}

export interface ScenarioSummary {
  /** Set when the scenario implies more work than the engine's budget: where it will stop, and why. */
  workWarning?: string;
  name: string;
  title: string;
  description: string;
  takeaway: string;
  sourceName: string;
  /** The text that was loaded: exports embed it, and annotating rewrites it. */
  scenarioText: string;
  annotations: ScenarioAnnotation[];
  /** The run-sheet, in the file's order. */
  scenes: ScenarioScene[];
  durationMs: number;
  startEpochMs: number;
  flows: FlowSummary[];
}

/**
 * A scenario as an engine session loaded it. `load` counts the session's loads (1, 2, …; a flow version rerun is one
 * too), so an edit can say which scenario it was made on: one that crossed a newer load on its way is refused rather
 * than written into the scenario that replaced its own.
 */
export interface LoadedScenario extends ScenarioSummary {
  load: number;
}

/** What the UI needs of a token to draw and inspect it (the JWT itself is fetched on demand). */
export interface TokenSummary {
  index: number;
  flow: string;
  number: number;
  kind: 'legacy' | 'bound';
  issuedAtMs: number;
  namespace: string;
  serviceAccount: string;
  audiences: string[];
  jwtExpiresAtMs?: number;
  statusExpirationMs?: number;
  warnAfterMs?: number;
  expirationSec?: number;
  /**
   * When the kubelet's refresh window opens (80 % of the TTL or 24 h, jitter 0), for a token with a TokenRequest
   * status; the UI draws it and never works it out.
   */
  refreshOpensAtMs?: number;
  boundObject?: { kind: 'Pod' | 'Secret' | 'Node'; name: string; uid: string };
  secretName?: string;
  header: JwtHeader;
  claims: TokenClaims;
}

export interface TokenVerification {
  /** What the flow's API server says about this token now: accepted, or the exact error. */
  ok: boolean;
  error?: string;
  username?: string;
  atMs: number;
}

export type EngineMessage =
  | { type: 'loaded'; scenario: LoadedScenario }
  | { type: 'load-failed'; sourceName: string; errors: InputError[] }
  | {
      type: 'progress';
      /**
       * The UI shows its log up to `fromEvent` (a seek back cuts it there but keeps what it cut), then the next
       * `keptEvents` it kept from before (a seek forward over the same future: nothing to build or copy), then
       * `events`, which replace whatever it kept after them. Tokens alike.
       */
      fromEvent: number;
      keptEvents: number;
      events: SimEvent[];
      fromToken: number;
      keptTokens: number;
      tokens: TokenSummary[];
      nowMs: number;
      playing: boolean;
      speed: number;
      /** Simulated ms the engine fell behind the wall clock × speed target in this batch (0 when keeping up). */
      lagMs: number;
    }
  | { type: 'token-details'; requestId: number; token: number; jwt: string; verification: TokenVerification }
  /** What the terminal shows for a console line: kubectl's stdout (JWTs resolved), stderr and exit code. */
  | { type: 'kubectl-result'; requestId: number; flow: string; line: string; stdout: string; stderr: string; exitCode: number }
  /** The outcome of an editor apply: kubectl-style output, and each error with its line and column in the manifest. */
  | { type: 'apply-result'; requestId: number; flow: string; ok: boolean; output: string; errors: InputError[] }
  /**
   * The outcome of an edit of the notes or scenes: the scenario as it now is (the store takes it in place of its copy,
   * events and clock untouched), or what the scenario format refused, with nothing changed.
   */
  | { type: 'edit-result'; requestId: number; ok: true; scenario: LoadedScenario }
  | { type: 'edit-result'; requestId: number; ok: false; errors: InputError[] }
  /**
   * A seek or load that takes more than one slice says how far it got (`fraction` from 0 to 1), and says `done` once
   * it finished or was cancelled. `recover` is the replay after the engine threw.
   */
  | { type: 'working'; command: WorkingCommand; fraction: number; done: boolean }
  /** The run reached a work budget and stopped there; the message names the step that logged most. */
  | { type: 'halted'; atMs: number; message: string }
  /**
   * Something failed: a refused or failing command (`command` names it, `requestId` when it had one), or an engine
   * exception, after which the session went back to its last good state (the message says where).
   */
  | { type: 'error'; message: string; command?: string; requestId?: number };

export type WorkingCommand = 'load' | 'seek' | 'recover';

/** The console checks these before sending, and the engine host again: the same sentence either way. */
export function consoleLineRefusal(length: number): string {
  return overBudget('this line', `${formatLimit(length)} characters`, `${formatLimit(CONSOLE_LINE_MAX_CHARS)} characters`, 'put a long manifest in the editor, or in a here-document (apply -f - <<EOF)');
}

export function heredocRefusal(length: number): string {
  return overBudget('this here-document', `${formatLimit(length)} characters`, `${formatLimit(HEREDOC_MAX_CHARS)} characters`, 'apply it in smaller parts');
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Checks a command from an untrusted sender; returns what is wrong, in words, or the typed command. */
export function validateCommand(value: unknown): { ok: true; command: EngineCommand } | { ok: false; error: string } {
  if (!isRecord(value)) return { ok: false, error: 'command must be an object' };
  const bad = (error: string) => ({ ok: false as const, error: `${String(value.type)}: ${error}` });
  switch (value.type) {
    case 'load':
      if (typeof value.scenarioText !== 'string') return bad('scenarioText must be a string');
      if (value.scenarioText.length > SCENARIO_MAX_CHARS) {
        return bad(overBudget('the scenario', `${formatLimit(value.scenarioText.length)} characters`, `${formatLimit(SCENARIO_MAX_CHARS)} characters`, 'a scenario is a short YAML file; split it or remove steps'));
      }
      if (typeof value.sourceName !== 'string' || value.sourceName.length > SOURCE_NAME_MAX_CHARS) return bad(`sourceName must be a string of at most ${SOURCE_NAME_MAX_CHARS} characters`);
      return { ok: true, command: { type: 'load', scenarioText: value.scenarioText, sourceName: value.sourceName } };
    case 'play':
      if (value.untilMs === undefined) return { ok: true, command: { type: 'play' } };
      if (!finite(value.untilMs) || value.untilMs < 0) return bad('untilMs must be a non-negative number of simulated milliseconds');
      return { ok: true, command: { type: 'play', untilMs: value.untilMs } };
    case 'pause':
    case 'step':
    case 'cancel':
      return { ok: true, command: { type: value.type } };
    case 'set-speed':
      if (!finite(value.speed) || value.speed <= 0 || value.speed > MAX_SPEED) return bad(`speed must be a number in (0, ${MAX_SPEED}]`);
      return { ok: true, command: { type: 'set-speed', speed: value.speed } };
    case 'seek':
      if (!finite(value.simMs) || value.simMs < 0) return bad('simMs must be a non-negative number');
      return { ok: true, command: { type: 'seek', simMs: value.simMs } };
    case 'inspect-token':
      if (!Number.isInteger(value.token) || (value.token as number) < 0) return bad('token must be a non-negative integer');
      if (!Number.isInteger(value.requestId)) return bad('requestId must be an integer');
      return { ok: true, command: { type: 'inspect-token', token: value.token as number, requestId: value.requestId as number } };
    case 'kubectl':
      if (typeof value.flow !== 'string' || value.flow.length > 200) return bad('flow must be a flow id');
      if (typeof value.line !== 'string') return bad('line must be a string');
      if (value.line.length > CONSOLE_LINE_MAX_CHARS) return bad(consoleLineRefusal(value.line.length));
      if (!Number.isInteger(value.requestId)) return bad('requestId must be an integer');
      if (value.stdin !== undefined && typeof value.stdin !== 'string') return bad('stdin must be a string');
      if (typeof value.stdin === 'string' && value.stdin.length > HEREDOC_MAX_CHARS) return bad(heredocRefusal(value.stdin.length));
      return {
        ok: true,
        command: { type: 'kubectl', flow: value.flow, line: value.line, requestId: value.requestId as number, ...(typeof value.stdin === 'string' ? { stdin: value.stdin } : {}) },
      };
    case 'set-flow-version':
      if (typeof value.scenarioText !== 'string' || value.scenarioText.length > SCENARIO_MAX_CHARS) return bad(`scenarioText must be a string of at most ${formatLimit(SCENARIO_MAX_CHARS)} characters`);
      if (typeof value.sourceName !== 'string' || value.sourceName.length > SOURCE_NAME_MAX_CHARS) return bad(`sourceName must be a string of at most ${SOURCE_NAME_MAX_CHARS} characters`);
      if (typeof value.flow !== 'string' || value.flow.length > 200) return bad('flow must be a flow id');
      if (typeof value.kubernetesVersion !== 'string' || !isKubernetesVersion(value.kubernetesVersion)) return bad(`kubernetesVersion must be one of ${KUBERNETES_VERSIONS.join(', ')}`);
      return {
        ok: true,
        command: { type: 'set-flow-version', scenarioText: value.scenarioText, sourceName: value.sourceName, flow: value.flow, kubernetesVersion: value.kubernetesVersion },
      };
    case 'apply':
      if (typeof value.flow !== 'string' || value.flow.length > 200) return bad('flow must be a flow id');
      if (typeof value.manifest !== 'string') return bad('manifest must be a string');
      if (value.manifest.length > MANIFEST_MAX_CHARS) {
        return bad(overBudget('the manifest', `${formatLimit(value.manifest.length)} characters`, `${formatLimit(MANIFEST_MAX_CHARS)} characters`, 'apply it in smaller parts'));
      }
      if (!Number.isInteger(value.requestId)) return bad('requestId must be an integer');
      return { ok: true, command: { type: 'apply', flow: value.flow, manifest: value.manifest, requestId: value.requestId as number } };
    case 'edit-scenario': {
      if (!Number.isInteger(value.requestId)) return bad('requestId must be an integer');
      if (!Number.isInteger(value.load) || (value.load as number) < 1) return bad('load must be a positive integer: the load of the scenario the edit was made on');
      const edit = validateScenarioEdit(value.edit);
      if (!edit.ok) return bad(edit.error);
      return { ok: true, command: { type: 'edit-scenario', edit: edit.value, load: value.load as number, requestId: value.requestId as number } };
    }
    default:
      return { ok: false, error: `unknown command type ${JSON.stringify(value.type)}` };
  }
}
