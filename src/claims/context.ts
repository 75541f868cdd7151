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
  paragraph: Int32Array;
  /** mentions by the token they start on */
  mentionsAt: Map<number, MentionRef[]>;
  /** the mention covering each token, if any */
  covering: (MentionRef | undefined)[];
  mentions: MentionRef[];
  quotes: Quote[];
  /** innermost quote whose marks enclose each token */
  quoteOf: (Quote | undefined)[];
  entry: (entityId: string) => LexiconEntry | undefined;
}

export function buildContext(input: ClaimsInput, cues: ClaimsLexicon = claimsLexicon()): Context {
  const { tokens } = input;
  const paragraph = new Int32Array(tokens.length);
  let p = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && input.input.slice(tokens[i - 1]!.end, tokens[i]!.start).includes("\n")) p++;
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
  const mentionsAt = new Map<number, MentionRef[]>();
  const covering: (MentionRef | undefined)[] = new Array(tokens.length);
  for (const m of mentions) {
    const list = mentionsAt.get(m.tokenStart);
    if (list) list.push(m);
    else mentionsAt.set(m.tokenStart, [m]);
    for (let t = m.tokenStart; t < m.tokenEnd; t++) covering[t] ??= m;
  }
  const quotes = findQuotes(input.input, tokens, paragraph);
  const quoteOf: (Quote | undefined)[] = new Array(tokens.length);
  // longer quotes first, so that inner ones overwrite them
  for (const q of [...quotes].sort((a, b) => b.closeToken - b.openToken - (a.closeToken - a.openToken))) {
    for (let t = q.openToken + 1; t < q.closeToken; t++) quoteOf[t] = q;
  }
  const entries = input.lexicon.entries;
  return { ...input, cues, paragraph, mentionsAt, covering, mentions, quotes, quoteOf, entry: (id) => entries.get(id) };
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
  return ctx.mentionsAt.get(i)?.[0];
}

export const isPunct = (ctx: Context, i: number): boolean => ctx.tokens[i]?.kind === "punct";
export const normOf = (ctx: Context, i: number): string => ctx.tokens[i]?.norm ?? "";

/** The word with an attached و/ف removed, when what remains is at least two letters. */
export function withoutConjunction(word: string): string {
  return (word[0] === "و" || word[0] === "ف") && word.length >= 3 ? word.slice(1) : word;
}

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
