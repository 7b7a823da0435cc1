/**
 * The work a scenario implies, held to the engine's budgets (input-budgets.ts): estimated from the steps before
 * anything runs (pods × duration ÷ the kubelet's refresh period, clients × duration ÷ callEvery), and counted while
 * it runs. A scenario far over budget is refused when it is parsed, naming the step; one somewhat over it loads with
 * a warning and stops cleanly when the meter says so. Kept apart from the logs it counts: the simulation asks
 * `WorkMeter.exceeded` with two numbers, however the logs are stored.
 */
import type { EventRefs } from '../model/events.ts';
import { versionBehaviour } from '../model/versions.ts';
import type { ApplyStep, FlowSpec, InputError, Scenario, Step } from '../scenario/scenario-types.ts';
import { stepManifest } from './step-manifests.ts';
import { parseManifest } from '../manifest/parse-manifest.ts';
import { formatDuration, formatScenarioDuration } from '../time/duration.ts';
import { ENGINE_MAX_EVENTS, ENGINE_MAX_TOKENS, ENGINE_REFUSE_FACTOR, formatLimit } from '../limits/input-budgets.ts';
import { refreshThresholds } from './token-rules.ts';
import { unhandled } from '../model/unhandled.ts';
import { MIN_TOKEN_EXPIRATION_SEC, WARN_ONLY_BOUND_TOKEN_EXPIRATION_SEC } from './api-server/token-request.ts';

export interface WorkLimits {
  events: number;
  tokens: number;
}

export const DEFAULT_WORK_LIMITS: Readonly<WorkLimits> = Object.freeze({ events: ENGINE_MAX_EVENTS, tokens: ENGINE_MAX_TOKENS });

/** Events the kubelet logs per token it rotates: refresh due, issued, file written, and later expired. */
const EVENTS_PER_ROTATION = 4;
/** Events a one-off step (a kubectl line, a fault, an upgrade) logs, generously. */
const EVENTS_PER_ONE_OFF = 8;
/** The default projected volume's token (the kubelet asks for 3607 s). */
const DEFAULT_VOLUME_EXPIRATION_SEC = WARN_ONLY_BOUND_TOKEN_EXPIRATION_SEC;
/** A serviceAccountToken projection without expirationSeconds gets an hour. */
const DEFAULT_PROJECTION_EXPIRATION_SEC = 3600;

/** What one step will make the engine do, and in words why (for the messages). */
export interface StepWork {
  step: Step;
  events: number;
  tokens: number;
  /** "a client calling every 1 ms", "the kubelet refreshing pod app's token every 48 m". */
  why: string;
  /** What to change in the scenario to bring this step's work down. */
  change: string;
  /** Pods (by name) and actors (clients, leaked copies) this step creates, to name it when the meter stops. */
  pods: string[];
  actors: string[];
}

export interface WorkEstimate {
  events: number;
  tokens: number;
  /** Every step that makes work, the heaviest first. */
  steps: StepWork[];
}

function flowsOf(scenario: Scenario, step: Step): FlowSpec[] {
  return step.flows === undefined ? scenario.flows : scenario.flows.filter((flow) => step.flows!.includes(flow.id));
}

/** How often the kubelet replaces a token asked for with `expirationSec` (80 % of its life, at most a day, no jitter). */
function refreshPeriodMs(expirationSec: number, flow: FlowSpec): number {
  const max = flow.apiServer.maxTokenExpirationSec;
  const granted = Math.max(MIN_TOKEN_EXPIRATION_SEC, max > 0 ? Math.min(expirationSec, max) : expirationSec);
  return refreshThresholds(granted).dueAgeSec * 1000;
}

/** The tokens each pod in an apply step's manifest keeps rotated: its projections, and the default volume if any. */
function podStreams(step: ApplyStep): Array<{ pod: string; expirations: number[]; automount: boolean }> {
  let documents = stepManifest(step);
  if (!documents) {
    const parsed = parseManifest(step.manifest);
    if (!parsed.ok) return [];
    documents = parsed.value.documents;
  }
  return documents.flatMap((doc) => {
    if (doc.kind !== 'Pod') return [];
    const spec = doc.object.spec;
    const expirations = (spec?.volumes ?? []).flatMap((volume) =>
      (volume.projected?.sources ?? []).flatMap((source) => (source.serviceAccountToken ? [source.serviceAccountToken.expirationSeconds ?? DEFAULT_PROJECTION_EXPIRATION_SEC] : [])),
    );
    return [{ pod: doc.object.metadata?.name ?? '', expirations, automount: spec?.automountServiceAccountToken !== false }];
  });
}

