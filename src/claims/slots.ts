/**
 * After the cue and its subject: the addressee (قال لـ…، وجّه رسالة إلى …، طالب X بـ…), the target
 * (اتّهم X بـ…، ألقى باللوم على X، حمّل X المسؤولية) and where the content starts, each as the cue's
 * entry in the lexicon allows: a complementizer, a colon, a quotation, a preposition, the object, or the
 * words right after it.
 */
import { normalize } from "../text/normalize.js";
import { mentionAt, normOf, sentenceRange, startAfter, type Context } from "./context.js";
import type { Slot } from "./lexicon.js";
import { isMedia, readObject, readPhrase, type NounPhrase } from "./phrase.js";
import { OPENING_MARK, type Quote } from "./quotes.js";
import type { CueHit } from "./scan.js";
import { skipAdverbs } from "./speakers.js";

/** An addressee or target: tokens [start, end), input offsets [from, to). */
export interface ObjectSpan {
  start: number;
  end: number;
  from: number;
  to: number;
  slot: Slot;
}

export interface ContentStart {
  token: number;
  from: number;
  slot: Slot;
  /** the content is this quotation (direct speech) */
  quote: Quote | null;
  /** exclusive end token when the content is known to end there (a content before its cue) */
  endToken?: number;
}

export interface Slots {
  addressee: ObjectSpan | null;
  target: ObjectSpan | null;
  content: ContentStart | null;
  /** a participle or verbal noun that belongs to this cue (صرّح متسائلاً، عن مسؤول قوله) */
  absorbed: CueHit[];
  /** report cues: the source cited after عن / إلى */
  origin: NounPhrase | null;
  /** the medium a statement was given to (قال لوكالة فرانس برس): a source of the chain, not an addressee */
  channel: ObjectSpan | null;
}

/** Complementizers that are left out of the content (إنّ، أنّ، بأنّ); with a pronoun attached they stay. */
const BARE_THAT = new Set(["ان", "بان", "وان", "فان", "لان"]);
const SEPARATE_PREPS = new Set(["إلى", "على", "من", "عن"].map(normalize));

export interface SlotContext {
  ctx: Context;
  /** first token of each cue hit, for absorbing the participle or noun that follows a cue */
  hitAt: Pick<Map<number, CueHit>, "get" | "has">;
  /** tokens where no content may be searched past (other cues, formulas, relays) */
  isBarrier: (k: number) => boolean;
}

/** Another cue at k that a content search must not run past (not one inside a relative clause: المصدر، الذي طلب …). */
function otherCueAt(sc: SlotContext, k: number, hit: CueHit): boolean {
  return sc.hitAt.has(k) && k !== hit.token && !sc.ctx.cues.words.relatives.has(normOf(sc.ctx, k - 1));
}

function quoteOpenedAt(ctx: Context, k: number): Quote | null {
  const q = ctx.quoteOpening[k];
  return q && OPENING_MARK.test(normOf(ctx, k)) ? q : null;
}

const prepositions = new Map<Slot, string>();
/** The normalized preposition of a "prep:…" slot. */
const prepositionOf = (slot: Slot): string => {
  let p = prepositions.get(slot);
  if (p === undefined) prepositions.set(slot, (p = normalize(slot.slice(5))));
  return p;
};

/** A preposition slot at token k: separate (إلى، على، من، عن) or attached (ب، ل). Returns letters to skip in k, or -1 when k is the whole preposition. */
function prepositionAt(ctx: Context, k: number, slot: Slot): number | null {
  const w = normOf(ctx, k);
  if (ctx.tokens[k]?.kind !== "word") return null;
  const p = prepositionOf(slot);
  if (SEPARATE_PREPS.has(p)) return w === p ? -1 : null;
  if (w === p) return -1; // لـ، بـ written apart
  if (!w.startsWith(p) || w.length < p.length + 2 || PRONOUNS.has(w.slice(p.length))) return null;
  const { words, sources } = ctx.cues;
  if (words.stops.has(w) || words.that.has(w) || words.negations.has(w) || words.notPrefixed.has(w) || sources.has(w)) return null;
  // a ب/ل that belongs to a name the lexicon knows (بغداد، لبنان); a name guessed by rules or the model does
  // not outweigh the preposition (بإهدار، لاستقبالها)
  const m = ctx.covering[k];
  if (m && m.kind === "name" && !m.clitic && m.entity.origin === "lexicon") return null;
  return p.length;
}

