/**
 * The events a text search finds in the whole log (what matches is eventMatches, in event-table-model.ts), kept up
 * incrementally as the log grows, like the table's filter, so a search over 100,000 events costs one pass when it is
 * typed and a few events per batch after that.
 */
import type { SimEvent } from '../../shared/model/events.ts';
import { AppendOnlyCursor, eventMatches, queryWords } from './event-table-model.ts';

/** The events that match a query, as they stand after one update: `seqs` ascending. */
export interface EventSearchResult {
  query: string;
  /** The query's words; empty when there is no search. */
  words: readonly string[];
  seqs: readonly number[];
}

/**
 * The matches of the latest query over an append-only log (cut back in place on a seek), extended as the log grows.
 * `update` answers the same object while nothing changed, and a new one when anything did, so it can key a memo.
 */
export class EventSearchMatches {
  private readonly cursor = new AppendOnlyCursor<SimEvent>();
  private result: EventSearchResult = { query: '', words: [], seqs: [] };

  update(events: readonly SimEvent[], query: string): EventSearchResult {
    let { from, reset } = this.cursor.sync(events);
    const words = queryWords(query);
    if (words.join(' ') !== this.result.words.join(' ')) {
      reset = true;
      from = 0;
    }
    const seqs = reset ? [] : (this.result.seqs as number[]);
    const before = seqs.length;
    if (words.length > 0) {
      for (let i = from; i < events.length; i++) if (eventMatches(events[i]!, words)) seqs.push(i);
    }
    if (reset || seqs.length !== before || query !== this.result.query) this.result = { query, words, seqs };
    return this.result;
  }
}
