import type { Sentence, Token, TokenKind } from "../core/types.js";
import { inputSpan, shadowOf, type Shadow } from "./normalize.js";

/**
 * Tokens over the normalized shadow, with input offsets. One regex pass: wink-nlp (English model) glues
 * ، ؛ ؟ « » to Arabic words and runs at a third of this speed (see README, "Why not wink-nlp here").
 */
const ARABIC_LETTER = "\\u0621-\\u063A\\u0641-\\u064A\\u066E\\u066F\\u0671-\\u06D3\\u06D5\\u06EE\\u06EF\\u06FA-\\u06FC\\u06FF";
const LATIN_LETTER = "A-Za-z\\u00C0-\\u024F";
const TOKEN = new RegExp(
  [
    `(?<url>(?:https?://|www\\.)[^\\s«»"“”<>()\\[\\]]+)`,
    `(?<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)`,
    `(?<hashtag>#[${ARABIC_LETTER}${LATIN_LETTER}0-9_]+)`,
    `(?<mention>@[A-Za-z0-9_]+)`,
    `(?<number>[0-9]+(?:[.,:/-][0-9]+)*)`,
    `(?<word>[${ARABIC_LETTER}]+)`,
    `(?<latin>[${LATIN_LETTER}]+(?:['’-][${LATIN_LETTER}]+)*)`,
    `(?<punct>\\.{2,}|…|[؟?!]+|[.,،؛;:«»"“”„'‘’()\\[\\]{}<>\\-–—/\\\\*|])`,
    `(?<symbol>[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^\\s])`,
  ].join("|"),
  "g"
);
const KINDS: TokenKind[] = ["url", "email", "hashtag", "mention", "number", "word", "latin", "punct", "symbol"];

const SENTENCE_END = /^(?:[.!?؟]+|[؟?!]+)$/;
const CLOSERS = new Set(["»", '"', "”", "’", "'", ")", "]"]);

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
  let sentence = 0, sentenceFirst = 0, lastEnd = 0, pendingBreak = false;
  const close = (endToken: number) => {
    if (endToken <= sentenceFirst) return;
    const first = tokens[sentenceFirst]!, last = tokens[endToken - 1]!;
    sentences.push({ start: first.start, end: last.end, firstToken: sentenceFirst, endToken });
    sentenceFirst = endToken;
    sentence++;
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(s); m; m = TOKEN.exec(s)) {
    let text = m[0];
    const groups = m.groups!;
    const kind = KINDS.find((k) => groups[k] !== undefined) ?? "symbol";
    if (kind === "url") {
      text = text.replace(/[.,;:!?،؛؟]+$/, "");
      TOKEN.lastIndex = m.index + text.length;
    }
    const a = m.index, b = a + text.length;
    const lineBreak = s.slice(lastEnd, a).includes("\n");
    // after a full stop, a closing quote or bracket on the same line stays in the sentence
    if (lineBreak || (pendingBreak && !(kind === "punct" && CLOSERS.has(text)))) {
      close(tokens.length);
      pendingBreak = false;
    }
    const [start, end] = inputSpan(input, shadow, a, b);
    tokens.push({ start, end, norm: text, shadowStart: a, kind, sentence });
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
