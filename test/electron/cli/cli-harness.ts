/** Drives `main(argv, io)` in-process with captured output and the real file system. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../../electron/cli.ts';

export const SIDE_BY_SIDE = fileURLToPath(new URL('../../../assets/scenarios/side-by-side.yaml', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readFile: (path) => readFile(path, 'utf8'),
  });
  return { code, stdout, stderr };
}

let dir: string | undefined;

/** Writes `text` to a fresh file in a temporary directory and returns its path. */
export function scenarioFile(name: string, text: string): string {
  dir ??= mkdtempSync(join(tmpdir(), 'tokenscope-cli-test-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Removes the files `scenarioFile` wrote (call from afterAll). */
export function removeScenarioFiles(): void {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
}

/** The `--json` report, as far as these tests read it. */
export interface RunReport {
  scenario: { name: string; seed: number; durationMs: number; ranUntilMs: number; startEpochMs: number };
  flows: Record<string, {
    kubernetesVersion: string;
    events: Array<Record<string, unknown> & { type: string; atMs: number; flow: string; message: string; seq: number; refs: Record<string, unknown> }>;
    tokens: Array<{ index: number; number: number; kind: 'legacy' | 'bound'; issuedAtMs: number; jwt: string; header: Record<string, unknown>; claims: Record<string, unknown> }>;
    jwks: { keys: Array<Record<string, string>> };
    openidConfiguration: Record<string, unknown>;
  }>;
}
