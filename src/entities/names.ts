import type { MentionCandidate } from "../core/types.js";
import { builtinTagger, tagMentions, type TaggerModel } from "./model/tagger.js";
import { confirmAmbiguous, confirmInContext, lexiconInTaggerContext, placesAsGroups, resolveOverlaps, trimToProposals } from "./resolve.js";
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
    if (c.origin !== "lexicon" || c.tokenEnd - c.tokenStart !== 1 || c.kind !== "name" || c.type === "date") return false;
    const f = s.cls[c.tokenStart]!;
    // the document confirmed an ambiguous alias; one that is also an ordinary word (شكر، سلام) needs the tagger too
    if (c.ambiguous) return (f & W.COMMON) !== 0;
    const word = s.input.slice(c.start, c.end);
    return (f & W.COMMON) !== 0 || (c.type !== "person" && (f & PERSONAL) !== 0) || s.data.homographs[c.type].has(normalize(word));
  };

/** Rules that run last and repeat names found elsewhere in the document. */
const REPEATING = new Set(["person.repeat", "person.short-name"]);
const UNSURE_WORD = W.COMMON | W.DEFINITE | W.AMBIGUOUS_FIRST;

/** A one-word mention of a repeating rule whose word may be no name at all. */
const repeatNeedsContext =
  (s: Scan) =>
  (c: MentionCandidate): boolean =>
    c.origin === "rule" && REPEATING.has(c.rule!) && c.tokenEnd - c.tokenStart === 1 && (s.cls[c.tokenStart]! & UNSURE_WORD) !== 0;

/**
 * A one-word person of a rule that runs before the tagger (after a title or an office: الشيخ ساكنا، الشيخ المغفور): a
 * single word is a person's name only where the tagger names a person there too.
 */
const oneWordRulePerson = (c: MentionCandidate): boolean => c.origin === "rule" && c.type === "person" && c.tokenEnd - c.tokenStart === 1;

/**
 * A multi-word lexicon name that ANERcorp often leaves untagged: a place (الجنوب اللبناني، بلاد الرافدين) or a
 * group of the `confirmedSubtypes` (lexicons/rules/group.json: البيت الأبيض، الجمعية العامة), unless it is a
 * formal name, which begins with a group's head noun (وزارة الخارجية العراقية: a speaker the claims need).
 */
const unsureLexiconName = (s: Scan) => (c: MentionCandidate): boolean =>
  c.tokenEnd - c.tokenStart > 1 &&
  (c.type === "place" || (c.type === "group" && s.data.confirmedSubtypes.has(subtypeOf(s, c.entryId)) && !phraseAt(s, "heads", c.tokenStart)));

/** The lexicon subtype of an entry ("" when none). */
const subtypeOf = (s: Scan, id: string | undefined): string => (id ? s.lexicon.entries.get(id)?.subtype ?? "" : "");

/** The group head noun at token t: where it ends, and whether it stays outside the name (شركة، صحيفة، حركة). */
function groupHeadAt(s: Scan, t: number): { end: number; outside: boolean } | null {
  const m = phraseAt(s, "heads", t);
  return m && { end: m.end, outside: s.data.groupOutside.has(m.head) };
}

/** A group's head noun that is part of its name (كتائب، حزب، منظمة; not شركة or صحيفة, which stay outside). */
const insideHead = (s: Scan) => (t: number) => groupHeadAt(s, t)?.outside === false;

const OPENING_QUOTES = new Set(["«", '"', "“"]);
const CLOSING_QUOTES = new Set(["»", '"', "”"]);

/**
 * What lexicon matches mean in their context (lexicons/rules/group.json): a state's institution
 * (`institutionSubtypes`: armies, ministries …) named only by ordinary words and gentilics (الجيش الإسرائيلي،
 * الخارجية الروسية) is a description of the institution, not a name: it stays a mention of its entity, of kind
 * descriptor. A formal name, which begins with a group's head noun (وزارة الخارجية العراقية), stays a name unless
 * `formalNames` is false (what the tagger reads: ANERcorp leaves formal names of institutions untagged too). A
 * name that may be a publication or a channel (`titleSubtypes`) and stands alone between quotation marks is that
 * title (لـ «الشرق الأوسط»: the newspaper, not the region).
 */
export function lexiconInContext(s: Scan, lexiconMentions: MentionCandidate[], formalNames = true): MentionCandidate[] {
  const { institutionSubtypes: institutions, titleSubtypes: titles } = s.data;
  return lexiconMentions.map((c) => {
    if (c.kind !== "name" || c.type === "date") return c;
    if (c.alternatives && c.tokenStart > 0 && c.tokenEnd < s.tokens.length && OPENING_QUOTES.has(s.tokens[c.tokenStart - 1]!.norm) && CLOSING_QUOTES.has(s.tokens[c.tokenEnd]!.norm)) {
      const title = c.alternatives.find((id) => titles.has(subtypeOf(s, id)) && s.lexicon.entries.get(id)!.type === "group");
      if (title) {
        const { alternatives: _alternatives, ambiguous: _ambiguous, ...rest } = c;
        return { ...rest, type: "group", entryId: title };
      }
    }
    if (c.type !== "group" || c.tokenEnd - c.tokenStart < 2 || !institutions.has(subtypeOf(s, c.entryId)) || (formalNames && phraseAt(s, "heads", c.tokenStart))) return c;
    for (let t = c.tokenStart; t < c.tokenEnd; t++) if (!(s.cls[t]! & (W.COMMON | W.GENTILIC))) return c;
    return { ...c, kind: "descriptor" };
  });
}

