import { trimChars } from '../text/format-count.ts';

/** The file name offered when saving a scenario: the opened file's own name, or the built-in's id, as .yaml. */
export function scenarioFileName(sourceName: string, scenarioName: string): string {
  const base = sourceName.startsWith('builtin:') ? sourceName.slice('builtin:'.length) : (sourceName.split(/[\\/]/).pop() ?? '');
  const stem = trimChars(base.replace(/\.ya?ml$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-'), '-.');
  return `${stem || scenarioName.replace(/[^A-Za-z0-9._-]+/g, '-') || 'scenario'}.yaml`;
}
