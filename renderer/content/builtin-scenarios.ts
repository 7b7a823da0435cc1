import type { EngineCommand } from '../../shared/rpc/engine-protocol.ts';

/** The scenarios shipped in assets/scenarios, bundled as text so the app works offline from the first start. */
const files = import.meta.glob<string>('../../assets/scenarios/*.yaml', { query: '?raw', import: 'default', eager: true });

export interface BuiltinScenario {
  id: string;
  title: string;
  text: string;
}

function titleOf(text: string, fallback: string): string {
  const match = /^title:[ \t]*(\S.*)$/m.exec(text);
  return match?.[1]?.trim().replace(/^["']|["']$/g, '') ?? fallback;
}

/** The side-by-side default first, then the rest by title. */
export const BUILTIN_SCENARIOS: BuiltinScenario[] = Object.entries(files)
  .map(([path, text]) => {
    const id = path.split('/').pop()!.replace(/\.yaml$/, '');
    return { id, title: titleOf(text, id), text };
  })
  .sort((a, b) => (a.id === 'side-by-side' ? -1 : b.id === 'side-by-side' ? 1 : a.title.localeCompare(b.title)));

export const DEFAULT_SCENARIO_ID = 'side-by-side';

/** The command that loads the scenario the app opens with. */
export function defaultScenarioLoad(): Extract<EngineCommand, { type: 'load' }> {
  const chosen = BUILTIN_SCENARIOS.find((s) => s.id === DEFAULT_SCENARIO_ID) ?? BUILTIN_SCENARIOS[0]!;
  return { type: 'load', scenarioText: chosen.text, sourceName: `builtin:${chosen.id}` };
}
