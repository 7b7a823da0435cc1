/**
 * Searching the glossary as you type: every word of the query must appear in an entry (its term, other names, gist or
 * meaning, in any case; dots, dashes, slashes and underscores count as spaces, so "pod name" finds
 * kubernetes.io.pod.name). Entries whose term matches come first, then those whose gist does, then the rest, each in
 * the glossary's own order.
 */
import type { GlossaryEntry } from '../../shared/explain/glossary.ts';

/** Longest query the field takes. */
export const GLOSSARY_QUERY_MAX_CHARS = 100;

function fold(text: string): string {
  return text.toLowerCase().replace(/[._/-]+/g, ' ');
}

export function glossaryQueryWords(query: string): string[] {
  return fold(query.slice(0, GLOSSARY_QUERY_MAX_CHARS)).split(/\s+/).filter((word) => word !== '');
}

interface Folded {
  entry: GlossaryEntry;
  term: string;
  names: string;
  summary: string;
  all: string;
}

const cache = new WeakMap<readonly GlossaryEntry[], Folded[]>();

function folded(entries: readonly GlossaryEntry[]): Folded[] {
  let list = cache.get(entries);
  if (!list) {
    list = entries.map((entry) => {
      const term = fold(entry.term);
      const names = [term, ...entry.aliases.map(fold)].join('\n');
      const summary = fold(entry.summary);
      return { entry, term, names, summary, all: [names, summary, ...entry.paragraphs.map(fold)].join('\n') };
    });
    cache.set(entries, list);
  }
  return list;
}

/** 0: the term is the query; 1: the term starts with it; 2: a name holds every word; 3: the gist does; 4: the meaning. */
function rank(item: Folded, words: readonly string[], phrase: string): number {
  if (item.term === phrase) return 0;
  if (item.term.startsWith(phrase)) return 1;
  if (words.every((w) => item.names.includes(w))) return 2;
  if (words.every((w) => item.summary.includes(w))) return 3;
  return 4;
}

export function searchGlossary(entries: readonly GlossaryEntry[], query: string): GlossaryEntry[] {
  const words = glossaryQueryWords(query);
  if (words.length === 0) return [...entries];
  const phrase = words.join(' ');
  return folded(entries)
    .filter((item) => words.every((w) => item.all.includes(w)))
    .map((item, order) => ({ item, order, rank: rank(item, words, phrase) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ item }) => item.entry);
}
