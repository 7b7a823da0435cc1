/**
 * Scenario files: YAML → a validated `Scenario`. Every problem is collected (not just the first) and reported with
 * the field path, what is allowed and the line and column, because scenario authors fix files in an editor, not by
 * trial and error.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isKubernetesVersion, KUBERNETES_VERSIONS } from '../model/versions.ts';
import type { KubernetesVersion } from '../model/versions.ts';
import { parseManifest } from '../manifest/parse-manifest.ts';
import {
  describeNode,
  findPair,
  numberText,
  resolveNode,
  truncate,
  readYamlDocument,
} from '../manifest/yaml-source.ts';
import type { SourceMap, SourcePosition } from '../manifest/yaml-source.ts';
import { nearestKey, unquoteHint, YamlFieldReader, type Field } from '../manifest/yaml-field-reader.ts';
import { tokenizeShellLine } from '../kubectl/kubectl-tokenize.ts';
import { formatScenarioDuration } from '../time/duration.ts';
import { MAX_SPEED, MIN_SPEED } from '../time/speed.ts';
import type { SceneSpotlight, SceneThen, SceneWindow } from '../model/scene.ts';
import {
  MAX_AUDIENCES,
  SCENARIO_MAX_ACTORS,
  SCENARIO_MAX_ANNOTATIONS,
  SCENARIO_MAX_FLOWS,
  SCENARIO_MAX_SCENES,
  SCENARIO_MAX_STEPS,
  tooMany,
  DEFAULT_SCENARIO_BUDGETS,
  type ScenarioBudgets,
} from '../limits/input-budgets.ts';
import { estimateWork, workRefusal, type StepPlace } from '../engine/work-budget.ts';
import { rememberStepManifest } from '../engine/step-manifests.ts';
import { completeServiceAccountTokenOptions, externalSignerGateError } from '../engine/api-server/service-account-token-options.ts';
import type {
  ApiServerFlags,
  ApplyStep,
  ClientReads,
  ExternalSignerSpec,
  FlowSpec,
  ParseResult,
  Scenario,
  ScenarioAnnotation,
  ScenarioScene,
  SigningAlgorithm,
  Step,
} from './scenario-types.ts';
import { FAULT_KINDS, STEP_KINDS } from './scenario-types.ts';
import { unhandled } from '../model/unhandled.ts';

/** 2025-01-06T09:00:00Z: a Monday morning, so timelines read naturally. */
export const DEFAULT_START_EPOCH_MS = Date.UTC(2025, 0, 6, 9, 0, 0);
export const DEFAULT_ISSUER = 'https://kubernetes.default.svc';
const ONE_YEAR_SEC = 365 * 24 * 60 * 60;

export const CLIENT_READS: readonly ClientReads[] = ['every-minute', 'once', 'on-401'];
export { FAULT_KINDS };
const SIGNING_ALGORITHMS: readonly SigningAlgorithm[] = ['RS256', 'ES256'];

const TOP_KEYS = ['name', 'title', 'description', 'takeaway', 'seed', 'duration', 'start', 'flows', 'steps', 'annotations', 'scenes'];
const ANNOTATION_KEYS = ['at', 'until', 'flow', 'text'];
/** Long enough for a sentence on a slide; longer notes belong in the lesson, not on the figure. */
export const MAX_ANNOTATION_CHARS = 200;
const SCENE_KEYS = ['at', 'from', 'to', 'fit', 'spotlight', 'note', 'then', 'speed'];
const SPOTLIGHT_KEYS = ['lane', 'flow'];
const SCENE_THEN = ['stop', 'play'] as const;
/** A scene's speaker text: a short paragraph, what a presenter says in half a minute. */
export const MAX_SCENE_NOTE_CHARS = 600;
/** A lane's label is a few words ("pod app", "stolen copy"). */
const MAX_SPOTLIGHT_LANE_CHARS = 100;
/** `then: play` without a speed: an hour of simulated time a second, the app's default speed. */
export const DEFAULT_SCENE_SPEED = 3600;

/** A note's length as people count it: characters, not UTF-16 units (an emoji is one, not two). */
export function noteLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    count++;
  }
  return count;
}
const FLOW_KEYS = ['id', 'label', 'kubernetesVersion', 'apiServer'];
const API_SERVER_KEYS = [
  'issuer', 'apiAudiences', 'extendTokenExpiration', 'maxTokenExpiration', 'serviceAccountLookup',
  'legacyTokenCleanUpPeriod', 'signingAlgorithm', 'externalSigner',
];
const EXTERNAL_SIGNER_KEYS = ['maxTokenExpiration', 'refreshHint'];
/** The signer's FetchKeys refresh hint when a scenario names none: TokenScope's choice, as a static key's cache age. */
const DEFAULT_SIGNER_REFRESH_HINT_SEC = 60 * 60;
const ACTION_KEYS = STEP_KINDS;
const STEP_KEYS = ['at', ...ACTION_KEYS, 'flows'];
const CLIENT_KEYS = ['pod', 'namespace', 'reads', 'callEvery', 'file', 'target', 'name'];
const LEAK_KEYS = ['pod', 'namespace', 'replayEvery', 'audience', 'file', 'name'];

const FLOW_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** `budgets`: pods and work; only benchmarks pass other than the defaults. */
export function parseScenario(text: string, budgets: Readonly<ScenarioBudgets> = DEFAULT_SCENARIO_BUDGETS): ParseResult<Scenario> {
  return readYamlDocument(text, 'scenario', (doc, map) => new ScenarioReader(doc, map, text, budgets));
}

class ScenarioReader extends YamlFieldReader {
  private declaredFlowIds: string[] | undefined;
  /** Where each step was written, for errors about the work it implies (steps are sorted by time afterwards). */
  private readonly stepPlaces = new Map<Step, StepPlace>();
  private podCount = 0;
  private actorCount = 0;
  private flows: FlowSpec[] | undefined;

  constructor(
    doc: Document,
    map: SourceMap,
    text: string,
    private readonly budgets: Readonly<ScenarioBudgets>,
  ) {
    super(doc, map, text, { plainScalarsAsText: true });
  }

