/**
 * Drafts → published claims: speakers, addressees, targets and sources resolved to entities, `about` (the
 * targets, then the names in the content), kind, polarity, date, parent, a confidence and the rules that
 * fired. A claim repeated word for word (a lead and its caption) becomes one claim; `evidence` lists the repeats.
 */
import type { Claim, MentionKind, Span, Stance } from "../core/types.js";
import { normalize } from "../text/normalize.js";
import { polarityOf, type Polarity } from "./content.js";
import { lettersBefore, sentenceRange, type Context, type MentionRef } from "./context.js";
import { resolvePhrase, resolvePronoun, type Resolution } from "./coref.js";
import { readPhrase, type NounPhrase } from "./phrase.js";
import type { CueHit } from "./scan.js";
import type { ObjectSpan, Slots } from "./slots.js";
import type { Chain } from "./via.js";

export type SpeakerRule =
  | "speaker.svo" | "speaker.vso" | "speaker.relative" | "speaker.headline" | "speaker.continue" | "speaker.participle"
  | "speaker.new-topic" | "speaker.passive" | "speaker.possessor" | "speaker.origin" | "speaker.relay";

export interface Draft {
  hit: CueHit;
  rule: SpeakerRule;
  /** the speaker's own words, if any */
  phrase: NounPhrase | null;
  slots: Slots;
  content: { from: number; to: number; token: number; endToken: number } | null;
  chain: Chain | null;
  parent: Draft | null;
  /** the claim whose speaker this one continues */
  inherit: Draft | null;
  /** the same cue read with the phrase after it as its object and a continued speaker */
  alternative: { slots: Slots; content?: Draft["content"] } | null;
  /** a participle or noun that another cue took as its own (صرّح متسائلاً) */
  absorbed: boolean;
  date?: MentionRef | null;
}

/** A speaker, addressee, target or source: a span of the input and the entity it refers to. */
export interface Participant extends Span {
  entity: string | null;
  affiliations: string[];
}

export interface CorefMention {
  entity: string;
  start: number;
  end: number;
  kind: MentionKind;
  rule: string;
}

const SPEAKER_CONFIDENCE: Record<SpeakerRule, number> = {
  "speaker.vso": 0.9, "speaker.svo": 0.85, "speaker.headline": 0.85, "speaker.origin": 0.85, "speaker.relay": 0.8,
  "speaker.participle": 0.8, "speaker.continue": 0.75, "speaker.possessor": 0.75, "speaker.relative": 0.75,
  "speaker.passive": 0.7, "speaker.new-topic": 0.6,
};
const CONTENT_CONFIDENCE: Record<string, number> = { quote: 1, colon: 1, that: 1, object: 0.85, rest: 0.8 };

const REPEAT_SIMILARITY = 0.75;

/** Confidences are products of a few constants: each rounded once. */
const rounded = new Map<number, number>();
function twoDecimals(x: number): number {
  let r = rounded.get(x);
  if (r === undefined) rounded.set(x, (r = +x.toFixed(2)));
  return r;
}

