/** The lessons shipped in assets/lessons, bundled as text (like the built-in scenarios) so they work offline. */
import type { ParseResult } from '../../../shared/scenario/scenario-types.ts';
import { BUILTIN_SCENARIOS } from '../../content/builtin-scenarios.ts';
import { parseLesson, type Lesson } from './lesson-model.ts';

const files = import.meta.glob<string>('../../../assets/lessons/*.yaml', { query: '?raw', import: 'default', eager: true });

const DEFAULT_LESSON_ID = 'projected-tokens';

/** The scenario files a lesson may name, keyed as lessons name them (the file name without `.yaml`). */
function builtinScenarioFiles(): Record<string, string> {
  return Object.fromEntries(BUILTIN_SCENARIOS.map((s) => [s.id, s.text]));
}

function bundledLessonText(id: string): string | undefined {
  return Object.entries(files).find(([path]) => path.endsWith(`/${id}.yaml`))?.[1];
}

/** Parses a shipped lesson; a broken file comes back as errors with lines and columns, for the panel to show. */
export function loadBundledLesson(id: string = DEFAULT_LESSON_ID): ParseResult<Lesson> {
  const text = bundledLessonText(id);
  if (text === undefined) return { ok: false, errors: [{ message: `no lesson named ${JSON.stringify(id)} in assets/lessons` }] };
  return parseLesson(text, { scenarioFiles: builtinScenarioFiles() });
}