  read(): Scenario | undefined {
    const root = resolveNode(this.doc.contents, this.doc);
    if (root === null || root === undefined || (isScalar(root) && root.value === null)) {
      this.error('', 'the scenario is empty; it needs at least name, duration, flows and steps', this.start);
      return undefined;
    }
    if (!isMap(root)) {
      this.error('', `a scenario must be a mapping (name:, duration:, flows:, steps:), got ${describeNode(root)}`, this.position(root));
      return undefined;
    }
    this.checkKeys(root, TOP_KEYS, '');

    const name = this.requiredString(root, 'name', 'name', this.position(root));
    const title = this.optionalString(root, 'title', 'title') ?? name ?? '';
    const description = this.optionalString(root, 'description', 'description') ?? '';
    const takeaway = this.optionalString(root, 'takeaway', 'takeaway') ?? '';
    const seed = this.readSeed(root);
    const durationMs = this.readDurationMs(root);
    const startEpochMs = this.readStart(root);
    const flows = this.readFlows(root);
    this.flows = flows;
    const steps = this.readSteps(root, durationMs);
    const annotations = this.readAnnotations(root, durationMs);
    const scenes = this.readScenes(root, durationMs);

    if (name === undefined || durationMs === undefined || flows === undefined || steps === undefined || annotations === undefined || scenes === undefined) return undefined;
    const scenario: Scenario = {
      name,
      title: title.trim(),
      description: description.trim(),
      takeaway: takeaway.trim(),
      seed,
      durationMs,
      startEpochMs,
      flows,
      steps: steps.sort((a, b) => a.atMs - b.atMs),
      annotations: annotations.sort((a, b) => a.atMs - b.atMs),
      scenes,
    };
    const refusal = workRefusal(scenario, estimateWork(scenario, this.budgets), (step) => this.stepPlaces.get(step), this.budgets);
    if (refusal) {
      this.errors.push(refusal);
      return undefined;
    }
    return scenario;
  }

  /** A list longer than its budget is refused at its first item past the limit. */
  private withinCount(list: YAMLSeq, limit: number, path: string, noun: string, change: string, fallback: SourcePosition): boolean {
    if (list.items.length <= limit) return true;
    this.error(path, tooMany(list.items.length, noun, limit, change), this.position(list.items[limit], fallback));
    return false;
  }

  // ---- generic field readers -------------------------------------------------------------------------------------

  private optionalBoolean(map: YAMLMap, key: string, path: string): boolean | undefined {
    const field = this.field(map, key);
    if (field === undefined || this.isMissing(field)) return undefined;
    if (isScalar(field.value) && typeof field.value.value === 'boolean') return field.value.value;
    this.error(path, `must be true or false, got ${describeNode(field.value)}`, field.position);
    return undefined;
  }

  private oneOf<T extends string>(field: Field, path: string, allowed: readonly T[]): T | undefined {
    const text = this.stringOf(field, path, false);
    if (text === undefined) return undefined;
    if ((allowed as readonly string[]).includes(text)) return text as T;
    // Only a near-certain guess: HS256 is a different algorithm, not a misspelt RS256.
    const meant = allowed.find((word) => word.toLowerCase() === text.toLowerCase()) ?? (text.length >= 6 ? nearestKey(text, allowed) : undefined);
    this.error(path, `${JSON.stringify(truncate(text))} is not one of ${allowed.join(', ')}${meant === undefined ? '' : ` (did you mean ${meant}?)`}`, field.position);
    return undefined;
  }

  private durationOf(field: Field, path: string): number | undefined {
    return this.durationText(field, path, 'a duration such as 90s, 1h30m or 2d')?.ms;
  }

  private requiredDuration(map: YAMLMap, key: string, path: string): number | undefined {
    const field = this.field(map, key);
    if (field === undefined || this.isMissing(field)) {
      this.error(path, `${this.required(field)} (a duration such as 90s, 1h30m or 2d)`, field?.position ?? this.position(map));
      return undefined;
    }
    return this.durationOf(field, path);
  }

  /** Kubernetes versions are read from the scalar's source text: YAML would turn an unquoted 1.20 into 1.2. */
  private versionOf(field: Field, path: string): KubernetesVersion | undefined {
    const node = field.value;
    const text = isScalar(node)
      ? node.type === 'PLAIN' && node.source !== undefined
        ? node.source
        : typeof node.value === 'string'
          ? node.value
          : undefined
      : undefined;
    if (text === undefined) {
      this.error(path, `must be a Kubernetes version such as "1.30", got ${describeNode(node)}`, field.position);
      return undefined;
    }
    if (isKubernetesVersion(text)) return text;
    const minor = /^[vV]?(\d+\.\d+)\.\d+$/.exec(text)?.[1];
    const hint = /^[vV]\d/.test(text) && isKubernetesVersion(text.slice(1))
      ? ` (write ${text.slice(1)} without the ${text[0]})`
      : minor !== undefined && isKubernetesVersion(minor) ? ` (write ${minor}: releases are simulated by minor version)` : '';
    this.error(path, `${JSON.stringify(truncate(text))} is not a simulated Kubernetes version${hint}; use one of ${KUBERNETES_VERSIONS.join(', ')}`, field.position);
    return undefined;
  }

  // ---- top level -------------------------------------------------------------------------------------------------