export function buildClaims(ctx: Context, drafts: Draft[]): { claims: Claim[]; coref: CorefMention[] } {
  const coref: CorefMention[] = [];
  const span = (from: number, to: number): Span => ({ start: from, end: to, text: ctx.input.slice(from, to) });
  const participant = (phrase: NounPhrase): Participant => {
    const r: Resolution = resolvePhrase(ctx, phrase);
    if (r.entity && (r.via === "role" || r.via === "descriptor")) coref.push({ entity: r.entity, start: phrase.from, end: phrase.to, kind: r.via, rule: `claims.coref.${r.via}` });
    return { start: phrase.from, end: phrase.to, text: ctx.input.slice(phrase.from, phrase.to), entity: r.entity, affiliations: r.affiliations };
  };
  const speakers = new Map<Draft, Participant | null>();
  const spoken: { head: string; speaker: Participant; sentence: number }[] = [];
  const speakerOf = (d: Draft): Participant | null => {
    if (speakers.has(d)) return speakers.get(d)!;
    let p = d.rule === "speaker.passive" ? null : d.inherit ? speakerOf(d.inherit) : d.phrase ? participant(d.phrase) : null;
    if (p && d.phrase && !d.inherit) {
      const sentence = ctx.tokens[d.hit.token]!.sentence;
      if (!p.entity && !p.affiliations.length) p = { ...p, ...antecedentOf(d.phrase, sentence) };
      spoken.push({ head: headKey(d.phrase), speaker: p, sentence });
    }
    speakers.set(d, p);
    return p;
  };
  /** the document words of a sentence (بيان، التقرير), without the article */
  const documentsOf = new Map<number, Set<string>>();
  const documentsIn = (sentence: number): Set<string> => {
    let documents = documentsOf.get(sentence);
    if (documents) return documents;
    documents = new Set<string>();
    const { firstToken, endToken } = ctx.sentences[sentence]!;
    for (let k = firstToken; k < endToken; k++) {
      const w = ctx.tokens[k]!.norm;
      if (ctx.cues.sources.get(w)?.class === "document") documents.add(w.startsWith("ال") ? w.slice(2) : w);
    }
    documentsOf.set(sentence, documents);
    return documents;
  };
  const typeOf = (id: string) => ctx.entities.find((e) => e.id === id)?.type;
  const headKey = (phrase: NounPhrase) => (phrase.headNorm.startsWith("ال") ? phrase.headNorm.slice(2) : phrase.headNorm);
  /** «البيان»، «المصادر ذاتها»: a bare definite source is the one named before with the same word (a statement: the last speaker) */
  const antecedentOf = (phrase: NounPhrase, sentence: number): Pick<Participant, "entity" | "affiliations"> => {
    const none = { entity: null, affiliations: [] };
    if (!phrase.headNorm.startsWith("ال") || phrase.names.length || phrase.gentilics.length || !["unnamed", "document", "institution", "title"].includes(phrase.head)) return none;
    for (let i = spoken.length - 1; i >= 0; i--) {
      const s = spoken[i]!;
      if (sentence - s.sentence > 4) break;
      // the same word (بيان … البيان), or a statement the last speaker was said to have made (في بيان لها … البيان)
      const sameWord = s.head === headKey(phrase) || (phrase.head === "document" && documentsIn(s.sentence).has(headKey(phrase)));
      // «ونفى المتحدث …» right after a group spoke: its spokesman
      const ofGroup = phrase.head === "unnamed" && sentence - s.sentence <= 1 && !!s.speaker.entity && typeOf(s.speaker.entity) === "group";
      if ((sameWord || ofGroup) && (s.speaker.entity || s.speaker.affiliations.length)) return { entity: s.speaker.entity, affiliations: [...s.speaker.affiliations] };
    }
    return none;
  };

  const built = drafts.map((d) => {
    const speaker = speakerOf(d);
    const addressee = objectParticipant(ctx, d, "addressee", participant, coref);
    const target = objectParticipant(ctx, d, "target", participant, coref);
    const content = d.content ? span(d.content.from, d.content.to) : null;
    const about = aboutOf(ctx, speaker, target, d.content);
    const polarity: Polarity = polarityOf(ctx, d.hit, d.content);
    const date = d.date ?? d.chain?.date ?? dateBefore(ctx, d);
    const slot = d.slots.content?.slot ?? "rest";
    const claim: Claim = {
      id: "",
      cue: span(d.hit.start, d.hit.end),
      stance: d.hit.stance as Stance,
      speaker: speaker ? { ...speaker, affiliations: [...speaker.affiliations] } : null,
      content,
      about,
      // a quotation after the cue, a colon or a complementizer is direct speech; quoted words after a preposition are not
      kind: d.hit.kind === "colon" || (d.slots.content?.quote && ["quote", "colon", "that"].includes(d.slots.content.slot)) ? "direct" : "indirect",
      polarity,
    };
    // the optional fields in their published order (no spreads: this runs for every claim)
    if (addressee) claim.addressee = addressee;
    if (target) claim.targets = [target];
    if (d.chain) claim.via = d.chain.links.map((l) => ({ ...participant(l.phrase), relation: l.relation }));
    if (date) {
      const when: Span & { value?: string } = span(date.start, date.end);
      if (date.entity.value) when.value = date.entity.value;
      claim.date = when;
    }
    claim.confidence = twoDecimals(SPEAKER_CONFIDENCE[d.rule] * (CONTENT_CONFIDENCE[slot] ?? 0.95) * (d.phrase?.head === "guess" ? 0.7 : 1));
    claim.rule = `${d.hit.cue?.id ?? (d.hit.kind === "colon" ? "say.headline-colon" : d.hit.relay?.id ?? "cue")}+${d.rule}+content.${slot.replace(":", "-")}`;
    return { draft: d, claim };
  });

  // one claim for a statement repeated word for word by the same speaker (compared within speaker and stance)
  const keptOf = new Map<Draft, Draft>();
  const kept: typeof built = [];
  // the words of a content are read only when the speaker said something else before with the same stance
  const bySpeaker = new Map<string, { b: (typeof built)[number]; words: () => Set<string> }[]>();
  for (const b of built) {
    const key = b.claim.speaker?.entity && !b.draft.parent && b.claim.content ? `${b.claim.speaker.entity}\u0000${b.claim.stance}` : null;
    let own: Set<string> | null = null;
    const ownWords = () => (own ??= words(b.claim.content!.text));
    const twin = key ? bySpeaker.get(key)?.find((k) => similar(k.words(), ownWords()))?.b : undefined;
    if (!twin) {
      kept.push(b);
      if (key) bySpeaker.set(key, [...(bySpeaker.get(key) ?? []), { b, words: ownWords }]);
      continue;
    }
    const evidence = (twin.claim.evidence as { cue: Span; content: Span | null }[] | undefined) ?? [];
    twin.claim.evidence = [...evidence, { cue: b.claim.cue, content: b.claim.content }];
    twin.claim.about = [...new Set([...twin.claim.about, ...b.claim.about])];
    keptOf.set(b.draft, twin.draft);
  }
  kept.sort((a, b) => a.claim.cue.start - b.claim.cue.start || a.claim.cue.end - b.claim.cue.end);
  const idOf = new Map<Draft, string>();
  kept.forEach((k, i) => {
    k.claim.id = `c${i + 1}`;
    idOf.set(k.draft, k.claim.id);
  });
  const claims = kept.map(({ draft, claim }) => {
    const parent = draft.parent ? idOf.get(keptOf.get(draft.parent) ?? draft.parent) : undefined;
    if (!parent || parent === claim.id) return claim;
    const { id, cue, stance, speaker, content, about, kind, polarity, ...rest } = claim;
    return { id, cue, stance, speaker, content, about, kind, polarity, parent, ...rest } as Claim;
  });
  return { claims, coref };
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** per UTF-16 unit outside the surrogates: 0 not known yet, 1 a letter or digit, 2 not */
const wordChar = new Uint8Array(0x10000);

function isWordChar(s: string, i: number, width: number): boolean {
  if (width === 2) return WORD_CHAR.test(s.slice(i, i + 2));
  const c = s.charCodeAt(i);
  let known = wordChar[c]!;
  if (!known) wordChar[c] = known = WORD_CHAR.test(s[i]!) ? 1 : 2;
  return known === 1;
}

/** The words of a content (runs of letters and digits, as the /[^\p{L}\p{N}]+/u split reads them), longer than one unit. */
function words(text: string): Set<string> {
  const s = normalize(text);
  const out = new Set<string>();
  let start = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    if (!isWordChar(s, i, width)) {
      if (i - start > 1) out.add(s.slice(start, i));
      start = i + width;
    }
    i += width;
  }
  if (s.length - start > 1) out.add(s.slice(start));
  return out;
}

