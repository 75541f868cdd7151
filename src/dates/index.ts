/**
 * Dates stage: date mentions (type "date", ISO 8601 `value`) from the tokens, and the document date from a
 * dateline. Each sentence's tokens become date units (lexicon.ts), their symbols one string that the rules
 * (rules.ts) match left to right, longest match first; builders (values.ts) compute the values, anchored on
 * the document date for relative expressions.
 */
import type { MentionCandidate, Token } from "../core/types.js";
import { normalize, type Shadow } from "../text/normalize.js";
import { parseIsoDay } from "./calendar.js";
import { DATE_BEARING, dateUnits, mayHoldDate, type SentenceUnits } from "./lexicon.js";
import { anyDateRule, compiledDateRules, NEVER_FIRST, type CompiledRule } from "./rules.js";
import { DATELINE_CUES, WORDS } from "./tables.js";
import { BUILDERS, type Built } from "./values.js";

export interface DateContext {
  input: string;
  shadow: Shadow;
  tokens: Token[];
  /** YYYY-MM-DD the relative expressions are resolved against, when known */
  documentDate: string | null;
}

/** Date mentions (type "date", ISO `value` when the text and the document date allow one), in text order. */
export function findDates(ctx: DateContext): MentionCandidate[] {
  const doc = ctx.documentDate ? parseIsoDay(ctx.documentDate) : null;
  const out: MentionCandidate[] = [];
  const { tokens } = ctx;
  for (let s = 0; s < tokens.length; ) {
    let e = s + 1;
    while (e < tokens.length && tokens[e]!.sentence === tokens[s]!.sentence) e++;
    findInSentence(ctx, doc, s, e, out);
    s = e;
  }
  return out;
}

function findInSentence(ctx: DateContext, doc: number | null, from: number, to: number, out: MentionCandidate[]): void {
  // most sentences hold no number and no date word: one lookup per word skips them
  if (!mayHoldDate(ctx.tokens, from, to)) return;
  const sentence = dateUnits(ctx.input, ctx.tokens, from, to);
  const { units, starts, symbols } = sentence;
  if (!DATE_BEARING.test(symbols)) return;
  const rules = compiledDateRules();
  const any = anyDateRule();
  for (let i = 0; i < units.length; ) {
    if (NEVER_FIRST.has(symbols[i]!)) {
      i++;
      continue;
    }
    any.lastIndex = i;
    const matched = any.exec(symbols)!;
    let best: { rule: CompiledRule; end: number; built: NonNullable<Built> } | undefined;
    for (let k = 0; k < rules.length; k++) {
      const length = matched[k + 1]?.length;
      if (!length || (best && i + length <= best.end)) continue;
      const rule = rules[k]!;
      rule.regex.lastIndex = i;
      const m = rule.regex.exec(symbols)!;
      const groups: Record<string, [number, number] | undefined> = m.indices?.groups ?? {};
      const built = BUILDERS[rule.build]({ units, starts, start: i, end: i + m[0].length, groups, tokens: ctx.tokens, doc });
      if (built) best = { rule, end: i + m[0].length, built };
    }
    if (!best) {
      i++;
      continue;
    }
    out.push(candidate(ctx, sentence, i, best.end, best.rule, best.built));
    i = best.end;
  }
}

function candidate(ctx: DateContext, s: SentenceUnits, a: number, b: number, rule: CompiledRule, built: NonNullable<Built>): MentionCandidate {
  const prefix = s.units[a]!.prefix;
  const t0 = s.starts[a]!, t1 = s.starts[b]!;
  const firstToken = ctx.tokens[t0]!, lastToken = ctx.tokens[t1 - 1]!;
  const start = prefix ? ctx.shadow.from[firstToken.shadowStart + prefix]! : firstToken.start;
  const end = lastToken.end;
  // two literal shapes, no spread: V8 builds these far faster
  return built.value !== undefined
    ? { start, end, tokenStart: t0, tokenEnd: t1, type: "date", kind: "name", origin: "rule", rule: rule.id, confidence: rule.confidence, value: built.value, key: built.value }
    : { start, end, tokenStart: t0, tokenEnd: t1, type: "date", kind: "name", origin: "rule", rule: rule.id, confidence: rule.confidence, key: wordsKey(ctx.tokens, t0, t1, prefix) };
}

