/**
 * The glossary is one list: every idea the PDF handout's glossary prints, every JWT field and claim the inspector
 * explains, and every kind of event the table shows is in it, with the same words as where it is used; and the
 * handout's glossary, read back from a real PDF, lists exactly the glossary's ideas.
 */
import { describe, expect, it } from 'vitest';
import { claimId, eventKindId, GLOSSARY, GLOSSARY_IDEAS, glossaryEntry, headerId, ideaId } from '../../../shared/explain/glossary.ts';
import { EXPLAINED_CLAIMS, explainClaim, explainHeader, HEADER_EXPLANATIONS } from '../../../shared/explain/claim-explanations.ts';
import { EVENT_TYPE_WORDS } from '../../../renderer/panels/event-table-model.ts';
import type { SimEventType } from '../../../shared/model/events.ts';
import { exportFile } from '../../../shared/export/export-file.ts';
import { nodeExportDeps } from '../../../electron/cli/node-export-deps.ts';
import { settings, scenarioSource } from '../export/export-fixtures.ts';
import { pdfText } from '../export/pdf-tools.ts';

describe('the glossary', () => {
  it('names each entry once', () => {
    const ids = GLOSSARY.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of GLOSSARY) expect(entry.paragraphs.length, entry.id).toBeGreaterThan(0);
  });

  it('has every idea of the handout, in the handout’s words', () => {
    for (const { term, meaning } of GLOSSARY_IDEAS) expect(glossaryEntry(ideaId(term))?.paragraphs).toEqual([meaning]);
  });

  it('has every header field and claim the inspector and the paste panel explain, in their words', () => {
    for (const field of Object.keys(HEADER_EXPLANATIONS)) expect(glossaryEntry(headerId(field))?.paragraphs[0]).toBe(explainHeader(field)!.what);
    for (const path of EXPLAINED_CLAIMS) {
      const entry = glossaryEntry(claimId(path));
      expect(entry?.summary, path).toBe(explainClaim(path)!.short);
      expect(entry?.paragraphs.join('\n')).toContain(explainClaim(path)!.safety);
    }
  });

  it('says what iss and the node claims mean on the tokens where they mean something else', () => {
    expect(glossaryEntry(claimId('iss'))!.paragraphs.join('\n')).toContain(`On a legacy token: ${explainClaim('iss', { legacy: true })!.what}`);
    expect(glossaryEntry(claimId('kubernetes.io.node.name'))!.paragraphs.join('\n')).toContain(`On a token bound to a Node: ${explainClaim('kubernetes.io.node.name', { boundTo: 'Node' })!.what}`);
  });

  it('has every kind of event the table shows', () => {
    for (const type of Object.keys(EVENT_TYPE_WORDS) as SimEventType[]) {
      const entry = glossaryEntry(eventKindId(type));
      expect(entry?.term, type).toBe(type);
      expect(entry?.aliases.join(' ')).toContain(type.replace(/[.-]/g, ' '));
    }
  });

  it('is what the PDF handout prints as its glossary: the same ideas, in the same words', async () => {
    const file = await exportFile(scenarioSource('side-by-side', 2 * 3_600_000), settings({ format: 'pdf', widthPx: 800 }), await nodeExportDeps());
    const text = pdfText(file.data as Uint8Array).join('\n').replace(/\s+/g, ' ');
    const glossary = text.slice(text.lastIndexOf('Glossary'));
    const printed = GLOSSARY_IDEAS.filter(({ term, meaning }) => glossary.includes(`${term} ${meaning.split(' ').slice(0, 4).join(' ')}`));
    expect(printed.map((i) => i.term)).toEqual(GLOSSARY_IDEAS.map((i) => i.term));
    for (const entry of GLOSSARY.filter((e) => e.section !== 'idea')) expect(glossary.includes(` ${entry.term} `) && glossary.includes(entry.paragraphs[0]!), entry.id).toBe(false);
  });
});
