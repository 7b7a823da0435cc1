/**
 * The parsed, validated form of a scenario file. The YAML loader (`parse-scenario.ts`) produces it; the engine
 * consumes it. Times are simulated milliseconds since the scenario's start.
 */
import type { KubernetesVersion } from '../model/versions.ts';
import type { ScenarioScene } from '../model/scene.ts';
import type { SigningAlgorithm } from '../jwt/jwt-types.ts';

export type { ScenarioScene } from '../model/scene.ts';

// The scenario's types include the signing algorithms it names and the errors its parser reports.
export type { SigningAlgorithm } from '../jwt/jwt-types.ts';
export type { InputError, ParseResult } from '../text/input-error.ts';

/** kube-apiserver flags that change token behaviour (names follow the real flags). */
export interface ApiServerFlags {
  /** --service-account-issuer (repeatable; the first value signs). */
  issuers: string[];
  /** --api-audiences; empty means "default to the issuers". */
  apiAudiences: string[];
  /** --service-account-extend-token-expiration (default true). */
  extendTokenExpiration: boolean;
  /** --service-account-max-token-expiration in seconds; 0 means no cap. */
  maxTokenExpirationSec: number;
  /** --service-account-lookup (default true). */
  serviceAccountLookup: boolean;
  /** --legacy-service-account-token-clean-up-period in seconds (default one year). */
  legacyTokenCleanUpPeriodSec: number;
  /** Algorithm of the signing key (RS256 unless the scenario asks for ES256). */
  signingAlgorithm: SigningAlgorithm;
  /** --service-account-signing-endpoint: tokens are signed by an external JWT signer instead of a key file. */
  externalSigner?: ExternalSignerSpec;
}

/** What the external signer (KEP-740, `v1.ExternalJWTSigner`) tells kube-apiserver about itself. */
export interface ExternalSignerSpec {
  /** `Metadata()`: `max_token_expiration_seconds`. */
  maxTokenExpirationSec: number;
  /** `FetchKeys()`: `refresh_hint_seconds`, when the API server asks for the signer's public keys again. */
  refreshHintSec: number;
}

export interface FlowSpec {
  id: string;
  /** Human label for the UI; defaults to the id. */
  label: string;
  kubernetesVersion: KubernetesVersion;
  apiServer: ApiServerFlags;
  /** 1-based line of this flow in the scenario file, for error messages. */
  line: number;
}

export type ClientReads = 'every-minute' | 'once' | 'on-401';
/** What a `fault:` step can do to a flow; the scenario reader accepts exactly these and the engine handles each one. */
export const FAULT_KINDS = ['kubelet-stop', 'kubelet-start', 'apiserver-stop', 'apiserver-start', 'rotate-signing-key', 'retire-old-signing-keys'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The actions a scenario step can take, one per step, each the key it is written under in the file. */
export const STEP_KINDS = ['kubectl', 'apply', 'client', 'leak', 'fault', 'upgrade'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

interface StepBase {
  atMs: number;
  /** Flow ids this step applies to; undefined means every flow. */
  flows?: string[];
  /** 1-based line of the step in the scenario file. */
  line: number;
}

export interface KubectlStep extends StepBase { kind: 'kubectl'; command: string }
export interface ApplyStep extends StepBase {
  kind: 'apply';
  manifest: string;
  /** 1-based line in the scenario file where the manifest text starts, so manifest errors can point into the file. */
  manifestLine: number;
  /**
   * 1-based column of the manifest text's first character in the scenario file (a block scalar's indentation + 1),
   * so `parseManifest(manifest, { lineOffset: manifestLine - 1, columnOffset: manifestColumn - 1 })` reports file
   * columns. Absent means 1.
   */
  manifestColumn?: number;
}
export interface ClientStep extends StepBase {
  kind: 'client';
  /** Name of the client actor (defaults to `<pod>-client`). */
  name: string;
  pod: string;
  namespace: string;
  reads: ClientReads;
  callEveryMs: number;
  /** File under the pod's token mount to read (default `token`). */
  file: string;
  /** Who the client calls: `api` (the cluster's API server) or an external audience such as `vault`. */
  target: string;
}
export interface LeakStep extends StepBase {
  kind: 'leak';
  /** Name of the attacker actor (defaults to `attacker`). */
  name: string;
  pod: string;
  namespace: string;
  file: string;
  replayEveryMs: number;
  /** `api` or an external service's audience such as `vault`. */
  audience: string;
}
export interface FaultStep extends StepBase { kind: 'fault'; fault: FaultKind }
export interface UpgradeStep extends StepBase { kind: 'upgrade'; kubernetesVersion: KubernetesVersion }

export type Step = KubectlStep | ApplyStep | ClientStep | LeakStep | FaultStep | UpgradeStep;

/** Compiles only while every step kind has its step type and every step type its kind. */
const stepKindsMatchSteps: [StepKind, Step['kind']] extends [Step['kind'], StepKind] ? true : never = true;
void stepKindsMatchSteps;

/**
 * A note an instructor pins to a moment (or a range, with `untilMs`) of the timeline: drawn on screen and in exports.
 * It changes nothing in the simulation.
 */
export interface ScenarioAnnotation {
  atMs: number;
  /** End of the range; absent for a single moment. Never before atMs. */
  untilMs?: number;
  /** The flow it belongs to; absent means it is drawn across every flow. */
  flow?: string;
  text: string;
}

export interface Scenario {
  name: string;
  title: string;
  /** One paragraph: what the scenario shows. */
  description: string;
  /** The one thing a learner should take away. */
  takeaway: string;
  seed: number;
  durationMs: number;
  /** Wall-clock instant (ms since the Unix epoch) that simulated time 0 stands for; JWT times are based on it. */
  startEpochMs: number;
  flows: FlowSpec[];
  /** Sorted by atMs; steps at the same time keep file order. */
  steps: Step[];
  /** Sorted by atMs, file order kept for ties. */
  annotations: ScenarioAnnotation[];
  /** The run-sheet, in the order the file lists it (a presentation's order, not sorted by time). */
  scenes: ScenarioScene[];
}
