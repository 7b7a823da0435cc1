/**
 * The glossary: one list of every term TokenScope explains, for the app's searchable glossary, the PDF handout and
 * every place that links a word to its meaning. The ideas (what a bearer token is, what rotation means) are written
 * here and printed in the handout; the JWT header fields and claims come from claim-explanations.ts, and the kinds of
 * event from shared/model/event-catalogue.ts, so each meaning is written once. Pure data.
 */
import type { SimEventType } from '../model/events.ts';
import { EXPLAINED_CLAIMS, explainClaim, explainHeader, HEADER_EXPLANATIONS, type ClaimExplanation } from './claim-explanations.ts';
import { EVENT_CATALOGUE, EVENT_TYPES } from '../model/event-catalogue.ts';

/** The ideas behind the timelines, in the order a learner meets them; the PDF handout's glossary prints these. */
export const GLOSSARY_IDEAS: readonly { term: string; meaning: string }[] = [
  { term: 'ServiceAccount', meaning: 'An identity for software running in the cluster, the way a user account is an identity for a person. RBAC grants it permissions; a token proves you are it.' },
  { term: 'Bearer token', meaning: 'A credential that works for whoever presents it: the API server checks the token, not who sent it. A copied token is as good as the original.' },
  { term: 'JWT', meaning: 'JSON Web Token: a header, a set of claims and a signature, each base64url-encoded and joined by dots. Anyone can read the claims; only the signing key can produce a valid signature.' },
  { term: 'Claim', meaning: 'One field in a JWT payload, such as iss (who issued it), sub (who it stands for), aud (who should accept it) or exp (when it stops working).' },
  { term: 'Legacy token', meaning: 'A token kept in a Secret by the tokens controller and mounted into pods before Kubernetes 1.21. It has no exp and no audience, so it works until its Secret is deleted.' },
  { term: 'Projected token', meaning: 'A token the kubelet asks the TokenRequest API for and writes into the pod through a projected volume. It names an audience, is bound to the pod and expires (an hour by default).' },
  { term: 'TokenRequest', meaning: 'The API that mints a short-lived token for a ServiceAccount on demand; kubectl create token uses it too. Durations under ten minutes are refused.' },
  { term: 'Rotation', meaning: 'The kubelet replaces a projected token once 80 % of its lifetime has passed (or after 24 hours), rewriting the file in place so the app just reads the new one.' },
  { term: 'Leeway', meaning: 'The API server keeps accepting a token for 60 seconds after its exp, to tolerate small clock differences between machines.' },
  { term: 'Bound object', meaning: 'The pod (or Secret, or node) a token is tied to. Deleting that object invalidates the token at once, even before its exp.' },
  { term: 'Audience', meaning: 'The services a token is meant for. A server rejects a token whose aud does not name it, so a token minted for one service cannot be replayed against another.' },
  { term: 'Extended expiration', meaning: 'A migration aid: with --service-account-extend-token-expiration the API server writes an exp a year away into kubelet tokens, while the kubelet still refreshes them hourly and warnafter marks copies used too long.' },
];

export type GlossarySection = 'idea' | 'header' | 'claim' | 'event';

export const GLOSSARY_SECTION_TITLES: Readonly<Record<GlossarySection, string>> = {
  idea: 'Ideas',
  header: 'JWT header fields',
  claim: 'JWT claims',
  event: 'Kinds of event',
};

export interface GlossaryEntry {
  /** Stable and unique: "idea:Rotation", "header:kid", "claim:exp", "event:token.issued". */
  id: string;
  section: GlossarySection;
  /** As it is written where it appears: words for an idea, the field or claim name, the event's type. */
  term: string;
  /** A few words: what the term is at a glance. */
  summary: string;
  /** The meaning, a paragraph each. */
  paragraphs: readonly string[];
  /** Other ways someone may search for it ("token issued" for token.issued). */
  aliases: readonly string[];
}

export const ideaId = (term: string) => `idea:${term}`;
export const headerId = (field: string) => `header:${field}`;
export const claimId = (path: string) => `claim:${path}`;
export const eventKindId = (type: SimEventType) => `event:${type}`;

function firstSentence(text: string): string {
  const end = text.search(/[.:](\s|$)/);
  return end < 0 ? text : text.slice(0, end);
}

function claimParagraphs(e: ClaimExplanation): string[] {
  return [e.what, `Why it matters: ${e.safety}`, `Added in: ${e.since}`];
}

/** A claim's meaning, with what it means instead on a legacy token or a token bound to a Node, where that differs. */
function claimEntry(path: string): GlossaryEntry {
  const plain = explainClaim(path)!;
  const paragraphs = claimParagraphs(plain);
  const legacy = explainClaim(path, { legacy: true });
  if (legacy && legacy !== plain) paragraphs.push(`On a legacy token: ${legacy.what} ${legacy.safety}`);
  const node = explainClaim(path, { boundTo: 'Node' });
  if (node && node !== plain) paragraphs.push(`On a token bound to a Node: ${node.what} ${node.safety}`);
  return { id: claimId(path), section: 'claim', term: path, summary: plain.short, paragraphs, aliases: [plain.short] };
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  ...GLOSSARY_IDEAS.map(({ term, meaning }): GlossaryEntry => ({ id: ideaId(term), section: 'idea', term, summary: firstSentence(meaning), paragraphs: [meaning], aliases: [] })),
  ...Object.keys(HEADER_EXPLANATIONS).map((field): GlossaryEntry => {
    const e = explainHeader(field)!;
    return { id: headerId(field), section: 'header', term: field, summary: e.short, paragraphs: claimParagraphs(e), aliases: [e.short] };
  }),
  ...EXPLAINED_CLAIMS.map(claimEntry),
  ...EVENT_TYPES.map(
    (type): GlossaryEntry => ({
      id: eventKindId(type),
      section: 'event',
      term: type,
      summary: firstSentence(EVENT_CATALOGUE[type].meaning),
      paragraphs: [EVENT_CATALOGUE[type].meaning],
      aliases: [type.replace(/[.-]/g, ' ')],
    }),
  ),
];

const BY_ID: ReadonlyMap<string, GlossaryEntry> = new Map(GLOSSARY.map((entry) => [entry.id, entry]));

export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return BY_ID.get(id);
}
