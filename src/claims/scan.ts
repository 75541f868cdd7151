/**
 * Cue hits in a token stream: one hash lookup per reading of a token (as written, without و/ف, without an
 * attached pronoun, and for verbal nouns without ب/ل), multi-word cues through their companion word, relay
 * phrases and the writer's formulas (which block the cues inside them).
 */
import type { Stance } from "../core/types.js";
import { encliticReadings, procliticReadings } from "../text/clitics.js";
import { WordCache } from "../text/vocabulary.js";
import { normOf, startAfter, withoutConjunction, type Context } from "./context.js";
import type { ClaimsLexicon, Cue, CueForm, Phrase } from "./lexicon.js";
import type { Gender } from "./morph.js";

export type HitKind = "verb" | "participle" | "noun" | "passive" | "colon" | "relay";

export interface CueHit {
  kind: HitKind;
  /** the cue entry (null for the colon of a headline and for relays) */
  cue: Cue | null;
  relay: Phrase | null;
  stance: Stance;
  /** first and past-the-last token of the cue (a companion word or relay phrase included) */
  token: number;
  endToken: number;
  /** input span of the cue, without an attached و/ف */
  start: number;
  end: number;
  /** attached or separate و/ف, or كما before it: the cue opens a clause of its own */
  conj: boolean;
  gender: Gender | null;
  /** an attached object pronoun (اتهمها), as normalized letters */
  objectSuffix: string | null;
  /** token of the word the cue needs further on (ألقى … باللوم) */
  needsToken: number | null;
  /** relays: letters of the source's first token that belong to the relay (وفقاً لـمصادر) */
  sourceSkip: number;
  /** a present-tense verb form */
  present: boolean;
}

export interface FormulaHit {
  phrase: Phrase;
  token: number;
  endToken: number;
}

export interface ScanResult {
  hits: CueHit[];
  formulas: FormulaHit[];
}


interface Reading {
  stem: string;
  prefix: number;
  conj: boolean;
  preposition: boolean;
  suffix: string | null;
}

/** Readings of a word for cue lookup: و/ف and ب/ل proclitics, then an attached pronoun. */
function readingsOf(word: string): Reading[] {
  const out: Reading[] = [];
  const hasConj = withoutConjunction(word) !== word;
  // procliticReadings strips و/ف first (prefix 1), then ب/ك/ل
  for (const r of procliticReadings(word)) {
    const conj = hasConj && r.prefix >= 1;
    const preposition = r.prefix > (conj ? 1 : 0);
    out.push({ stem: r.stem, prefix: r.prefix, conj, preposition, suffix: null });
    for (const e of encliticReadings(r.stem)) out.push({ stem: e.stem, prefix: r.prefix, conj, preposition, suffix: r.stem.slice(r.stem.length - e.suffix) });
  }
  return out;
}

function acceptable(ctx: Context, form: CueForm, r: Reading, i: number): boolean {
  if (form.kind !== "noun" && r.preposition) return false;
  if (r.suffix !== null && form.kind !== "noun" && !form.cue.objectPronoun) return false;
  if (r.suffix !== null && form.kind === "noun" && r.suffix === "ي") return false;
  if (form.jussive && !ctx.cues.words.pastNegations.has(normOf(ctx, i - 1))) return false;
  return true;
}

/** The token of a word in `words` within `within` tokens after i, in the same sentence. */
function findAhead(ctx: Context, i: number, words: Set<string>, within: number): number | null {
  const s = ctx.tokens[i]!.sentence;
  for (let j = i + 1; j <= i + within && j < ctx.tokens.length && ctx.tokens[j]!.sentence === s; j++) {
    const w = normOf(ctx, j);
    if (words.has(w) || words.has(withoutConjunction(w))) return j;
  }
  return null;
}

/** Whether the phrase's tokens match from token i; returns the end token and prefix letters of a trailing prefix token. */
function matchPhrase(ctx: Context, phrase: Phrase, i: number, first: string): { endToken: number; skip: number } | null {
  let j = i;
  for (let k = 0; k < phrase.tokens.length; k++) {
    const t = phrase.tokens[k]!;
    const w = k === 0 ? first : normOf(ctx, j);
    if (j >= ctx.tokens.length || ctx.tokens[j]!.sentence !== ctx.tokens[i]!.sentence) return null;
    if (t.prefix) {
      if (!w.startsWith(t.word) || w.length <= t.word.length) return null;
      return { endToken: j, skip: t.word.length };
    }
    if (w !== t.word) return null;
    j++;
  }
  if (phrase.beforeThat && !ctx.cues.words.that.has(normOf(ctx, j))) return null;
  return { endToken: j, skip: 0 };
}

/**
 * A name of several words covers the token: the word is part of a name (دان غيلرمان), not a cue — unless a
 * name guessed by rules or the model starts with it (the cue «وتوقع» read into «وتوقع البنك المركزي»).
 */
function insideName(ctx: Context, i: number): boolean {
  const m = ctx.covering[i];
  if (!m || m.kind !== "name" || m.clitic || m.tokenEnd - m.tokenStart < 2) return false;
  return m.entity.origin === "lexicon" || m.tokenStart !== i;
}