  private readSeed(root: YAMLMap): number {
    const field = this.field(root, 'seed');
    if (field === undefined || this.isMissing(field)) return 0;
    const node = field.value;
    if (isScalar(node) && typeof node.value === 'number' && Number.isSafeInteger(node.value) && node.value >= 0) return node.value;
    if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) && node.value > Number.MAX_SAFE_INTEGER) {
      this.error('seed', `${numberText(node)} is too large: a seed goes up to ${Number.MAX_SAFE_INTEGER}`, field.position);
      return 0;
    }
    this.error('seed', `must be a non-negative integer, got ${describeNode(node)}${unquoteHint(node)}`, field.position);
    return 0;
  }

  private readDurationMs(root: YAMLMap): number | undefined {
    const durationMs = this.requiredDuration(root, 'duration', 'duration');
    if (durationMs === 0) {
      this.error('duration', 'must be longer than 0s', this.field(root, 'duration')?.position ?? this.start);
      return undefined;
    }
    return durationMs;
  }

  private readStart(root: YAMLMap): number {
    const field = this.field(root, 'start');
    if (field === undefined || this.isMissing(field)) return DEFAULT_START_EPOCH_MS;
    const text = this.stringOf(field, 'start');
    if (text === undefined) return DEFAULT_START_EPOCH_MS;
    const parsed = parseIsoInstant(text.trim());
    if (parsed === undefined) {
      const why = isoInstantProblem(text.trim()) ?? 'is not an ISO 8601 instant such as 2025-01-06T09:00:00Z';
      this.error('start', `${JSON.stringify(truncate(text))} ${why}`, field.position);
      return DEFAULT_START_EPOCH_MS;
    }
    return parsed;
  }

  // ---- flows -----------------------------------------------------------------------------------------------------

  private readFlows(root: YAMLMap): FlowSpec[] | undefined {
    const field = this.field(root, 'flows');
    if (field === undefined || this.isMissing(field)) {
      this.error('flows', `${this.required(field)}: a list of flows, each with an id and a kubernetesVersion`, field?.position ?? this.position(root));
      return undefined;
    }
    if (!isSeq(field.value)) {
      this.error('flows', `must be a list of flows, got ${describeNode(field.value)}`, field.position);
      return undefined;
    }
    if (field.value.items.length === 0) {
      this.error('flows', 'needs at least one flow', field.position);
      return undefined;
    }
    if (!this.withinCount(field.value, SCENARIO_MAX_FLOWS, 'flows', 'flows', 'compare fewer flows side by side (split the scenario in two)', field.position)) return undefined;
    const flows: FlowSpec[] = [];
    const seen = new Map<string, number>();
    // Steps check their flow names against every id written down, even ids of flows that have other errors.
    this.declaredFlowIds = field.value.items.flatMap((item) => {
      const node = resolveNode(item, this.doc);
      const id = isMap(node) ? resolveNode(findPair(node, 'id')?.value, this.doc) : undefined;
      if (!isScalar(id) || id.value === null) return [];
      const text: unknown = id.type === 'PLAIN' && id.source !== undefined ? id.source : id.value;
      return typeof text === 'string' || typeof text === 'number' || typeof text === 'boolean' || typeof text === 'bigint' ? [String(text)] : [];
    });
    let complete = true;
    field.value.items.forEach((item, index) => {
      const flow = this.readFlow(resolveNode(item, this.doc), `flows[${index}]`, field.position);
      if (flow === undefined) {
        complete = false;
        return;
      }
      const earlier = seen.get(flow.id);
      if (earlier !== undefined) {
        const idPosition = isMap(item) ? this.field(item, 'id')?.position : undefined;
        this.error(`flows[${index}].id`, `${JSON.stringify(flow.id)} is already the id of flows[${earlier}]; flow ids must be unique`, idPosition ?? this.position(item));
        complete = false;
        return;
      }
      seen.set(flow.id, index);
      flows.push(flow);
    });
    return complete ? flows : undefined;
  }

  private readFlow(node: unknown, path: string, fallback: SourcePosition): FlowSpec | undefined {
    const position = this.position(node, fallback);
    if (!isMap(node)) {
      this.error(path, `must be a mapping such as {id: projected, kubernetesVersion: "1.30"}, got ${describeNode(node)}`, position);
      return undefined;
    }
    this.checkKeys(node, FLOW_KEYS, path);
    const id = this.requiredString(node, 'id', `${path}.id`, position);
    if (id !== undefined && !FLOW_ID.test(id)) {
      this.error(`${path}.id`, `${JSON.stringify(truncate(id))} must start with a letter or digit and hold only letters, digits, '-', '_' and '.'`, this.field(node, 'id')?.position ?? position);
    }
    const label = this.optionalString(node, 'label', `${path}.label`);
    const versionField = this.field(node, 'kubernetesVersion');
    let kubernetesVersion: KubernetesVersion | undefined;
    if (versionField === undefined || this.isMissing(versionField)) {
      this.error(`${path}.kubernetesVersion`, `${this.required(versionField)}; use one of ${KUBERNETES_VERSIONS.join(', ')}`, versionField?.position ?? position);
    } else {
      kubernetesVersion = this.versionOf(versionField, `${path}.kubernetesVersion`);
    }
    const apiServer = this.readApiServer(node, `${path}.apiServer`);
    if (id === undefined || !FLOW_ID.test(id) || kubernetesVersion === undefined || apiServer === undefined) return undefined;
    if (!this.apiServerStarts(node, `${path}.apiServer`, apiServer, kubernetesVersion)) return undefined;
    return { id, label: label ?? id, kubernetesVersion, apiServer, line: position.line };
  }

  /** An external-signer flow cannot be upgraded (or rolled back) to a release where the signer's gate is off. */
  private checkSignerSurvivesUpgrade(version: KubernetesVersion, stepFlows: string[] | undefined, path: string, position: SourcePosition): void {
    for (const flow of this.flows ?? []) {
      if (!flow.apiServer.externalSigner || (stepFlows !== undefined && !stepFlows.includes(flow.id))) continue;
      const gateError = externalSignerGateError(version);
      if (gateError !== undefined) this.error(path, `flow ${JSON.stringify(flow.id)} uses an external signer: ${gateError}`, position);
    }
  }

  /** A kube-apiserver that refuses its flags at start-up is reported at the flag, with its own message. */
  private apiServerStarts(flow: YAMLMap, path: string, flags: ApiServerFlags, version: KubernetesVersion): boolean {
    const started = completeServiceAccountTokenOptions(flags, version);
    if (started.ok) return true;
    const apiServer = this.field(flow, 'apiServer');
    const apiServerMap = apiServer !== undefined && isMap(apiServer.value) ? apiServer.value : undefined;
    const signer = apiServerMap === undefined ? undefined : this.field(apiServerMap, 'externalSigner');
    const signerMap = signer !== undefined && isMap(signer.value) ? signer.value : undefined;
    const position =
      started.field === 'maxTokenExpiration'
        ? apiServerMap === undefined ? undefined : this.field(apiServerMap, 'maxTokenExpiration')?.position
        : started.field === 'externalSigner.maxTokenExpiration'
          ? signerMap === undefined ? undefined : this.field(signerMap, 'maxTokenExpiration')?.position
          : signer?.position;
    this.error(`${path}.${started.field}`, `kube-apiserver would not start: ${started.message}`, position ?? apiServer?.position ?? this.position(flow));
    return false;
  }

  private readApiServer(flow: YAMLMap, path: string): ApiServerFlags | undefined {
    const flags: ApiServerFlags = {
      issuers: [DEFAULT_ISSUER],
      apiAudiences: [],
      extendTokenExpiration: true,
      maxTokenExpirationSec: 0,
      serviceAccountLookup: true,
      legacyTokenCleanUpPeriodSec: ONE_YEAR_SEC,
      signingAlgorithm: 'RS256',
    };
    const field = this.field(flow, 'apiServer');
    if (field === undefined || this.isMissing(field)) return flags;
    const map = this.mappingOf(field, path, '{extendTokenExpiration: false}');
    if (map === undefined) return undefined;
    const before = this.errors.length;
    this.checkKeys(map, API_SERVER_KEYS, path);

    const issuers = this.stringList(map, 'issuer', `${path}.issuer`);
    if (issuers !== undefined) flags.issuers = issuers;
    const audiences = this.stringList(map, 'apiAudiences', `${path}.apiAudiences`, true);
    if (audiences !== undefined) flags.apiAudiences = audiences;
    flags.extendTokenExpiration = this.optionalBoolean(map, 'extendTokenExpiration', `${path}.extendTokenExpiration`) ?? flags.extendTokenExpiration;
    flags.serviceAccountLookup = this.optionalBoolean(map, 'serviceAccountLookup', `${path}.serviceAccountLookup`) ?? flags.serviceAccountLookup;
    const maxSec = this.durationSeconds(map, 'maxTokenExpiration', `${path}.maxTokenExpiration`, true);
    if (maxSec !== undefined) flags.maxTokenExpirationSec = maxSec;
    const cleanUpSec = this.durationSeconds(map, 'legacyTokenCleanUpPeriod', `${path}.legacyTokenCleanUpPeriod`, false);
    if (cleanUpSec !== undefined) flags.legacyTokenCleanUpPeriodSec = cleanUpSec;
    const algorithmField = this.field(map, 'signingAlgorithm');
    if (algorithmField !== undefined && !this.isMissing(algorithmField)) {
      const algorithm = this.oneOf(algorithmField, `${path}.signingAlgorithm`, SIGNING_ALGORITHMS);
      if (algorithm !== undefined) flags.signingAlgorithm = algorithm;
    }
    const signer = this.readExternalSigner(map, `${path}.externalSigner`);
    if (signer !== undefined) flags.externalSigner = signer;
    return this.errors.length === before ? flags : undefined;
  }

  /** `externalSigner: {maxTokenExpiration: 2h, refreshHint: 1h}`: what the signer's Metadata and FetchKeys answer. */
  private readExternalSigner(apiServer: YAMLMap, path: string): ExternalSignerSpec | undefined {
    const field = this.field(apiServer, 'externalSigner');
    if (field === undefined || this.isMissing(field)) return undefined;
    const map = this.mappingOf(field, path, '{maxTokenExpiration: 2h}');
    if (map === undefined) return undefined;
    this.checkKeys(map, EXTERNAL_SIGNER_KEYS, path);
    const maxField = this.field(map, 'maxTokenExpiration');
    if (maxField === undefined || this.isMissing(maxField)) {
      this.error(`${path}.maxTokenExpiration`, "is required: the longest token lifetime the signer supports (its Metadata answer), such as 2h", maxField?.position ?? field.position);
      return undefined;
    }
    const maxSec = this.durationSeconds(map, 'maxTokenExpiration', `${path}.maxTokenExpiration`, false);
    const refreshHintSec = this.durationSeconds(map, 'refreshHint', `${path}.refreshHint`, false) ?? DEFAULT_SIGNER_REFRESH_HINT_SEC;
    return maxSec === undefined ? undefined : { maxTokenExpirationSec: maxSec, refreshHintSec };
  }

  /** A string or a list of strings (flags such as --service-account-issuer may be repeated). */
  private stringList(map: YAMLMap, key: string, path: string, allowEmpty = false): string[] | undefined {
    const field = this.field(map, key);
    if (field === undefined || this.isMissing(field)) return undefined;
    if (isSeq(field.value)) {
      if (field.value.items.length === 0 && !allowEmpty) {
        this.error(path, 'needs at least one value', field.position);
        return undefined;
      }
      if (!this.withinCount(field.value, MAX_AUDIENCES, path, 'values', 'keep the ones this scenario is about', field.position)) return undefined;
      const values: string[] = [];
      field.value.items.forEach((item, index) => {
        const node = resolveNode(item, this.doc);
        const value = this.stringOf({ pair: field.pair, value: node, position: this.position(node, field.position) }, `${path}[${index}]`);
        if (value !== undefined) values.push(value);
      });
      return values;
    }
    const value = this.stringOf(field, path);
    return value === undefined ? undefined : [value];
  }

  private durationSeconds(map: YAMLMap, key: string, path: string, zeroAllowed: boolean): number | undefined {
    const field = this.field(map, key);
    if (field === undefined || this.isMissing(field)) return undefined;
    const ms = this.durationOf(field, path);
    if (ms === undefined) return undefined;
    if (ms % 1000 !== 0) {
      this.error(path, 'must be whole seconds, as kube-apiserver flags are', field.position);
      return undefined;
    }
    if (!zeroAllowed && ms === 0) {
      this.error(path, 'must be longer than 0s', field.position);
      return undefined;
    }
    return ms / 1000;
  }

  // ---- steps -----------------------------------------------------------------------------------------------------

  private readSteps(root: YAMLMap, durationMs: number | undefined): Step[] | undefined {
    const limit = { count: SCENARIO_MAX_STEPS, noun: 'steps', change: 'split the scenario in two' };
    return this.readList(root, 'steps', 'steps (- at: 0s ...)', limit, (node, path, fallback) => {
      const step = this.readStep(node, path, fallback, durationMs);
      if (step) this.stepPlaces.set(step, this.workPlace(node, step, path, fallback));
      return step;
    });
  }

  /** Where to point for the work a step implies: a client's callEvery, a leak's replayEvery, or the step itself. */
  private workPlace(node: unknown, step: Step, path: string, fallback: SourcePosition): StepPlace {
    const key = step.kind === 'client' ? 'callEvery' : step.kind === 'leak' ? 'replayEvery' : undefined;
    const action = key !== undefined && isMap(node) ? this.field(node, step.kind)?.value : undefined;
    const field = key !== undefined && isMap(action) ? this.field(action, key) : undefined;
    return field ? { path: `${path}.${step.kind}.${key}`, ...field.position } : { path, ...this.position(node, fallback) };
  }

  /** A top-level list whose items are read one by one; undefined (after reporting) when any item is wrong. */
  private readList<T>(
    root: YAMLMap,
    key: string,
    what: string,
    limit: { count: number; noun: string; change: string },
    readItem: (node: unknown, path: string, fallback: SourcePosition, index: number) => T | undefined,
  ): T[] | undefined {
    const field = this.field(root, key);
    if (field === undefined || this.isMissing(field)) return [];
    if (!isSeq(field.value)) {
      this.error(key, `must be a list of ${what}, got ${describeNode(field.value)}`, field.position);
      return undefined;
    }
    if (!this.withinCount(field.value, limit.count, key, limit.noun, limit.change, field.position)) return undefined;
    const items: T[] = [];
    let complete = true;
    field.value.items.forEach((item, index) => {
      const read = readItem(resolveNode(item, this.doc), `${key}[${index}]`, field.position, index);
      if (read === undefined) complete = false;
      else items.push(read);
    });
    return complete ? items : undefined;
  }

  private readStep(node: unknown, path: string, fallback: SourcePosition, durationMs: number | undefined): Step | undefined {
    const position = this.position(node, fallback);
    if (!isMap(node)) {
      this.error(path, `must be a mapping such as {at: 1m, kubectl: get pods}, got ${describeNode(node)}`, position);
      return undefined;
    }
    const before = this.errors.length;
    this.checkKeys(node, STEP_KEYS, path);

    const atMs = this.requiredDuration(node, 'at', `${path}.at`);
    if (atMs !== undefined && durationMs !== undefined && atMs > durationMs) {
      this.error(`${path}.at`, `is after the end of the scenario (duration ${formatScenarioDuration(durationMs)}); steps must happen within it`, this.field(node, 'at')?.position ?? position);
    }
    const stepFlows = this.readStepFlows(node, path);

    const actions = ACTION_KEYS.filter((key) => findPair(node, key) !== undefined);
    if (actions.length === 0) {
      this.error(path, `needs one action: ${ACTION_KEYS.join(', ')}`, position);
      return undefined;
    }
    if (actions.length > 1) {
      const second = this.field(node, actions[1] ?? '');
      this.error(path, `has both ${actions[0]} and ${actions[1]}; a step does exactly one of ${ACTION_KEYS.join(', ')} (split it into two steps at the same time)`, second !== undefined ? this.position(second.pair.key, position) : position);
      return undefined;
    }
    const action = actions[0] ?? 'kubectl';
    const actionField = this.field(node, action);
    if (actionField === undefined) return undefined;
    const base = { atMs: atMs ?? 0, line: position.line, ...(stepFlows === undefined ? {} : { flows: stepFlows }) };
    const actionPath = `${path}.${action}`;

    let step: Step | undefined;
    switch (action) {
      case 'kubectl': {
        const command = this.kubectlCommand(actionField, actionPath);
        if (command !== undefined) step = { ...base, kind: 'kubectl', command };
        break;
      }
      case 'apply':
        step = this.applyStep(actionField, actionPath, base);
        break;
      case 'client':
        step = this.clientStep(actionField, actionPath, base);
        break;
      case 'leak':
        step = this.leakStep(actionField, actionPath, base);
        break;
      case 'fault': {
        const fault = this.isMissing(actionField) ? this.missing(actionPath, `one of ${FAULT_KINDS.join(', ')}`, actionField.position) : this.oneOf(actionField, actionPath, FAULT_KINDS);
        if (fault !== undefined) step = { ...base, kind: 'fault', fault };
        break;
      }
      case 'upgrade': {
        const version = this.isMissing(actionField) ? this.missing(actionPath, `a version, one of ${KUBERNETES_VERSIONS.join(', ')}`, actionField.position) : this.versionOf(actionField, actionPath);
        if (version !== undefined) step = { ...base, kind: 'upgrade', kubernetesVersion: version };
        if (version !== undefined) this.checkSignerSurvivesUpgrade(version, stepFlows, actionPath, actionField.position);
        break;
      }
      default:
        return unhandled(action);
    }
    return this.errors.length === before ? step : undefined;
  }

  // ---- annotations -----------------------------------------------------------------------------------------------

  private readAnnotations(root: YAMLMap, durationMs: number | undefined): ScenarioAnnotation[] | undefined {
    const limit = { count: SCENARIO_MAX_ANNOTATIONS, noun: 'notes', change: 'keep the notes this figure needs' };
    return this.readList(root, 'annotations', 'notes (- at: 48m, text: ...)', limit, (node, path, fallback) => this.readAnnotation(node, path, fallback, durationMs));
  }

  private readAnnotation(node: unknown, path: string, fallback: SourcePosition, durationMs: number | undefined): ScenarioAnnotation | undefined {
    const position = this.position(node, fallback);
    if (!isMap(node)) {
      this.error(path, `must be a mapping such as {at: 48m, text: the kubelet refreshes}, got ${describeNode(node)}`, position);
      return undefined;
    }
    const before = this.errors.length;
    this.checkKeys(node, ANNOTATION_KEYS, path);
    const atMs = this.requiredDuration(node, 'at', `${path}.at`);
    const untilField = this.field(node, 'until');
    const untilMs = untilField === undefined || this.isMissing(untilField) ? undefined : this.durationOf(untilField, `${path}.until`);
    const text = this.requiredString(node, 'text', `${path}.text`, position);
    const flow = this.optionalString(node, 'flow', `${path}.flow`);
    const within = (ms: number | undefined, key: string) => {
      if (ms !== undefined && durationMs !== undefined && ms > durationMs) {
        this.error(`${path}.${key}`, `is after the end of the scenario (duration ${formatScenarioDuration(durationMs)})`, this.field(node, key)?.position ?? position);
      }
    };
    within(atMs, 'at');
    within(untilMs, 'until');
    if (atMs !== undefined && untilMs !== undefined && untilMs < atMs) {
      this.error(`${path}.until`, `must not be before at (${formatScenarioDuration(atMs)})`, untilField?.position ?? position);
    }
    if (text !== undefined && noteLength(text.trim()) > MAX_ANNOTATION_CHARS) {
      this.error(`${path}.text`, `is ${noteLength(text.trim())} characters; keep a note to ${MAX_ANNOTATION_CHARS} so it fits on the figure`, this.field(node, 'text')?.position ?? position);
    }
    const known = this.declaredFlowIds;
    if (flow !== undefined && known !== undefined && !known.includes(flow)) {
      this.error(`${path}.flow`, `${JSON.stringify(truncate(flow))} is not a flow; flows are ${known.join(', ')}`, this.field(node, 'flow')?.position ?? position);
    }
    if (this.errors.length !== before || atMs === undefined || text === undefined) return undefined;
    return { atMs, ...(untilMs === undefined ? {} : { untilMs }), ...(flow === undefined ? {} : { flow }), text: text.trim() };
  }

  // ---- scenes ----------------------------------------------------------------------------------------------------

  private readScenes(root: YAMLMap, durationMs: number | undefined): ScenarioScene[] | undefined {
    const limit = { count: SCENARIO_MAX_SCENES, noun: 'scenes', change: 'split the run-sheet over two scenario files' };
    // Where each `then: play` was written: a scene that plays on needs a later scene (or the end) to play to.
    const plays: { index: number; atMs: number; position: SourcePosition; path: string }[] = [];
    const scenes = this.readList(root, 'scenes', 'scenes (- at: 48m, then: stop)', limit, (node, path, fallback, index) => {
      const scene = this.readScene(node, path, fallback, durationMs);
      if (scene?.then.kind === 'play' && isMap(node)) {
        plays.push({ index, atMs: scene.atMs, position: this.field(node, 'then')?.position ?? this.position(node, fallback), path: `${path}.then` });
      }
      return scene;
    });
    if (scenes === undefined) return undefined;
    const before = this.errors.length;
    for (const play of plays) {
      const next = scenes[play.index + 1];
      if (next !== undefined && next.atMs <= play.atMs) {
        this.error(play.path, `plays on to the next scene, but scenes[${play.index + 1}] is at ${formatScenarioDuration(next.atMs)}, not later than ${formatScenarioDuration(play.atMs)}; use then: stop, or move the next scene later`, play.position);
      }
    }
    return this.errors.length === before ? scenes : undefined;
  }

  private readScene(node: unknown, path: string, fallback: SourcePosition, durationMs: number | undefined): ScenarioScene | undefined {
    const position = this.position(node, fallback);
    if (!isMap(node)) {
      this.error(path, `must be a mapping such as {at: 48m, note: the kubelet refreshes, then: stop}, got ${describeNode(node)}`, position);
      return undefined;
    }
    const before = this.errors.length;
    this.checkKeys(node, SCENE_KEYS, path);
    const atMs = this.requiredDuration(node, 'at', `${path}.at`);
    this.withinScenario(node, 'at', path, atMs, durationMs, position);
    const window = this.readSceneWindow(node, path, durationMs, position);
    const spotlight = this.readSpotlight(node, `${path}.spotlight`);
    const note = this.optionalString(node, 'note', `${path}.note`)?.trim();
    if (note !== undefined && noteLength(note) > MAX_SCENE_NOTE_CHARS) {
      this.error(`${path}.note`, `is ${noteLength(note)} characters; keep a scene's note to ${MAX_SCENE_NOTE_CHARS} (what you would say in half a minute)`, this.field(node, 'note')?.position ?? position);
    }
    const then = this.readSceneThen(node, path);
    if (this.errors.length !== before || atMs === undefined || window === undefined || then === undefined) return undefined;
    return { atMs, window, ...(spotlight === undefined ? {} : { spotlight }), ...(note === undefined ? {} : { note }), then };
  }

  private withinScenario(node: YAMLMap, key: string, path: string, ms: number | undefined, durationMs: number | undefined, position: SourcePosition): void {
    if (ms !== undefined && durationMs !== undefined && ms > durationMs) {
      this.error(`${path}.${key}`, `is after the end of the scenario (duration ${formatScenarioDuration(durationMs)})`, this.field(node, key)?.position ?? position);
    }
  }

  /** `from` and `to` together, or `fit: true`, or neither (the whole run). */
  private readSceneWindow(node: YAMLMap, path: string, durationMs: number | undefined, position: SourcePosition): SceneWindow | undefined {
    const fit = this.optionalBoolean(node, 'fit', `${path}.fit`);
    const fromField = this.field(node, 'from');
    const toField = this.field(node, 'to');
    const hasFrom = fromField !== undefined && !this.isMissing(fromField);
    const hasTo = toField !== undefined && !this.isMissing(toField);
    if (fit === false) {
      this.error(`${path}.fit`, 'can only be true (leave it out and give from and to for a window)', this.field(node, 'fit')?.position ?? position);
      return undefined;
    }
    if (fit === true && (hasFrom || hasTo)) {
      this.error(`${path}.fit`, 'shows the whole run, so it cannot go with from and to; keep one or the other', this.field(node, 'fit')?.position ?? position);
      return undefined;
    }
    if (!hasFrom && !hasTo) return { kind: 'fit' };
    if (!hasFrom || !hasTo) {
      const given = hasFrom ? fromField : toField;
      this.error(`${path}.${hasFrom ? 'to' : 'from'}`, `is required with ${hasFrom ? 'from' : 'to'}: a window needs both ends (or leave both out to show the whole run)`, given?.position ?? position);
      return undefined;
    }
    const fromMs = this.durationOf(fromField, `${path}.from`);
    const toMs = this.durationOf(toField, `${path}.to`);
    this.withinScenario(node, 'from', path, fromMs, durationMs, position);
    this.withinScenario(node, 'to', path, toMs, durationMs, position);
    if (fromMs === undefined || toMs === undefined) return undefined;
    if (toMs <= fromMs) {
      this.error(`${path}.to`, `must be after from (${formatScenarioDuration(fromMs)})`, toField.position);
      return undefined;
    }
    return { kind: 'range', fromMs, toMs };
  }

  /** `spotlight: pod app`, or `spotlight: {lane: pod app, flow: projected}`. */
  private readSpotlight(node: YAMLMap, path: string): SceneSpotlight | undefined {
    const field = this.field(node, 'spotlight');
    if (field === undefined || this.isMissing(field)) return undefined;
    let lane: string | undefined;
    let flow: string | undefined;
    let lanePosition = field.position;
    if (isMap(field.value)) {
      this.checkKeys(field.value, SPOTLIGHT_KEYS, path);
      lane = this.requiredString(field.value, 'lane', `${path}.lane`);
      lanePosition = this.field(field.value, 'lane')?.position ?? field.position;
      flow = this.optionalString(field.value, 'flow', `${path}.flow`);
      const known = this.declaredFlowIds;
      if (flow !== undefined && known !== undefined && !known.includes(flow)) {
        this.error(`${path}.flow`, `${JSON.stringify(truncate(flow))} is not a flow; flows are ${known.join(', ')}`, this.field(field.value, 'flow')?.position ?? field.position);
        return undefined;
      }
    } else if (!isScalar(field.value)) {
      const example = `{lane: pod app, flow: ${this.declaredFlowIds?.[0] ?? 'projected'}}`;
      this.error(path, `must be a lane's label such as "pod app", or a mapping such as ${example}, got ${describeNode(field.value)}`, field.position);
      return undefined;
    } else {
      lane = this.stringOf(field, path);
    }
    if (lane === undefined) return undefined;
    if (noteLength(lane.trim()) > MAX_SPOTLIGHT_LANE_CHARS) {
      this.error(isMap(field.value) ? `${path}.lane` : path, `is ${noteLength(lane.trim())} characters; a lane is named by its label, such as "pod app"`, lanePosition);
      return undefined;
    }
    return { lane: lane.trim(), ...(flow === undefined ? {} : { flow }) };
  }

  private readSceneThen(node: YAMLMap, path: string): SceneThen | undefined {
    const thenField = this.field(node, 'then');
    const then = thenField === undefined || this.isMissing(thenField) ? 'stop' : this.oneOf(thenField, `${path}.then`, SCENE_THEN);
    const speedField = this.field(node, 'speed');
    const hasSpeed = speedField !== undefined && !this.isMissing(speedField);
    if (then === undefined) return undefined;
    if (then === 'stop') {
      if (hasSpeed) this.error(`${path}.speed`, 'only applies with then: play (the speed the clock runs at to the next scene)', speedField.position);
      return hasSpeed ? undefined : { kind: 'stop' };
    }
    if (!hasSpeed) return { kind: 'play', speed: DEFAULT_SCENE_SPEED };
    const value = speedField.value;
    if (!isScalar(value) || typeof value.value !== 'number' || !Number.isFinite(value.value) || value.value < MIN_SPEED || value.value > MAX_SPEED) {
      this.error(`${path}.speed`, `must be a number from ${MIN_SPEED} to ${MAX_SPEED} (simulated seconds per second, such as 600), got ${describeNode(value)}${unquoteHint(value)}`, speedField.position);
      return undefined;
    }
    return { kind: 'play', speed: value.value };
  }

  private missing(path: string, what: string, position: SourcePosition): undefined {
    this.error(path, `needs a value: ${what}`, position);
    return undefined;
  }

  private readStepFlows(step: YAMLMap, path: string): string[] | undefined {
    const field = this.field(step, 'flows');
    if (field === undefined || this.isMissing(field)) return undefined;
    const known = this.declaredFlowIds;
    if (!isSeq(field.value)) {
      const example = isScalar(field.value) && typeof field.value.value === 'string' ? `[${field.value.value}]` : '[projected]';
      this.error(`${path}.flows`, `must be a list of flow ids such as ${example}, got ${describeNode(field.value)}`, field.position);
      return undefined;
    }
    if (field.value.items.length === 0) {
      this.error(`${path}.flows`, 'must name at least one flow (leave flows out to run the step in every flow)', field.position);
      return undefined;
    }
    const ids: string[] = [];
    field.value.items.forEach((item, index) => {
      const node = resolveNode(item, this.doc);
      const itemPath = `${path}.flows[${index}]`;
      const id = this.stringOf({ pair: field.pair, value: node, position: this.position(node, field.position) }, itemPath);
      if (id === undefined) return;
      if (known !== undefined && !known.includes(id)) {
        this.error(itemPath, `${JSON.stringify(truncate(id))} is not a flow; flows are ${known.join(', ')}`, this.position(node, field.position));
        return;
      }
      if (!ids.includes(id)) ids.push(id);
    });
    return ids;
  }

  private kubectlCommand(field: Field, path: string): string | undefined {
    if (this.isMissing(field)) return this.missing(path, 'a kubectl command line such as "get pods"', field.position);
    const command = this.stringOf(field, path);
    if (command === undefined) return undefined;
    const words = tokenizeShellLine(command);
    if (!words.ok) {
      const start = this.commandStart(field.value as Scalar, field.pair, command);
      // One place per message: the file's line and column when the command's columns are the file's, else the
      // scalar, with the column counted in the command.
      const position = start === undefined ? field.position : { line: start.line, column: start.column + words.column - 1 };
      const what = words.error.replace(/ at column (\d+)/, start === undefined ? ' at column $1 of the command' : '');
      this.error(path, `the command line does not parse: ${what}`, position);
      return undefined;
    }
    return command;
  }

  /**
   * Where the command's first character is in the file, when its columns map one to one onto a single line of the
   * file: a plain or quoted scalar on one line (quoted without escapes), or a literal block holding one line.
   */
  private commandStart(node: Scalar, pair: Field['pair'], command: string): SourcePosition | undefined {
    const [from, to] = node.range ?? [0, 0];
    const source = this.text.slice(from, to);
    if (node.type === 'BLOCK_LITERAL') return command.trimEnd().includes('\n') ? undefined : this.blockPlacement(node, pair);
    if (source.includes('\n')) return undefined;
    const start = this.position(node);
    if (node.type === 'PLAIN') return start;
    if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && source.slice(1, -1) === command) return { line: start.line, column: start.column + 1 };
    return undefined;
  }

  private applyStep(field: Field, path: string, base: StepBaseFields): Step | undefined {
    if (this.isMissing(field)) return this.missing(path, 'a manifest (apply: |, then the YAML indented below)', field.position);
    const manifest = this.stringOf(field, path);
    if (manifest === undefined) return undefined;
    const node = field.value as Scalar;
    const placement = this.blockPlacement(node, field.pair);
    const parsed = parseManifest(manifest, { lineOffset: placement.line - 1, columnOffset: placement.column - 1, pathPrefix: path, fileLineLength: (line) => this.map.lineLength(line) });
    if (!parsed.ok) {
      // `apply: >` joins the manifest's lines, and the YAML errors that follow would not say why: say it once.
      if (node.type === 'BLOCK_FOLDED') this.error(path, "is a folded block (>), which joins the manifest's lines into one, so it does not read as YAML; write apply: | (a literal block) instead", field.position);
      else this.errors.push(...parsed.errors);
      return undefined;
    }
    this.podCount += parsed.value.documents.filter((doc) => doc.kind === 'Pod').length;
    if (this.podCount > this.budgets.pods) {
      this.error(path, tooMany(this.podCount, 'pods', this.budgets.pods, 'a scenario tells its story with a few pods; remove some'), field.position);
      return undefined;
    }
    const step: ApplyStep = { ...base, kind: 'apply', manifest, manifestLine: placement.line, manifestColumn: placement.column };
    rememberStepManifest(step, parsed.value.documents);
    return step;
  }

  private clientStep(field: Field, path: string, base: StepBaseFields): Step | undefined {
    const map = this.isMissing(field) ? this.missing(path, 'a mapping such as {pod: app, reads: every-minute, callEvery: 5m}', field.position) : this.mappingOf(field, path, '{pod: app, reads: every-minute, callEvery: 5m}');
    if (map === undefined) return undefined;
    this.checkKeys(map, CLIENT_KEYS, path);
    const mapPosition = this.position(map);
    const pod = this.requiredString(map, 'pod', `${path}.pod`, mapPosition);
    const namespace = this.optionalString(map, 'namespace', `${path}.namespace`) ?? 'default';
    const readsField = this.field(map, 'reads');
    const reads = readsField === undefined || this.isMissing(readsField)
      ? this.missing(`${path}.reads`, `one of ${CLIENT_READS.join(', ')}`, readsField?.position ?? mapPosition)
      : this.oneOf(readsField, `${path}.reads`, CLIENT_READS);
    const callEveryMs = this.positiveDuration(map, 'callEvery', `${path}.callEvery`);
    const file = this.optionalString(map, 'file', `${path}.file`) ?? 'token';
    const target = this.optionalString(map, 'target', `${path}.target`) ?? 'api';
    const name = this.optionalString(map, 'name', `${path}.name`);
    if (pod === undefined || reads === undefined || callEveryMs === undefined || !this.countActor(path, field.position)) return undefined;
    return { ...base, kind: 'client', name: name ?? `${pod}-client`, pod, namespace, reads, callEveryMs, file, target };
  }

  private leakStep(field: Field, path: string, base: StepBaseFields): Step | undefined {
    const map = this.isMissing(field) ? this.missing(path, 'a mapping such as {pod: app, replayEvery: 10m}', field.position) : this.mappingOf(field, path, '{pod: app, replayEvery: 10m}');
    if (map === undefined) return undefined;
    this.checkKeys(map, LEAK_KEYS, path);
    const pod = this.requiredString(map, 'pod', `${path}.pod`, this.position(map));
    const namespace = this.optionalString(map, 'namespace', `${path}.namespace`) ?? 'default';
    const replayEveryMs = this.positiveDuration(map, 'replayEvery', `${path}.replayEvery`);
    const audience = this.optionalString(map, 'audience', `${path}.audience`) ?? 'api';
    const file = this.optionalString(map, 'file', `${path}.file`) ?? 'token';
    const name = this.optionalString(map, 'name', `${path}.name`) ?? 'attacker';
    if (pod === undefined || replayEveryMs === undefined || !this.countActor(path, field.position)) return undefined;
    return { ...base, kind: 'leak', name, pod, namespace, file, replayEveryMs, audience };
  }

  /** Clients and leaked copies each call on their own schedule: their number is budgeted. */
  private countActor(path: string, position: SourcePosition): boolean {
    this.actorCount += 1;
    if (this.actorCount <= SCENARIO_MAX_ACTORS) return true;
    this.error(path, tooMany(this.actorCount, 'clients and leaks', SCENARIO_MAX_ACTORS, 'keep the callers this scenario is about'), position);
    return false;
  }

  private positiveDuration(map: YAMLMap, key: string, path: string): number | undefined {
    const ms = this.requiredDuration(map, key, path);
    if (ms === 0) {
      this.error(path, 'must be longer than 0s', this.field(map, key)?.position ?? this.position(map));
      return undefined;
    }
    return ms;
  }
}

