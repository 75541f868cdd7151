import type { MentionCandidate } from "../../core/types.js";
import { ruleData, type RuleKind, type RuleSpec } from "./data.js";
import { groupPlaceRules } from "./groups-places.js";
import { personRules } from "./person.js";
import type { RuleContext, Scan } from "./scan.js";
import { wordClasses } from "./words.js";

export type { RuleContext } from "./scan.js";

/** Rule kinds that read the tokens; short-name and repeat run last, on the names every stage found (document.ts). */
const KINDS: Partial<Record<RuleKind, (s: Scan, rule: RuleSpec, out: MentionCandidate[]) => void>> = { ...personRules, ...groupPlaceRules };

/** The document as the rules see it (word classes computed once, shared with the tagger). */
export function scanOf(ctx: RuleContext): Scan {
  const data = ruleData();
  const knownEnd = new Int32Array(ctx.tokens.length);
  const knownPersonEnd = new Int32Array(ctx.tokens.length);
  for (const m of ctx.known ?? []) {
    const ends = m.type === "person" ? knownPersonEnd : knownEnd;
    if (m.tokenEnd > ends[m.tokenStart]!) ends[m.tokenStart] = m.tokenEnd;
  }
  return { ...ctx, data, ...wordClasses(ctx.tokens, ctx.input, data, ctx.lexicon), knownEnd, knownPersonEnd };
}

/**
 * Mentions of names the lexicons do not know, by the rules of lexicons/rules/*.json (titles, first names, head
 * nouns, place cues). Each carries origin "rule", its rule id and the rule's confidence; overlaps are left to
 * the resolver. `only` limits the run to some rule ids (tests run each rule's examples alone).
 */
export function findRuleMentions(ctx: RuleContext | Scan, only?: (id: string) => boolean): MentionCandidate[] {
  const scan = "cls" in ctx ? ctx : scanOf(ctx);
  const out: MentionCandidate[] = [];
  for (const rule of scan.data.rules) if (!only || only(rule.id)) KINDS[rule.kind]?.(scan, rule, out);
  return out.sort((a, b) => a.start - b.start || b.end - a.end || (a.rule! < b.rule! ? -1 : 1));
}
