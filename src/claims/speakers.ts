/**
 * Where the speaker of a cue is: the subject before the verb (SVO: «إسماعيل قاآني طالب», «أنّ القيادي
 * الإيراني وجّه»), after it (VSO: «وقالت المصادر المطلعة على الاجتماع»), the antecedent of a relative
 * (المسؤول الذي قال), or a headline's name before a colon («قاآني: …»). A cue with none of these continues
 * an earlier speaker; that is decided once every claim is placed (see index.ts).
 */
import { isPunct, normOf, sentenceRange, type Context } from "./context.js";
import { readPhrase, type NounPhrase } from "./phrase.js";
import { OPENING_MARK } from "./quotes.js";
import type { CueHit } from "./scan.js";

/** the dash after a dateline (فيينا - قال …) */
const DASHES = new Set(["-", "–", "—"]);

/** A token after which a clause, and so a subject, may start. */
function opensClause(ctx: Context, k: number, sentenceStart: number): boolean {
  if (k < sentenceStart) return true;
  const w = normOf(ctx, k);
  const { words } = ctx.cues;
  const opensQuote = OPENING_MARK.test(w) && !!ctx.quoteOpening[k];
  return words.that.has(w) || words.clauseOpeners.has(w) || words.auxiliaries.has(w) || DASHES.has(w) || w === ":" || w === "،" || w === "؛" || opensQuote || ctx.paragraph[k] !== ctx.paragraph[k + 1];
}

/** The longest phrase that ends exactly at `end` and starts where `startOk` allows. */
function phraseEndingAt(ctx: Context, end: number, startOk: (s: number) => boolean): NounPhrase | null {
  const [first] = sentenceRange(ctx, Math.max(0, end - 1));
  let best: NounPhrase | null = null;
  const options = { limit: end };
  for (let s = end - 1; s >= Math.max(first, end - 22); s--) {
    const p = readPhrase(ctx, s, options);
    if (p && p.end === end && p.head !== "guess" && startOk(s)) best = p;
  }
  return best;
}

/** Auxiliaries between a subject and its verb (كانت قد دانت). */
function skipAuxiliariesBack(ctx: Context, k: number, first: number): number {
  while (k > first && ctx.cues.words.auxiliaries.has(normOf(ctx, k - 1))) k--;
  return k;
}


/** The person or group named last before token `before` in its sentence, as a phrase. */
function lastNamed(ctx: Context, before: number): NounPhrase | null {
  const [first] = sentenceRange(ctx, before);
  for (let k = before - 1; k >= first; k--) {
    const m = ctx.covering[k];
    if (!m || m.kind !== "name" || (m.type !== "person" && m.type !== "group")) continue;
    return readPhrase(ctx, m.tokenStart);
  }
  return null;
}

export type SubjectRule = "speaker.svo" | "speaker.relative";

/**
 * The subject before the cue, when the cue does not open a clause of its own: right before it (SVO), after
 * «كان» earlier in the clause (وكان X … قد أعلن), after «أما» (أما X فوصف), or the antecedent of a
 * relative or resumptive pronoun (الذي قال فيه، بياناً قالت فيه).
 */
