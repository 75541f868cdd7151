/**
 * Dates stage: date mentions (type "date", ISO 8601 `value`) from the tokens, and the document date from a
 * dateline. Each sentence's tokens become date units (lexicon.ts), their symbols one string that the rules
 * (rules.ts) match left to right, longest match first; builders (values.ts) compute the values, anchored on
 * the document date for relative expressions.
 */
import type { MentionCandidate, Token } from "../core/types.js";
import { normalize, type Shadow } from "../text/normalize.js";
import { parseIsoDay } from "./calendar.js";
import { dateUnits, type SentenceUnits } from "./lexicon.js";
import { compiledDateRules, NEVER_FIRST, type CompiledRule } from "./rules.js";
import { DATELINE_CUES, WORDS } from "./tables.js";
import { BUILDERS, type Built } from "./values.js";

export interface DateContext {
  input: string;
  shadow: Shadow;
  tokens: Token[];
  /** YYYY-MM-DD the relative expressions are resolved against, when known */
  documentDate: string | null;
}

/** Symbols that can hold a date: a sentence without any is skipped. */
const DATE_BEARING = /[dynDPRMmuWwTtJSYZUVLQz@^]/;

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
  const sentence = dateUnits(ctx.input, ctx.tokens, from, to);
  const { units, starts, symbols } = sentence;
  if (!DATE_BEARING.test(symbols)) return;
  const rules = compiledDateRules();
  for (let i = 0; i < units.length; ) {
    if (NEVER_FIRST.has(symbols[i]!)) {
      i++;
      continue;
    }
    let best: { rule: CompiledRule; end: number; built: NonNullable<Built> } | undefined;
    for (const rule of rules) {
      rule.regex.lastIndex = i;
      const m = rule.regex.exec(symbols);
      if (!m || !m[0].length || (best && i + m[0].length <= best.end)) continue;
      const groups: Record<string, [number, number] | undefined> = { ...m.indices?.groups };
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
  const norms: string[] = [];
  for (let t = t0; t < t1; t++) norms.push(ctx.tokens[t]!.norm);
  norms[0] = norms[0]!.slice(prefix);
  return {
    start,
    end: lastToken.end,
    tokenStart: t0,
    tokenEnd: t1,
    type: "date",
    kind: "name",
    origin: "rule",
    rule: rule.id,
    confidence: rule.confidence,
    ...(built.value !== undefined ? { value: built.value } : {}),
    key: built.value ?? norms.join(" "),
  };
}

/** How far into the text a dateline is looked for. */
const DATELINE_LINES = 20;
/** At most this many words share a dateline's line with its date (a place, a day name, نشر في). */
const DATELINE_WORDS = 4;
const PREPOSITIONS = new Set(["inPrep", "agoPrep", "afterPrep", "from", "to"].flatMap((k) => WORDS[k]!.names.map(normalize)));
const CUES = DATELINE_CUES.map(normalize);

/**
 * The document date from a dateline: a full date (day, month, year) among the first lines, on a short line of
 * its own (بغداد - 23/12/2021) or on a line with a publication cue (نشر في، آخر تحديث), and not after a
 * preposition (ولد في 5 مارس 1950 is no dateline).
 */
export function documentDateOf(ctx: Omit<DateContext, "documentDate">): string | null {
  const { input, tokens } = ctx;
  let lines = 0, limit = input.length;
  for (let i = 0; i < input.length; i = input.indexOf("\n", i) + 1) {
    const next = input.indexOf("\n", i);
    const lineEnd = next < 0 ? input.length : next;
    if (input.slice(i, lineEnd).trim() && ++lines === DATELINE_LINES) {
      limit = lineEnd;
      break;
    }
    if (next < 0) break;
  }
  let n = 0;
  while (n < tokens.length && tokens[n]!.end <= limit) n++;
  const head = tokens.slice(0, n);
  for (const m of findDates({ ...ctx, tokens: head, documentDate: null })) {
    if (!m.value || !/^\d{4}-\d{2}-\d{2}$/.test(m.value)) continue;
    const lineStart = input.lastIndexOf("\n", m.start - 1) + 1;
    const nl = input.indexOf("\n", m.end);
    const lineEnd = nl < 0 ? input.length : nl;
    const before = head[m.tokenStart - 1];
    if (before && before.start >= lineStart && PREPOSITIONS.has(before.norm)) continue;
    const line = normalize(input.slice(lineStart, lineEnd));
    const words = head.filter((t, i) => t.start >= lineStart && t.end <= lineEnd && (i < m.tokenStart || i >= m.tokenEnd) && t.kind === "word");
    if (words.length <= DATELINE_WORDS || CUES.some((c) => line.includes(c))) return m.value;
  }
  return null;
}

/** The date mentions within a token range (a claim's sentence), in text order: for attaching dates to claims. */
export function datesInRange(candidates: MentionCandidate[], tokenStart: number, tokenEnd: number): MentionCandidate[] {
  return candidates
    .filter((c) => c.type === "date" && c.tokenStart >= tokenStart && c.tokenEnd <= tokenEnd)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
