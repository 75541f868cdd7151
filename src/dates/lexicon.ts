/**
 * The date vocabulary (tables.ts) compiled once into a phrase map over normalized tokens, and the pass that
 * turns a document's tokens into date units: one unit per token or per known phrase, each with a one-character
 * symbol that the rules (rules.ts) match as a string.
 *
 * Symbols: d day-sized integer (1-31), y year-sized integer (1000-2199), n other integer, D compact date
 * (23/12/2021), P compact month (12/2021), R compact year range (1936-1939), x other number; / - . ( ) : , %
 * and p other punctuation; M month name, m month name that needs a preposition or more (مارس), u month name
 * that needs a day, a year or شهر (رجب); W day name, w ambiguous day name (الاثنين); T relative day (أمس),
 * t ambiguous relative day (غدا); J يوم, S شهر, Y عام/سنة, Z definite unit (العام), U other singular unit,
 * V dual unit (يومين), L plural unit (أيام), Q definite plural unit (السنوات); K count word; O ordinal;
 * z decade (الأربعينيات), @ named period (الفترة العثمانية), < before Christ (ق.م), ^ القرن; the other letters are the context words of tables.ts (WORDS); o any other word.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Token } from "../core/types.js";
import { readStamped, writeStamped } from "../core/compiled.js";
import { packagePath } from "../core/paths.js";
import { procliticReadings } from "../text/clitics.js";
import { WordCache } from "../text/vocabulary.js";
import { dediacritize, removeTatweel } from "../text/normalize.js";
import { tokenNorms } from "../text/tokenize.js";
import {
  COUNT_WORDS, DECADES, MONTHS, PERIOD_HEADS, PERIOD_NAMES, ORDINAL_TEEN, ORDINAL_TEN, ORDINAL_TENS, ORDINAL_UNITS, RELATIVE_DAYS, UNITS, WEEKDAYS, WORDS,
  type Calendar, type TimeUnit,
} from "./tables.js";

/** What a word or phrase means to the date rules. */
export interface Sense {
  symbol: string;
  month?: { month: number; calendar: Calendar };
  weekday?: number;
  /** relative day: days from the document date */
  offset?: number;
  unit?: TimeUnit;
  /** units and count words: how many (null: vague) */
  count?: number | null;
  ordinal?: number;
  decade?: number;
  /** the WORDS key, for context words */
  role?: string;
  /** the spelling the input must show, when normalization would fold it into another word */
  exact?: { name: string; diacritics: boolean };
}

/** A run of tokens the rules see as one symbol. */
export interface DateUnit extends Sense {
  /** code units of proclitics (و، ب، ل …) before the word, left out of a mention's span */
  prefix: number;
  /** number tokens: the numbers in it */
  numbers?: number[];
  /** number tokens: digits of each number */
  widths?: number[];
  /** number tokens: the separator inside it */
  separator?: string;
}

export interface Compiled {
  /** normalized phrase (token norms joined by a space) → its senses, those with an exact spelling first */
  phrases: Map<string, Sense[]>;
  /** first token of a phrase → longest phrase length in tokens */
  longest: Map<string, number>;
  /** first tokens of the phrases whose symbol can hold a date (DATE_BEARING) */
  bearing: Set<string>;
}

/** Symbols that can hold a date: a sentence without any holds none. */
export const DATE_BEARING = /[dynDPRMmuWwTtJSYZUVLQz@^]/;

let compiled: Compiled | undefined;

/** Where `npm run build` writes the compiled vocabulary (writeCompiledDateLexicon). */
const COMPILED_DATES_PATH = packagePath("dist", "dates.compiled.json");
/** The vocabulary is code: its identity is the built tables module's text (tsc rewrites the file on every build). */
const datesStamp = (): string => createHash("sha256").update(readFileSync(packagePath("dist", "dates", "tables.js"))).digest("hex");

interface SerialDateLexicon {
  phrases: [string, Sense[]][];
  longest: [string, number][];
  bearing: string[];
}

/** Part of `npm run build`: the compiled vocabulary, so that a run does not tokenize ~740 phrases (~10 ms of start-up). */
export function writeCompiledDateLexicon(): void {
  const c = compileDateLexicon();
  const data: SerialDateLexicon = { phrases: [...c.phrases], longest: [...c.longest], bearing: [...c.bearing] };
  writeStamped(COMPILED_DATES_PATH, datesStamp(), data);
}

/** The vocabulary as `npm run build` wrote it, or null when it is absent or older than the built tables. */
export function compiledDateLexicon(): Compiled | null {
  const d = readStamped<SerialDateLexicon>(COMPILED_DATES_PATH, datesStamp);
  return d && { phrases: new Map(d.phrases), longest: new Map(d.longest), bearing: new Set(d.bearing) };
}