/** `ms` rounded up to a whole second, minute or hour, for a value to suggest. */
function roundUp(ms: number): number {
  const unit = ms >= 3_600_000 ? 3_600_000 : ms >= 60_000 ? 60_000 : 1000;
  return Math.ceil(ms / unit) * unit;
}

function stepWork(scenario: Scenario, step: Step, limits: WorkLimits): StepWork | undefined {
  const remainingMs = Math.max(0, scenario.durationMs - step.atMs);
  const flows = flowsOf(scenario, step);
  const over = formatDuration(remainingMs);
  switch (step.kind) {
    case 'client':
    case 'leak': {
      const everyMs = step.kind === 'client' ? step.callEveryMs : step.replayEveryMs;
      const calls = (Math.floor(remainingMs / everyMs) + 1) * flows.length;
      const key = step.kind === 'client' ? 'callEvery' : 'replayEvery';
      const who = step.kind === 'client' ? `a client calling every ${formatDuration(everyMs)}` : `a leaked copy replayed every ${formatDuration(everyMs)}`;
      // The interval at which this step alone would log half the budget.
      const fits = roundUp((remainingMs * flows.length) / (limits.events / 2));
      return { step, events: calls, tokens: 0, why: `${who} for ${over}`, change: `make ${key} ${formatScenarioDuration(fits)} or longer`, pods: [], actors: [step.name] };
    }
    case 'apply': {
      let tokens = 0;
      let fastestMs = Number.POSITIVE_INFINITY;
      const pods = podStreams(step);
      for (const flow of flows) {
        const defaultVolume = versionBehaviour(flow.kubernetesVersion).boundTokenVolume;
        for (const pod of pods) {
          const expirations = [...pod.expirations, ...(defaultVolume && pod.automount ? [DEFAULT_VOLUME_EXPIRATION_SEC] : [])];
          for (const expirationSec of expirations) {
            const periodMs = refreshPeriodMs(expirationSec, flow);
            fastestMs = Math.min(fastestMs, periodMs);
            tokens += Math.floor(remainingMs / periodMs) + 1;
          }
        }
      }
      const names = pods.map((p) => p.pod);
      if (tokens === 0) return { step, events: EVENTS_PER_ONE_OFF, tokens: 0, why: 'a manifest', change: '', pods: names, actors: [] };
      const podWords = names.length === 1 ? `pod ${names[0]}'s token` : `the tokens of ${names.length} pods`;
      return {
        step,
        events: tokens * EVENTS_PER_ROTATION,
        tokens,
        why: `the kubelet refreshing ${podWords} every ${formatDuration(fastestMs)} for ${over}`,
        change: 'give its projected token a longer expirationSeconds',
        pods: names,
        actors: [],
      };
    }
    case 'fault':
    case 'kubectl':
    case 'upgrade':
      return { step, events: EVENTS_PER_ONE_OFF * flows.length, tokens: 0, why: `a ${step.kind} step`, change: '', pods: [], actors: [] };
    default:
      return unhandled(step);
  }
}

/** The work each step implies, summed; an estimate (upgrades and console commands are not foreseen), not a count. */
export function estimateWork(scenario: Scenario, limits: WorkLimits = DEFAULT_WORK_LIMITS): WorkEstimate {
  const load = (w: { events: number; tokens: number }) => Math.max(w.events / limits.events, w.tokens / limits.tokens);
  const steps = scenario.steps.flatMap((step) => stepWork(scenario, step, limits) ?? []).sort((a, b) => load(b) - load(a));
  return { events: steps.reduce((n, s) => n + s.events, 0), tokens: steps.reduce((n, s) => n + s.tokens, 0), steps };
}

/** How many times over its budgets the estimate is (1 = exactly at a budget). */
function overload(estimate: { events: number; tokens: number }, limits: WorkLimits): number {
  return Math.max(estimate.events / limits.events, estimate.tokens / limits.tokens);
}

function whatRunsOut(estimate: { events: number; tokens: number }, limits: WorkLimits): string {
  return estimate.tokens / limits.tokens > estimate.events / limits.events
    ? `about ${formatLimit(estimate.tokens)} tokens; TokenScope signs at most ${formatLimit(limits.tokens)} per run`
    : `about ${formatLimit(estimate.events)} events; TokenScope keeps at most ${formatLimit(limits.events)} per run`;
}

/** Where the simulation would stop if work grew evenly over the run. */
function expectedStopMs(scenario: Scenario, estimate: WorkEstimate, limits: WorkLimits): number {
  return Math.floor(scenario.durationMs / overload(estimate, limits));
}

export interface StepPlace {
  /** `steps[3]`, as written in the file. */
  path: string;
  line: number;
  column: number;
}