type StepBaseFields = { atMs: number; line: number; flows?: string[] };


const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why a start instant is refused: before 1970, or one of its fields out of range in a text that has the ISO 8601
 * shape; undefined when the shape itself is wrong (the caller then shows an example).
 */
function isoInstantProblem(text: string): string | undefined {
  const match = ISO_INSTANT.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', , zone = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  if (month < 1 || month > 12) return 'is not a date: months go from 01 to 12';
  const days = daysInMonth(year, month);
  if (Number(d) < 1 || Number(d) > days) return `is not a date: ${MONTH_NAMES[month - 1]} ${year} has ${days} days`;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return 'is not a time of day: hours go from 00 to 23, minutes and seconds from 00 to 59';
  if (zoneOffsetMinutes(zone) === undefined) return 'has an offset from UTC that no time zone has: hours go from 00 to 23, minutes from 00 to 59';
  if (year < 1970) return 'is before 1970-01-01T00:00:00Z: token times (iat, exp) count seconds from then, so a simulated cluster starts in 1970 or later';
  return undefined;
}

/** `Z`, `+01:00`, `-0530`, `+05` → minutes east of UTC; undefined for hours past 23 or minutes past 59. */
function zoneOffsetMinutes(zone: string): number | undefined {
  if (zone === 'Z' || zone === 'z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const zoneHours = Number(digits.slice(0, 2));
  const zoneMinutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (zoneHours > 23 || zoneMinutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
}

/**
 * ISO 8601 (`2025-01-06T09:00:00Z`, `2025-01-06T10:00:00+01:00`, `2025-01-06`) → epoch ms, computed by hand so no
 * host time zone or `Date.parse` leniency can change a scenario. A missing zone means UTC.
 */
export function parseIsoInstant(text: string): number | undefined {
  const match = ISO_INSTANT.exec(text);
  if (match === null || isoInstantProblem(text) !== undefined) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = match;
  const ms = fraction === '' ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms) - (zoneOffsetMinutes(zone) ?? 0) * 60_000;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
