/**
 * Test helpers for the scenarios shipped in assets/scenarios: each file is run once through the CLI's `main()` with an
 * in-memory io (`run FILE --json`), exactly as `tokenscope run` would, and the JSON report is queried by flow, event
 * type and actor.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '../../electron/cli.ts';
import type { SimEvent, SimEventType } from '../../shared/model/events.ts';

export const SCENARIO_DIR = fileURLToPath(new URL('../../assets/scenarios/', import.meta.url));

/** Every `*.yaml` the app bundles, by file name. */
export const SCENARIO_FILES: string[] = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.yaml')).sort();

export function scenarioText(file: string): string {
  return readFileSync(`${SCENARIO_DIR}${file}`, 'utf8');
}

export type Call = Extract<SimEvent, { type: 'request.allowed' | 'request.denied' }>;

interface ReportToken {
  index: number;
  number: number;
  kind: 'legacy' | 'bound';
  issuedAtMs: number;
  header: { kid?: string };
  claims: Record<string, unknown> & { exp?: number; iat?: number; aud?: string[]; 'kubernetes.io'?: { warnafter?: number } };
}

interface RunReport {
  scenario: { name: string; durationMs: number; ranUntilMs: number; startEpochMs: number };
  flows: Record<string, { kubernetesVersion: string; events: SimEvent[]; tokens: ReportToken[] }>;
}

export interface CliOutcome {
  code: number;
  stderr: string;
  report: RunReport;
}

const runs = new Map<string, Promise<CliOutcome>>();

/** Runs `tokenscope run FILE --json` in-process, once per file. */
export function runBuiltIn(file: string): Promise<CliOutcome> {
  let run = runs.get(file);
  if (!run) {
    run = runThroughCli(file);
    runs.set(file, run);
  }
  return run;
}

async function runThroughCli(file: string): Promise<CliOutcome> {
  const text = scenarioText(file);
  let stdout = '';
  let stderr = '';
  const code = await main(['run', file, '--json'], {
    stdout: (chunk) => {
      stdout += chunk;
    },
    stderr: (chunk) => {
      stderr += chunk;
    },
    readFile: (path) => (path === file ? Promise.resolve(text) : Promise.reject(new Error(`ENOENT: ${path}`))),
  });
  return { code, stderr, report: code === 0 ? (JSON.parse(stdout) as RunReport) : { scenario: { name: '', durationMs: 0, ranUntilMs: 0, startEpochMs: 0 }, flows: {} } };
}

/** Read access to one run's report. */
export class ScenarioLog {
  constructor(private readonly report: RunReport) {}

  static async of(file: string): Promise<ScenarioLog> {
    const { code, stderr, report } = await runBuiltIn(file);
    if (code !== 0) throw new Error(`${file} did not run: ${stderr}`);
    return new ScenarioLog(report);
  }

  get durationMs(): number {
    return this.report.scenario.durationMs;
  }

  flow(flowId: string) {
    const flow = this.report.flows[flowId];
    if (!flow) throw new Error(`no flow ${flowId}`);
    return flow;
  }

  events<T extends SimEventType>(flowId: string, type: T): Extract<SimEvent, { type: T }>[] {
    return this.flow(flowId).events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);
  }

  one<T extends SimEventType>(flowId: string, type: T, where: (e: Extract<SimEvent, { type: T }>) => boolean = () => true): Extract<SimEvent, { type: T }> {
    const found = this.events(flowId, type).filter(where);
    if (found.length !== 1) throw new Error(`expected one ${type} in ${flowId}, found ${found.length}`);
    return found[0]!;
  }

  /** Every call an actor (client or attacker) made, in order. */
  calls(flowId: string, actor: string): Call[] {
    return this.flow(flowId).events.filter((e): e is Call => (e.type === 'request.allowed' || e.type === 'request.denied') && e.actor === actor);
  }

  token(flowId: string, index: number): ReportToken {
    const token = this.flow(flowId).tokens.find((t) => t.index === index);
    if (!token) throw new Error(`no token ${index} in ${flowId}`);
    return token;
  }

  /** Simulated ms of a claim given in epoch seconds (`exp`, `iat`, `warnafter`). */
  simMsOf(epochSec: number): number {
    return epochSec * 1000 - this.report.scenario.startEpochMs;
  }

  /** The JWT `exp` of a token, as simulated ms. */
  expMs(flowId: string, index: number): number {
    const exp = this.token(flowId, index).claims.exp;
    if (exp === undefined) throw new Error(`token ${index} in ${flowId} has no exp`);
    return this.simMsOf(exp);
  }
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** go-jose's leeway on exp, and the grace after a bound object's deletionTimestamp. */
export const LEEWAY_MS = MINUTE;
