/**
 * A moment survives the trip through a link (encode → URL → the page's fragment → decode) exactly, and a link that is
 * cut, changed, foreign, from another format, too long, or a deflate bomb is refused with a sentence that says which.
 * Its scenario is held to the same budget as a file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inflateSync, zlibSync } from 'fflate';
import { CHAT_LINK_MAX_CHARS, findMomentFragment, momentFragment, momentLink, readMomentFragment } from '../../../shared/export/moment-link.ts';
import type { ExportMoment } from '../../../shared/export/export-types.ts';
import { base64url } from 'jose';
import { MOMENT_LINK_MAX_CHARS, SCENARIO_MAX_CHARS } from '../../../shared/limits/input-budgets.ts';
import { withinBounds } from '../fuzz-inputs.ts';
import { zlibBomb } from './zlib-bomb.ts';

const H = 3_600_000;
const SIDE_BY_SIDE = readFileSync('assets/scenarios/side-by-side.yaml', 'utf8');

const MOMENT: ExportMoment = {
  version: 1,
  scenarioText: `${SIDE_BY_SIDE}\nannotations:\n  - at: 1h\n    text: "Rotation — at 80 %, then ✓ again; 日本語 too"\n`,
  sourceName: 'side-by-side.yaml',
  playheadMs: 2 * H + 17,
  view: { startMs: 0.5 * H, endMs: 4.25 * H },
};

function opened(link: string) {
  return readMomentFragment(new URL(link).hash);
}

function refusal(hash: string): string {
  const reading = readMomentFragment(hash);
  if (reading.kind !== 'refused') throw new Error(`expected a refusal, got ${reading.kind}`);
  return reading.error;
}

/** A fragment whose payload is zlib of this JSON text, as a link made by hand would be. */
function fragmentOfJson(json: string): string {
  return `tokenscope=1.${base64url.encode(zlibSync(new TextEncoder().encode(json)))}`;
}

describe('a moment as a link', () => {
  it('comes back from the URL exactly: scenario text with its notes, source, playhead and window', () => {
    const link = momentLink('http://127.0.0.1:4173/?lesson=1#old', MOMENT);
    expect(link.startsWith('http://127.0.0.1:4173/?lesson=1#tokenscope=1.')).toBe(true);
    expect(opened(link)).toEqual({ kind: 'moment', moment: MOMENT });
  });

  it('is the same text for the same moment, whatever order its fields were built in', () => {
    const reordered = { view: { endMs: MOMENT.view.endMs, startMs: MOMENT.view.startMs }, playheadMs: MOMENT.playheadMs, sourceName: MOMENT.sourceName, scenarioText: MOMENT.scenarioText, version: 1 } as ExportMoment;
    expect(momentFragment(reordered)).toBe(momentFragment(MOMENT));
    expect(momentFragment({ ...MOMENT, playheadMs: MOMENT.playheadMs + 1 })).not.toBe(momentFragment(MOMENT));
  });

  it('keeps a built-in scenario short enough for a chat message', () => {
    const fragment = momentFragment({ ...MOMENT, scenarioText: SIDE_BY_SIDE });
    expect(fragment.length).toBeLessThan(CHAT_LINK_MAX_CHARS / 2);
    expect(fragment).toMatch(/^tokenscope=1\.[A-Za-z0-9_-]+$/);
  });

  it('is found in pasted text: a bare URL, one inside words or brackets, or the fragment alone', () => {
    const fragment = momentFragment(MOMENT);
    const link = `https://example.org/tokenscope/#${fragment}`;
    expect(findMomentFragment(link)).toBe(fragment);
    expect(findMomentFragment(`Look at this: <${link}> (from class)`)).toBe(fragment);
    expect(findMomentFragment(`[the moment](${link})`)).toBe(fragment);
    expect(findMomentFragment(`  #${fragment}\n`)).toBe(fragment);
    expect(findMomentFragment('https://example.org/#section-2')).toBeUndefined();
    expect(findMomentFragment('just some words')).toBeUndefined();
  });
});