/** Word overlap (Jaccard) of two contents. */
function similar(x: Set<string>, y: Set<string>): boolean {
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / (x.size + y.size - common) >= REPEAT_SIMILARITY;
}


function objectParticipant(
  ctx: Context, d: Draft, role: "addressee" | "target", participant: (p: NounPhrase) => Participant, coref: CorefMention[]
): Participant | null {
  const cue = d.hit.cue;
  const o: ObjectSpan | null = d.slots[role];
  if (!o && d.hit.objectSuffix && cue && cue[role].includes("object")) {
    // an attached pronoun (اتهمها): its span is the pronoun's letters at the end of the cue's word
    const t = ctx.tokens[d.hit.token]!;
    const s = ctx.shadow.from[t.shadowStart + t.norm.length - d.hit.objectSuffix.length]!;
    const entity = resolvePronoun(ctx, d.hit.token, d.hit.objectSuffix);
    if (!entity) return null;
    coref.push({ entity, start: s, end: t.end, kind: "pronoun", rule: "claims.coref.pronoun" });
    return { start: s, end: t.end, text: ctx.input.slice(s, t.end), entity, affiliations: [] };
  }
  if (!o) return null;
  const phrase = readPhrase(ctx, o.start, { limit: o.end, guess: true, coordinate: true, skipLetters: lettersBefore(ctx, o.start, o.from) });
  const base: Participant = phrase && phrase.end === o.end ? participant(phrase) : { start: o.from, end: o.to, text: ctx.input.slice(o.from, o.to), entity: null, affiliations: [] };
  return { ...base, start: o.from, end: o.to, text: ctx.input.slice(o.from, o.to) };
}

/** Name mentions (not dates, not gentilics) inside [from, to): a binary search over the mentions (sorted by start). */
function namesIn(ctx: Context, from: number, to: number): string[] {
  const { mentions } = ctx;
  let lo = 0, hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let k = lo; k < mentions.length && mentions[k]!.start < to; k++) {
    const m = mentions[k]!;
    if (m.kind === "name" && m.type !== "date" && m.end <= to) out.push(m.entity.id);
  }
  return out;
}

function aboutOf(ctx: Context, speaker: Participant | null, target: Participant | null, content: Draft["content"]): string[] {
  const ids = [
    ...(target ? [...(target.entity ? [target.entity] : []), ...namesIn(ctx, target.start, target.end)] : []),
    ...(content ? namesIn(ctx, content.from, content.to) : []),
  ];
  return [...new Set(ids)].filter((id) => id !== speaker?.entity);
}

/** A date named between the speaker (or the cue) and the content (قال أمس إنّ، وكان X قد أعلن الأحد أنّ). */
function dateBefore(ctx: Context, d: Draft): MentionRef | null {
  const [sentenceStart] = sentenceRange(ctx, d.hit.token);
  const own = d.phrase && d.phrase.start >= sentenceStart ? d.phrase.start : d.hit.token;
  const first = Math.min(own, d.hit.token);
  const end = d.content ? d.content.token : d.hit.endToken;
  for (let k = first; k < end; k++) {
    const m = ctx.covering[k];
    if (m?.type === "date" && (!d.content || m.end <= d.content.from)) return m;
  }
  return null;
}
