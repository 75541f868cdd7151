/**
 * Clitic readings of a normalized word, for lexicon lookup. Readings are candidates only: a matcher accepts
 * a stripped reading when its lexicon knows the stem, and tries the word as written first, so names that
 * begin with clitic letters (بغداد، لبنان، فلسطين، كابل، بيروت، وارسو) are never split when the lexicon has them.
 */
export interface CliticReading {
  /** the word without the stripped clitics (لل restored to ال) */
  stem: string;
  /** code units stripped from the front of the word (the mention starts after them) */
  prefix: number;
  /** code units stripped from the end */
  suffix: number;
}

const CONJUNCTIONS = ["و", "ف"];
const PREPOSITIONS = ["ب", "ك", "ل"];
/** Attached pronouns, longest first. */
export const ENCLITICS = ["هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه", "ك", "ي"];

/** Proclitic readings: as written, then و/ف, then ب/ك/ل (لل → ال), each leaving at least two letters. */
export function procliticReadings(word: string): CliticReading[] {
  const out: CliticReading[] = [{ stem: word, prefix: 0, suffix: 0 }];
  const bases: CliticReading[] = [out[0]!];
  const c = word[0];
  if (c !== undefined && CONJUNCTIONS.includes(c) && word.length >= 3) {
    const r = { stem: word.slice(1), prefix: 1, suffix: 0 };
    out.push(r);
    bases.push(r);
  }
  for (const b of bases) {
    const p = b.stem[0];
    if (p === undefined || !PREPOSITIONS.includes(p) || b.stem.length < 3) continue;
    if (p === "ل" && b.stem[1] === "ل" && b.stem.length >= 4) {
      // للعراق = ل + (ا)لعراق: the stem is العراق, the mention covers لعراق
      out.push({ stem: "ا" + b.stem.slice(1), prefix: b.prefix + 1, suffix: 0 });
    } else {
      out.push({ stem: b.stem.slice(1), prefix: b.prefix + 1, suffix: 0 });
    }
  }
  return out;
}

/** Readings with an attached pronoun removed (قوله → قول), stems of at least two letters. */
export function encliticReadings(word: string): CliticReading[] {
  const out: CliticReading[] = [];
  for (const e of ENCLITICS) {
    if (word.length - e.length >= 2 && word.endsWith(e)) {
      const stem = word.slice(0, -e.length);
      // a ta marbuta turns into ت before a pronoun (رسالته → رساله)
      if (stem.endsWith("ت")) out.push({ stem: stem.slice(0, -1) + "ه", prefix: 0, suffix: e.length });
      out.push({ stem, prefix: 0, suffix: e.length });
    }
  }
  return out;
}