function contentAt(ctx: Context, k: number, slots: Slot[]): ContentStart | null {
  const w = normOf(ctx, k);
  if (slots.includes("quote")) {
    const q = quoteOpenedAt(ctx, k);
    if (q && q.end > q.start) return { token: k + 1, from: q.start, slot: "quote", quote: q };
  }
  if (slots.includes("colon") && w === ":" && ctx.tokens[k]!.kind === "punct") {
    const j = k + 1;
    if (j >= ctx.tokens.length) return null;
    const q = quoteOpenedAt(ctx, j);
    if (q && q.end > q.start) return { token: j + 1, from: q.start, slot: "colon", quote: q };
    if (ctx.cues.words.that.has(normOf(ctx, j))) return thatContent(ctx, j, "colon");
    return { token: j, from: ctx.tokens[j]!.start, slot: "colon", quote: null };
  }
  if (slots.includes("that") && ctx.cues.words.that.has(w) && !ctx.covering[k]) return thatContent(ctx, k, "that");
  for (const slot of slots) {
    if (!slot.startsWith("prep:")) continue;
    const skip = prepositionAt(ctx, k, slot);
    if (skip === null) continue;
    if (skip === -1) {
      const next = k + 1;
      if (next >= ctx.tokens.length || ctx.tokens[next]!.sentence !== ctx.tokens[k]!.sentence) return null;
      if (ctx.cues.words.that.has(normOf(ctx, next))) return thatContent(ctx, next, slot);
      const q = quoteOpenedAt(ctx, next);
      if (q && q.end > q.start) return { token: next + 1, from: q.start, slot, quote: q };
      return { token: next, from: ctx.tokens[next]!.start, slot, quote: null };
    }
    return { token: k, from: ctx.tokens[k]!.start, slot, quote: null };
  }
  return null;
}

function thatContent(ctx: Context, k: number, slot: Slot): ContentStart | null {
  const w = normOf(ctx, k);
  if (BARE_THAT.has(w)) {
    const next = k + 1;
    if (next >= ctx.tokens.length || ctx.tokens[next]!.sentence !== ctx.tokens[k]!.sentence) return null;
    const q = quoteOpenedAt(ctx, next);
    if (q && q.end > q.start) return { token: next + 1, from: q.start, slot, quote: q };
    return { token: next, from: ctx.tokens[next]!.start, slot, quote: null };
  }
  return { token: k, from: startAfter(ctx, k, /^[بوفل]/.test(w) ? 1 : 0), slot, quote: null };
}

const MAX_SEARCH = 40;
/** attached pronouns: بها، لهم are no content */
const PRONOUNS = new Set(["ه", "ها", "هم", "هما", "هن", "نا", "ك", "كم", "ي"]);

/** an adjacent cue's content may follow a short adverbial (عبّر في بيان عن …) */
const ADJACENT = 4;

