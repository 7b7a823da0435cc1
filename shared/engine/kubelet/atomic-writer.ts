/**
 * The kubelet's AtomicWriter (`pkg/volume/util/atomic_writer.go`): a volume's files live in a timestamped
 * directory that the `..data` symlink points at; a new payload is written to a fresh directory and swapped in with
 * one rename, and nothing is written at all when the payload has not changed.
 */
import { nextInt } from '../../sim/prng.ts';
import { epochMs, type EngineContext } from '../engine-context.ts';
import type { FileContent, MountedVolume } from '../engine-state.ts';

function sameContent(a: FileContent | undefined, b: FileContent): boolean {
  if (!a) return false;
  return 'token' in a && 'token' in b ? a.token === b.token : 'text' in a && 'text' in b && a.text === b.text;
}

function samePayload(current: MountedVolume | undefined, payload: Record<string, FileContent>): boolean {
  if (!current) return false;
  const paths = Object.keys(payload);
  if (paths.length !== Object.keys(current.files).length) return false;
  return paths.every((path) => sameContent(current.files[path], payload[path]!));
}

/** `..2006_01_02_15_04_05.<random digits>`, as `ioutil.TempDir(targetDir, time.Now().UTC().Format(...))` names it. */
function dataDirName(ctx: EngineContext): string {
  const iso = new Date(epochMs(ctx, ctx.state.nowMs)).toISOString();
  const stamp = `${iso.slice(0, 4)}_${iso.slice(5, 7)}_${iso.slice(8, 10)}_${iso.slice(11, 13)}_${iso.slice(14, 16)}_${iso.slice(17, 19)}`;
  return `..${stamp}.${nextInt(ctx.state.prng, 100_000_000, 4_294_967_296)}`;
}

export interface WriteOutcome {
  written: boolean;
  volume: MountedVolume;
  /** Paths whose content changed. */
  changed: string[];
}

export function writeAtomically(ctx: EngineContext, current: MountedVolume | undefined, payload: Record<string, FileContent>): WriteOutcome {
  if (current && samePayload(current, payload)) return { written: false, volume: current, changed: [] };
  const changed = Object.keys(payload).filter((path) => !sameContent(current?.files[path], payload[path]!));
  return { written: true, volume: { dataDir: dataDirName(ctx), files: { ...payload } }, changed };
}