export function compileDateLexicon(): Compiled {
  const phrases = new Map<string, Sense[]>();
  const longest = new Map<string, number>();
  const bearing = new Set<string>();
  const add = (text: string, sense: Sense) => {
    const norms = tokenNorms(text);
    const key = norms.join(" ");
    const senses = phrases.get(key) ?? [];
    const general = senses.find((s) => !s.exact);
    if (!sense.exact && general && JSON.stringify(general) !== JSON.stringify(sense)) {
      throw new Error(`dates: "${text}" has two senses (${general.symbol}, ${sense.symbol})`);
    }
    if (sense.exact) senses.unshift(sense);
    else if (!general) senses.push(sense);
    phrases.set(key, senses);
    longest.set(norms[0]!, Math.max(longest.get(norms[0]!) ?? 0, norms.length));
    if (DATE_BEARING.test(sense.symbol)) bearing.add(norms[0]!);
  };

  for (const m of MONTHS) {
    const symbol = m.needs === "date" ? "u" : m.needs === "context" ? "m" : "M";
    for (const name of m.names) {
      add(name, { symbol, month: { month: m.month, calendar: m.calendar }, ...(m.exact ? { exact: { name, diacritics: false } } : {}) });
    }
  }
  for (const w of WEEKDAYS) for (const name of w.names) add(name, { symbol: w.ambiguous ? "w" : "W", weekday: w.weekday });
  for (const r of RELATIVE_DAYS) {
    for (const name of r.names) add(name, { symbol: r.ambiguous ? "t" : "T", offset: r.offset, ...(r.exact ? { exact: { name, diacritics: true } } : {}) });
  }
  const KEYWORD_SYMBOL: Partial<Record<TimeUnit, string>> = { day: "J", month: "S", year: "Y" };
  for (const u of UNITS) {
    for (const name of u.keyword ?? []) add(name, { symbol: KEYWORD_SYMBOL[u.unit]!, unit: u.unit, count: 1 });
    for (const name of u.singular ?? []) add(name, { symbol: "U", unit: u.unit, count: 1 });
    for (const name of u.dual ?? []) add(name, { symbol: "V", unit: u.unit, count: 2 });
    for (const name of u.plural ?? []) add(name, { symbol: "L", unit: u.unit, count: null });
    for (const name of u.definite ?? []) add(name, { symbol: "Z", unit: u.unit, count: 1 });
    for (const name of u.definitePlural ?? []) add(name, { symbol: "Q", unit: u.unit, count: null });
  }
  for (const c of COUNT_WORDS) for (const name of c.names) add(name, { symbol: "K", count: c.count });
  ORDINAL_UNITS.forEach(([alone, compound], i) => {
    for (const name of alone) add(name, { symbol: "O", ordinal: i + 1 });
    for (const name of compound) {
      for (const teen of ORDINAL_TEEN) add(`${name} ${teen}`, { symbol: "O", ordinal: 11 + i });
      for (const [tens, word] of ORDINAL_TENS) add(`${name} و${word}`, { symbol: "O", ordinal: tens + i + 1 });
    }
  });
  for (const name of ORDINAL_TEN) add(name, { symbol: "O", ordinal: 10 });
  for (const [tens, word] of ORDINAL_TENS) add(word, { symbol: "O", ordinal: tens });
  for (const d of DECADES) for (const name of d.names) add(name, { symbol: "z", decade: d.decade });
  for (const head of PERIOD_HEADS) for (const name of PERIOD_NAMES) add(`${head} ${name}`, { symbol: "@" });
  for (const [role, w] of Object.entries(WORDS)) for (const name of w.names) add(name, { symbol: w.symbol, role });
  return { phrases, longest, bearing };
}

/** Clitic readings of a word that start a known phrase, with the phrase's longest length. */
interface Reading {
  stem: string;
  prefix: number;
  longest: number;
}
/** A word's readings, and whether one of them can start a date-bearing phrase; cached per word. */
interface WordReadings {
  readings: Reading[];
  bearing: boolean;
}
const readingCache = new WordCache<WordReadings>();
const NONE: WordReadings = { readings: [], bearing: false };

function readingsOf(t: Token, lexicon: Compiled): WordReadings {
  let r = readingCache.get(t.word);
  if (!r) {
    const readings = procliticReadings(t.norm).flatMap((x) => {
      const n = lexicon.longest.get(x.stem);
      return n ? [{ stem: x.stem, prefix: x.prefix, longest: n }] : [];
    });
    r = readings.length ? { readings, bearing: readings.some((x) => lexicon.bearing.has(x.stem)) } : NONE;
    readingCache.set(t.word, r);
  }
  return r;
}

/** Whether tokens [from, to) may hold a date: a number, or a word that can start a date-bearing phrase. */
export function mayHoldDate(tokens: Token[], from: number, to: number): boolean {
  const lexicon = dateLexicon();
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === "number" || (t.kind === "word" && readingsOf(t, lexicon).bearing)) return true;
  }
  return false;
}

