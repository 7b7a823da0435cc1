/**
 * Real tokens for the panel tests, taken from the CLI's JSON (`tokenscope run SCENARIO --json`): the shipped
 * side-by-side scenario (1.20 legacy, 1.30 projected without the extension) and a scenario written here that makes
 * every other claim appear (1.30 extended pod token with warnafter, Secret-bound token, 1.33 Node-bound token).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SimEvent } from '../../../shared/model/events.ts';

// A path, not `new URL(..)`: under jsdom the global URL is jsdom's, which fileURLToPath does not accept.
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface CliToken {
  index: number;
  number: number;
  kind: 'legacy' | 'bound';
  issuedAtMs: number;
  jwt: string;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

export interface CliFlow {
  kubernetesVersion: string;
  events: SimEvent[];
  tokens: CliToken[];
}

export interface CliRun {
  scenario: { name: string; startEpochMs: number; durationMs: number };
  flows: Record<string, CliFlow>;
}

export const CLAIMS_SCENARIO = `name: panels-claims
seed: 3
duration: 2h
flows:
  - id: extended
    kubernetesVersion: "1.30"
  - id: nodebound
    kubernetesVersion: "1.33"
steps:
  - at: 0s
    kubectl: create serviceaccount my-app
  - at: 0s
    apply: |
      apiVersion: v1
      kind: Pod
      metadata:
        name: app
      spec:
        serviceAccountName: my-app
        containers:
          - name: app
            image: nginx:stable
  - at: 0s
    apply: |
      apiVersion: v1
      kind: Secret
      metadata:
        name: plain
      type: Opaque
  - at: 1m
    kubectl: create token my-app --bound-object-kind Secret --bound-object-name plain
  - at: 2m
    kubectl: create token my-app --bound-object-kind Node --bound-object-name node-1 --duration 48h
    flows: [nodebound]
`;

export function runCli(scenarioPath: string): CliRun {
  const out = execFileSync(process.execPath, ['electron/bin/tokenscope.mjs', 'run', scenarioPath, '--json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as CliRun;
}

export function runCliText(yaml: string): CliRun {
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-panels-'));
  try {
    const file = join(dir, 'scenario.yaml');
    writeFileSync(file, yaml);
    return runCli(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The payload of a compact JWT, decoded from the token text itself (not from the CLI's own claims copy). */
export function decodePayload(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export function decodeHeader(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[0] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}