/** The key of a date without a value: its tokens' normalized words, the first without its proclitic. */
function wordsKey(tokens: Token[], t0: number, t1: number, prefix: number): string {
  let key = tokens[t0]!.norm.slice(prefix);
  for (let t = t0 + 1; t < t1; t++) key += " " + tokens[t]!.norm;
  return key;
}

/** How far into the text a dateline is looked for. */
const DATELINE_LINES = 20;
/** At most this many words share a dateline's line with its date (a place, a day name, نشر في). */
const DATELINE_WORDS = 4;
/** Words a full date can take (يوم الخميس الثالث والعشرين من شهر ديسمبر عام 2021): longer lines need a cue. */
const MAX_DATE_WORDS = 10;
const PREPOSITIONS = new Set(["inPrep", "agoPrep", "afterPrep", "from", "to"].flatMap((k) => WORDS[k]!.names.map(normalize)));
const CUES = DATELINE_CUES.map(normalize);

/**
 * The document date from a dateline: a full date (day, month, year) among the first lines, on a short line of
 * its own (بغداد - 23/12/2021) or on a line with a publication cue (نشر في، آخر تحديث), and not after a
 * preposition (ولد في 5 مارس 1950 is no dateline).
 */
export function documentDateOf(ctx: Omit<DateContext, "documentDate">): string | null {
  const { input, tokens } = ctx;
  let lines = 0, t = 0;
  for (let lineStart = 0; lineStart < input.length && lines < DATELINE_LINES; ) {
    const nl = input.indexOf("\n", lineStart);
    const lineEnd = nl < 0 ? input.length : nl;
    const first = t;
    let words = 0, numbers = 0;
    for (; t < tokens.length && tokens[t]!.end <= lineEnd; t++) {
      if (tokens[t]!.kind === "word") words++;
      else if (tokens[t]!.kind === "number") numbers++;
    }
    if (t > first) lines++;
    // a full date has a number; the rest of a dateline's line is short, or it names a publication cue
    if (numbers) {
      const line = normalize(input.slice(lineStart, lineEnd));
      if (words <= DATELINE_WORDS + MAX_DATE_WORDS || CUES.some((c) => line.includes(c))) {
        const date = datelineOf(ctx, tokens.slice(first, t), line);
        if (date) return date;
      }
    }
    lineStart = lineEnd + 1;
  }
  return null;
}

/** The full date of one line's tokens that makes it a dateline, if any. */
function datelineOf(ctx: Omit<DateContext, "documentDate">, line: Token[], normalizedLine: string): string | null {
  for (const m of findDates({ ...ctx, tokens: line, documentDate: null })) {
    if (!m.value || !/^\d{4}-\d{2}-\d{2}$/.test(m.value)) continue;
    const before = line[m.tokenStart - 1];
    if (before && PREPOSITIONS.has(before.norm)) continue;
    let words = 0;
    for (let i = 0; i < line.length; i++) if ((i < m.tokenStart || i >= m.tokenEnd) && line[i]!.kind === "word") words++;
    if (words <= DATELINE_WORDS || CUES.some((c) => normalizedLine.includes(c))) return m.value;
  }
  return null;
}

/** The date mentions within a token range (a claim's sentence), in text order: for attaching dates to claims. */
export function datesInRange(candidates: MentionCandidate[], tokenStart: number, tokenEnd: number): MentionCandidate[] {
  return candidates
    .filter((c) => c.type === "date" && c.tokenStart >= tokenStart && c.tokenEnd <= tokenEnd)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
