import type { MentionCandidate } from "../core/types.js";
import { builtinTagger, tagMentions, type TaggerModel } from "./model/tagger.js";
import { confirmAmbiguous, confirmInContext, resolveOverlaps, trimToProposals } from "./resolve.js";
import { findRuleMentions, scanOf, type RuleContext } from "./rules/index.js";
import { phraseAt, type Scan } from "./rules/scan.js";
import { addRepeats, addShortNames } from "./rules/document.js";
import { W } from "./rules/words.js";
import { normalize } from "../text/normalize.js";

const PERSONAL = W.FIRST | W.AMBIGUOUS_FIRST | W.FAMILY | W.NAME_PART;

/** Rules whose mentions are right less than half the time on ANERcorp: the tagger must agree with them. */
export const WEAK_RULE = 0.5;

/**
 * A mention of a weak rule, or a single-word lexicon match that is also an ordinary word, a personal name taken
 * for a group or a place, or a known homograph (homographs.generated.json: سولانا، نوكيا، ليفربول).
 */
export const needsContext =
  (s: Scan) =>
  (c: MentionCandidate): boolean => {
    if (c.origin === "rule") return c.confidence < WEAK_RULE;
    if (c.origin !== "lexicon" || c.tokenEnd - c.tokenStart !== 1 || c.kind !== "name" || c.type === "date" || c.ambiguous) return false; // the document confirmed an ambiguous one
    const f = s.cls[c.tokenStart]!;
    const word = s.input.slice(c.start, c.end);
    return (f & W.COMMON) !== 0 || (c.type !== "person" && (f & PERSONAL) !== 0) || s.data.homographs[c.type].has(normalize(word));
  };

/** A group's head noun that is part of its name (كتائب، حزب، منظمة; not شركة or صحيفة, which stay outside). */
const insideHead = (s: Scan) => (t: number) => {
  const m = phraseAt(s, "heads", t);
  return m !== null && !s.data.groupOutside.has(m.head);
};

/** What the lexicons and the rules say, resolved: the tagger reads it as features (training does the same). */
export const knownNames = (lexiconMentions: MentionCandidate[], ruleMentions: MentionCandidate[]): MentionCandidate[] =>
  resolveOverlaps([...lexiconMentions, ...ruleMentions]);

/**
 * Every name in a document: the lexicon's matches, the rules' mentions and the tagger's proposals (lexicons and
 * rules first, the tagger fills the gaps), then short names linked to the full ones. `others` (dates) take part
 * in the overlap resolution.
 */
export function findNames(ctx: RuleContext, lexiconMentions: MentionCandidate[], others: MentionCandidate[], model: TaggerModel | null = builtinTagger()): MentionCandidate[] {
  const scan = scanOf({ ...ctx, known: lexiconMentions });
  const rules = findRuleMentions(scan);
  let candidates = confirmAmbiguous([...lexiconMentions, ...rules, ...others], ctx.lexicon, (t) => ctx.tokens[t]!.sentence);
  // an ambiguous lexicon alias that the text does not confirm (الصدر) is not a name the tagger may take either
  const confirmed = new Set(candidates.filter((c) => c.ambiguous).map((c) => c.tokenStart));
  const blocked = new Uint8Array(ctx.tokens.length);
  for (const m of lexiconMentions) if (m.ambiguous && !confirmed.has(m.tokenStart)) blocked.fill(1, m.tokenStart, m.tokenEnd);
  // nor does a name begin or end with a function word, a verb or a time word (the rules' stop words)
  const stop = (t: number) => (scan.cls[t]! & W.STOP) !== 0;
  const proposals = tagMentions(scan, knownNames(lexiconMentions, rules), model).filter(
    (p) => !blocked.subarray(p.tokenStart, p.tokenEnd).includes(1) && !stop(p.tokenStart) && !stop(p.tokenEnd - 1)
  );
  candidates = confirmInContext(candidates, needsContext(scan), [...rules.filter((r) => r.confidence >= WEAK_RULE), ...proposals]);
  candidates = resolveOverlaps([...trimToProposals(candidates, proposals, insideHead(scan)), ...proposals]);
  for (const rule of scan.data.rules) {
    if (rule.kind === "repeat") candidates = addRepeats(scan, rule, candidates);
    if (rule.kind === "short-name") candidates = addShortNames(scan, rule, candidates);
  }
  return candidates;
}
