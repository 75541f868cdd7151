/**
 * The noun phrase that names a speaker or a source: a head (a name, a source word such as مصادر or وزير, a
 * descriptor such as القيادي) and what extends it: names and gentilics, definite words, adjectives of
 * sources (مطلعة، رفيع), prepositional phrases that the last source word takes (المطلعة على الاجتماع،
 * المتحدث باسم …), an apposition after a name (قاآني القائد المسؤول عن …), and a list of groups after
 * «في كلٍّ من». It stops at anything else: a verb, a complementizer, a second person, punctuation.
 */
import type { Token } from "../core/types.js";
import { WordCache } from "../text/vocabulary.js";
import { mentionAt, normOf, startAfter, withoutConjunction, type Context, type MentionRef } from "./context.js";
import type { ClaimsLexicon, SourceWord } from "./lexicon.js";

export type HeadKind = "person" | "group" | "place" | "gentilic" | "unnamed" | "title" | "descriptor" | "document" | "institution" | "guess";

export interface NounPhrase {
  /** tokens [start, end) */
  start: number;
  end: number;
  /** input offsets (after a proclitic of the first token) */
  from: number;
  to: number;
  head: HeadKind;
  headWord: SourceWord | null;
  /** normalized head word (a source word), for role lookups */
  headNorm: string;
  person: MentionRef | null;
  /** a name the entity stage did not find, read after a title (رئيس الاتحاد برند جوتشولك) */
  guessedName: boolean;
  names: MentionRef[];
  gentilics: MentionRef[];
}

export interface ReadOptions {
  /** exclusive token bound */
  limit?: number;
  /** proclitic letters of the first token that are not part of the phrase (لـ، عن …) */
  skipLetters?: number;
  /** accept an unknown definite word as head (low confidence) */
  guess?: boolean;
  /** a person may be followed by و and another person (targets: العامري وقيس الخزعلي) */
  coordinate?: boolean;
}

const MAX_TOKENS = 22;
const PREPOSITION_LETTERS = new Set(["ب", "ل"]);

/** The proclitic letters (normalized) between a token's start and a mention that starts inside it. */
function cliticOf(ctx: Context, m: MentionRef): string {
  const t = ctx.tokens[m.tokenStart]!;
  return m.clitic ? t.norm.slice(0, ctx.shadow.from.indexOf(m.start, t.shadowStart) - t.shadowStart) : "";
}

const isDefinite = (w: string) => w.startsWith("ال") && w.length >= 4;

/** The word as a source word (مصادر، وزير، المطلعة …). */
function sourceOf(ctx: Context, w: string): SourceWord | undefined {
  return ctx.cues.sources.get(w);
}

/** Whether a word ends the phrase whatever the grammar says: verbs that are cues, complementizers, stop words. */
function isBoundaryWord(ctx: Context, w: string): boolean {
  const { words, forms } = ctx.cues;
  return words.that.has(w) || words.stops.has(w) || (forms.has(w) && !ctx.cues.sources.has(w));
}

function isDateAt(ctx: Context, i: number): boolean {
  return ctx.covering[i]?.type === "date";
}