/** What a word can be, once per distinct normalized word: formulas and relays it opens, readings that are cue forms. */
interface WordCues {
  /** for the word as written, then without و/ف: the phrases that start with it */
  formulas: { w: string; phrases: Phrase[] }[];
  relays: { w: string; phrases: Phrase[] }[];
  readings: { r: Reading; forms: CueForm[] }[];
}

/** Most words are none of these: one shared entry, so that the scan skips them after one lookup. */
const NO_CUES: WordCues = { formulas: [], relays: [], readings: [] };

/** What each word of the vocabulary can be to a claims lexicon (text/vocabulary.ts: one array slot per word). */
const memos = new WeakMap<ClaimsLexicon, WordCache<WordCues>>();

function wordCues(cues: ClaimsLexicon, word: string): WordCues {
  const bare = withoutConjunction(word);
  const spellings = word === bare ? [word] : [word, bare];
  const phrasesOf = (table: Map<string, Phrase[]>) => spellings.flatMap((w) => (table.has(w) ? [{ w, phrases: table.get(w)! }] : []));
  const formulas = phrasesOf(cues.formulas);
  const relays = phrasesOf(cues.relays);
  const readings = readingsOf(word).flatMap((r) => (cues.forms.has(r.stem) ? [{ r, forms: cues.forms.get(r.stem)! }] : []));
  return formulas.length || relays.length || readings.length ? { formulas, relays, readings } : NO_CUES;
}

const KIND_ORDER = ["verb", "passive", "participle", "noun"];
/** verbs before nouns; then the cue with a companion or needed word (عبّر عن إدانة before عبّر عن) */
const rank = (h: { kind: string; cue: Cue | null }) => KIND_ORDER.indexOf(h.kind) * 4 - (h.cue?.with ? 2 : 0) - (h.cue?.needs ? 1 : 0);

export function scanCues(ctx: Context): ScanResult {
  const { tokens, cues } = ctx;
  let memo = memos.get(cues);
  if (!memo) memos.set(cues, (memo = new WordCache()));
  const hits: CueHit[] = [];
  const formulas: FormulaHit[] = [];
  let blockedUntil = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== "word") continue;
    const word = t.norm;
    let known = memo.get(t.word);
    if (!known) memo.set(t.word, (known = wordCues(cues, word)));
    if (known === NO_CUES) continue;

    let formula: FormulaHit | null = null;
    for (const { w, phrases } of known.formulas) {
      for (const phrase of phrases) {
        const m = matchPhrase(ctx, phrase, i, w);
        if (m && (!formula || m.endToken > formula.endToken)) formula = { phrase, token: i, endToken: m.endToken };
      }
    }
    if (formula) {
      formulas.push(formula);
      blockedUntil = Math.max(blockedUntil, formula.endToken - 1);
      continue;
    }
    if (i <= blockedUntil) continue;
    const conjBefore = cues.words.coordinators.has(normOf(ctx, i - 1));

    let relayHit: CueHit | null = null;
    for (const { w, phrases } of known.relays) {
      for (const relay of phrases) {
        const m = matchPhrase(ctx, relay, i, w);
        if (!m || (relayHit && m.endToken <= relayHit.endToken)) continue;
        relayHit = {
          kind: "relay", cue: null, relay, stance: "report", token: i, endToken: m.endToken,
          start: startAfter(ctx, i, word.length - w.length), end: tokens[Math.max(i, m.endToken - 1)]!.end,
          conj: conjBefore || w !== word, gender: null, objectSuffix: null, needsToken: null, sourceSkip: m.skip, present: false,
        };
      }
    }
    if (relayHit) {
      hits.push(relayHit);
      continue;
    }
    if (!known.readings.length) continue;
    if (insideName(ctx, i)) continue;

    let best: CueHit | null = null;
    for (const { r, forms } of known.readings) {
      for (const form of forms) {
        if (!acceptable(ctx, form, r, i)) continue;
        const cue = form.cue;
        let endToken = i + 1;
        if (cue.with) {
          const next = normOf(ctx, i + 1);
          if (!cue.with.has(next) && !encliticReadings(next).some((e) => cue.with!.has(e.stem))) continue;
          endToken = i + 2;
        }
        let needsToken: number | null = null;
        if (cue.needs) {
          needsToken = findAhead(ctx, i, cue.needs.words, cue.needs.within);
          if (needsToken === null) continue;
          // a needed word right after the verb is part of the cue (وجّه رسالة، ألقى باللوم)
          if (needsToken === i + 1 && !cue.needs.content && cue.stance !== "report") endToken = i + 2;
        }
        if (best && rank(best) <= rank(form)) continue;
        best = {
          kind: form.kind, cue, relay: null, stance: cue.stance, token: i, endToken,
          start: startAfter(ctx, i, r.conj ? 1 : 0), end: tokens[endToken - 1]!.end,
          conj: conjBefore || r.conj, gender: form.gender, objectSuffix: r.suffix, needsToken, sourceSkip: 0, present: form.present,
        };
      }
    }
    if (best) hits.push(best);
  }
  // a cue word right after a verb cue is that verb's object, a noun (رفض طلبَ أنان، تبنى الدعوة)
  const kept = hits.filter((h, i) => {
    const prev = hits[i - 1];
    return !(prev && prev.kind === "verb" && prev.endToken === h.token && h.kind === "verb");
  });
  return { hits: kept, formulas };
}