describe('a fragment that is not a good link', () => {
  it('an empty fragment asks for nothing', () => {
    expect(readMomentFragment('')).toEqual({ kind: 'none' });
    expect(readMomentFragment('#')).toEqual({ kind: 'none' });
  });

  it('a foreign fragment is not a TokenScope moment', () => {
    expect(refusal('#section-2')).toMatch(/^The link's #… part is not a TokenScope moment \(those start with #tokenscope=\)$/);
    expect(refusal('#tokenscope=abc')).toMatch(/no link format/);
  });

  it('a link in a format this version does not read says so', () => {
    expect(refusal('#tokenscope=2.eJwDAAAAAAE')).toBe('The link was made by another version of TokenScope (link format 2); this one reads format 1');
  });

  it('every cut of a link is refused: cut short, or changed, never a different moment', () => {
    const fragment = momentFragment({ ...MOMENT, scenarioText: 'name: cut\nduration: 1h\n' });
    for (let length = 0; length < fragment.length; length++) {
      const reading = readMomentFragment(fragment.slice(0, length));
      expect(reading.kind === 'refused' || reading.kind === 'none', `cut at ${length}`).toBe(true);
      if (reading.kind === 'refused') expect(reading.error).toMatch(/^The link/);
    }
    expect(refusal(fragment.slice(0, -3))).toMatch(/cut short|changed on its way/);
    expect(refusal('tokenscope=1.')).toBe('The link is cut short: it has no moment after #tokenscope=1.');
  });

  it('a changed character that the decompressor trips on is not called a cut', () => {
    const fragment = momentFragment(MOMENT);
    const refusals = new Set<string>();
    for (let at = '#tokenscope=1.'.length; at < fragment.length - 8; at += 3) {
      refusals.add(refusal(fragment.slice(0, at) + (fragment[at] === 'A' ? 'B' : 'A') + fragment.slice(at + 1)));
    }
    // Same length, one character changed: nothing is missing, so no refusal may say only that the link was cut.
    expect([...refusals].filter((r) => r.startsWith('The link is cut short:'))).toEqual([]);
    expect(refusals).toContain('The link is cut short or damaged: its compressed moment ends too early; copy the whole link again');
  });

  it('a parameter added after the moment is named, to be removed, rather than called damage', () => {
    const fragment = momentFragment(MOMENT);
    expect(refusal(`${fragment}&utm_source=chat`)).toBe('The link has something added after its moment: remove "&utm_source=chat" from its end');
  });

  it('a changed character is caught by the checksum or the decompressor', () => {
    const fragment = momentFragment(MOMENT);
    const at = Math.floor(fragment.length / 2);
    const changed = fragment.slice(0, at) + (fragment[at] === 'A' ? 'B' : 'A') + fragment.slice(at + 1);
    expect(refusal(changed)).toMatch(/^The link (was changed on its way|is damaged|'s moment)/);
  });

  it('a character no link uses is named by its place', () => {
    const fragment = momentFragment(MOMENT);
    expect(refusal(`${fragment.slice(0, 20)}%${fragment.slice(21)}`)).toBe('The link is damaged: character 21 of its #… part is not one a TokenScope link uses');
  });

  it('a fragment longer than any browser opens is refused before it is decoded', () => {
    const long = `tokenscope=1.${'A'.repeat(MOMENT_LINK_MAX_CHARS)}`;
    expect(withinBounds(() => refusal(long))).toMatch(/^The link's #… part is 2,097,165 characters, over TokenScope's limit of 2,097,152 characters/);
  });

  it('a deflate bomb is refused at the inflate budget, without inflating it whole', () => {
    // About a gigabyte of zeros, in under a megabyte of link: inflating it whole would take far beyond these bounds.
    const small = zlibBomb(1000);
    expect(inflateSync(small.bytes.subarray(2, -4)).length).toBe(small.inflatedBytes);
    const bomb = zlibBomb(1_000_000);
    expect(bomb.inflatedBytes).toBeGreaterThan(1_000_000_000);
    const fragment = `tokenscope=1.${base64url.encode(bomb.bytes)}`;
    expect(fragment.length).toBeLessThan(MOMENT_LINK_MAX_CHARS);
    expect(withinBounds(() => refusal(fragment))).toBe("The link's moment, inflated, is more than 8,000,000 bytes, over TokenScope's limit of 8,000,000 bytes; TokenScope never makes such a link");
  });

  it('compressed data that is not zlib, and a moment that is not UTF-8 or not JSON, are refused', () => {
    expect(refusal(`tokenscope=1.${base64url.encode(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))}`)).toBe('The link is damaged: its moment is not compressed the way TokenScope writes it');
    expect(refusal(`tokenscope=1.${base64url.encode(zlibSync(new Uint8Array([0x7b, 0xff, 0x7d])))}`)).toBe("The link's moment is not UTF-8 text (at byte 1)");
    expect(refusal(fragmentOfJson('{"version":1,'))).toMatch(/^The link: the TokenScope moment in its #… part is not valid JSON: /);
  });

  it('its moment is checked exactly like an image’s: version, fields, and the scenario budget of a file', () => {
    expect(refusal(fragmentOfJson(JSON.stringify({ ...MOMENT, version: 2 })))).toBe('The link: the embedded TokenScope moment was made by a newer version of TokenScope (moment version 2); this one reads version 1');
    expect(refusal(fragmentOfJson(JSON.stringify({ ...MOMENT, view: { startMs: 5, endMs: 5 } })))).toMatch(/no valid time window/);
    const huge = { ...MOMENT, scenarioText: 'a'.repeat(SCENARIO_MAX_CHARS + 1) };
    expect(withinBounds(() => refusal(fragmentOfJson(JSON.stringify(huge))))).toMatch(/^The link: the scenario embedded in it is 2,000,001 characters, over TokenScope's limit of 2,000,000 characters/);
  });
});
