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
  for (const path in payload) if (!sameContent(current.files[path], payload[path]!)) return false;
  for (const path in current.files) if (!Object.hasOwn(payload, path)) return false;
  return true;
}

/**
 * `..2006_01_02_15_04_05.<random digits>`, as `ioutil.TempDir(targetDir, time.Now().UTC().Format(...))` names it: the
 * write's instant and the random suffix the directory got. The event log keeps only the suffix and spells the name
 * again when the event is read.
 */
export function dataDirName(epochMilliseconds: number, random: number): string {
  return `..${stampOf(Math.floor(epochMilliseconds / 1000))}.${random}`;
}

const DAY_SEC = 86_400;
const two = (n: number) => (n < 10 ? `0${n}` : String(n));
/** The date part of the last day stamped (`2006_01_02_`): writes come day after day, so the date is made once a day. */
const lastDay = { day: Number.NaN, text: '' };

/** `2006_01_02_15_04_05` for an epoch second: the date as toISOString writes it, the time of day by arithmetic. */
function stampOf(second: number): string {
  const day = Math.floor(second / DAY_SEC);
  if (day !== lastDay.day) {
    const iso = new Date(day * DAY_SEC * 1000).toISOString();
    // Years outside 0000–9999 have a longer ISO form, which the slices below cut the way Go's layout would not.
    if (iso[4] !== '-') return isoStamp(new Date(second * 1000).toISOString());
    lastDay.day = day;
    lastDay.text = `${iso.slice(0, 4)}_${iso.slice(5, 7)}_${iso.slice(8, 10)}_`;
  }
  const secondOfDay = second - day * DAY_SEC;
  return `${lastDay.text}${two(Math.floor(secondOfDay / 3600))}_${two(Math.floor(secondOfDay / 60) % 60)}_${two(secondOfDay % 60)}`;
}

function isoStamp(iso: string): string {
  return `${iso.slice(0, 4)}_${iso.slice(5, 7)}_${iso.slice(8, 10)}_${iso.slice(11, 13)}_${iso.slice(14, 16)}_${iso.slice(17, 19)}`;
}

export type WriteOutcome =
  | { written: false; volume: MountedVolume; changed: string[] }
  | {
      written: true;
      volume: MountedVolume;
      /** Paths whose content changed. */
      changed: string[];
      /** The random suffix of the new data directory's name (see dataDirName). */
      dataDirRandom: number;
    };

export function writeAtomically(ctx: EngineContext, current: MountedVolume | undefined, payload: Record<string, FileContent>): WriteOutcome {
  if (current && samePayload(current, payload)) return { written: false, volume: current, changed: [] };
  const changed: string[] = [];
  for (const path in payload) if (!sameContent(current?.files[path], payload[path]!)) changed.push(path);
  const random = nextInt(ctx.state.prng, 100_000_000, 4_294_967_296);
  // The payload becomes the volume's files: the caller made it for this write and keeps no hold on it.
  return { written: true, volume: new WrittenVolume(epochMs(ctx, ctx.state.nowMs), random, payload), changed, dataDirRandom: random };
}

/** A volume as written: its data directory's name is spelled when someone reads it (kubectl exec ls, tests). */
class WrittenVolume implements MountedVolume {
  constructor(
    private readonly writtenAtEpochMs: number,
    private readonly random: number,
    readonly files: Record<string, FileContent>,
  ) {}

  get dataDir(): string {
    return dataDirName(this.writtenAtEpochMs, this.random);
  }
}
