/** Searching the glossary as you type: every word must match, names first, and claim paths read as words. */
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../../shared/explain/glossary.ts';
import { searchGlossary } from '../../../renderer/glossary/glossary-search.ts';

const ids = (query: string) => searchGlossary(GLOSSARY, query).map((e) => e.id);

describe('searching the glossary', () => {
  it('lists everything, in the glossary’s order, for an empty query', () => {
    expect(ids('')).toEqual(GLOSSARY.map((e) => e.id));
    expect(ids('   ')).toEqual(GLOSSARY.map((e) => e.id));
  });

  it('puts the term that is the query first, then terms that start with it', () => {
    expect(ids('exp')[0]).toBe('claim:exp');
    expect(ids('EXP')[0]).toBe('claim:exp');
    expect(ids('token exp')[0]).toBe('event:token.expired');
  });

  it('reads dots, dashes and slashes as spaces, so a claim path or event type is found by its words', () => {
    expect(ids('pod name')[0]).toBe('claim:kubernetes.io.pod.name');
    expect(ids('token issued')).toContain('event:token.issued');
    expect(ids('token issued')[0]).toBe('event:token.issued');
    expect(ids('service account name')).toEqual(expect.arrayContaining(['claim:kubernetes.io.serviceaccount.name', 'claim:kubernetes.io/serviceaccount/service-account.name']));
  });

  it('needs every word, found in the name, the gist or the meaning', () => {
    expect(ids('leeway')).toEqual(expect.arrayContaining(['idea:Leeway', 'claim:exp', 'event:token.expired']));
    expect(ids('leeway')[0]).toBe('idea:Leeway');
    const both = ids('kubelet 80');
    expect(both).toEqual(expect.arrayContaining(['idea:Rotation', 'event:token.refresh-due']));
    for (const id of both) {
      const entry = GLOSSARY.find((e) => e.id === id)!;
      const text = [entry.term, entry.summary, ...entry.paragraphs].join(' ').toLowerCase();
      expect(text, id).toContain('kubelet');
      expect(text, id).toContain('80');
    }
    expect(ids('zebra unicorn')).toEqual([]);
  });
});