export function subjectBefore(ctx: Context, hit: CueHit): { phrase: NounPhrase; rule: SubjectRule } | null {
  const [first] = sentenceRange(ctx, hit.token);
  const { words } = ctx.cues;
  if (normOf(ctx, hit.token).startsWith("ف")) {
    for (let k = hit.token - 1; k >= Math.max(first, hit.token - 20); k--) {
      if (!words.topicMarkers.has(normOf(ctx, k))) continue;
      const p = readPhrase(ctx, k + 1, { limit: hit.token });
      if (p && p.head !== "guess") return { phrase: p, rule: "speaker.svo" };
    }
  }
  if (hit.conj) return null;
  const end = skipAuxiliariesBack(ctx, hit.token, first);
  const svo = phraseEndingAt(ctx, end, (s) => opensClause(ctx, s - 1, first));
  if (svo) return { phrase: svo, rule: "speaker.svo" };
  for (let k = end - 1; k >= Math.max(first, end - 16); k--) {
    if (!words.copulas.has(normOf(ctx, k))) continue;
    const p = readPhrase(ctx, k + 1, { limit: end });
    if (p && p.head !== "guess") return { phrase: p, rule: "speaker.svo" };
    break;
  }
  const before = normOf(ctx, end - 1);
  if (end - 1 > first && words.relatives.has(before) && before !== "من") {
    // المسؤول الذي قال؛ with «فيه» after the cue the antecedent is a statement and its author was named before it
    const resumptive = words.resumptives.has(normOf(ctx, hit.endToken));
    const antecedent = phraseEndingAt(ctx, end - 1, () => true) ?? (resumptive ? lastNamed(ctx, end - 1) : null);
    if (antecedent) return { phrase: antecedent, rule: "speaker.relative" };
  }
  return null;
}

/** Adverbs, dates and «من جهته» between a cue and its subject. */
export function skipAdverbs(ctx: Context, k: number): number {
  const { words } = ctx.cues;
  for (;;) {
    const w = normOf(ctx, k);
    if (w === "من" && words.newSpeaker.has(normOf(ctx, k + 1))) k += 2;
    else if (words.adverbs.has(w) || words.newSpeaker.has(w)) k++;
    else if (ctx.covering[k]?.type === "date") k = ctx.covering[k]!.tokenEnd;
    else if (w === "،" && k > 0 && (words.newSpeaker.has(normOf(ctx, k - 1)) || words.adverbs.has(normOf(ctx, k - 1)))) k++;
    else return k;
  }
}

/** «أصدرت الوزارة بياناً قالت فيه»: a cue with «فيه» after it and no subject speaks for the last one named. */
export function resumptiveSubject(ctx: Context, hit: CueHit): NounPhrase | null {
  return ctx.cues.words.resumptives.has(normOf(ctx, hit.endToken)) ? lastNamed(ctx, hit.token) : null;
}

/** The subject after the cue (VSO). */
export function subjectAfter(ctx: Context, hit: CueHit): NounPhrase | null {
  const k = skipAdverbs(ctx, hit.endToken);
  if (ctx.tokens[k]?.sentence !== ctx.tokens[hit.token]!.sentence) return null;
  return readPhrase(ctx, k, { guess: true, ...(hit.needsToken !== null ? { limit: hit.needsToken } : {}) });
}

/** «من جهته/بدوره» right before or after the cue: a new speaker that the text named just before. */
export function opensNewSpeaker(ctx: Context, hit: CueHit): boolean {
  const { newSpeaker } = ctx.cues.words;
  for (let k = hit.token - 3; k <= hit.endToken + 2; k++) if (k >= 0 && newSpeaker.has(normOf(ctx, k))) return true;
  return false;
}

/** Colons of headlines: «Name: words» at the start of a sentence, with no cue before the colon. */
export function headlineColons(ctx: Context, hits: CueHit[]): { colon: number; phrase: NounPhrase }[] {
  const out: { colon: number; phrase: NounPhrase }[] = [];
  const cueSentences = new Map<number, number>();
  for (const h of hits) {
    const s = ctx.tokens[h.token]!.sentence;
    cueSentences.set(s, Math.min(cueSentences.get(s) ?? Infinity, h.token));
  }
  for (const sentence of ctx.sentences) {
    const { firstToken, endToken } = sentence;
    for (let k = firstToken + 1; k < Math.min(endToken - 1, firstToken + 12); k++) {
      if (normOf(ctx, k) !== ":" || !isPunct(ctx, k)) continue;
      if ((cueSentences.get(ctx.tokens[k]!.sentence) ?? Infinity) < k) break;
      const phrase = readPhrase(ctx, firstToken, { limit: k });
      if (phrase && phrase.end === k && phrase.head !== "guess" && endToken - k > 3) out.push({ colon: k, phrase });
      break;
    }
  }
  return out;
}