/**
 * The parse error for a scenario so far over budget that it would stop before showing what it was written for,
 * placed at its heaviest step; undefined when it may run.
 */
export function workRefusal(scenario: Scenario, estimate: WorkEstimate, placeOf: (step: Step) => StepPlace | undefined, limits: WorkLimits = DEFAULT_WORK_LIMITS): InputError | undefined {
  if (overload(estimate, limits) < ENGINE_REFUSE_FACTOR) return undefined;
  const heaviest = estimate.steps[0];
  if (!heaviest) return undefined;
  const place = placeOf(heaviest.step);
  const stopMs = expectedStopMs(scenario, estimate, limits);
  const shorter = `shorten duration to ${formatScenarioDuration(Math.max(1000, roundDown(stopMs)))} or less`;
  const fix = heaviest.change === '' ? shorter : `${heaviest.change}, or ${shorter}`;
  const what = `${heaviest.why} makes ${whatRunsOut(estimate, limits)}, so the simulation would stop after ${formatDuration(stopMs)} of ${formatDuration(scenario.durationMs)}; ${fix}`;
  const where = place === undefined ? '' : ` (line ${place.line}, column ${place.column})`;
  return {
    message: `${place?.path ?? `the step at line ${heaviest.step.line}`}: ${what}${where}`,
    line: place?.line ?? heaviest.step.line,
    ...(place ? { column: place.column, path: place.path } : {}),
  };
}

/** A heads-up for a scenario that will run into the budget before its end, or undefined when it fits. */
export function workWarning(scenario: Scenario, estimate: WorkEstimate, limits: WorkLimits = DEFAULT_WORK_LIMITS): string | undefined {
  if (overload(estimate, limits) <= 1) return undefined;
  const heaviest = estimate.steps[0];
  const source = heaviest ? ` Most of it comes from the step at line ${heaviest.step.line}: ${heaviest.why}.` : '';
  return `This scenario implies ${whatRunsOut(estimate, limits)}, so it will stop at about ${formatDuration(roundDown(expectedStopMs(scenario, estimate, limits)))} of ${formatDuration(scenario.durationMs)}.${source}`;
}

function roundDown(ms: number): number {
  const unit = ms >= 86_400_000 ? 86_400_000 : ms >= 3_600_000 ? 3_600_000 : ms >= 60_000 ? 60_000 : 1000;
  return Math.floor(ms / unit) * unit;
}

/**
 * Counts the logs while the simulation runs. `exceeded` is asked after every action; once it says yes, the
 * simulation stops where it is (between two actions, so its state is whole) and `stopMessage` says why, naming the
 * pod or client that logged most and the step that made it.
 */
export class WorkMeter {
  constructor(
    private readonly scenario: Scenario,
    readonly limits: WorkLimits = DEFAULT_WORK_LIMITS,
  ) {}

  /** The events and tokens the run is expected to log (the estimate, never past the budgets), to make room for. */
  expected(): WorkLimits {
    const estimate = estimateWork(this.scenario, this.limits);
    return { events: Math.min(estimate.events, this.limits.events), tokens: Math.min(estimate.tokens, this.limits.tokens) };
  }

  exceeded(events: number, tokens: number): boolean {
    return events >= this.limits.events || tokens >= this.limits.tokens;
  }

  /** `events`: the pod and actor each logged event names (its `refs`). */
  stopMessage(atMs: number, events: Iterable<Pick<EventRefs, 'pod' | 'actor'>>, tokens: number): string {
    const counts = new Map<string, number>();
    for (const refs of events) {
      const key = refs.pod !== undefined ? `pod ${refs.pod}` : refs.actor !== undefined ? `actor ${refs.actor}` : undefined;
      if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const limit = tokens >= this.limits.tokens ? `${formatLimit(this.limits.tokens)} tokens` : `${formatLimit(this.limits.events)} events`;
    let source = '';
    if (top !== undefined) {
      const [kind, name] = [top[0].slice(0, top[0].indexOf(' ')), top[0].slice(top[0].indexOf(' ') + 1)];
      const work = estimateWork(this.scenario, this.limits).steps.find((w) => (kind === 'pod' ? w.pods : w.actors).includes(name));
      const made = work ? `, made by the step at line ${work.step.line} (${work.why})` : ', made by a console command or an editor apply';
      source = ` Most came from ${kind === 'pod' ? `pod ${name}` : name}${made}.`;
    }
    return `The simulation stopped at ${formatDuration(atMs)}: it reached TokenScope's limit of ${limit} per run.${source} Shorten the scenario's duration, or slow down the step that logs most, to see its end.`;
  }
}
