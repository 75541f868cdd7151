import type { MentionCandidate, Sentence, Token } from "../../core/types.js";
import type { CompiledLexicon } from "../../lexicon/compile.js";
import { procliticReadings } from "../../text/clitics.js";
import type { Shadow } from "../../text/normalize.js";
import type { RuleData, RuleSpec } from "./data.js";
import { W } from "./words.js";

export interface RuleContext {
  input: string;
  shadow: Shadow;
  tokens: Token[];
  sentences: Sentence[];
  lexicon: CompiledLexicon;
  /** the lexicon's mentions in the document, when already matched: names the rules step around */
  known?: MentionCandidate[];
}

/** A document as the rules see it: tokens, their word classes, and the compiled rule data. */
export interface Scan extends RuleContext {
  data: RuleData;
  cls: Uint32Array;
  /** for each token, the trigger lists (bits of RuleData.phrases) whose phrases may start there */
  triggers: Uint32Array;
  /** for each token, the end token of a lexicon group or place mention that starts there (0: none) */
  knownEnd: Int32Array;
  /** for each token, the end token of a lexicon person mention that starts there (0: none) */
  knownPersonEnd: Int32Array;
}

/** The token's word without a conjunction in front (والرئيس → الرئيس). */
export const formOf = (s: Scan, i: number): string => {
  const n = s.tokens[i]!.norm;
  return s.cls[i]! & W.CONJUNCTION ? n.slice(1) : n;
};

export const inSentence = (s: Scan, i: number, j: number): boolean => j < s.tokens.length && s.tokens[j]!.sentence === s.tokens[i]!.sentence;

/**
 * A phrase of the trigger list `list` at token i, the first word read with its proclitics (والرئيس، للرئيس،
 * بالرئيس): the index after the phrase and the phrase as written in the list, or null. Words that start no
 * phrase of the list are known from their trigger mask.
 */
export function phraseAt(s: Scan, list: string, i: number): { end: number; head: string } | null {
  const { set, bit } = s.data.phrases.get(list)!;
  if (!(s.triggers[i]! & bit)) return null;
  for (const r of procliticReadings(s.tokens[i]!.norm)) {
    for (const phrase of set.get(r.stem) ?? []) {
      let k = 1;
      while (k < phrase.length && inSentence(s, i, i + k) && s.tokens[i + k]!.norm === phrase[k]) k++;
      if (k === phrase.length) return { end: i + k, head: phrase.join(" ") };
    }
  }
  return null;
}

/** Span and linking key of the name over tokens [from, to), leaving out `skip` clitic letters of the first word. */
export function nameSpan(s: Scan, from: number, to: number, skip: number): Pick<MentionCandidate, "start" | "end" | "tokenStart" | "tokenEnd" | "key"> {
  const first = s.tokens[from]!;
  const words: string[] = [];
  for (let k = from; k < to; k++) words.push(k === from ? first.norm.slice(skip) : s.tokens[k]!.norm);
  return {
    start: skip ? s.shadow.from[first.shadowStart + skip]! : first.start,
    end: s.tokens[to - 1]!.end,
    tokenStart: from,
    tokenEnd: to,
    key: words.join(" "),
  };
}

/** A rule mention over tokens [from, to): starts after a conjunction written on the first word. */
export function ruleMention(s: Scan, rule: RuleSpec, from: number, to: number): MentionCandidate {
  const skip = s.cls[from]! & W.CONJUNCTION ? 1 : 0;
  const { start, end, tokenStart, tokenEnd, key } = nameSpan(s, from, to, skip);
  return { start, end, tokenStart, tokenEnd, key, type: rule.type, kind: "name", origin: "rule", rule: rule.id, confidence: rule.confidence };
}
