import type { MentionCandidate, Sentence, Token } from "../core/types.js";
import type { CompiledLexicon } from "../lexicon/compile.js";
import type { Shadow } from "../text/normalize.js";

export interface RuleContext {
  input: string;
  shadow: Shadow;
  tokens: Token[];
  sentences: Sentence[];
  lexicon: CompiledLexicon;
}

/** Mentions of names the lexicons do not know (titles, first names, head nouns, place cues). Issue 5. */
export function findRuleMentions(_ctx: RuleContext): MentionCandidate[] {
  return [];
}