/**
 * A lexicon group named with a head noun that stays outside names (group.json's `outside`: النادي الأهلي، حركة
 * حماس، شركة أرامكو) is the name after the head, as the head-noun rule writes it; the mention keeps its entry.
 * Not part of lexiconInContext: the tagger was trained on the lexicon's spans as matched.
 */
function withoutOutsideHead(s: Scan, c: MentionCandidate): MentionCandidate {
  if (c.type !== "group" || c.kind !== "name" || c.origin !== "lexicon") return c;
  const head = groupHeadAt(s, c.tokenStart);
  if (!head?.outside || head.end >= c.tokenEnd) return c;
  return { ...c, start: s.tokens[head.end]!.start, tokenStart: head.end };
}

/** The lexicon's matches as names in their context (lexiconInContext, withoutOutsideHead). */
const lexiconNamesIn = (scan: Scan, found: MentionCandidate[]): MentionCandidate[] => lexiconInContext(scan, found).map((c) => withoutOutsideHead(scan, c));

/** What the lexicons and the rules say, resolved: the tagger reads it as features (training does the same). */
export const knownNames = (lexiconMentions: MentionCandidate[], ruleMentions: MentionCandidate[]): MentionCandidate[] =>
  resolveOverlaps([...lexiconMentions, ...ruleMentions]);

/**
 * Every name in a document: the lexicon's matches, the rules' mentions and the tagger's proposals (lexicons and
 * rules first, the tagger fills the gaps), then short names linked to the full ones. `found` are the lexicon's
 * matches; `others` (dates) take part in the overlap resolution.
 */
export function findNames(ctx: RuleContext, found: MentionCandidate[], others: MentionCandidate[], model: TaggerModel | null = builtinTagger()): MentionCandidate[] {
  const scan = scanOf({ ...ctx, known: found });
  const lexiconMentions = lexiconNamesIn(scan, found);
  const rules = findRuleMentions(scan);
  let candidates = confirmAmbiguous([...lexiconMentions, ...rules, ...others], ctx.lexicon, (t) => ctx.tokens[t]!.sentence);
  // an ambiguous lexicon alias that the text does not confirm (الصدر) is not a name the tagger may take either
  // (a longer name that holds it is another name: سعد بن أبي وقاص)
  const confirmed = new Set(candidates.filter((c) => c.ambiguous).map((c) => c.tokenStart));
  const blocked = new Uint8Array(ctx.tokens.length);
  for (const m of lexiconMentions) if (m.ambiguous && !confirmed.has(m.tokenStart)) blocked.fill(1, m.tokenStart, m.tokenEnd);
  // nor does a name begin or end with a function word, a verb or a time word (the rules' stop words)
  const stop = (t: number) => (scan.cls[t]! & W.STOP) !== 0;
  const proposals = tagMentions(scan, knownNames(lexiconInContext(scan, found, false), rules), model).filter(
    (p) => !blocked.subarray(p.tokenStart, p.tokenEnd).every((b) => b === 1) && !stop(p.tokenStart) && !stop(p.tokenEnd - 1)
  );
  candidates = confirmInContext(candidates, needsContext(scan), [...rules.filter((r) => r.confidence >= WEAK_RULE), ...proposals]);
  if (model) candidates = confirmInContext(candidates, oneWordRulePerson, proposals); // without a tagger, nothing to ask
  candidates = placesAsGroups(candidates, proposals);
  if (model) candidates = lexiconInTaggerContext(candidates, proposals, unsureLexiconName(scan));
  candidates = resolveOverlaps([...trimToProposals(candidates, proposals, insideHead(scan)), ...proposals]);
  for (const rule of scan.data.rules) {
    if (rule.kind === "repeat") candidates = addRepeats(scan, rule, candidates);
    if (rule.kind === "short-name") candidates = addShortNames(scan, rule, candidates);
  }
  // a one-word repeat or short name that is also an ordinary word, a definite word or an ambiguous first name
  // (الله، الوحيد، العمر، أمين) is a person's name only where the tagger names a person too
  return confirmInContext(candidates, repeatNeedsContext(scan), proposals);
}

/**
 * Names from the lexicons alone (`names: "lexicon"`): no rules and no tagger, for runs that need speed over recall.
 * An ambiguous alias still needs the text to confirm it, and a one-word alias that is an ordinary word (what the
 * tagger would have to confirm) is left out.
 */
export function lexiconNames(ctx: RuleContext, found: MentionCandidate[], others: MentionCandidate[]): MentionCandidate[] {
  const scan = scanOf({ ...ctx, known: found });
  const lexiconMentions = lexiconNamesIn(scan, found);
  return resolveOverlaps(confirmInContext(confirmAmbiguous([...lexiconMentions, ...others], ctx.lexicon, (t) => ctx.tokens[t]!.sentence), needsContext(scan), []));
}
