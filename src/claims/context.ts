/**
 * What the claims stage knows about one document: its tokens with their paragraphs, the entity mentions
 * on them, the quotations, and the lexicons. Built once; every other module of the stage reads it.
 */
import type { Entity, EntityType, MentionKind, Sentence, Token } from "../core/types.js";
import type { CompiledLexicon } from "../lexicon/compile.js";
import type { LexiconEntry } from "../lexicon/types.js";
import type { Shadow } from "../text/normalize.js";
import { claimsLexicon, type ClaimsLexicon } from "./lexicon.js";
import { findQuotes, type Quote } from "./quotes.js";

export interface ClaimsInput {
  input: string;
  shadow: Shadow;
  tokens: Token[];
  sentences: Sentence[];
  /** linked entities, UTF-16 offsets (date entities carry their ISO value) */
  entities: Entity[];
  lexicon: CompiledLexicon;
  documentDate: string | null;
}

/** An entity mention placed on the tokens. */
export interface MentionRef {
  entity: Entity;
  type: EntityType;
  kind: MentionKind;
  start: number;
  end: number;
  /** tokens overlapped [tokenStart, tokenEnd) */
  tokenStart: number;
  tokenEnd: number;
  /** the mention starts inside its first token (a proclitic before it: لإيران، بالحرس) */
  clitic: boolean;
}

export interface Context extends ClaimsInput {
  cues: ClaimsLexicon;
  /** paragraph index of each token (a line break starts a paragraph) */
  paragraph: number[];
  /** the first mention (the longest) that starts on each token */
  startingAt: (MentionRef | undefined)[];
  /** the mention covering each token, if any */
  covering: (MentionRef | undefined)[];
  mentions: MentionRef[];
  quotes: Quote[];
  /** innermost quote whose marks enclose each token */
  quoteOf: (Quote | undefined)[];
  /** the quote whose opening mark is each token */
  quoteOpening: (Quote | undefined)[];
  /** the closed quote whose closing mark is each token */
  quoteClosing: (Quote | undefined)[];
  entry: (entityId: string) => LexiconEntry | undefined;
  /** per token, filled in as phrases are read: whether a phrase may start there (phrase.ts) */
  opensPhrase: (boolean | undefined)[];
}

export function buildContext(input: ClaimsInput, cues: ClaimsLexicon = claimsLexicon()): Context {
  const { tokens } = input;
  const paragraph: number[] = new Array(tokens.length);
  let p = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && hasLineBreak(input.input, tokens[i - 1]!.end, tokens[i]!.start)) p++;
    paragraph[i] = p;
  }
  const mentions: MentionRef[] = [];
  for (const entity of input.entities) {
    for (const m of entity.mentions) {
      const first = firstTokenEndingAfter(tokens, m.start);
      if (first >= tokens.length || tokens[first]!.start >= m.end) continue;
      let last = first;
      while (last + 1 < tokens.length && tokens[last + 1]!.start < m.end) last++;
      mentions.push({ entity, type: entity.type, kind: m.kind, start: m.start, end: m.end, tokenStart: first, tokenEnd: last + 1, clitic: m.start > tokens[first]!.start });
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const startingAt: (MentionRef | undefined)[] = new Array(tokens.length);
  const covering: (MentionRef | undefined)[] = new Array(tokens.length);
  for (const m of mentions) {
    startingAt[m.tokenStart] ??= m;
    for (let t = m.tokenStart; t < m.tokenEnd; t++) covering[t] ??= m;
  }
  const quotes = findQuotes(input.input, tokens, paragraph);
  const quoteOf: (Quote | undefined)[] = new Array(tokens.length);
  // longer quotes first, so that inner ones overwrite them
  for (const q of [...quotes].sort((a, b) => b.closeToken - b.openToken - (a.closeToken - a.openToken))) {
    for (let t = q.openToken + 1; t < q.closeToken; t++) quoteOf[t] = q;
  }
  const quoteOpening: (Quote | undefined)[] = new Array(tokens.length);
  const quoteClosing: (Quote | undefined)[] = new Array(tokens.length);
  for (const q of quotes) {
    quoteOpening[q.openToken] = q;
    if (q.closed) quoteClosing[q.closeToken] = q;
  }
  const entries = input.lexicon.entries;
  const { input: text, shadow, sentences, entities, lexicon, documentDate } = input;
  return {
    input: text, shadow, tokens, sentences, entities, lexicon, documentDate,
    cues, paragraph, startingAt, covering, mentions, quotes, quoteOf, quoteOpening, quoteClosing, entry: (id) => entries.get(id),
    opensPhrase: new Array(tokens.length),
  };
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

function firstTokenEndingAfter(tokens: Token[], offset: number): number {
  let lo = 0, hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The name (or gentilic) mention that starts on token i, longest first. */
export function mentionAt(ctx: Context, i: number): MentionRef | undefined {
  return ctx.startingAt[i];
}

export const isPunct = (ctx: Context, i: number): boolean => ctx.tokens[i]?.kind === "punct";
export const normOf = (ctx: Context, i: number): string => ctx.tokens[i]?.norm ?? "";

/** The word with an attached و/ف removed, when what remains is at least two letters. */
export function withoutConjunction(word: string): string {
  return (word[0] === "و" || word[0] === "ف") && word.length >= 3 ? word.slice(1) : word;
}

/** Whether a word ends with a possessive pronoun of the third person (قوله، تعبيرها، انتقادهم). */
export const endsWithPossessive = (word: string): boolean => /(?:ه|ها|هم|هما)$/.test(word);

/** Input offset of a token's start after `letters` shadow characters (a proclitic). */
export function startAfter(ctx: Context, i: number, letters: number): number {
  const t = ctx.tokens[i]!;
  return letters ? ctx.shadow.from[t.shadowStart + letters]! : t.start;
}

/** Token range [first, end) of the sentence holding token i. */
export function sentenceRange(ctx: Context, i: number): [number, number] {
  const s = ctx.sentences[ctx.tokens[i]!.sentence]!;
  return [s.firstToken, s.endToken];
}

/** Letters of token k's normalized form that come before input offset `from` (a proclitic). */
export function lettersBefore(ctx: Context, k: number, from: number): number {
  const t = ctx.tokens[k]!;
  if (from <= t.start) return 0;
  const i = ctx.shadow.from.indexOf(from, t.shadowStart);
  return i < 0 ? 0 : i - t.shadowStart;
}
