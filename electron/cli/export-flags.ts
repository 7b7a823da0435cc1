/** The export flags a single figure and a deck of scenes read alike: --flows and --hide, checked with the same words. */
import { OPTIONAL_LANES, type OptionalLane } from '../../shared/export/export-types.ts';

export function list(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/** --flows as flow ids of this scenario (undefined without the flag), or what is wrong. */
export function flowsFlag(text: string | undefined, flows: readonly string[]): string[] | undefined | { error: string } {
  if (text === undefined) return undefined;
  const chosen = list(text);
  const unknown = chosen.filter((f) => !flows.includes(f));
  if (chosen.length === 0) return { error: '--flows: give at least one flow id' };
  if (unknown.length > 0) return { error: `--flows: this scenario has no flow ${unknown.map((f) => `"${f}"`).join(', ')}; its flows are ${flows.join(', ')}` };
  return chosen;
}

/** --hide as lanes to leave out (`fallback` without the flag), or what is wrong. */
export function hideFlag(text: string | undefined, fallback: OptionalLane[]): OptionalLane[] | { error: string } {
  if (text === undefined) return fallback;
  const lanes = list(text.toLowerCase()) as OptionalLane[];
  const bad = lanes.find((l) => !OPTIONAL_LANES.includes(l));
  return bad === undefined ? lanes : { error: `--hide: expected lanes among ${OPTIONAL_LANES.join(', ')}, got "${bad}"` };
}