export function findSlots(sc: SlotContext, hit: CueHit, after: number): Slots {
  const { ctx } = sc;
  const cue = hit.cue;
  const sentence = ctx.tokens[hit.token]!.sentence;
  const inSentence = (k: number) => k < ctx.tokens.length && ctx.tokens[k]!.sentence === sentence;
  let content: Slot[] = cue ? [...cue.content] : ["colon", "quote", "rest"];
  const absorbed: CueHit[] = [];
  let pos = skipAdverbs(ctx, after);

  // a participle right after the cue describes it (صرّح متسائلاً:، أضاف قائلاً)
  const next = sc.hitAt.get(pos);
  if (next && next !== hit && (next.kind === "participle" || next.kind === "noun")) {
    absorbed.push(next);
    content = [...new Set([...content, ...next.cue!.content])];
    pos = skipAdverbs(ctx, next.endToken);
  }

  // report cues: the source cited after عن / إلى, then the noun that carries its words (قوله)
  let origin: NounPhrase | null = null;
  if (hit.stance === "report" && hit.needsToken !== null && hit.needsToken >= pos - 1) {
    origin = readPhrase(ctx, hit.needsToken + 1, { guess: true });
    if (origin) {
      pos = skipAdverbs(ctx, origin.end);
      const noun = sc.hitAt.get(pos);
      if (noun && noun.kind === "noun") {
        absorbed.push(noun);
        content = [...new Set([...content, ...noun.cue!.content])];
        pos = noun.endToken;
      }
    }
  }

  const isMarker = (k: number) => contentAt(ctx, k, content) !== null || otherCueAt(sc, k, hit) || sc.isBarrier(k);
  const readSlot = (slots: Slot[]): ObjectSpan | null => {
    if (!cue || hit.objectSuffix) return null;
    for (const slot of slots) {
      if (slot.startsWith("prep:")) {
        const skip = prepositionAt(ctx, pos, slot);
        if (skip === null) continue;
        const start = skip === -1 ? pos + 1 : pos;
        const named = skip === -1 ? mentionAt(ctx, start) : ctx.covering[start];
        const phrase = named && named.kind === "name" ? readPhrase(ctx, start, { guess: true, coordinate: true, skipLetters: skip === -1 ? 0 : skip }) : null;
        const end = phrase ? phrase.end : readObject(ctx, start, (k) => k > start && isMarker(k), ctx.tokens.length);
        if (end <= start || !inSentence(start)) continue;
        const whole = skip === -1 || normOf(ctx, start).startsWith("لل");
        const span = { start, end, from: whole ? ctx.tokens[start]!.start : startAfter(ctx, start, skip), to: ctx.tokens[end - 1]!.end, slot };
        pos = end;
        return span;
      }
      if (slot === "object") {
        const t = ctx.tokens[pos];
        const w = normOf(ctx, pos);
        if (!t || !inSentence(pos) || t.kind !== "word" || isMarker(pos) || (ctx.cues.words.stops.has(w) && !ctx.cues.words.determiners.has(w)) || ctx.cues.words.adverbs.has(w)) continue;
        // with a content that needs no marker (ناشد X الكشف عن …), the object is a noun phrase, not all words up to one
        const phrase = content.includes("rest") || content.includes("object") ? readPhrase(ctx, pos, { guess: true, coordinate: true }) : null;
        const end = phrase ? phrase.end : readObject(ctx, pos, isMarker, ctx.tokens.length);
        if (end <= pos) continue;
        const span = { start: pos, end, from: t.start, to: ctx.tokens[end - 1]!.end, slot };
        pos = end;
        return span;
      }
    }
    return null;
  };
  // a cue that needs a word further on (حمّل X المسؤولية، ألقى … باللوم على X): an object comes before that word
  let addressee: ObjectSpan | null = null;
  let target: ObjectSpan | null = null;
  if (hit.needsToken !== null && hit.stance !== "report" && !cue?.needs?.content) {
    const needs = hit.needsToken;
    if (pos < needs && cue?.target.includes("object") && !hit.objectSuffix) {
      target = { start: pos, end: needs, from: ctx.tokens[pos]!.start, to: ctx.tokens[needs - 1]!.end, slot: "object" };
    }
    pos = Math.max(pos, needs + 1);
    // an adjective may follow the needed word before the target (شنّ هجوماً عنيفاً على …)
    if (cue?.target.some((t) => t.startsWith("prep:")) && !cue.target.some((t) => t.startsWith("prep:") && prepositionAt(ctx, pos, t) !== null) && ctx.tokens[pos]?.kind === "word") pos++;
  }
  // a comma may close the subject before the object (… و"سيد الشهداء"، رئيسَ الحكومة بالتورط)
  if (normOf(ctx, pos) === "،" && ctx.tokens[pos + 1]?.kind === "word" && inSentence(pos + 1) && [...(cue?.addressee ?? []), ...(cue?.target ?? [])].includes("object")) pos++;
  addressee ??= readSlot(cue?.addressee ?? []);
  target ??= readSlot(cue?.target ?? []);

  let channel: ObjectSpan | null = null;
  if (addressee?.slot === "prep:ل" && isMediaAt(ctx, addressee.start)) {
    channel = addressee;
    addressee = null;
  }
  if (cue?.requires.includes("addressee") && !addressee && !hit.objectSuffix) return { addressee, target, content: null, absorbed, origin, channel };

  let start: ContentStart | null = null;
  let shortQuote: ContentStart | null = null;
  const objectFirst = content.includes("object") || (content.includes("rest") && absorbed.length > 0);
  const reach = cue?.adjacent ? ADJACENT : target?.slot === "object" && hit.stance !== "blame" ? 1 : MAX_SEARCH;
  for (let k = pos; inSentence(k) && k < pos + reach; k++) {
    if (k > pos && (otherCueAt(sc, k, hit) || sc.isBarrier(k))) break;
    const found = contentAt(ctx, k, content);
    // a short quotation on the way (نقلتها " تي في 5 ") is a name, unless nothing else follows
    if (found?.quote && k > pos && found.quote.closed && found.quote.closeToken - found.quote.openToken <= 4) {
      shortQuote ??= found;
      k = found.quote.closeToken;
      continue;
    }
    start = found;
    if (start) break;
    // an object or the words right after a describing participle come first
    if (objectFirst && k === pos && !ctx.cues.words.stops.has(normOf(ctx, k))) break;
  }
  start ??= shortQuote;
  if (!start && cue?.adjacent) return { addressee, target, content: null, absorbed, origin, channel };
  if (!start) {
    const objectSlot = [addressee, target].find((o) => o?.slot === "object");
    const t = ctx.tokens[pos];
    // an object is a noun (not «في صفوفهم»); the words after a describing verb may be anything
    const startsRest = !!t && inSentence(pos) && (t.kind === "word" || OPENING_MARK.test(t.norm));
    const startsObject = startsRest && (!ctx.cues.words.stops.has(t!.norm) || ctx.cues.words.determiners.has(t!.norm));
    if (content.includes("object") && objectSlot) {
      start = { token: objectSlot.start, from: objectSlot.from, slot: "object", quote: null };
    } else if (startsObject && content.includes("object") && !isMarker(pos)) {
      start = { token: pos, from: t!.start, slot: "object", quote: null };
    } else if (startsRest && content.includes("rest") && !isMarker(pos)) {
      start = { token: pos, from: t!.start, slot: "rest", quote: null };
    } else if (inSentence(pos) && content.includes("rest") && quoteOpenedAt(ctx, pos)) {
      const q = quoteOpenedAt(ctx, pos)!;
      start = { token: pos + 1, from: q.start, slot: "quote", quote: q };
    }
  }
  start ??= contentBefore(ctx, hit);
  // «رفض التعليق»: declining to speak is no statement
  if (start && cue?.noContent.has(normOf(ctx, start.token))) start = null;
  return { addressee, target, content: start, absorbed, origin, channel };
}

