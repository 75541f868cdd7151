import type { Token } from "../../core/types.js";
import type { CompiledLexicon } from "../../lexicon/compile.js";
import { procliticReadings, type CliticReading } from "../../text/clitics.js";
import { WordInts } from "../../text/vocabulary.js";
import type { RuleData } from "./data.js";

/** What a word can be, as bit flags (a word is often several: سعيد is a first name and a common word). */
export const W = {
  /** an Arabic word (not punctuation, a number, Latin …) */
  WORD: 1,
  /** a function word, verb or time word: never inside a name */
  STOP: 2,
  /** an ordinary word in ANERcorp's mining portion */
  COMMON: 4,
  FIRST: 8,
  /** a first name that is also an ordinary word (أمل، سعيد) */
  AMBIGUOUS_FIRST: 16,
  FAMILY: 32,
  /** any other known name part (ANERGazet) */
  NAME_PART: 64,
  /** بن، ابن، أبو، آل، عبد … */
  PARTICLE: 128,
  /** the second part of a compound name (الله، الدين …) */
  SUFFIX: 256,
  /** ال…ي that is not an ordinary word: a family name (الكاظمي) or a gentilic */
  NISBA: 512,
  /** the adjective of a known place (الأمريكي، الفرنسية) */
  GENTILIC: 1024,
  /** starts with the article */
  DEFINITE: 2048,
  /** written with the conjunction و/ف in front */
  CONJUNCTION: 4096,
  /** a known place (lexicon), possibly with a proclitic */
  PLACE: 8192,
  /** a known group (lexicon), possibly with a proclitic */
  GROUP: 16384,
  /** written with ب/ل/ك in front of a known word (بالرياض، لروسيا، بخطورة) */
  PREPOSITION: 32768,
  /** a title or an office (الرئيس، وزير): ends a name that runs into it */
  TITLE: 65536,
  /** often in the names of groups and places, seldom in a person's name (مجلس، جامعة، المتحدة) */
  NOT_PERSONAL: 131072,
} as const;

/** flags that make a word a name part even when it is also an ordinary word */
export const LISTED = W.FIRST | W.AMBIGUOUS_FIRST | W.FAMILY | W.NAME_PART;

const GENTILIC_ENDING = /^(ال)?(..+?)(ي|يه|يون|يين|يان|يتان|يتين|يات)$/;

function lexiconTypes(lexicon: CompiledLexicon, readings: CliticReading[]): { place: boolean; group: boolean; gentilic: boolean } {
  const out = { place: false, group: false, gentilic: false };
  for (const r of readings) {
    for (const h of lexicon.hits.get(r.stem) ?? []) {
      if (h.ambiguous) continue;
      const type = lexicon.entries.get(h.entryId)?.type;
      if (h.kind === "gentilic") out.gentilic = true;
      else if (type === "place") out.place = true;
      else if (type === "group") out.group = true;
    }
  }
  return out;
}

/** A gentilic: a lexicon gentilic, or ال?X + ي/ية/… where a place X, Xا, Xيا, الX, Xية or Xستان is known. */
function isGentilic(lexicon: CompiledLexicon, form: string): boolean {
  const last = form[form.length - 1];
  if (last !== "ي" && last !== "ه" && last !== "ن" && last !== "ت") return false;
  const m = GENTILIC_ENDING.exec(form);
  if (!m) return false;
  const x = m[2]!;
  return [x, x + "ا", x + "يا", "ال" + x, x + "يه", x + "ستان"].some((c) => lexicon.hits.get(c)?.some((h) => !h.ambiguous && h.kind === "name" && lexicon.entries.get(h.entryId)?.type === "place"));
}

/** A verb form the word lists do not have: the future prefix on a known verb (سيتوجه), or a plural past (استنكروا). */
function verbLike(form: string, data: RuleData): boolean {
  if (form[0] === "س" && (form[1] === "ي" || form[1] === "ت" || form[1] === "ن") && form.length >= 5 && data.common.has(form.slice(1))) return true;
  return form.length >= 5 && form.endsWith("وا");
}

/**
 * A known word with an attached pronoun (قواتها، منصبهم) or the accusative ending (فحصا، مؤكدا); ه alone is
 * checked on the input (ه or ة).
 */
function suffixedWord(form: string, data: RuleData): boolean {
  for (const e of ["هما", "كما", "هم", "ها", "كم", "نا", "ا"]) if (form.endsWith(e) && data.common.has(form.slice(0, -e.length))) return true;
  return false;
}

