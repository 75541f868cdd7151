import type { MentionCandidate, Token } from "../../core/types.js";
import { W } from "../rules/words.js";

/** The tagger's labels: BIO over the three name types. */
export const TAGS = ["O", "B-person", "I-person", "B-group", "I-group", "B-place", "I-place"] as const;
export type Tag = (typeof TAGS)[number];

/** Offsets around the tagged token; near offsets read every property of a token, far ones a few. */
export const WINDOW = [0, -1, 1, -2, 2] as const;
export const isNear = (offset: number): boolean => offset >= -1 && offset <= 1;

/** Word-class flags as short feature names. */
const FLAG_NAMES: [number, string][] = [
  [W.STOP, "stop"], [W.COMMON, "common"], [W.FIRST, "first"], [W.AMBIGUOUS_FIRST, "ambfirst"], [W.FAMILY, "family"],
  [W.NAME_PART, "part"], [W.PARTICLE, "particle"], [W.SUFFIX, "suffix"], [W.NISBA, "nisba"], [W.GENTILIC, "gentilic"],
  [W.DEFINITE, "def"], [W.CONJUNCTION, "conj"], [W.PLACE, "place"], [W.GROUP, "group"], [W.PREPOSITION, "prep"],
  [W.TITLE, "title"], [W.NOT_PERSONAL, "notpers"],
];
/** the flags that tokens two places away contribute */
const FAR_FLAGS = W.TITLE | W.STOP | W.FIRST | W.PREPOSITION | W.PLACE | W.GROUP;
const KNOWN_WORD = W.COMMON | W.STOP | W.FIRST | W.AMBIGUOUS_FIRST | W.FAMILY | W.NAME_PART;
/** the flags that change a word's stem (and so its word properties) */
export const STEM_FLAGS = W.CONJUNCTION | W.PREPOSITION;

/**
 * What the lexicon and the rules say about each token: "B-lex:place.name", "I-rule:person.after-office" …
 * (gentilic and role mentions too: they mark the neighbourhood of names).
 */
export function marksOf(candidates: MentionCandidate[], tokenCount: number): string[] {
  const marks = new Array<string>(tokenCount).fill("");
  for (const c of candidates) {
    if (c.type === "date") continue;
    const source = c.origin === "rule" ? `rule:${c.rule}` : `lex:${c.type}.${c.kind}`;
    for (let k = c.tokenStart; k < c.tokenEnd; k++) marks[k] = `${k === c.tokenStart ? "B" : "I"}-${source}`;
  }
  return marks;
}

/** The word without a proclitic that the word classes found (و، ب، ل …). */
function stemOf(norm: string, flags: number): string {
  let s = norm;
  if (flags & W.CONJUNCTION) s = s.slice(1);
  if (flags & W.PREPOSITION) s = s.startsWith("لل") ? "ا" + s.slice(1) : s.slice(1);
  return s;
}

/** Long vowels and their carriers (ا و ي ى آ): transliterated foreign names have many (ألونسو، كالديرون). */
const isLongVowel = (code: number): boolean => code === 0x627 || code === 0x648 || code === 0x64a || code === 0x649 || code === 0x622;
/** The word's first 8 letters as consonants (c) and long vowels (v): its rhythm, which sets foreign names apart. */
function shapeOf(w: string): string {
  let shape = "";
  for (let i = 0; i < w.length && i < 8; i++) shape += isLongVowel(w.charCodeAt(i)) ? "v" : "c";
  return shape;
}
function vowels(w: string): number {
  let n = 0;
  for (let i = 0; i < w.length; i++) if (isLongVowel(w.charCodeAt(i))) n++;
  return n;
}

/**
 * A token's properties, in three parts that the tagger caches apart: the word's (word, stem, bare form,
 * affixes, length, shape: they depend on the word and its STEM_FLAGS), the word classes', and the mark's. A feature
 * is a property at an offset from the tagged token (WINDOW); far offsets read `far` properties only.
 */
export function wordProperties(t: Token, flags: number, near: boolean): string[] {
  if (t.kind !== "word") return [t.kind === "punct" || t.kind === "symbol" ? `p=${t.norm}` : `k=${t.kind}`];
  if (!near) return [`w=${t.norm}`];
  const stem = stemOf(t.norm, flags);
  const bare = stem.startsWith("ال") && stem.length > 3 ? stem.slice(2) : stem;
  return [
    `w=${t.norm}`, `s=${stem}`, `b=${bare}`, `p2=${bare.slice(0, 2)}`, `x2=${bare.slice(-2)}`, `x3=${bare.slice(-3)}`, `len=${Math.min(bare.length, 8)}`,
    `cv=${shapeOf(bare)}`, `vw=${Math.min(vowels(bare), 4)}`,
  ];
}

export function flagProperties(flags: number, near: boolean): string[] {
  const out: string[] = [];
  if (!(flags & W.WORD)) return out;
  for (const [bit, name] of FLAG_NAMES) if (flags & bit && (near || bit & FAR_FLAGS)) out.push(`f=${name}`);
  if (near && !(flags & KNOWN_WORD)) out.push("f=unknown");
  return out;
}

export function markProperties(mark: string, near: boolean): string[] {
  return mark && near ? [`m=${mark}`, `m=${mark.slice(0, mark.indexOf(":"))}`] : [];
}
