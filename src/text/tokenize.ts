import type { Sentence, Token, TokenKind } from "../core/types.js";
import { inputSpan, normalize, shadowOf, type Shadow } from "./normalize.js";
import { wordIdAt, wordText } from "./vocabulary.js";

/**
 * Tokens over the normalized shadow, with input offsets: Arabic words by a letter table, everything else by one
 * regular expression. wink-nlp (English model) glues ، ؛ ؟ « » to Arabic words and runs at a third of this speed
 * (see README, "Why not wink-nlp here").
 */
const ARABIC_RANGES: [number, number][] = [[0x621, 0x63a], [0x641, 0x64a], [0x66e, 0x66f], [0x671, 0x6d3], [0x6d5, 0x6d5], [0x6ee, 0x6ef], [0x6fa, 0x6fc], [0x6ff, 0x6ff]];
const hex = (c: number) => "\\u" + c.toString(16).toUpperCase().padStart(4, "0");
const ARABIC_LETTER = ARABIC_RANGES.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join("");
/** The same letters as a table: an Arabic word (most tokens) is read without running the regex. */
const IS_ARABIC_LETTER = new Uint8Array(0x700);
for (const [a, b] of ARABIC_RANGES) IS_ARABIC_LETTER.fill(1, a, b + 1);
const isArabicLetter = (c: number): boolean => c < 0x700 && IS_ARABIC_LETTER[c] === 1;
const LATIN_LETTER = "A-Za-z\\u00C0-\\u024F";
const TOKEN = new RegExp(
  [
    `((?:https?://|www\\.)[^\\s«»"“”<>()\\[\\]]+)`,
    `([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)`,
    `(#[${ARABIC_LETTER}${LATIN_LETTER}0-9_]+)`,
    `(@[A-Za-z0-9_]+)`,
    `([0-9]+(?:[.,:/-][0-9]+)*)`,
    `([${ARABIC_LETTER}]+)`,
    `([${LATIN_LETTER}]+(?:['’-][${LATIN_LETTER}]+)*)`,
    `(\\.{2,}|…|[؟?!]+|[.,،؛;:«»"“”„'‘’()\\[\\]{}<>\\-–—/\\\\*|])`,
    `([\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^\\s])`,
  ].join("|"),
  "g"
);
const KINDS: TokenKind[] = ["url", "email", "hashtag", "mention", "number", "word", "latin", "punct", "symbol"];

const SENTENCE_END = /^(?:\.|[؟?!]+)$/;
const CLOSERS = new Set(["»", "”", "’", ")", "]"]);

export interface Tokenized {
  shadow: Shadow;
  tokens: Token[];
  sentences: Sentence[];
}

/** Tokens and sentences of `input`. Sentences end at . ! ? ؟ (not after an initial such as "د.") and at line breaks. */
export function tokenize(input: string, shadow: Shadow = shadowOf(input)): Tokenized {
  const s = shadow.text;
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let sentence = 0, sentenceFirst = 0, lastEnd = 0, pendingBreak = false, straightQuotes = 0;
  const close = (endToken: number) => {
    if (endToken <= sentenceFirst) return;
    const first = tokens[sentenceFirst]!, last = tokens[endToken - 1]!;
    sentences.push({ start: first.start, end: last.end, firstToken: sentenceFirst, endToken });
    sentenceFirst = endToken;
    sentence++;
  };
  const newlineAt = (from: number) => {
    const i = s.indexOf("\n", from);
    return i < 0 ? s.length : i;
  };
  let nextNewline = -1;
  for (let pos = 0; ; ) {
    let c = s.charCodeAt(pos);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = s.charCodeAt(++pos); // NaN past the end
    // an Arabic word: no other pattern of TOKEN starts with an Arabic letter
    let a = pos, b = pos + 1, kind: TokenKind = "word";
    if (isArabicLetter(c)) while (isArabicLetter(s.charCodeAt(b))) b++;
    else {
      TOKEN.lastIndex = pos;
      const m = TOKEN.exec(s);
      if (!m) break;
      let g = 1;
      while (m[g] === undefined && g < KINDS.length) g++;
      kind = KINDS[g - 1]!;
      a = m.index;
      b = a + matchText(m).length;
    }
    pos = b;
    const word = wordIdAt(s, a, b);
    const text = wordText(word);
    if (nextNewline < lastEnd) nextNewline = newlineAt(lastEnd);
    const lineBreak = nextNewline < a;
    // after a full stop, a closing quote or bracket on the same line stays in the sentence
    // a straight quote closes only when the sentence has an open one
    const closer = kind === "punct" && (CLOSERS.has(text) || (text === '"' && straightQuotes % 2 === 1));
    if (lineBreak || (pendingBreak && !closer)) {
      close(tokens.length);
      pendingBreak = false;
      straightQuotes = 0;
    }
    if (text === '"') straightQuotes++;
    const [start, end] = inputSpan(input, shadow, a, b);
    tokens.push({ start, end, norm: text, word, shadowStart: a, kind, sentence });
    lastEnd = b;
    if (kind === "punct" && SENTENCE_END.test(text)) {
      const prev = tokens[tokens.length - 2];
      const initial = text === "." && prev !== undefined && prev.norm.length === 1 && (prev.kind === "word" || prev.kind === "latin");
      if (!initial) pendingBreak = true;
    }
  }
  close(tokens.length);
  return { shadow, tokens, sentences };
}

/** A match's token text: a URL leaves its trailing punctuation, which the next match reads. */
function matchText(m: RegExpExecArray): string {
  return m[1] === undefined ? m[0] : m[0].replace(/[.,;:!?،؛؟]+$/, "");
}

/**
 * The norms of a phrase's tokens (lexicon aliases, date phrases): what `tokenize` gives, without offsets,
 * word ids or sentences. Loading compiles hundreds of phrases: tokenize's offset maps cost ~20 µs each.
 */
export function tokenNorms(phrase: string): string[] {
  const s = normalize(phrase);
  const norms: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(s); m; m = TOKEN.exec(s)) {
    const text = matchText(m);
    norms.push(text);
    TOKEN.lastIndex = m.index + text.length;
  }
  return norms;
}