/** A conjunct of a list of groups or places starts at i: (و) (") + a group/place name, or a body's word before one (وكتائب حزب الله). */
function conjunctAt(ctx: Context, i: number): number | null {
  let k = i;
  if (normOf(ctx, k) === "و") k++;
  if (ctx.tokens[k]?.kind === "punct" && /["«“]/.test(normOf(ctx, k))) k++;
  if (!mentionAt(ctx, k) && sourceOf(ctx, withoutConjunction(normOf(ctx, k)))?.class === "institution" && mentionAt(ctx, k + 1)) return k;
  const m = mentionAt(ctx, k);
  if (!m || m.kind !== "name" || m.type === "person" || m.type === "date") return null;
  const clitic = cliticOf(ctx, m);
  return clitic === "" || clitic === "و" ? k : null;
}

/**
 * Whether a phrase may start at token i (no letters skipped): what reading it needs first, a quantifier, a name,
 * a source word or (guessing) a definite word. Most tokens are none: this spares reading them.
 */
function mayOpen(ctx: Context, i: number, guess: boolean): boolean {
  const t = ctx.tokens[i]!;
  let known = ctx.opensPhrase[i];
  if (known === undefined) ctx.opensPhrase[i] = known = ctx.startingAt[i] !== undefined || opensPhrase(ctx.cues, t);
  return known || (guess && isDefinite(t.norm));
}

const openingWords = new WeakMap<ClaimsLexicon, WordCache<boolean>>();

/** A source word or quantifier, also with و/ف attached: once per word of the vocabulary. */
function opensPhrase(cues: ClaimsLexicon, t: Token): boolean {
  let cache = openingWords.get(cues);
  if (!cache) openingWords.set(cues, (cache = new WordCache()));
  let known = cache.get(t.word);
  if (known === undefined) {
    const bare = withoutConjunction(t.norm);
    const opens = (w: string) => cues.sources.has(w) || cues.words.quantifiers.has(w);
    cache.set(t.word, (known = opens(t.norm) || (bare !== t.norm && opens(bare))));
  }
  return known;
}

export function readPhrase(ctx: Context, i: number, options: ReadOptions = {}): NounPhrase | null {
  const { tokens } = ctx;
  if (i < 0 || i >= tokens.length || (tokens[i]!.kind !== "word" && tokens[i]!.kind !== "latin")) return null;
  if (!options.skipLetters && !mayOpen(ctx, i, options.guess === true)) return null;
  const sentence = tokens[i]!.sentence;
  const limit = Math.min(options.limit ?? tokens.length, i + MAX_TOKENS);
  const inside = (k: number) => k < limit && tokens[k]!.sentence === sentence;
  const skip = options.skipLetters ?? 0;
  const names: MentionRef[] = [];
  const gentilics: MentionRef[] = [];
  let person: MentionRef | null = null;
  let head: HeadKind | null = null;
  let headWord: SourceWord | null = null;
  let headNorm = "";
  let guessedName = false;
  let k = i;

  // the first word: its proclitic (و/ف, or letters the caller skips) is not part of the phrase
  const firstWord = (w: string) => {
    if (skip) {
      const rest = w.slice(skip);
      return rest.startsWith("ل") && w.startsWith("لل") ? "ا" + rest : rest;
    }
    return w;
  };
  let w0 = firstWord(normOf(ctx, k));
  // «للبيان»: the article's alef is gone, so the span keeps the whole word
  let from = skip && normOf(ctx, k).startsWith("لل") ? tokens[k]!.start : startAfter(ctx, k, skip);
  if (ctx.cues.words.quantifiers.has(w0) || ctx.cues.words.quantifiers.has(withoutConjunction(w0))) {
    if (!inside(k + 1)) return null;
    k++;
    w0 = normOf(ctx, k);
  } else if (!skip && w0 !== withoutConjunction(w0) && !mentionAt(ctx, k) && sourceOf(ctx, withoutConjunction(w0))) {
    w0 = withoutConjunction(w0);
    from = startAfter(ctx, k, 1);
  }
  const m0 = mentionAt(ctx, k);
  const clitic0 = m0 ? cliticOf(ctx, m0) : "";
  if (m0 && m0.type !== "date" && (clitic0 === "" || clitic0 === "و" || clitic0 === "ف" || clitic0.length === skip)) {
    if (k === i) from = m0.start;
    if (m0.kind === "gentilic") {
      head = "gentilic";
      gentilics.push(m0);
    } else {
      head = m0.type as HeadKind;
      names.push(m0);
      if (m0.type === "person") person = m0;
    }
    k = m0.tokenEnd;
  } else if (sourceOf(ctx, w0) && sourceOf(ctx, w0)!.class !== "modifier") {
    headWord = sourceOf(ctx, w0)!;
    head = headWord.class as HeadKind;
    headNorm = w0;
    k++;
  } else if (options.guess && isDefinite(w0) && !isBoundaryWord(ctx, w0) && tokens[k]!.kind === "word") {
    head = "guess";
    headNorm = w0;
    k++;
  } else {
    return null;
  }

  let pp: Set<string> = headWord?.pp ?? new Set();
  let apposition = false;
  let listOpen = false;
  let lastTitle = headWord?.class === "title" || headWord?.class === "descriptor";
  let lastDefinite = head !== "title" && head !== "unnamed" && head !== "institution" ? true : isDefinite(headNorm);
  // an indefinite head may be the first word of a construct chain (منسق معونات الطوارئ، وزراء خارجية دول …)
  let chain = !lastDefinite && headWord ? 0 : -1;
  while (inside(k)) {
    const t = tokens[k]!;
    const w = t.norm;
    if (t.kind === "punct") {
      if (listOpen && (w === "،" || w === ",") && conjunctAt(ctx, k + 1) !== null) {
        k++;
        continue;
      }
      // a quoted name (صحيفة "المستقبل"، و"سيد الشهداء")
      const quoted = quotedNameAt(ctx, k, limit);
      if (quoted !== null && (listOpen || headWord?.class === "institution" || headWord?.class === "document")) {
        for (let j = k; j < quoted; j++) if (mentionAt(ctx, j)?.kind === "name") names.push(mentionAt(ctx, j)!);
        k = quoted;
        lastDefinite = true;
        continue;
      }
      break;
    }
    if (isDateAt(ctx, k)) break;
    const m = mentionAt(ctx, k);
    if (m && m.type !== "date") {
      const clitic = cliticOf(ctx, m);
      const conj = clitic.startsWith("و") || normOf(ctx, k - 1) === "و";
      const prep = clitic.replace(/^[وف]/, "");
      if (m.kind === "gentilic") {
        if (prep) break;
        gentilics.push(m);
        k = m.tokenEnd;
        continue;
      }
      if (m.type === "person") {
        if (prep || (person && !(conj && options.coordinate))) break;
        if (conj && !options.coordinate) break;
        person ??= m;
        names.push(m);
        apposition = false;
        lastTitle = false;
        lastDefinite = true;
        chain = -1;
        k = m.tokenEnd;
        continue;
      }
      if (prep && !(PREPOSITION_LETTERS.has(prep) && pp.has(prep) && !(prep === "ل" && isMedia(ctx, m)))) break;
      if (conj && !listOpen && !(options.coordinate && names.length)) break;
      if (person && !apposition && !prep) break;
      // a name right after a definite word is not its complement (اتهم المتحدث إيران …): only an indefinite head takes one
      if (lastDefinite && !prep && !listOpen && !conj) break;
      names.push(m);
      lastTitle = false;
      lastDefinite = true;
      chain = -1;
      k = m.tokenEnd;
      continue;
    }
    const bare = withoutConjunction(w);
    // «إسلاميين وشهود عيان»: sources side by side
    if (head === "unnamed" && !person && w !== bare && sourceOf(ctx, bare)?.class === "unnamed") {
      lastDefinite = isDefinite(bare);
      k++;
      continue;
    }
    // «الممثل الأعلى للأمن والسياسة الخارجية الأوروبي خافيير سولانا»: a title's coordinated complement, before its name
    if (head === "title" && !person && w !== bare && isDefinite(bare) && [1, 2, 3, 4].some((n) => inside(k + n) && mentionAt(ctx, k + n)?.type === "person")) {
      lastDefinite = true;
      k++;
      continue;
    }
    if (listOpen && w !== bare && sourceOf(ctx, bare)?.class === "institution" && mentionAt(ctx, k + 1)) {
      k++;
      continue;
    }
    if (w === "و" && listOpen && conjunctAt(ctx, k) !== null) {
      k++;
      continue;
    }
    if (w.startsWith("باسم") && pp.has("باسم")) {
      // المتحدث باسم الوزارة / المتحدث باسمها (then perhaps a name)
      k++;
      if (w !== "باسم") lastTitle = true;
      lastDefinite = false;
      continue;
    }
    if (ctx.cues.words.relatives.has(w) && headWord?.class === "document" && !person) {
      // التقرير الذي نشرته الأمم المتحدة
      const agent = mentionAt(ctx, k + 2);
      if (agent && agent.kind === "name" && agent.type !== "date" && inside(agent.tokenEnd - 1)) {
        names.push(agent);
        k = agent.tokenEnd;
        continue;
      }
      break;
    }
    if (ctx.cues.words.stops.has(w) && !ctx.cues.words.that.has(w)) {
      // a preposition the last source word takes, with a name, a definite word or a body after it
      const object = k + 1;
      const end = pp.has(w) && inside(object) && (!person || apposition) ? prepositionObject(ctx, object, inside) : null;
      if (end === null) break;
      if (end === -1) {
        listOpen = true;
        k += 3;
        continue;
      }
      // the object is read next (a definite object is not an adjective of what came before)
      lastDefinite = end > object;
      chain = -1;
      k = end;
      continue;
    }
    if (isBoundaryWord(ctx, w)) break;
    const src = sourceOf(ctx, w);
    if (src) {
      const opensApposition = !!person && !apposition;
      if (opensApposition) {
        if (src.class !== "title" && src.class !== "descriptor") break;
        apposition = true;
      }
      // after a definite word, a definite noun is the object (المتحدث الأنباء، أبلغ السفير الصحفيين) and an
      // indefinite one a new phrase (استهجن الحزب تصريحات); only adjectives go on, and an honorific before the
      // name it introduces (وزير الطاقة السعودي الأمير عبد العزيز بن سلمان)
      const honorific = (src.class === "title" || src.refers === "person") && !person && [1, 2].some((n) => mentionAt(ctx, k + n)?.type === "person");
      if (!opensApposition && !honorific && lastDefinite && src.class !== "modifier" && (!isDefinite(w) || !adjectiveLike(ctx, w, k))) break;
      // a head or title brings its own prepositions; an adjective adds to them (الناطق الرسمي باسم …)
      if (src.class === "modifier") pp = new Set([...pp, ...src.pp]);
      else if (src.pp.size) pp = src.pp;
      lastTitle = src.class === "title" || src.class === "descriptor";
      lastDefinite = isDefinite(w);
      chain = !lastDefinite && src.class !== "modifier" ? 0 : -1;
      k++;
      continue;
    }
    if (isDefinite(w) && t.kind === "word") {
      if (person && !apposition) break;
      if (lastDefinite && !adjectiveLike(ctx, w, k)) break;
      lastDefinite = true;
      chain = -1;
      k++;
      continue;
    }
    // ب/ل + a definite word that the last source word takes (بالحكومة؛ وزير الدولة للشؤون الخارجية), not the
    // people a statement is made to (قال الوزير للصحفيين)
    const object = w[0] === "ل" && w[1] === "ل" ? "ا" + w.slice(1) : w.slice(1);
    const objectClass = sourceOf(ctx, object)?.class;
    if (PREPOSITION_LETTERS.has(w[0]!) && pp.has(w[0]!) && isDefinite(object) && !person && (w[0] === "ب" ? objectClass === "institution" : (lastTitle || head === "title") && objectClass !== "unnamed")) {
      lastDefinite = true;
      k++;
      continue;
    }
    if (chain >= 0 && chain < 2 && t.kind === "word" && w === bare && !ctx.cues.words.notPrefixed.has(w) && inside(k + 1)) {
      const next = tokens[k + 1]!;
      if (next.kind === "word" && (mentionAt(ctx, k + 1) || isDefinite(next.norm) || (chain === 0 && !isBoundaryWord(ctx, next.norm)))) {
        chain++;
        k++;
        continue;
      }
    }
    const canGuess = head === "title" || head === "descriptor" || (head === "unnamed" && lastDefinite) || (head === "institution" && !isDefinite(headNorm));
    if (!person && !guessedName && canGuess && (lastTitle || lastDefinite || head === "institution")) {
      const end = guessName(ctx, k, inside);
      if (end !== null) {
        guessedName = true;
        k = end;
        continue;
      }
    }
    break;
  }
  if (k === i || head === null || (head === "guess" && k - i > 4)) return null;
  const end = k;
  return {
    start: i, end, from, to: tokens[end - 1]!.end,
    head, headWord, headNorm, person, guessedName, names, gentilics,
  };
}

/**
 * A definite word that reads as an adjective of the word before it: an adjective of sources (المطلعة،
 * المسؤول), or a nisba (الإسلامية) — feminine only after a feminine word or a broken plural (المصادر الأمنية),
 * since after «المتحدث» a word in -ية is a noun (the object: دحض المتحدث الرواية).
 */
function adjectiveLike(ctx: Context, w: string, k: number): boolean {
  if (ctx.cues.modifiers.has(w)) return true;
  if (!/(?:ي|يه|يون|يين|يات|يتان|يتين)$/.test(w)) return false;
  const prev = normOf(ctx, k - 1);
  // a plural nisba after a singular word is a noun (أبلغ السفير الصحفيين)
  if (/(?:يون|يين)$/.test(w) && !/(?:ون|ين)$/.test(prev) && !ctx.cues.fixedForms.has(prev) && !ctx.covering[k - 1]) return false;
  if (!w.endsWith("ه")) return true;
  return prev.endsWith("ه") || prev.endsWith("ات") || ctx.cues.fixedForms.has(prev) || !!ctx.covering[k - 1];
}

/**
 * What follows a preposition inside a description: a name, a definite word, a body (حركة الجهاد) or a
 * guessed name. Returns the token after it; -1 for «في كلٍّ من» (a list follows); null when nothing fits.
 */
function prepositionObject(ctx: Context, k: number, inside: (k: number) => boolean): number | null {
  const w = normOf(ctx, k);
  if (w === "كل" && normOf(ctx, k + 1) === "من") return -1;
  const m = mentionAt(ctx, k);
  if (m && m.type !== "date" && !m.clitic) return k;
  if (isDefinite(w) && !isBoundaryWord(ctx, w)) return k;
  if (sourceOf(ctx, w)?.class === "institution" && (mentionAt(ctx, k + 1) || isDefinite(normOf(ctx, k + 1)))) return k;
  // an unknown name as the object (بيان صادر عن يونيفيل): only right before what ends a subject
  const end = guessName(ctx, k, inside);
  return end !== null && (end === k + 1 || !inside(end) || /^[:،,"«»]$/.test(normOf(ctx, end)) || ctx.cues.words.that.has(normOf(ctx, end))) ? end : null;
}

/** The token after a short quotation that holds a name (≤ 4 words), starting at the opening mark k. */
function quotedNameAt(ctx: Context, k: number, limit: number): number | null {
  if (!/^["«“]$/.test(normOf(ctx, k))) return null;
  const q = ctx.quoteOpening[k];
  if (!q || !q.closed || q.closeToken - k - 1 > 4 || q.closeToken >= limit || q.closeToken === k + 1) return null;
  return q.closeToken + 1;
}

/**
 * Up to three unknown words after a title, followed by what ends a subject or by the rest of the name that the
 * entity stage found (الرئيس السابق أبو القاسم عبدي | صلاد حسن): probably a name.
 */
function guessName(ctx: Context, k: number, inside: (k: number) => boolean): number | null {
  let j = k;
  while (j < k + 3 && inside(j)) {
    const t = ctx.tokens[j]!;
    const w = t.norm;
    // after a name particle a definite word still belongs to the name (أبو القاسم، عبد الرحمن)
    const afterParticle = j > k && ctx.cues.words.nameParticles.has(normOf(ctx, j - 1));
    // not a word in the accusative (ردّاً، تعليقاً), which a name seldom is
    if (t.kind !== "word" || w.length < 2 || (w.startsWith("ال") && !afterParticle) || isBoundaryWord(ctx, w) || ctx.cues.sources.has(w) || mentionAt(ctx, j) || (/^[وفبل]/.test(w) && j === k) || (w.length >= 4 && w.endsWith("ا"))) break;
    j++;
  }
  if (j === k) return null;
  // at the end of what may be read (a sentence, or the name the caller stops at) only a name that starts with a
  // particle (أبو القاسم …) is taken: a lone word there is as often a noun (السفير … اقتراحَ أنان)
  const particle = ctx.cues.words.nameParticles.has(ctx.tokens[k]!.norm);
  const next = ctx.tokens[j];
  if (!next || !inside(j)) return particle ? j : null;
  const w = next.norm;
  const ends = next.kind === "punct" || ctx.cues.words.that.has(w) || ctx.cues.words.stops.has(w) || isDateAt(ctx, j) || (/^[لب]/.test(w) && w.length > 3) || (particle && mentionAt(ctx, j)?.type === "person");
  return ends ? j : null;
}

/** A news agency, newspaper, broadcaster or website: a channel a statement is given to. */
export function isMedia(ctx: Context, m: MentionRef): boolean {
  const sub = ctx.entry(m.entity.id)?.subtype;
  return sub === "agency" || sub === "newspaper" || sub === "broadcaster" || sub === "website";
}

/** Tokens [start, end) of an object: from i up to a token that `stop` accepts, punctuation or a cue; at most 14 tokens. */
export function readObject(ctx: Context, i: number, stop: (k: number) => boolean, limit: number): number {
  const { tokens } = ctx;
  const sentence = tokens[i]?.sentence;
  let k = i;
  // quotation marks inside the object (اتهم X بـ«…») do not end it; other punctuation does
  while (k < limit && k < i + 14 && tokens[k]!.sentence === sentence && !stop(k)) {
    const t = tokens[k]!;
    if (t.kind === "punct" && !(/["«“»”]/.test(t.norm) && k > i)) break;
    k++;
  }
  return k;
}