function classify(norm: string, readings: CliticReading[], data: RuleData, lexicon: CompiledLexicon): number {
  const listed = (w: string) => (data.firstNames.has(w) ? W.FIRST : 0) | (data.ambiguousFirstNames.has(w) ? W.AMBIGUOUS_FIRST : 0) | (data.familyNames.has(w) ? W.FAMILY : 0) | (data.nameParts.has(w) ? W.NAME_PART : 0);
  const types = lexiconTypes(lexicon, readings);
  const lexiconHas = (w: string) => lexicon.hits.has(w);
  const known = (w: string) => data.common.has(w) || data.stops.has(w) || listed(w) !== 0 || lexiconHas(w);
  let flags = W.WORD | listed(norm);
  let form = norm;
  // و/ف in front: a conjunction, unless the word as written is known (وليد، فرنسا، وزير); ف only before a known word
  if ((norm[0] === "و" || (norm[0] === "ف" && known(norm.slice(1)))) && norm.length >= 4 && !known(norm)) {
    form = norm.slice(1);
    flags |= W.CONJUNCTION | listed(form);
  }
  // ب/ل/ك in front of a known word or of the article (بالرياض، للأمم، لروسيا), unless the word is known as written (بوش، لبنان)
  const p = form[0];
  if ((p === "ب" || p === "ل" || p === "ك") && form.length >= 4 && !known(form)) {
    const rest = form.slice(1);
    if (rest.startsWith("ال") || rest.startsWith("ل") || known(rest)) flags |= W.PREPOSITION;
    if (data.stops.has(rest)) flags |= W.STOP; // بأيام، لذلك
  }
  if (!known(form) && !(flags & LISTED) && (verbLike(form, data) || suffixedWord(form, data))) flags |= W.STOP;
  if (data.stops.has(norm) || data.stops.has(form)) flags |= W.STOP;
  if (data.common.has(norm) || data.common.has(form)) flags |= W.COMMON;
  if (data.notPersonal.has(norm) || data.notPersonal.has(form)) flags |= W.NOT_PERSONAL;
  if (data.particles.has(form)) flags |= W.PARTICLE;
  if (data.suffixes.has(form)) flags |= W.SUFFIX;
  if (data.titles.has(form)) flags |= W.TITLE;
  if (form.startsWith("ال") && form.length >= 4) flags |= W.DEFINITE;
  if (types.place) flags |= W.PLACE;
  if (types.group) flags |= W.GROUP;
  if (types.gentilic || isGentilic(lexicon, form)) flags |= W.GENTILIC;
  else if (flags & W.DEFINITE && form.endsWith("ي") && form.length >= 5 && !(flags & W.COMMON)) flags |= W.NISBA;
  return flags;
}

/** Bits of the trigger lists whose phrases begin with the word, read with its proclitics. */
function triggerMask(readings: CliticReading[], data: RuleData): number {
  let mask = 0;
  for (const r of readings) for (const { set, bit } of data.phrases.values()) if (set.has(r.stem)) mask |= bit;
  return mask;
}

/**
 * Word classes and trigger mask of a word: computed once per process, vocabulary and lexicon, and kept in typed
 * arrays by word id (an object per word cost a memory access per token). The classes carry one private bit:
 * whether the word without its last letter is an ordinary word (for ه attached, below).
 */
const caches = new WeakMap<CompiledLexicon, { classes: WordInts; triggers: WordInts }>();
const STEM_IS_COMMON = 1 << 30;

/**
 * Flags of every token (0 for tokens that are not Arabic words; STOP for words that end names) and the trigger
 * lists that may start at each.
 */
export function wordClasses(tokens: Token[], input: string, data: RuleData, lexicon: CompiledLexicon): { cls: Uint32Array; triggers: Uint32Array } {
  let cache = caches.get(lexicon);
  if (!cache) caches.set(lexicon, (cache = { classes: new WordInts(), triggers: new WordInts() }));
  const cls = new Uint32Array(tokens.length);
  const triggers = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== "word") continue;
    let known = cache.classes.get(t.word);
    if (known < 0) {
      const readings = procliticReadings(t.norm);
      known = classify(t.norm, readings, data, lexicon) | (data.common.has(t.norm.slice(0, -1)) ? STEM_IS_COMMON : 0);
      cache.classes.set(t.word, known);
      cache.triggers.set(t.word, triggerMask(readings, data));
    }
    let flags = known & ~STEM_IS_COMMON;
    // the input's last letter tells what the shadow hides: ى (على is not علي) and ه (منصبه is not a word in ة)
    const last = input.charCodeAt(t.end - 1);
    if (last === 0x649 && data.rawStops.has(input.slice(t.start, t.end))) flags |= W.STOP;
    // a known word with ه (his) attached: امتناعه، منصبه
    if (last === 0x647 && t.end - t.start >= 5 && !(flags & LISTED) && known & STEM_IS_COMMON) flags |= W.STOP;
    cls[i] = flags;
    triggers[i] = cache.triggers.get(t.word);
  }
  return { cls, triggers };
}

/** A word that may stand in a name: not a stop word nor a preposition, and either not an ordinary word or a listed name. */
export const canBeName = (f: number): boolean => (f & W.WORD) !== 0 && (f & (W.STOP | W.PREPOSITION)) === 0 && ((f & W.COMMON) === 0 || (f & LISTED) !== 0);

/** A word that may stand in a person's name: as canBeName, and not a word of group and place names (مجلس). */
export const canBePersonal = (f: number): boolean => canBeName(f) && ((f & W.NOT_PERSONAL) === 0 || (f & LISTED) !== 0);