function isMediaAt(ctx: Context, k: number): boolean {
  const m = ctx.covering[k];
  return !!m && m.kind === "name" && isMedia(ctx, m);
}

/**
 * Content that comes before its cue: a quotation that opens the sentence («…»، قال X), or the statement that
 * «وهو ما أكده X» points back to (from the start of the sentence to «وهو ما»).
 */
function contentBefore(ctx: Context, hit: CueHit): ContentStart | null {
  const [first] = sentenceRange(ctx, hit.token);
  let k = hit.token - 1;
  if (normOf(ctx, k) === "،" || normOf(ctx, k) === ",") k--;
  const closing = ctx.quoteClosing[k];
  const q = closing && closing.openToken <= first + 1 ? closing : undefined;
  if (q && q.end > q.start) return { token: q.openToken + 1, from: q.start, slot: "quote", quote: q };
  if (hit.objectSuffix && normOf(ctx, hit.token - 1) === "ما") {
    let end = hit.token - 1;
    while (end > first && /^(?:و?هو|و?هذا|و?هي)$/.test(normOf(ctx, end - 1))) end--;
    // what the sentence's first complementizer introduced (وأوضح أن «…» وهو ما أكده X), else the whole clause
    let start = first;
    for (let j = first; j < end; j++) if (ctx.cues.words.that.has(normOf(ctx, j))) { start = j + 1; break; }
    const q = quoteOpenedAt(ctx, start);
    if (q && q.closed && q.closeToken < end) return { token: start + 1, from: q.start, slot: "quote", quote: q };
    if (end - start >= 3) return { token: start, from: ctx.tokens[start]!.start, slot: "rest", quote: null, endToken: end };
  }
  return null;
}