/** The compiled vocabulary (compiled on first use, once per process). */
export function dateLexicon(): Compiled {
  return (compiled ??= compiledDateLexicon() ?? compileDateLexicon());
}

const PUNCT_SYMBOL: Record<string, string> = {
  "/": "/", "\\": "/", "-": "-", "–": "-", "—": "-", ".": ".", "(": "(", ")": ")", "[": "(", "]": ")", ":": ":", ",": ",", "،": ",",
};

/** The unit of a number token: its symbol and numbers. */
function numberUnit(norm: string): DateUnit {
  const parts = norm.split(/[/.,:-]/);
  const separator = /[/.,:-]/.exec(norm)?.[0];
  const numbers = parts.map(Number);
  const widths = parts.map((p) => p.length);
  const symbol = numberSymbol(numbers, widths, separator);
  return separator ? { symbol, prefix: 0, numbers, widths, separator } : { symbol, prefix: 0, numbers, widths };
}

function numberSymbol(numbers: number[], widths: number[], separator: string | undefined): string {
  if (numbers.length === 1) {
    const n = numbers[0]!;
    return widths[0]! <= 2 && n >= 1 && n <= 31 ? "d" : widths[0] === 4 && n >= 1000 && n < 2200 ? "y" : "n";
  }
  if (separator === ":" || separator === ",") return "x";
  if (numbers.length === 3 && (widths[0] === 4 || widths[2] === 4) && widths.every((w) => w <= 4)) return "D";
  if (numbers.length === 2) {
    const [a, b] = numbers as [number, number];
    const [wa, wb] = widths as [number, number];
    if (wa <= 2 && wb === 4 && a >= 1 && a <= 12 && separator !== ".") return "P";
    if (wa === 4 && wb <= 2 && b >= 1 && b <= 12 && separator === "-") return "P";
    if (wa === 4 && (wb === 4 || wb === 2) && separator !== ".") return "R";
  }
  return "x";
}

/** The units of a sentence: `starts[k]` is the first token of unit k, `starts[units.length]` the sentence's end. */
export interface SentenceUnits {
  units: DateUnit[];
  starts: number[];
  /** one symbol per unit */
  symbols: string;
}

/** Whether a token's input text ends with a name, compared with or without diacritics. */
function spelledAs(raw: string, exact: { name: string; diacritics: boolean }): boolean {
  const text = removeTatweel(exact.diacritics ? raw : dediacritize(raw));
  return text.endsWith(exact.diacritics ? exact.name : dediacritize(exact.name));
}

/** Units that carry nothing but their symbol, shared (most units are plain words). */
const PLAIN = new Map<string, DateUnit>();
const plain = (symbol: string): DateUnit => {
  let u = PLAIN.get(symbol);
  if (!u) PLAIN.set(symbol, (u = Object.freeze({ symbol, prefix: 0 })));
  return u;
};

/** A known word's unit after `prefix` clitic letters, shared like the plain ones. */
const SENSE_UNITS = new WeakMap<Sense, DateUnit[]>();
function unitOf(sense: Sense, prefix: number): DateUnit {
  let byPrefix = SENSE_UNITS.get(sense);
  if (!byPrefix) SENSE_UNITS.set(sense, (byPrefix = []));
  return (byPrefix[prefix] ??= Object.freeze({ ...sense, prefix }));
}

/** Date units of a token range (one sentence): numbers, punctuation, known words and phrases, other words. */
export function dateUnits(input: string, tokens: Token[], from: number, to: number): SentenceUnits {
  const lexicon = dateLexicon();
  const units: DateUnit[] = [];
  const starts: number[] = []; // not a typed array: one per sentence cost more to make than to fill
  let symbols = "";
  const push = (u: DateUnit, at: number) => {
    starts.push(at);
    units.push(u);
    symbols += u.symbol;
  };
  for (let i = from; i < to; ) {
    const t = tokens[i]!;
    if (t.kind === "number") {
      push(numberUnit(t.norm), i++);
      continue;
    }
    if (t.kind === "punct" || t.kind === "symbol") {
      push(plain(t.norm === "%" ? "%" : (PUNCT_SYMBOL[t.norm] ?? "p")), i++);
      continue;
    }
    let found: DateUnit | undefined;
    let length = 1;
    if (t.kind === "word") {
      for (const reading of readingsOf(t, lexicon).readings) {
        const max = Math.min(reading.longest, to - i);
        for (let n = max; n >= 1 && !found; n--) {
          let key = reading.stem;
          for (let k = 1; k < n; k++) key += " " + tokens[i + k]!.norm;
          const sense = lexicon.phrases.get(key)?.find((s) => !s.exact || spelledAs(input.slice(t.start, t.end), s.exact));
          if (sense) {
            found = unitOf(sense, reading.prefix);
            length = n;
          }
        }
        if (found) break;
      }
    }
    push(found ?? plain("o"), i);
    i += length;
  }
  starts.push(to);
  return { units, starts, symbols };
}
